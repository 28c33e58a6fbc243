import type { SendOutcome } from '@shared/schemas/send-outcome'
import type { KeychainError } from './secret-store'

/**
 * The outcome of a send that stopped because this computer's keychain could not be read or
 * written: `what` names what was needed, e.g. "the credentials for Webex US".
 */
export function keychainOutcome(state: KeychainError['state'], what: string): SendOutcome {
  return {
    kind: 'keychain_unavailable',
    keychain: state,
    message: `The keychain is ${state}, so ${what} cannot be read; nothing was sent. The task goes as soon as the keychain works again.`,
  }
}
