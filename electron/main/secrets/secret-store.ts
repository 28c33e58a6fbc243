import type { KeychainCause, KeychainHealth, KeychainState } from '@shared/schemas/keychain'

/** A keychain failure that callers can act on: which state it means, and why. */
export class KeychainError extends Error {
  constructor(
    readonly state: Exclude<KeychainState, 'available'>,
    /** Not `cause`: that name belongs to Error's own chaining. */
    readonly reason: KeychainCause,
    message: string,
  ) {
    super(message)
    this.name = 'KeychainError'
  }
}

/**
 * The OS keychain, seen by the rest of main. Values are opaque strings; `account` names one entry
 * under the app's service name. Every method rejects with a KeychainError when the keychain is
 * locked or unavailable, never with a silent empty answer.
 */
export interface SecretStore {
  get(account: string): Promise<string | null>
  set(account: string, value: string): Promise<void>
  delete(account: string): Promise<boolean>
  /** Every entry under the app's service name. */
  list(): Promise<{ account: string; value: string }[]>
  /**
   * Write, read back and delete a canary entry: the only reliable way to know the keychain works.
   * Callers who ask while a probe is running share its answer.
   */
  health(): Promise<KeychainHealth>
}
