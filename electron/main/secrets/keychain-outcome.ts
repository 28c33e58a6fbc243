import type { SendOutcome } from '@shared/schemas/send-outcome'
import { msg } from '@shared/i18n/message'
import type { KeychainError } from './secret-store'

const KEYS = {
  credentials: { locked: 'sendOutcome.keychain.locked', unavailable: 'sendOutcome.keychain.unavailable' },
  token: { locked: 'sendOutcome.keychain.tokenLocked', unavailable: 'sendOutcome.keychain.tokenUnavailable' },
} as const

/**
 * The outcome of a send that stopped because this computer's keychain could not be read or
 * written: `needed` says what was needed (the credentials or an access token) of `profile` (a
 * profile's label, or the provider's name).
 */
export function keychainOutcome(
  state: KeychainError['state'],
  needed: keyof typeof KEYS,
  profile: string,
): SendOutcome {
  return { kind: 'keychain_unavailable', keychain: state, message: msg(KEYS[needed][state], { profile }) }
}
