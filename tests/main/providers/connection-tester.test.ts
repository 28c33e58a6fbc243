import { renderMessage } from '../../../shared/i18n/render-message'
import { afterEach, describe, expect, it } from 'vitest'
import { inEnglish } from '../../shared/in-english'
import type { ProbeRegistry } from '../../../electron/main/providers/connection-tester'
import { createConnectionTester } from '../../../electron/main/providers/connection-tester'
import { redactSecrets } from '../../../electron/main/secrets/redact-secrets'
import { createCredentialsService, tokenAccount } from '../../../electron/main/secrets/credentials-service'
import { createLogger } from '../../../electron/main/core/logger'
import { systemClock } from '../../../electron/main/core/clock'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import { egainProbe } from '../../../electron/main/providers/egain/connection-probe'
import { voiceBroadcastProbe } from '../../../electron/main/providers/voice-broadcast/connection-probe'
import { webexProbe } from '../../../electron/main/providers/webex/connection-probe'
import { startEgainSimulator } from '../../../electron/main/providers/egain/egain-simulator'
import { startVoiceBroadcastSimulator } from '../../../electron/main/providers/voice-broadcast/voice-broadcast-simulator'
import { startWebexSimulator, WEBEX_SIM_IDENTITY_PREFIX } from '../../../electron/main/providers/webex/webex-simulator'
import { Profile } from '../../../shared/schemas/profiles'
import type { ProviderSecret } from '../../../shared/schemas/credentials'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { closedPort } from './net-fixtures'
import { ANSWERED_MS } from './time-limits'

const ID = '6f1c2a8e-4b7d-4c1e-9a3f-2d5b8e7c1a90'
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const notUsed = async () => {
  throw new Error('probe not under test')
}

/** A tester over one profile, with its secret in a memory keychain. */
async function tester(profile: Profile, secret: ProviderSecret | null) {
  const store = memorySecretStore()
  const lines: string[] = []
  const logger = createLogger((l) => lines.push(l), systemClock)
  const credentials = createCredentialsService({
    secrets: store,
    findProfile: (id) => (id === ID ? profile : undefined),
    clock: systemClock,
    logger,
  })
  if (secret) await credentials.set(ID, secret)
  const probes = {
    webex: webexProbe,
    egain: egainProbe,
    voice_broadcast: voiceBroadcastProbe,
    connect: notUsed,
    aiccs: notUsed,
  } as unknown as ProbeRegistry
  const test = createConnectionTester({
    credentials,
    findProfile: (id) => (id === ID ? profile : undefined),
    tokens: createTokenCache({ secrets: store, clock: systemClock, logger }),
    probes,
    clock: systemClock,
    logger,
    fetch,
    timeoutMs: ANSWERED_MS,
  })
  return { test: () => test(ID), store, lines }
}

const webexProfile = (
  baseUrl: string,
  authMethod: 'oauth' | 'access_token' = 'oauth',
  identityUrl = simIdentity(baseUrl),
) => Profile.parse({ ...drafts.webex, id: ID, authMethod, endpoint: { kind: 'custom', baseUrl }, identityUrl })

/** The simulator's identity host, beside a Contact Center base URL on the same listener. */
const simIdentity = (baseUrl: string) => `${new URL(baseUrl).origin}${WEBEX_SIM_IDENTITY_PREFIX}`

