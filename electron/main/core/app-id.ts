/**
 * Callboard's application id: electron-builder's `appId` (scripts/validate-builder-config.ts holds
 * electron-builder.yml to it), the Windows AppUserModelId the installer gives the Start-menu
 * shortcut (notifications from another id show no app name and lose their clicks), and the macOS
 * bundle id administrators target with managed preferences.
 */
export const APP_ID = 'io.callboard.desktop'
