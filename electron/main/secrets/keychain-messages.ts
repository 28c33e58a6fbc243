import { msg, type Message } from '@shared/i18n/message'
import type { KeychainHealth } from '@shared/schemas/keychain'

/** What is wrong with the keychain and how to fix it (logs and error envelopes), as a message. */
export function describeKeychainProblem(health: KeychainHealth): Message {
  return health.cause === 'error'
    ? msg('keychainProblem.error', { detail: health.detail })
    : msg(`keychainProblem.${health.cause}`)
}
