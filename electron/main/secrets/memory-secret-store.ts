import type { KeychainCause, KeychainState } from '@shared/schemas/keychain'
import type { SecretStore } from './secret-store'
import { KeychainError } from './secret-store'

/**
 * A SecretStore held in memory: the sandbox keeps its throwaway tokens here, and tests that are not
 * about the keychain use it. Its state can be switched to
 * locked or unavailable to see how callers behave; it refuses every call then, as the real one does.
 */
export function memorySecretStore(initial: Record<string, string> = {}) {
  const entries = new Map(Object.entries(initial))
  let state: KeychainState = 'available'
  let cause: KeychainCause = 'ok'
  const guard = () => {
    if (state !== 'available') throw new KeychainError(state, cause, `test keychain is ${state}`)
  }
  const store: SecretStore & {
    entries: Map<string, string>
    setState(next: KeychainState, why?: KeychainCause): void
  } = {
    entries,
    setState(next, why = next === 'available' ? 'ok' : next === 'locked' ? 'locked' : 'no_secret_service') {
      state = next
      cause = why
    },
    async get(account) {
      guard()
      return entries.get(account) ?? null
    },
    async set(account, value) {
      guard()
      entries.set(account, value)
    },
    async delete(account) {
      guard()
      return entries.delete(account)
    },
    async list() {
      guard()
      return [...entries].map(([account, value]) => ({ account, value }))
    },
    async health() {
      return {
        state,
        cause,
        backend: 'secret-service',
        detail: state === 'available' ? 'Read and write work.' : `test keychain is ${state}`,
        checkedAt: new Date().toISOString(),
      }
    },
  }
  return store
}
