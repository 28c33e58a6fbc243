import { describe, expect, it } from 'vitest'
import type { KeyringBinding } from '../../../electron/main/secrets/keyring-store'
import { classifyKeyringError, createKeyringStore } from '../../../electron/main/secrets/keyring-store'
import { systemClock } from '../../../electron/main/core/clock'

describe('keyring error classification', () => {
  it.each([
    [
      'Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead',
      'unavailable',
      'no_session_bus',
    ],
    [
      'Platform failure: DBus error: Failed to connect to socket /nonexistent/bus: No such file or directory',
      'unavailable',
      'no_session_bus',
    ],
    [
      'Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files',
      'unavailable',
      'no_secret_service',
    ],
    ['zbus error: org.freedesktop.DBus.Error.ServiceUnknown: …', 'unavailable', 'no_secret_service'],
    ["Couldn't access platform storage: Secret Service: unlock prompt was dismissed", 'locked', 'locked'],
    ['Cannot create an item in a locked collection', 'locked', 'locked'],
    ["Couldn't access platform storage: Secret Service: no result found", 'locked', 'no_default_collection'],
    ['Object does not exist at path "/org/freedesktop/secrets/collection/login"', 'locked', 'no_default_collection'],
    ['something nobody has seen before', 'unavailable', 'error'],
  ])('%s', (message, state, cause) => {
    expect(classifyKeyringError(new Error(message))).toMatchObject({ state, reason: cause, message })
  })
})

describe('keyring adapter without a keychain', () => {
  const never = new Promise<never>(() => undefined)

  it('gives up on a keychain that never answers (an unseen unlock prompt) and aborts the call', async () => {
    let aborted = false
    const hanging: KeyringBinding = {
      AsyncEntry: class {
        setPassword(_p: string, signal?: AbortSignal) {
          signal?.addEventListener('abort', () => (aborted = true))
          return never
        }
        getPassword = () => never
        deleteCredential = () => never
      },
      findCredentialsAsync: () => never,
    }
    const store = createKeyringStore({ binding: hanging, service: 'x', clock: systemClock, timeoutMs: 150 })
    const started = Date.now()
    await expect(store.health()).resolves.toMatchObject({ state: 'locked', cause: 'timeout' })
    expect(Date.now() - started).toBeLessThan(1000)
    expect(aborted).toBe(true)
  })

  it('catches a constructor that throws synchronously', async () => {
    const throwing: KeyringBinding = {
      AsyncEntry: class {
        constructor() {
          throw new Error('Platform failure: DBus error: Failed to connect to socket /x: No such file or directory')
        }
      } as never,
      findCredentialsAsync: async () => [],
    }
    const store = createKeyringStore({ binding: throwing, service: 'x', clock: systemClock })
    await expect(store.get('a')).rejects.toMatchObject({
      name: 'KeychainError',
      state: 'unavailable',
      reason: 'no_session_bus',
    })
    await expect(store.health()).resolves.toMatchObject({ state: 'unavailable', cause: 'no_session_bus' })
    await expect(store.list()).rejects.toMatchObject({ reason: 'no_session_bus' })
  })

  it('detects a store that reads back something else', async () => {
    const liar: KeyringBinding = {
      AsyncEntry: class {
        setPassword = async () => undefined
        getPassword = async () => 'not what was written'
        deleteCredential = async () => true
      },
      findCredentialsAsync: async () => [],
    }
    const store = createKeyringStore({ binding: liar, service: 'x', clock: systemClock })
    // Its own cause, worded by the window in the agent's language: no English detail of Callboard's.
    await expect(store.health()).resolves.toMatchObject({
      state: 'unavailable',
      cause: 'read_back_mismatch',
      detail: '',
    })
  })
})

describe('keyring adapter health probes', () => {
  /** One keyring shared by every store made from this binding, as the OS keychain is. */
  function sharedKeyring() {
    const entries = new Map<string, string>()
    const written: string[] = []
    const binding: KeyringBinding = {
      AsyncEntry: class {
        constructor(
          readonly service: string,
          readonly account: string,
        ) {}
        setPassword = async (password: string) => {
          written.push(this.account)
          entries.set(this.account, password)
        }
        getPassword = async () => entries.get(this.account) ?? null
        deleteCredential = async () => entries.delete(this.account)
      },
      findCredentialsAsync: async () => [...entries].map(([account, password]) => ({ account, password })),
    }
    return { binding, entries, written }
  }

  it('concurrent callers share one probe in flight; none reads another probe’s canary (M3)', async () => {
    const keyring = sharedKeyring()
    const store = createKeyringStore({ binding: keyring.binding, service: 'x', clock: systemClock })
    const answers = await Promise.all(Array.from({ length: 150 }, () => store.health()))
    expect(answers.filter((a) => a.state !== 'available')).toHaveLength(0)
    expect(keyring.written).toHaveLength(1)
    await store.health()
    expect(keyring.written).toHaveLength(2)
    expect(new Set(keyring.written).size).toBe(2)
    expect(keyring.entries.size).toBe(0)
  })

  it('two stores on one keyring (two processes) probing at once both see it healthy', async () => {
    const keyring = sharedKeyring()
    const first = createKeyringStore({ binding: keyring.binding, service: 'x', clock: systemClock })
    const second = createKeyringStore({ binding: keyring.binding, service: 'x', clock: systemClock })
    const answers = await Promise.all([first.health(), second.health(), first.health(), second.health()])
    expect(answers.map((a) => a.state)).toEqual(['available', 'available', 'available', 'available'])
    expect(keyring.entries.size).toBe(0)
  })
})