describe('Webex connection test', () => {
  const sim = () =>
    startWebexSimulator({
      clientId: secrets.webex.clientId,
      clientSecret: secrets.webex.clientSecret,
      refreshToken: secrets.webex.refreshToken,
      rotateRefreshToken: true,
      displayName: 'Dana Agent',
      accessTokens: ['pasted-access-token-ok-1234'],
    }).then((s) => (cleanups.push(s.close), s))

  it('refreshes the OAuth token, caches it in the keychain only, and reads the person', async () => {
    const s = await sim()
    const { test, store } = await tester(webexProfile(s.url), secrets.webex)
    const result = await test()
    expect(inEnglish(result)).toMatchObject({
      outcome: 'connected',
      message: 'Signed in to Webex as Dana Agent.',
      httpStatus: 200,
    })
    expect(inEnglish(JSON.parse(store.entries.get(tokenAccount(ID))!).accessToken)).toMatch(/^wx-at-/)
    expect(inEnglish(s.ledger.map((l) => l.verdict))).toEqual(['issued', 'ok'])
  })

  it('after a 401 refreshes once with the rotated refresh token and succeeds', async () => {
    const s = await sim()
    const { test } = await tester(webexProfile(s.url), secrets.webex)
    await test()
    s.revokeAccessTokens()
    expect(inEnglish(await test())).toMatchObject({ outcome: 'connected' })
    // cached token refused → one refresh (with the rotated token, or it would be invalid_grant) → ok
    expect(inEnglish(s.ledger.map((l) => l.verdict))).toEqual(['issued', 'ok', 'unauthorized', 'issued', 'ok'])
  })

  it('an identity address that is not Webex identity (404) is not_found, not refused credentials', async () => {
    const s = await sim()
    // The Contact Center base URL as the sign-in address: it has no token endpoint or people API.
    const refresh = await tester(webexProfile(s.url, 'oauth', s.url), secrets.webex)
    expect(inEnglish(await refresh.test())).toMatchObject({
      outcome: 'not_found',
      httpStatus: 404,
      message: expect.stringContaining('sign-in address'),
    })
    const pasted = await tester(webexProfile(s.url, 'access_token', s.url), {
      provider: 'webex',
      kind: 'access_token',
      accessToken: 'pasted-access-token-ok-1234',
    })
    expect(inEnglish(await pasted.test())).toMatchObject({ outcome: 'not_found', httpStatus: 404 })
  })

  it("a wrong client secret is auth_rejected with the provider's words", async () => {
    const s = await sim()
    const { test } = await tester(webexProfile(s.url), { ...secrets.webex, clientSecret: 'wrong-secret-value' })
    expect(inEnglish(await test())).toMatchObject({
      outcome: 'auth_rejected',
      providerMessage: 'invalid_client: Client authentication failed.',
      httpStatus: 401,
    })
  })

  it('a pasted access token: valid → connected, revoked → auth_rejected', async () => {
    const s = await sim()
    const ok = await tester(webexProfile(s.url, 'access_token'), {
      provider: 'webex',
      kind: 'access_token',
      accessToken: 'pasted-access-token-ok-1234',
    })
    expect(inEnglish(await ok.test())).toMatchObject({ outcome: 'connected' })
    const bad = await tester(webexProfile(s.url, 'access_token'), {
      provider: 'webex',
      kind: 'access_token',
      accessToken: 'pasted-token-expired-5678',
    })
    const result = await bad.test()
    expect(inEnglish(result)).toMatchObject({ outcome: 'auth_rejected', httpStatus: 401 })
    expect(inEnglish(result.providerMessage)).toContain('requires a valid access token')
  })

  it('a host nobody listens on is unreachable', async () => {
    const { test } = await tester(webexProfile(`http://127.0.0.1:${await closedPort()}`), secrets.webex)
    expect(inEnglish(await test())).toMatchObject({ outcome: 'unreachable', httpStatus: null })
  })
})

describe('eGain connection test', () => {
  const sim = () =>
    startEgainSimulator({
      clientId: drafts.egain.clientId,
      clientSecret: secrets.egain.clientSecret,
      users: { agent1: 'u-1001' },
    }).then((s) => (cleanups.push(s.close), s))

  it('client credentials: a token back means connected', async () => {
    const s = await sim()
    const { test, store } = await tester(
      Profile.parse({ ...drafts.egain, id: ID, tokenUrl: s.tokenUrl, apiBaseUrl: s.url }),
      secrets.egain,
    )
    expect(inEnglish(await test())).toMatchObject({
      outcome: 'connected',
      message: expect.stringContaining('client-123'),
    })
    expect(store.entries.has(tokenAccount(ID))).toBe(true)
    expect(inEnglish(s.ledger)).toEqual([{ grant: 'client_credentials', verdict: 'issued' }])
  })

  it('wrong client secret, and on behalf of a user eGain does not know, are auth_rejected', async () => {
    const s = await sim()
    const wrongClient = await tester(Profile.parse({ ...drafts.egain, id: ID, tokenUrl: s.tokenUrl }), {
      ...secrets.egain,
      clientSecret: 'not-the-secret',
    })
    expect(inEnglish(await wrongClient.test())).toMatchObject({
      outcome: 'auth_rejected',
      httpStatus: 401,
      providerMessage: expect.stringContaining('invalid_client'),
    })
    const onBehalf = (subject: { username?: string; userId?: string }) =>
      Profile.parse({
        ...drafts.egain,
        id: ID,
        tokenUrl: s.tokenUrl,
        grantType: 'password',
        scope: 'https://api.egain.cloud/auth/core.casemgr.manage',
        username: '',
        ...subject,
      })
    expect(inEnglish(await (await tester(onBehalf({ username: 'agent1' }), secrets.egain)).test())).toMatchObject({
      outcome: 'connected',
    })
    expect(inEnglish(await (await tester(onBehalf({ userId: 'u-1001' }), secrets.egain)).test())).toMatchObject({
      outcome: 'connected',
    })
    expect(inEnglish(await (await tester(onBehalf({ username: 'nobody' }), secrets.egain)).test())).toMatchObject({
      outcome: 'auth_rejected',
      providerMessage: 'invalid_grant: The user the token is for is not known.',
    })
  })
})

