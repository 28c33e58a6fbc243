import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ProviderSecret } from '@shared/providers/registry'
import type { SignInStatus } from '@shared/schemas/sign-in'
import { SignInStatus as SignInStatusSchema } from '@shared/schemas/sign-in'
import { createLogger } from '../../../electron/main/core/logger'
import type { Clock } from '../../../electron/main/core/clock'
import { signInPlanFor } from '../../../electron/main/providers/registry'
import { webexAccessToken } from '../../../electron/main/providers/webex/connection-probe'
import type { WebexSimulator } from '../../../electron/main/providers/webex/webex-simulator'
import { startWebexSimulator } from '../../../electron/main/providers/webex/webex-simulator'
import { secretAccount, tokenAccount } from '../../../electron/main/secrets/credentials-service'
import { memorySecretStore } from '../../../electron/main/secrets/memory-secret-store'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import { checkSignInUrl, createOpenSignInPage } from '../../../electron/main/security/external-links'
import { createSignInService } from '../../../electron/main/sign-in/sign-in-service'
import type { SignInService } from '../../../electron/main/sign-in/sign-in-service'
import { signInHandlers } from '../../../electron/main/sign-in/sign-in-handlers'
import { ProviderSecret as ProviderSecretSchema } from '@shared/providers/registry'
import type { WebexProfile } from '@shared/providers/webex/profile'

// "Sign in with Webex" through the sign-in service, the registry's plan and Webex's simulated
// identity (its real sign-in page, followed here as a browser would): tokens only in the keychain's
// token entry, who is signed in, renewal with rotation on a clock the test moves, a refused renewal
// signing the profile out, sign-out, and the device grant.

const CLIENT_ID = 'C-webex-integration-0001'
const CLIENT_SECRET = 'S-webex-integration-secret-9'
const PROFILE_ID = '7a1c0e5e-8a3b-4c1d-9e2f-0a1b2c3d4e5f'

/** A clock the test moves; the simulator's clock moves with it (its offset). */
function movableClock(): Clock & { advance(ms: number): void; offsetMs: number } {
  let offset = 0
  return {
    now: () => new Date(Date.now() + offset),
    monotonicMs: () => performance.now() + offset,
    advance(ms) {
      offset += ms
    },
    get offsetMs() {
      return offset
    },
  }
}

/** The system browser: loads the sign-in page, presses Accept (or Decline), follows the redirect. */
async function browserPressing(url: string, decision: 'accept' | 'decline'): Promise<void> {
  const pageResponse = await fetch(url)
  const html = await pageResponse.text()
  const txn = /name="txn" value="([0-9a-f]+)"/.exec(html)?.[1]
  if (!txn) throw new Error(`no sign-in form: ${html.slice(0, 200)}`)
  const decided = await fetch(new URL('authorize', url), {
    method: 'POST',
    body: new URLSearchParams({ txn, decision }),
    redirect: 'manual',
  })
  await fetch(decided.headers.get('location')!)
}

