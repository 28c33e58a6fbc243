import type { KeychainHealth } from '@shared/schemas/keychain'

/** Plain words for what is wrong with the keychain and how to fix it (logs and error envelopes). */
export function describeKeychainProblem(health: KeychainHealth): string {
  switch (health.cause) {
    case 'ok':
      return 'The keychain works.'
    case 'no_session_bus':
      return 'The OS keychain cannot be reached: this session has no D-Bus session bus. Start Callboard from your desktop session.'
    case 'no_secret_service':
      return 'No keychain service is running. Install and start a Secret Service provider such as GNOME Keyring or KWallet, then test the keychain again.'
    case 'locked':
      return 'Your keychain is locked. Unlock it (log in again, or open Passwords and Keys), then test the keychain again.'
    case 'no_default_collection':
      return 'Your keychain has no unlocked login keyring. Create or unlock the "Login" keyring in Passwords and Keys, then test the keychain again.'
    case 'timeout':
      return 'The keychain did not answer within 5 seconds; an unlock prompt may be waiting behind another window.'
    case 'error':
      return `The keychain reported an error: ${health.detail}`
  }
}