describe('voice broadcast connection test', () => {
  const sim = (options: Partial<Parameters<typeof startVoiceBroadcastSimulator>[0]> = {}) =>
    startVoiceBroadcastSimulator({
      apiKey: secrets.voice_broadcast.apiKey,
      apiSecret: secrets.voice_broadcast.apiSecret,
      ...options,
    }).then((s) => (cleanups.push(s.close), s))
  const profile = (baseUrl: string) => ({ ...drafts.voice_broadcast, id: ID, baseUrl })

  it.each(['status', 'code'] as const)('a correct signature is connected (%s envelope)', async (envelope) => {
    const s = await sim({ envelope })
    expect(inEnglish(await (await tester(profile(s.url), secrets.voice_broadcast)).test())).toMatchObject({
      outcome: 'connected',
    })
    expect(inEnglish(s.ledger)).toEqual([{ path: '/voice/group/call/detail/0', verdict: 'no_such_task' }])
  })

  it('a wrong secret is auth_rejected; a skewed clock and an IP allow-list are explained', async () => {
    const s = await sim()
    expect(
      inEnglish(await (await tester(profile(s.url), { ...secrets.voice_broadcast, apiSecret: 'wrong-secret' })).test()),
    ).toMatchObject({
      outcome: 'auth_rejected',
      providerMessage: '-1 authentication error',
    })
    const skewed = await sim({ clockOffsetMs: 10 * 60_000 })
    expect(inEnglish(await (await tester(profile(skewed.url), secrets.voice_broadcast)).test())).toMatchObject({
      outcome: 'auth_rejected',
      message: expect.stringContaining('clock'),
    })
    const fenced = await sim({ ipRestricted: true })
    expect(inEnglish(await (await tester(profile(fenced.url), secrets.voice_broadcast)).test())).toMatchObject({
      outcome: 'not_permitted',
    })
  })

  it('a base URL where some other server answers 404 is not_found', async () => {
    const other = await startWebexSimulator({ clientId: 'x', clientSecret: 'x', refreshToken: 'x' })
    cleanups.push(other.close)
    expect(inEnglish(await (await tester(profile(other.url), secrets.voice_broadcast)).test())).toMatchObject({
      outcome: 'not_found',
      httpStatus: 404,
    })
  })
})

describe('connection tester', () => {
  it('says when credentials are missing or the keychain is locked, without calling the provider', async () => {
    const missing = await tester(
      Profile.parse({ ...drafts.voice_broadcast, id: ID, baseUrl: 'http://127.0.0.1:9' }),
      null,
    )
    expect(inEnglish(await missing.test())).toMatchObject({ outcome: 'missing_credentials' })
    const locked = await tester(
      Profile.parse({ ...drafts.voice_broadcast, id: ID, baseUrl: 'http://127.0.0.1:9' }),
      secrets.voice_broadcast,
    )
    locked.store.setState('locked')
    expect(inEnglish(await locked.test())).toMatchObject({ outcome: 'keychain_unavailable' })
    // Why, in the agent's language: the cause's own sentence, not the keychain probe's English.
    const slow = await tester(
      Profile.parse({ ...drafts.voice_broadcast, id: ID, baseUrl: 'http://127.0.0.1:9' }),
      secrets.voice_broadcast,
    )
    slow.store.setState('locked', 'timeout')
    const timedOut = await slow.test()
    expect(renderMessage(timedOut.message, 'es')).toBe(
      'El llavero está bloqueado: El llavero no respondió en 5 segundos; puede que haya una solicitud de desbloqueo esperando detrás de otra ventana.',
    )
  })

  it('redacts secrets a provider echoes back, and keeps them out of the log', async () => {
    expect(redactSecrets('bad key S3cr3t-x and S3cr3t-x', ['S3cr3t-x'])).toBe('bad key [redacted] and [redacted]')
    const echo = await startVoiceBroadcastSimulator({ apiKey: 'other', apiSecret: 'other' })
    cleanups.push(echo.close)
    const { test, lines } = await tester(
      Profile.parse({ ...drafts.voice_broadcast, id: ID, baseUrl: echo.url }),
      secrets.voice_broadcast,
    )
    const result = await test()
    expect(JSON.stringify(result)).not.toContain(secrets.voice_broadcast.apiSecret)
    expect(lines.join('\n')).not.toContain(secrets.voice_broadcast.apiSecret)
  })
})