describe('signing a Webex profile in (sign-in service)', () => {
  let sim: WebexSimulator
  let service: SignInService
  let clock: ReturnType<typeof movableClock>
  let secrets = memorySecretStore()
  const events: SignInStatus[] = []
  const signedIn: string[] = []
  const signedOut: string[] = []
  const opened: string[] = []
  const logLines: string[] = []
  let decision: 'accept' | 'decline' | 'ignore' = 'accept'
  let profile: WebexProfile

  async function setup(options: { needsSecret?: boolean; rotate?: boolean; tokenLifetimeS?: number } = {}) {
    sim = await startWebexSimulator({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      refreshToken: 'unused-pasted-refresh-token',
      rotateRefreshToken: options.rotate ?? true,
      signInNeedsSecret: options.needsSecret ?? false,
      tokenLifetimeS: options.tokenLifetimeS ?? 3600,
    })
    profile = {
      id: PROFILE_ID,
      provider: 'webex',
      label: 'Webex (signed in)',
      endpoint: { kind: 'custom', baseUrl: sim.url },
      identityUrl: sim.identityUrl,
      orgId: sim.orgId,
      authMethod: 'sign_in',
      clientId: CLIENT_ID,
      entryPoints: [],
      outdialAnis: [],
      scheduledCallbackQueueId: '',
    }
    clock = movableClock()
    secrets = memorySecretStore()
    const logger = createLogger((line) => logLines.push(line), clock)
    const tokens = createTokenCache({ secrets, clock, logger })
    const read = async (id: string): Promise<ProviderSecret | null> => {
      const raw = await secrets.get(secretAccount(id))
      return raw === null ? null : ProviderSecretSchema.parse(JSON.parse(raw))
    }
    service = createSignInService({
      findProfile: (id) => (id === PROFILE_ID ? profile : undefined),
      planFor: signInPlanFor,
      credentials: {
        read,
        set: async (id, secret) => {
          await secrets.set(secretAccount(id), JSON.stringify(secret))
          return { profileId: id, state: 'stored', hint: null }
        },
        clear: async (id) => {
          await secrets.delete(secretAccount(id))
          return { profileId: id, state: 'missing', hint: null }
        },
      },
      tokens,
      fetch,
      clock,
      logger,
      openBrowser: async (url) => {
        opened.push(url)
        if (decision !== 'ignore') void browserPressing(url, decision)
      },
      changed: (status) => events.push(status),
      signedIn: (id) => signedIn.push(id),
      signedOut: (id) => signedOut.push(id),
      browserTimeoutMs: 2000,
      sleep: async () => undefined,
    })
    return { tokens, read }
  }

  /** The next announced state that is not `signing_in` (the sign-in's end). */
  async function ended(): Promise<SignInStatus> {
    await expect.poll(() => events.some((e) => e.state !== 'signing_in'), { timeout: 5000 }).toBe(true)
    const end = events.find((e) => e.state !== 'signing_in')!
    events.length = 0
    return end
  }

  beforeEach(() => {
    events.length = 0
    signedIn.length = 0
    opened.length = 0
    logLines.length = 0
    decision = 'accept'
  })
  afterEach(async () => {
    await sim?.close()
  })

  it('signs in on the identity page: Ana Ruiz, renewing by itself, the tokens only in the keychain token entry', async () => {
    await setup()
    const handlers = signInHandlers(service)
    const started = await handlers['signin:start']({ profileId: PROFILE_ID, method: 'browser' })
    expect(started.state).toBe('signing_in')
    const end = await ended()
    expect(end).toMatchObject({ state: 'signed_in', user: 'Ana Ruiz', renews: true, problem: null })
    expect(signedIn).toEqual([PROFILE_ID])
    // Only the profile's own sign-in page was opened, with PKCE S256 and no secret in it.
    const url = new URL(opened[0]!)
    expect(`${url.origin}${url.pathname}`).toBe(`${sim.identityUrl}/v1/authorize`)
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('client_id')).toBe(CLIENT_ID)
    expect(url.search).not.toContain(CLIENT_SECRET)
    // The tokens: in the token entry; the secret entry holds only the (empty) client secret.
    const cached = JSON.parse((await secrets.get(tokenAccount(PROFILE_ID)))!) as Record<string, string>
    expect(cached['accessToken']).toMatch(/^wx-at-/)
    expect(cached['refreshToken']).toMatch(/^wx-rt-/)
    expect(JSON.parse((await secrets.get(secretAccount(PROFILE_ID)))!)).toEqual({
      provider: 'webex',
      kind: 'sign_in',
      clientSecret: '',
    })
    // Nothing the window or the log gets holds a token.
    const seen = JSON.stringify([started, end, await handlers['signin:status']({ profileId: PROFILE_ID })]) + logLines
    expect(seen).not.toContain(cached['accessToken'])
    expect(seen).not.toContain(cached['refreshToken'])
    expect(sim.ledger.map((l) => l.verdict)).toContain('signed_in')
  })

  it('renews before expiry with the rotated refresh token, on the clock the test moves; a refused renewal signs out', async () => {
    const { tokens, read } = await setup({ rotate: true, tokenLifetimeS: 3600 })
    await service.start(PROFILE_ID, 'browser')
    await ended()
    const first = (await tokens.peek(PROFILE_ID))!
    const context = async () => ({
      profile,
      secret: (await read(PROFILE_ID)) as Extract<ProviderSecret, { provider: 'webex' }>,
      tokens,
      clock,
      fetch,
      signal: new AbortController().signal,
    })
    // Within its life (more than five minutes left): the token from the sign-in is used as it is.
    clock.advance(50 * 60_000)
    expect(await webexAccessToken(await context())).toBe(first.accessToken)
    // Five minutes before its end: renewed ahead, the refresh token rotated and the new one kept.
    clock.advance(6 * 60_000)
    sim.setClockOffset(clock.offsetMs)
    const renewed = await webexAccessToken(await context())
    expect(renewed).not.toBe(first.accessToken)
    const second = (await tokens.peek(PROFILE_ID))!
    expect(second.refreshToken).not.toBe(first.refreshToken)
    expect(second.signedInAs).toBe('Ana Ruiz')
    expect((await service.status(PROFILE_ID)).user).toBe('Ana Ruiz')

    // The administrator revokes the sign-in: the next renewal is refused.
    sim.revokeSignIns()
    clock.advance(60 * 60_000)
    sim.setClockOffset(clock.offsetMs)
    await expect(webexAccessToken(await context())).rejects.toMatchObject({ name: 'OAuthRefused', status: 400 })
    signedOut.length = 0
    await service.renewalRefused(PROFILE_ID)
    expect(events.at(-1)).toMatchObject({ state: 'signed_out', problem: { code: 'renewal_refused' } })
    expect(await secrets.get(tokenAccount(PROFILE_ID))).toBeNull()
    // What the sign-in earned and is held in memory goes too (the app drops the profile's client).
    expect(signedOut).toEqual([PROFILE_ID])
  })

  it('declined consent, a missing client secret, a browser that never comes back: each explained, nothing signed in', async () => {
    await setup({ needsSecret: true })
    decision = 'decline'
    await service.start(PROFILE_ID, 'browser')
    expect(await ended()).toMatchObject({
      state: 'signed_out',
      problem: { code: 'access_denied', message: { params: { code: 'access_denied' } } },
    })
    decision = 'accept'
    await service.start(PROFILE_ID, 'browser')
    expect(await ended()).toMatchObject({ state: 'signed_out', problem: { code: 'invalid_client' } })
    decision = 'ignore'
    await service.start(PROFILE_ID, 'browser')
    expect(await ended()).toMatchObject({ state: 'signed_out', problem: { code: 'timeout' } })
    expect(signedIn).toEqual([])
    expect(await secrets.get(tokenAccount(PROFILE_ID))).toBeNull()
  })

  it('with the client secret stored, an integration that needs it signs in; sign-out deletes the tokens', async () => {
    await setup({ needsSecret: true })
    await secrets.set(
      secretAccount(PROFILE_ID),
      JSON.stringify({ provider: 'webex', kind: 'sign_in', clientSecret: CLIENT_SECRET }),
    )
    await service.start(PROFILE_ID, 'browser')
    expect(await ended()).toMatchObject({ state: 'signed_in', user: 'Ana Ruiz' })
    signedOut.length = 0
    const out = await service.signOut(PROFILE_ID)
    expect(out).toMatchObject({ state: 'signed_out', user: null, problem: null })
    expect(await secrets.get(tokenAccount(PROFILE_ID))).toBeNull()
    expect(signedOut).toEqual([PROFILE_ID])
    // The client secret stays: signing in again needs no administrator.
    expect(await secrets.get(secretAccount(PROFILE_ID))).toContain(CLIENT_SECRET)
  })

  it('cancel ends a sign-in under way', async () => {
    await setup()
    decision = 'ignore'
    await service.start(PROFILE_ID, 'browser')
    await service.cancel(PROFILE_ID)
    expect(await ended()).toMatchObject({ state: 'signed_out', problem: { code: 'cancelled' } })
  })

  it('the device grant: the code shown to the agent, approved on the identity page, then signed in', async () => {
    await setup()
    await service.start(PROFILE_ID, 'device')
    await expect.poll(() => events.find((e) => e.device !== null)?.device ?? null).not.toBeNull()
    const prompt = events.find((e) => e.device !== null)!.device!
    expect(prompt.verificationUri).toBe(`${sim.identityUrl}/v1/device`)
    // What the window gets is exactly the contract's shape (the event would be dropped otherwise).
    expect(SignInStatusSchema.parse(events.find((e) => e.device !== null))).toEqual(
      events.find((e) => e.device !== null),
    )
    await fetch(prompt.verificationUri, {
      method: 'POST',
      body: new URLSearchParams({ user_code: prompt.userCode, decision: 'accept' }),
    })
    const end = events.find((e) => e.state === 'signed_in') ?? (await ended())
    expect(end).toMatchObject({ state: 'signed_in', user: 'Ana Ruiz', renews: true })
  })

  it('a profile that does not sign in this way is not offered, and starting it is refused', async () => {
    await setup()
    profile = { ...profile, authMethod: 'oauth' }
    expect((await service.status(PROFILE_ID)).state).toBe('not_offered')
    await expect(service.start(PROFILE_ID, 'browser')).rejects.toMatchObject({ code: 'invalid_input' })
    profile = { ...profile, authMethod: 'sign_in', clientId: '' }
    await expect(service.start(PROFILE_ID, 'browser')).rejects.toMatchObject({
      message: expect.stringMatching(/client id/),
    })
  })
})

