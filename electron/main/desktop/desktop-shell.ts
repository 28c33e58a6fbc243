import type * as Electron from 'electron'
import { msg } from '@shared/i18n/message'
import type { Note } from '../core/note'
import type { SettingsState } from '@shared/schemas/settings'
import type { AppServices } from '../app/app-services'
import type { Logger } from '../core/logger'
import type { WindowLook } from '../windows/window-factory'
import type { ClipboardReader } from './clipboard-text'
import { readDialText } from './clipboard-text'
import { dialFailureNote } from './dial-failure'
import { createDesktopWindows } from './desktop-windows'
import { createDialShortcut } from './dial-shortcut'
import type { LoginItemHost } from './login-item'
import { applyStartAtLogin } from './login-item'
import type { LinkClaims, RegistryQuery } from './tel-links'
import { claimLinkSchemes, linkFromArgv } from './tel-links'
import type { TrayAction } from './tray'
import { createTrayIcon } from './tray'

const TRAY_REFRESH_MS = 250

export type DesktopModules = Pick<
  typeof Electron,
  'Tray' | 'Menu' | 'nativeImage' | 'nativeTheme' | 'globalShortcut' | 'screen'
> & { clipboard: ClipboardReader }

/**
 * Everything that reaches Callboard from outside its window: the tray icon and its menu, the
 * global dial shortcut, tel:/callto: links (at start and through a second instance), and the
 * small confirm and quick-callback windows. Thin: each decision lives in a plain module.
 */
