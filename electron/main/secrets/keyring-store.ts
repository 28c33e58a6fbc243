import { randomBytes, randomUUID } from 'node:crypto'
import type { KeychainCause, KeychainHealth } from '@shared/schemas/keychain'
import type { Clock } from '../core/clock'
import type { SecretStore } from './secret-store'
import { KeychainError } from './secret-store'

/** The subset of @napi-rs/keyring this adapter uses; injected so the adapter is testable anywhere. */
export interface KeyringBinding {
  AsyncEntry: new (
    service: string,
    account: string,
    options?: { linux?: { store?: 'secret-service' | 'keyutils' } },
  ) => {
    getPassword(signal?: AbortSignal): Promise<string | null>
    setPassword(password: string, signal?: AbortSignal): Promise<void>
    deleteCredential(signal?: AbortSignal): Promise<boolean>
  }
  findCredentialsAsync(
    service: string,
    target?: string | null,
    signal?: AbortSignal,
  ): Promise<{ account: string; password: string }[]>
}

export interface KeyringStoreOptions {
  binding: KeyringBinding
  /** Service name every entry is filed under, e.g. `Callboard`. */
  service: string
  clock: Clock
  platform?: NodeJS.Platform
  /** A locked keyring may wait on an unlock prompt forever; give up after this long. */
  timeoutMs?: number
}

/**
 * Every health probe writes its own canary (this prefix and a random id): with one fixed name, two
 * probes at once (two windows, two processes) overwrote each other's entry and both read back
 * "something else", reporting a healthy keychain as unavailable.
 */
const HEALTH_CANARY_PREFIX = 'callboard.health-canary'
const newCanaryAccount = () => `${HEALTH_CANARY_PREFIX}.${randomUUID()}`
/** A probe's canary (also the fixed name older versions used), never a credential. */
export const isHealthCanary = (account: string) => account.startsWith(HEALTH_CANARY_PREFIX)

/**
 * Pinned to the Secret Service on Linux: the binding's default silently falls back to the kernel
 * keyring, where secrets vanish at logout. Elsewhere the platform store is the only one.
 */
const ENTRY_OPTIONS = { linux: { store: 'secret-service' as const } }

/** Map the binding's error text to a state and cause (strings observed with gnome-keyring 42–46). */
export function classifyKeyringError(error: unknown): KeychainError {
  if (error instanceof KeychainError) return error
  const message = error instanceof Error ? error.message : String(error)
  const rules: [RegExp, 'locked' | 'unavailable', KeychainCause][] = [
    [
      /DBUS_SESSION_BUS_ADDRESS|autolaunch|Failed to connect to (socket|address)|No such file or directory/i,
      'unavailable',
      'no_session_bus',
    ],
    [
      /org\.freedesktop\.secrets was not provided|ServiceUnknown|not provided by any \.service files/i,
      'unavailable',
      'no_secret_service',
    ],
    [/prompt was dismissed|locked collection|is locked|unlock/i, 'locked', 'locked'],
    [/no result found|Object does not exist at path|collection\/login/i, 'locked', 'no_default_collection'],
  ]
  for (const [pattern, state, cause] of rules) {
    if (pattern.test(message)) return new KeychainError(state, cause, message)
  }
  return new KeychainError('unavailable', 'error', message)
}

export function createKeyringStore(options: KeyringStoreOptions): SecretStore {
  const { binding, service, clock } = options
  const timeoutMs = options.timeoutMs ?? 5000
  const platform = options.platform ?? process.platform
  const backend =
    platform === 'darwin' ? 'macos-keychain' : platform === 'win32' ? 'windows-credential-manager' : 'secret-service'

  /** Runs one keychain operation with a deadline; every failure becomes a KeychainError. */
  async function run<T>(what: string, op: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController()
    let timer: NodeJS.Timeout | undefined
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort()
        reject(
          new KeychainError(
            'locked',
            'timeout',
            `The keychain did not answer within ${timeoutMs / 1000} s (${what}); it may be waiting for an unlock prompt.`,
          ),
        )
      }, timeoutMs)
    })
    try {
      // The constructor itself throws synchronously when there is no bus: keep it inside `op`.
      return await Promise.race([Promise.resolve().then(() => op(controller.signal)), deadline])
    } catch (error) {
      throw classifyKeyringError(error)
    } finally {
      clearTimeout(timer)
    }
  }

  const entry = (account: string) => new binding.AsyncEntry(service, account, ENTRY_OPTIONS)
  const checkedAt = () => clock.now().toISOString()

  /** Write, read back and delete a canary of this probe's own. */
  async function probe(): Promise<KeychainHealth> {
    const account = newCanaryAccount()
    const canary = randomBytes(16).toString('hex')
    let written = false
    try {
      await store.set(account, canary)
      written = true
      const readBack = await store.get(account)
      await store.delete(account)
      written = false
      if (readBack !== canary) {
        return {
          state: 'unavailable',
          // A cause of its own, worded by the window: the keychain said nothing, so there is no detail.
          cause: 'read_back_mismatch',
          backend,
          detail: '',
          checkedAt: checkedAt(),
        }
      }
      return { state: 'available', cause: 'ok', backend, detail: 'Read and write work.', checkedAt: checkedAt() }
    } catch (error) {
      const failure = classifyKeyringError(error)
      return {
        state: failure.state,
        cause: failure.reason,
        backend,
        detail: failure.message.slice(0, 2000),
        checkedAt: checkedAt(),
      }
    } finally {
      // Canaries with unique names must not pile up: one left by a probe that failed half-way is
      // removed in the background (not awaited: a keychain that stopped answering would hold the
      // answer for another time limit).
      if (written) void store.delete(account).catch(() => undefined)
    }
  }
  let probing: Promise<KeychainHealth> | null = null

  const store: SecretStore = {
    get: (account) => run('read', (signal) => entry(account).getPassword(signal)),
    set: (account, value) => run('write', (signal) => entry(account).setPassword(value, signal)),
    delete: (account) => run('delete', (signal) => entry(account).deleteCredential(signal)),
    async list() {
      // Search only once the store is known to work: a search cannot tell "none" from "locked".
      const health = await store.health()
      if (health.state !== 'available') throw new KeychainError(health.state, health.cause, health.detail)
      const found = await run('search', (signal) => binding.findCredentialsAsync(service, null, signal))
      return found.filter((c) => !isHealthCanary(c.account)).map((c) => ({ account: c.account, value: c.password }))
    },
    health() {
      // Single flight: callers who ask while a probe runs share its answer, so a page that asks
      // once per profile costs one probe, and probes of one process never overlap.
      probing ??= probe().finally(() => {
        probing = null
      })
      return probing
    },
  }
  return store
}
