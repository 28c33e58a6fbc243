import type { CachedToken } from '@shared/schemas/token'
import { CachedToken as CachedTokenSchema } from '@shared/schemas/token'
import type { SecretStore } from './secret-store'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'
import { tokenAccount } from './credentials-service'

export interface TokenCacheDeps {
  secrets: SecretStore
  clock: Clock
  logger: Logger
  /** Refresh this long before the token expires, so a queued send never carries a dying token. */
  refreshAheadMs?: number
}

export interface TokenCache {
  /**
   * A token with more than `refreshAheadMs` to live: the cached one, or a new one from `obtain`
   * (which is called once even when many callers ask at the same moment). `obtain` gets the
   * previous token, whose refresh token may be newer than the one in the profile's secret.
   */
  get(profileId: string, obtain: (previous: CachedToken | null) => Promise<CachedToken>): Promise<CachedToken>
  /**
   * After a 401: mark the cached token expired so the next `get` obtains a new one. The entry is
   * kept, not deleted: it holds the newest refresh token, and the one in the secret may be retired.
   */
  invalidate(profileId: string): Promise<void>
  /** The token cached for the profile, expired or not, or null: read as it is, nothing obtained. */
  peek(profileId: string): Promise<CachedToken | null>
  /** A sign-in obtained this token: it replaces whatever was cached. */
  put(profileId: string, token: CachedToken): Promise<void>
  /** Signed out: the cached token, and the refresh token kept with it, are deleted. */
  forget(profileId: string): Promise<void>
}

export function createTokenCache({ secrets, clock, logger, refreshAheadMs = 5 * 60_000 }: TokenCacheDeps): TokenCache {
  const inFlight = new Map<string, Promise<CachedToken>>()

  async function cached(profileId: string): Promise<CachedToken | null> {
    const raw = await secrets.get(tokenAccount(profileId))
    if (raw === null) return null
    try {
      return CachedTokenSchema.parse(JSON.parse(raw))
    } catch {
      logger.warn('cached token unreadable; obtaining a new one', { profileId })
      return null
    }
  }

  async function refresh(
    profileId: string,
    previous: CachedToken | null,
    obtain: (previous: CachedToken | null) => Promise<CachedToken>,
  ): Promise<CachedToken> {
    const obtained = CachedTokenSchema.parse(await obtain(previous))
    // Whom a sign-in signed in stays with its tokens across renewals.
    const signedInAs = obtained.signedInAs ?? previous?.signedInAs
    const token = signedInAs === undefined ? obtained : { ...obtained, signedInAs }
    await secrets.set(tokenAccount(profileId), JSON.stringify(token))
    logger.info('access token obtained', { profileId, expiresAt: token.expiresAt })
    return token
  }

  return {
    get(profileId, obtain) {
      // The read is inside the shared promise too: checking the cache is itself asynchronous, and
      // callers arriving during it must not each start a refresh.
      const pending = inFlight.get(profileId)
      if (pending) return pending
      const run = (async () => {
        const current = await cached(profileId)
        if (current && Date.parse(current.expiresAt) - clock.now().getTime() > refreshAheadMs) return current
        return refresh(profileId, current, obtain)
      })().finally(() => inFlight.delete(profileId))
      inFlight.set(profileId, run)
      return run
    },
    async invalidate(profileId) {
      const current = await cached(profileId)
      if (current?.refreshToken) {
        await secrets.set(tokenAccount(profileId), JSON.stringify({ ...current, expiresAt: new Date(0).toISOString() }))
      } else {
        await secrets.delete(tokenAccount(profileId))
      }
      logger.info('access token dropped', { profileId })
    },
    peek: cached,
    async put(profileId, token) {
      await secrets.set(tokenAccount(profileId), JSON.stringify(CachedTokenSchema.parse(token)))
      logger.info('access token obtained by sign-in', { profileId, expiresAt: token.expiresAt })
    },
    async forget(profileId) {
      await secrets.delete(tokenAccount(profileId))
      logger.info('access and refresh tokens deleted', { profileId })
    },
  }
}

/**
 * `cache` telling `reveal` every token value that passes through it: the token it hands out, and the
 * previous one a renewal sends (its refresh token goes to the token endpoint, and comes back in
 * the refusal of an endpoint that echoes). What is revealed is what the redaction must hide.
 */
export function revealingTokens(cache: TokenCache, reveal: (values: string[]) => void): TokenCache {
  const values = (token: CachedToken) => [token.accessToken, ...(token.refreshToken ? [token.refreshToken] : [])]
  return {
    get: async (profileId, obtain) => {
      try {
        const token = await cache.get(profileId, (previous) => {
          if (previous) reveal(values(previous))
          return obtain(previous)
        })
        reveal(values(token))
        return token
      } catch (error) {
        // A caller that joined another's renewal never saw the token it renewed: the cache still
        // holds it after a failed renewal.
        const previous = await cache.peek(profileId).catch(() => null)
        if (previous) reveal(values(previous))
        throw error
      }
    },
    invalidate: (profileId) => cache.invalidate(profileId),
    peek: (profileId) => cache.peek(profileId),
    put: (profileId, token) => {
      reveal(values(token))
      return cache.put(profileId, token)
    },
    forget: (profileId) => cache.forget(profileId),
  }
}
