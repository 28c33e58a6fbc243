import { describe, expect, it, vi } from 'vitest'
import { tokenAccount } from '../../electron/main/secrets/credentials-service'
import { createLogger } from '../../electron/main/core/logger'
import { createTokenCache, revealingTokens } from '../../electron/main/secrets/token-cache'
import { memorySecretStore } from './memory-secret-store'

const PROFILE = '6f1c2a8e-4b7d-4c1e-9a3f-2d5b8e7c1a90'

function setup() {
  let now = Date.parse('2026-11-23T10:00:00.000Z')
  const clock = { now: () => new Date(now), monotonicMs: () => now }
  const store = memorySecretStore()
  const lines: string[] = []
  const cache = createTokenCache({ secrets: store, clock, logger: createLogger((l) => lines.push(l), clock) })
  let n = 0
  const obtain = vi.fn(async () => {
    n++
    await new Promise((r) => setTimeout(r, 20))
    return {
      accessToken: `token-${n}-VERY-SECRET`,
      expiresAt: new Date(now + 3600_000).toISOString(),
      refreshToken: `rt-${n}`,
    }
  })
  return { cache, store, obtain, lines, advance: (ms: number) => (now += ms) }
}

describe('access token cache', () => {
  it('obtains once, then serves the cached token from the keychain until 5 minutes before expiry', async () => {
    const { cache, store, obtain, advance } = setup()
    expect((await cache.get(PROFILE, obtain)).accessToken).toBe('token-1-VERY-SECRET')
    expect(JSON.parse(store.entries.get(tokenAccount(PROFILE))!)).toMatchObject({ accessToken: 'token-1-VERY-SECRET' })
    advance(54 * 60_000) // 6 minutes left
    expect((await cache.get(PROFILE, obtain)).accessToken).toBe('token-1-VERY-SECRET')
    advance(2 * 60_000) // 4 minutes left: refresh ahead of expiry
    expect((await cache.get(PROFILE, obtain)).accessToken).toBe('token-2-VERY-SECRET')
    expect(obtain).toHaveBeenCalledTimes(2)
  })

  it('many callers at once share one refresh', async () => {
    const { cache, obtain } = setup()
    const tokens = await Promise.all(Array.from({ length: 10 }, () => cache.get(PROFILE, obtain)))
    expect(new Set(tokens.map((t) => t.accessToken))).toEqual(new Set(['token-1-VERY-SECRET']))
    expect(obtain).toHaveBeenCalledTimes(1)
  })

  it('invalidate forces a new token; a broken cache entry is replaced; tokens never reach the log', async () => {
    const { cache, store, obtain, lines } = setup()
    await cache.get(PROFILE, obtain)
    await cache.invalidate(PROFILE)
    // Expired, but the entry (and its newest refresh token) is kept for the next refresh.
    expect(JSON.parse(store.entries.get(tokenAccount(PROFILE))!)).toMatchObject({
      expiresAt: '1970-01-01T00:00:00.000Z',
      refreshToken: 'rt-1',
    })
    expect((await cache.get(PROFILE, obtain)).accessToken).toBe('token-2-VERY-SECRET')
    expect(obtain).toHaveBeenLastCalledWith(expect.objectContaining({ refreshToken: 'rt-1' }))
    store.entries.set(tokenAccount(PROFILE), '{"accessToken":')
    expect((await cache.get(PROFILE, obtain)).accessToken).toBe('token-3-VERY-SECRET')
    expect(lines.join('\n')).not.toContain('VERY-SECRET')
  })

  it('a locked keychain is an error, not a silent refresh into nowhere', async () => {
    const { cache, store, obtain } = setup()
    store.setState('locked')
    await expect(cache.get(PROFILE, obtain)).rejects.toMatchObject({ name: 'KeychainError', state: 'locked' })
    expect(obtain).not.toHaveBeenCalled()
  })
})

describe('revealingTokens: every token the redaction must know', () => {
  it('reveals the token handed out, and the previous one a renewal sends', async () => {
    const { cache, obtain, advance } = setup()
    const seen: string[] = []
    const tokens = revealingTokens(cache, (values) => seen.push(...values))
    await tokens.get(PROFILE, obtain)
    expect(seen).toEqual(['token-1-VERY-SECRET', 'rt-1'])
    advance(56 * 60_000) // due for renewal
    await tokens.get(PROFILE, obtain)
    expect(seen).toEqual(['token-1-VERY-SECRET', 'rt-1', 'token-1-VERY-SECRET', 'rt-1', 'token-2-VERY-SECRET', 'rt-2'])
    expect(await tokens.peek(PROFILE)).toMatchObject({ accessToken: 'token-2-VERY-SECRET' })
  })

  it("a caller that joined another's failed renewal still learns the token it renewed", async () => {
    const { cache, obtain, advance } = setup()
    await cache.get(PROFILE, obtain)
    advance(56 * 60_000)
    let refuse: (error: Error) => void = () => {}
    const refused = new Promise<never>((_resolve, reject) => (refuse = reject))
    const first: string[] = []
    const joiner: string[] = []
    const a = revealingTokens(cache, (values) => first.push(...values)).get(PROFILE, () => refused)
    const b = revealingTokens(cache, (values) => joiner.push(...values)).get(PROFILE, obtain)
    refuse(new Error('echoed refusal'))
    await expect(a).rejects.toThrow('echoed refusal')
    await expect(b).rejects.toThrow('echoed refusal')
    expect(first).toContain('rt-1')
    expect(joiner).toEqual(['token-1-VERY-SECRET', 'rt-1'])
  })

  it('passes invalidate through', async () => {
    const { cache, obtain } = setup()
    const tokens = revealingTokens(cache, () => {})
    await tokens.get(PROFILE, obtain)
    await tokens.invalidate(PROFILE)
    expect(await cache.peek(PROFILE)).toMatchObject({ expiresAt: new Date(0).toISOString() })
  })
})
