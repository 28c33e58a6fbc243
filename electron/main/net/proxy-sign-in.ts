import { msg } from '@shared/i18n/message'
import type { ProxySignInState, SetProxySignIn } from '@shared/schemas/proxy-sign-in'
import { AppError } from '../core/app-error'
import type { Logger } from '../core/logger'
import type { SecretStore } from '../secrets/secret-store'
import { KeychainError } from '../secrets/secret-store'
import { hideProxySecrets } from './network'
import type { ProxyResolver } from './proxy-route'

// The proxy sign-in an agent gives in Settings: in the app the proxy comes from the OS or a PAC
// file, which never carry a password, so a proxy that asks for one (407) needs it from here. One
// keychain entry per proxy host:port (a PAC file may name several proxies, each with its own
// accounts), read once into memory: every provider request asks the proxy decision, and the
// keychain is too slow (and may prompt) to be asked per request.

const PREFIX = 'proxy:'
const SUFFIX = ':sign-in'
const KEYCHAIN_QUIET_MS = 60_000

export const proxySignInAccount = (proxy: string) => `${PREFIX}${proxy}${SUFFIX}`

interface Stored {
  username: string
  password: string
}

function parseStored(raw: string): Stored | null {
  try {
    const value: unknown = JSON.parse(raw)
    if (value && typeof value === 'object' && 'username' in value && 'password' in value) {
      const { username, password } = value
      if (typeof username === 'string' && typeof password === 'string') return { username, password }
    }
  } catch {
    // Not ours, or damaged: treated as missing.
  }
  return null
}

/** `host:port` of a proxy URL, the port filled in from its scheme when the URL leaves it out. */
export function proxyAddressOf(proxy: URL): string {
  const port = proxy.port || (proxy.protocol === 'https:' ? '443' : '80')
  return `${proxy.hostname.toLowerCase()}:${port}`
}

function keychainAppError(error: KeychainError): AppError {
  return new AppError(
    error.state === 'locked' ? 'keychain_locked' : 'keychain_unavailable',
    error.state === 'locked' ? msg('failure.proxyKeychainLocked') : msg('failure.proxyKeychainUnavailable'),
  )
}

export function createProxySignIns(deps: { secrets: SecretStore; logger: Logger }) {
  const { secrets, logger } = deps
  let loaded: Map<string, Stored> | null = null
  let loading: Promise<Map<string, Stored>> | null = null
  let lastProxy: string | null = null
  /**
   * After a failed read, requests do not ask the keychain again for a while: a locked one may
   * hold each call until its time limit. The window's calls always ask.
   */
  let quietUntil = 0

  /** The stored sign-ins, read from the keychain once it can be read (a locked one is asked again next time). */
  function all(): Promise<Map<string, Stored>> {
    if (loaded) return Promise.resolve(loaded)
    loading ??= secrets
      .list()
      .then((entries) => {
        const found = new Map<string, Stored>()
        for (const { account, value } of entries) {
          if (!account.startsWith(PREFIX) || !account.endsWith(SUFFIX)) continue
          const stored = parseStored(value)
          if (!stored) continue
          hideProxySecrets(stored.username, stored.password)
          found.set(account.slice(PREFIX.length, -SUFFIX.length), stored)
        }
        loaded = found
        return found
      })
      .catch((error: unknown) => {
        quietUntil = Date.now() + KEYCHAIN_QUIET_MS
        logger.warn('proxy sign-ins could not be read from the keychain', { error: String(error) })
        return new Map<string, Stored>()
      })
      .finally(() => (loading = null))
    return loading
  }

  /** The stored sign-in is sent to the proxy it belongs to; a route that already has credentials (the environment's) keeps them. */
  function withStoredSignIn(resolve: ProxyResolver): ProxyResolver {
    return async (url) => {
      const route = await resolve(url)
      if (route.kind === 'direct') return route
      const address = proxyAddressOf(route.proxy)
      lastProxy = address
      if (route.proxy.username) return route
      const stored = loaded || Date.now() >= quietUntil ? (await all()).get(address) : undefined
      if (!stored) return route
      const proxy = new URL(route.proxy)
      proxy.username = encodeURIComponent(stored.username)
      proxy.password = encodeURIComponent(stored.password)
      return { kind: 'proxy', proxy }
    }
  }

  async function state(): Promise<ProxySignInState> {
    const stored = await all()
    return {
      proxy: lastProxy,
      signIns: [...stored].map(([proxy, { username }]) => ({ proxy, username, passwordStored: true })),
    }
  }

  async function withKeychain(op: () => Promise<unknown>): Promise<void> {
    try {
      await op()
    } catch (error) {
      if (error instanceof KeychainError) throw keychainAppError(error)
      throw error
    }
  }

  return {
    withStoredSignIn,
    state,
    async set(input: SetProxySignIn): Promise<ProxySignInState> {
      const stored = await all()
      const value: Stored = { username: input.username, password: input.password }
      hideProxySecrets(value.username, value.password)
      await withKeychain(() => secrets.set(proxySignInAccount(input.proxy), JSON.stringify(value)))
      stored.set(input.proxy, value)
      // The address only: the user name goes to the proxy as part of the credentials.
      logger.info('proxy sign-in stored', { proxy: input.proxy })
      return state()
    },
    async clear(proxy: string): Promise<ProxySignInState> {
      const stored = await all()
      await withKeychain(() => secrets.delete(proxySignInAccount(proxy)))
      stored.delete(proxy)
      logger.info('proxy sign-in removed', { proxy })
      return state()
    },
  }
}

export type ProxySignIns = ReturnType<typeof createProxySignIns>