export function startDesktopShell(deps: {
  electron: DesktopModules
  app: Pick<Electron.App, 'setAsDefaultProtocolClient' | 'quit' | 'on'>
  platform: NodeJS.Platform
  /** How Windows' registry is read (tests give their own). */
  registryQuery?: RegistryQuery
  services: AppServices
  logger: Logger
  iconsDir: string
  entryUrl: string
  createWindow: (look: WindowLook) => Electron.BrowserWindow
  notify: (note: Note) => void
  showMainWindow: () => void
  /** The command line this process started with (a tel: link may be on it). */
  argv: readonly string[]
  /** How to start at sign-in; null in a development build (it would start a bare Electron). */
  loginItem: LoginItemHost | null
}) {
  const { services, electron, logger } = deps
  const settings = () => services.settings.get().settings

  // Unknown until the OS answers (on Windows, a registry read): reported as not handled till then.
  let links: LinkClaims = { tel: false, callto: false }

  let tray: ReturnType<typeof createTrayIcon> | null = null
  const windows = createDesktopWindows({
    createWindow: deps.createWindow,
    entryUrl: deps.entryUrl,
    screen: electron.screen,
    trayBounds: () => tray?.bounds() ?? null,
  })

  const dialFrom = (text: string, origin: 'clipboard' | 'selection' | 'link') =>
    services.desk.fromText(text, origin).catch((error: unknown) => {
      logger.error('dial request failed', { error: String(error) })
      deps.notify(dialFailureNote(error))
    })

  const shortcut = createDialShortcut({
    globalShortcut: electron.globalShortcut,
    logger: logger.child('shortcut'),
    notify: deps.notify,
    onPress: () => {
      readDialText(electron.clipboard, { platform: deps.platform, fromSelection: settings().dialFromSelection }).then(
        ({ text, origin }) => dialFrom(text, origin),
        (error: unknown) => logger.error('clipboard could not be read', { error: String(error) }),
      )
    },
  })

  const onTrayAction = (action: TrayAction) => {
    if (action === 'quickEntry') {
      // The main window, with the keyboard on its quick entry (the window acts on the event).
      deps.showMainWindow()
      services.events.emit('desktop:quickEntry', {})
    } else if (action === 'quickCallback') windows.showQuickCallback()
    else if (action === 'open') deps.showMainWindow()
    else if (action === 'pause') services.outbox?.pause()
    else if (action === 'resume') void services.outbox?.resume()
    else deps.app.quit()
    if (action === 'pause' || action === 'resume') refreshTray()
  }
  try {
    tray = createTrayIcon({
      Tray: electron.Tray,
      Menu: electron.Menu,
      nativeImage: electron.nativeImage,
      nativeTheme: electron.nativeTheme,
      iconsDir: deps.iconsDir,
      language: () => settings().uiLanguage,
      onAction: onTrayAction,
    })
  } catch (error) {
    // Some Linux desktops have no tray; the app works without it (close-to-tray is then off).
    logger.warn('no tray icon', { error: String(error) })
  }

  function refreshTray(): void {
    const outbox = services.outbox
    if (!tray || !outbox) return
    tray.update(outbox.counts(), outbox.lanes(), outbox.isPaused(), outbox.storageProblem() !== null)
  }
  // The queue reports every state change of every task (thousands in a flush); the icon and its
  // native menu are rebuilt at most every TRAY_REFRESH_MS, with the figures as they are by then.
  let trayTimer: ReturnType<typeof setTimeout> | null = null
  const refreshTraySoon = () => {
    trayTimer ??= setTimeout(() => {
      trayTimer = null
      refreshTray()
    }, TRAY_REFRESH_MS)
  }

  // Start at sign-in follows the setting, at every start too: the entry then names where the
  // app is now (an AppImage moved, an update installed elsewhere).
  let startAtLogin = settings().startAtLogin
  const applyLogin = (on: boolean) => {
    if (!deps.loginItem) return void logger.info('start at login: not in a development build', { on })
    void applyStartAtLogin(deps.loginItem, on).then((problem) => {
      if (problem === null) return logger.info('start at login', { on })
      logger.warn('start at login failed', { on, problem })
      deps.notify({ title: msg('notice.startAtSignIn'), body: problem })
    })
  }
  applyLogin(startAtLogin)

  let status = shortcut.apply(settings().dialShortcut)
  const report = () => services.setDesktopStatus({ available: true, shortcut: status, tray: tray !== null, links })
  report()
  refreshTray()
  void claimLinkSchemes(deps.app, deps.platform, deps.registryQuery).then((claims) => {
    links = claims
    logger.info('link handlers', links)
    report()
  })

  const unsubscribe = services.events.subscribe((channel, payload) => {
    if (channel === 'queue:changed' || channel === 'queue:stopped') refreshTraySoon()
    else if (channel === 'dial:requested') windows.showConfirm()
    else if (channel === 'settings:changed') {
      const changed = (payload as SettingsState).settings
      tray?.relabel()
      if (changed.startAtLogin !== startAtLogin) applyLogin((startAtLogin = changed.startAtLogin))
      const next = changed.dialShortcut
      if (next !== status.accelerator) {
        status = shortcut.apply(next)
        report()
      }
    }
  })

  // A link the app was started with, and links handed over by later starts or by macOS.
  const startLink = linkFromArgv(deps.argv)
  if (startLink) void dialFrom(startLink, 'link')

  return {
    /** A second start of the app: its link is dialled here; without one, the window comes up. */
    secondInstance(argv: readonly string[]): void {
      const link = linkFromArgv(argv)
      if (link) void dialFrom(link, 'link')
      else deps.showMainWindow()
    },
    openUrl(url: string): void {
      const link = linkFromArgv([url])
      if (link) void dialFrom(link, 'link')
    },
    /** Whether closing the main window should keep the app in the tray. */
    keepsRunningWhenClosed: () => tray !== null && settings().closeToTray,
    /** Whether there is a tray icon to start in (without one, the window must open). */
    hasTray: () => tray !== null,
    dispose(): void {
      if (trayTimer) clearTimeout(trayTimer)
      unsubscribe()
      shortcut.dispose()
      tray?.destroy()
    },
  }
}

export type DesktopShell = ReturnType<typeof startDesktopShell>