describe('which sign-in page may be opened', () => {
  const endpoint = 'https://webexapis.com/v1/authorize'
  it.each([
    ['https://webexapis.com/v1/authorize?client_id=x', true],
    ['https://webexapis.com/v1/other', false],
    ['https://evil.example/v1/authorize', false],
    ['http://webexapis.com/v1/authorize', false],
    ['https://webexapis.com:444/v1/authorize', false],
    ['https://user@webexapis.com/v1/authorize', false],
  ])('%s → %s', (url, allowed) => {
    expect(checkSignInUrl(url, endpoint).allowed).toBe(allowed)
  })
  it('plain http only for an identity provider on this computer', () => {
    expect(
      checkSignInUrl('http://127.0.0.1:5000/idp/v1/authorize?x=1', 'http://127.0.0.1:5000/idp/v1/authorize').allowed,
    ).toBe(true)
    expect(
      checkSignInUrl('http://127.0.0.1:5001/idp/v1/authorize', 'http://127.0.0.1:5000/idp/v1/authorize').allowed,
    ).toBe(false)
  })
  it('the desktop opener opens the allowed page and refuses any other, logging why', async () => {
    const opened: string[] = []
    const logged: string[] = []
    const open = createOpenSignInPage({ openExternal: async (url) => void opened.push(url) }, (msg) => logged.push(msg))
    await open(`${endpoint}?client_id=x`, endpoint)
    await expect(open('https://evil.example/v1/authorize', endpoint)).rejects.toThrow(/refused/)
    expect(opened).toEqual([`${endpoint}?client_id=x`])
    expect(logged).toEqual(['sign-in page refused'])
  })
})
