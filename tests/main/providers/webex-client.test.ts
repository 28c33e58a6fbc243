import { afterEach, describe, expect, it } from 'vitest'
import { inEnglish } from '../../shared/in-english'
import {
  WebexCreateTaskRequest as WebexCreateTaskRequestSchema,
  webexScheduleCallbackSchema,
} from '../../../shared/providers/webex/wire'
import { wireIssues } from './wire-check'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { SendOutcome as SendOutcomeSchema } from '../../../shared/schemas/send-outcome'
import { Profile } from '../../../shared/schemas/profiles'
import type { ProviderSecret } from '../../../shared/schemas/credentials'
import type { WebexCreateTaskRequest } from '../../../shared/providers/webex/wire'
import type { WebexAnswer, WebexSendContext } from '../../../electron/main/providers/webex/webex-client'
import {
  WEBEX_RETRIED_5XX,
  classifyTokenFailure,
  classifyWebexResponse,
  createWebexClient,
  webexErrorText,
  webexTrackingId,
} from '../../../electron/main/providers/webex/webex-client'
import {
  TransportError,
  nodeHttpTransport,
  retryAfterMs,
  sendPhase,
} from '../../../electron/main/providers/http/http-transport'
import { OAuthRefused } from '../../../electron/main/providers/http/oauth'
import { tokenAccount } from '../../../electron/main/secrets/credentials-service'
import { createLogger } from '../../../electron/main/core/logger'
import { systemClock } from '../../../electron/main/core/clock'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import type { WebexSimulatorOptions } from '../../../electron/main/providers/webex/webex-simulator'
import { startWebexSimulator, WEBEX_SIM_IDENTITY_PREFIX } from '../../../electron/main/providers/webex/webex-simulator'
import { webexHosts } from '../../../electron/main/providers/webex/webex-endpoints'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { ANSWERED_MS, NEVER_ANSWERED_MS } from './time-limits'
import { KeychainError } from '../../../electron/main/secrets/secret-store'

const ID = '6f1c2a8e-4b7d-4c1e-9a3f-2d5b8e7c1a90'
const ORG = drafts.webex.orgId
const KEY = 'a8d3c0f2-1111-4e2b-9c3d-5e6f7a8b9c0d'
const PASTED = 'pasted-access-token-ok-1234'
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const task: WebexCreateTaskRequest = {
  destination: '+14085550100',
  entryPointId: 'EP-outbound-1',
  mediaType: 'telephony',
  outboundType: 'CALLBACK',
  callback: { callbackOrigin: 'web', callbackType: 'immediate' },
  attributes: { channel: 'sales' },
}

async function sim(options: Partial<WebexSimulatorOptions> = {}) {
  const s = await startWebexSimulator({
    clientId: secrets.webex.clientId,
    clientSecret: secrets.webex.clientSecret,
    refreshToken: secrets.webex.refreshToken,
    accessTokens: [PASTED],
    orgId: ORG,
    ...options,
  })
  cleanups.push(s.close)
  return s
}

/** A send context for one profile, with its keychain (and token cache) in memory. */
function context(
  baseUrl: string,
  auth: 'oauth' | 'access_token' = 'oauth',
  overrides: { orgId?: string; store?: ReturnType<typeof memorySecretStore>; identityUrl?: string } = {},
): WebexSendContext & { store: ReturnType<typeof memorySecretStore> } {
  const store = overrides.store ?? memorySecretStore()
  const logger = createLogger(() => undefined, systemClock)
  const secret: ProviderSecret =
    auth === 'oauth' ? secrets.webex : { provider: 'webex', kind: 'access_token', accessToken: PASTED }
  const profile = Profile.parse({
    ...drafts.webex,
    id: ID,
    authMethod: auth,
    endpoint: { kind: 'custom', baseUrl },
    identityUrl: overrides.identityUrl ?? simIdentity(baseUrl),
    orgId: overrides.orgId ?? ORG,
  })
  if (profile.provider !== 'webex' || secret.provider !== 'webex') throw new Error('fixture')
  return {
    profile,
    secret,
    tokens: createTokenCache({ secrets: store, clock: systemClock, logger }),
    clock: systemClock,
    fetch,
    signal: new AbortController().signal,
    idempotencyKey: KEY,
    store,
  }
}

/** Every outcome must fit the schema and carry no token or secret. */
function checked(outcome: SendOutcome, ...tokens: string[]): SendOutcome {
  expect(SendOutcomeSchema.parse(outcome)).toEqual(outcome)
  const text = JSON.stringify(outcome)
  for (const secret of [secrets.webex.clientSecret, secrets.webex.refreshToken, PASTED, ...tokens]) {
    expect(text).not.toContain(secret)
  }
  expect(text).not.toMatch(/wx-at-/)
  return outcome
}

const client = createWebexClient({ timeoutMs: ANSWERED_MS })

/** The simulator's identity host, beside a Contact Center base URL on the same listener. */
const simIdentity = (baseUrl: string) => `${new URL(baseUrl).origin}${WEBEX_SIM_IDENTITY_PREFIX}`

describe('Webex client over loopback HTTP', () => {
  it('201: sent with the task id; the body, bearer and TrackingId reach Webex', async () => {
    const s = await sim()
    const ctx = context(s.url)
    const outcome = checked(await client.send(ctx, task))
    expect(s.tasks).toHaveLength(1)
    expect(inEnglish(outcome)).toEqual({ kind: 'sent', providerId: s.tasks[0]!.id, httpStatus: 201 })
    expect(inEnglish(s.tasks[0])).toMatchObject({ body: task, trackingId: webexTrackingId(KEY) })
    expect(webexTrackingId(KEY)).toBe(`callboard_${KEY}`)
    expect(inEnglish(s.ledger.map((l) => l.verdict))).toEqual(['issued', 'created'])
  })

  it('a custom Contact Center base URL does not move sign-in: the refresh goes to the identity host', async () => {
    // The Contact Center host serves no OAuth (providers.md §1: tokens at webexapis.com for every
    // data center); the simulator answers 404 there, as such a host does.
    const s = await sim()
    const onApiHost = await fetch(`${s.url}/v1/access_token`, { method: 'POST' })
    expect(onApiHost.status).toBe(404)
    const outcome = checked(await client.send(context(s.url, 'oauth', { identityUrl: s.identityUrl }), task))
    expect(inEnglish(outcome)).toMatchObject({ kind: 'sent' })
    expect(inEnglish(s.ledger.map((l) => `${l.path} ${l.verdict}`))).toEqual([
      '/v1/access_token not_found',
      '/v1/access_token issued',
      '/v1/tasks created',
    ])
    // Without a sign-in address of its own, a custom base URL still signs in at webexapis.com.
    const profile = context(s.url).profile
    expect(inEnglish(webexHosts({ ...profile, identityUrl: '' }))).toEqual({
      api: s.url,
      identity: 'https://webexapis.com',
    })
  })

  it('a token endpoint that answers 404 is a wrong address, not refused credentials', async () => {
    const s = await sim()
    const outcome = checked(await client.send(context(s.url, 'oauth', { identityUrl: s.url }), task))
    expect(inEnglish(outcome)).toMatchObject({
      kind: 'rejected',
      httpStatus: 404,
      message: expect.stringContaining('no token endpoint at the address in the profile'),
    })
    expect(inEnglish(s.tasks)).toEqual([])
  })

  it('400 from Webex: rejected with its own messages', async () => {
    const s = await sim()
    // Valid for our schema, so only a provider-side rule can refuse it: forced with a status fault.
    await s.setFault({ kind: 'status', status: 400 })
    const outcome = checked(await client.send(context(s.url), task))
    expect(inEnglish(outcome)).toMatchObject({
      kind: 'rejected',
      httpStatus: 400,
      message: 'Webex refused the task as invalid.',
    })
    expect(outcome.kind === 'rejected' && outcome.providerMessage).toMatch(/^Bad Request: .+ \(trackingId SIM_/)
  })

  it('the simulator itself answers 400 with the issue messages for a body that breaks the rules', async () => {
    const s = await sim()
    const response = await nodeHttpTransport({
      method: 'POST',
      url: `${s.url}/v1/tasks`,
      headers: { authorization: `Bearer ${PASTED}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...task, mediaType: 'chat' }),
      signal: new AbortController().signal,
      timeoutMs: ANSWERED_MS,
    })
    expect(response.status).toBe(400)
    const outcome = classifyWebexResponse(
      { kind: 'http', ...response },
      { now: new Date(), auth: 'oauth', what: 'task' },
    )
    expect(inEnglish(outcome)).toMatchObject({
      kind: 'rejected',
      providerMessage: expect.stringContaining('mediaType must be "telephony"'),
    })
    expect(s.tasks).toHaveLength(0)
  })

  it('a body that fails our schema is refused by the one wire check (the client does not check again)', () => {
    expect(wireIssues(WebexCreateTaskRequestSchema, { ...task, destination: '' })).toBe(
      'destination: Enter the destination.',
    )
  })

  it('401 with a cached token: drops it, refreshes once, resends, 201', async () => {
    const s = await sim()
    const store = memorySecretStore({
      [tokenAccount(ID)]: JSON.stringify({
        accessToken: 'stale-cached-token-9999',
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      }),
    })
    const outcome = checked(await client.send(context(s.url, 'oauth', { store }), task), 'stale-cached-token-9999')
    expect(inEnglish(outcome)).toMatchObject({ kind: 'sent', httpStatus: 201 })
    expect(inEnglish(s.ledger.map((l) => l.verdict))).toEqual(['unauthorized', 'issued', 'created'])
    expect(s.tasks).toHaveLength(1)
  })

  it('401 twice (after the refresh) → needs_auth; a pasted token gets one 401 only', async () => {
    const s = await sim()
    await s.setFault({ kind: 'status', status: 401 })
    const oauth = checked(await client.send(context(s.url), task))
    expect(inEnglish(oauth)).toMatchObject({
      kind: 'needs_auth',
      message: expect.stringContaining('Sign in to Webex again'),
    })
    expect(inEnglish(s.ledger.map((l) => l.verdict))).toEqual(['issued', 'fault_401', 'issued', 'fault_401'])
    s.ledger.length = 0
    const pasted = checked(await client.send(context(s.url, 'access_token'), task))
    expect(inEnglish(pasted)).toMatchObject({
      kind: 'needs_auth',
      message: expect.stringContaining('Paste a new access token'),
    })
    expect(inEnglish(s.ledger.map((l) => l.verdict))).toEqual(['fault_401'])
  })

  it('a browser sign-in whose renewal Webex refuses → needs_auth asking to sign in again, nothing sent', async () => {
    const s = await sim()
    const store = memorySecretStore({
      [tokenAccount(ID)]: JSON.stringify({
        accessToken: 'expired-sign-in-token-1',
        expiresAt: new Date(0).toISOString(),
        refreshToken: 'revoked-sign-in-refresh-1',
      }),
    })
    const base = context(s.url, 'oauth', { store })
    const signedIn: WebexSendContext = {
      ...base,
      profile: { ...base.profile, authMethod: 'sign_in', clientId: secrets.webex.clientId },
      secret: { provider: 'webex', kind: 'sign_in', clientSecret: '' },
    }
    const outcome = checked(await client.send(signedIn, task), 'revoked-sign-in-refresh-1')
    expect(inEnglish(outcome)).toMatchObject({
      kind: 'needs_auth',
      message: expect.stringMatching(/^Webex no longer renews this sign-in/),
      providerMessage: expect.stringContaining('invalid_grant'),
    })
    expect(s.ledger.map((l) => l.verdict)).toEqual(['invalid_grant'])
    expect(s.tasks).toHaveLength(0)
  })

  it('a refresh token Webex refuses → needs_auth without sending the task', async () => {
    const s = await sim({ refreshToken: 'some-other-refresh-token' })
    const outcome = checked(await client.send(context(s.url), task))
    expect(inEnglish(outcome)).toMatchObject({
      kind: 'needs_auth',
      providerMessage: expect.stringContaining('invalid_grant'),
    })
    expect(inEnglish(s.tasks)).toEqual([])
  })

  it('403 → rejected, explaining the scope; 404 → rejected', async () => {
    const s = await sim()
    await s.setFault({ kind: 'status', status: 403 })
    expect(inEnglish(checked(await client.send(context(s.url), task)))).toMatchObject({
      kind: 'rejected',
      httpStatus: 403,
      message: expect.stringContaining('cjp:user'),
    })
    await s.setFault(null)
    const wrongHost = checked(await client.send(context(`${s.url}/not-webex`, 'access_token'), task))
    expect(inEnglish(wrongHost)).toMatchObject({
      kind: 'rejected',
      httpStatus: 404,
      providerMessage: expect.stringContaining('Not found'),
    })
  })

  it('429 from the rate limit → retry after Retry-After', async () => {
    const s = await sim({ rateLimit: { kind: 'window', max: 2, windowMs: 60_000 } })
    const ctx = context(s.url)
    expect((await client.send(ctx, task)).kind).toBe('sent')
    expect((await client.send(ctx, task)).kind).toBe('sent')
    const limited = checked(await client.send(ctx, task))
    expect(inEnglish(limited)).toMatchObject({ kind: 'retry', httpStatus: 429 })
    expect(limited.kind === 'retry' && limited.delayMs).toBeGreaterThanOrEqual(59_000)
    expect(limited.kind === 'retry' && limited.delayMs).toBeLessThanOrEqual(60_000)
    expect(s.tasks).toHaveLength(2)
  })

  it('503 → retry with the queue backoff; 500 → needs_review (decision: see WEBEX_RETRIED_5XX)', async () => {
    const s = await sim()
    await s.setFault({ kind: 'status', status: 503 })
    expect(inEnglish(checked(await client.send(context(s.url), task)))).toEqual({
      kind: 'retry',
      delayMs: null,
      reason: 'Webex is unavailable right now (HTTP 503).',
      httpStatus: 503,
    })
    await s.setFault({ kind: 'status', status: 500 })
    expect(inEnglish(checked(await client.send(context(s.url), task)))).toMatchObject({
      kind: 'needs_review',
      message: expect.stringContaining('may or may not have been created'),
    })
  })

  it('connection refused → retry (a pasted token: the task request itself was refused)', async () => {
    const s = await sim()
    await s.setFault({ kind: 'refuse' })
    expect(inEnglish(checked(await client.send(context(s.url, 'access_token'), task)))).toEqual({
      kind: 'retry',
      delayMs: null,
      reason: 'Webex could not be reached (ECONNREFUSED).',
      httpStatus: null,
    })
    // OAuth: the token refresh is refused first; nothing was sent either.
    expect(inEnglish(checked(await client.send(context(s.url), task)))).toMatchObject({
      kind: 'retry',
      httpStatus: null,
    })
    await s.setFault(null)
    expect((await client.send(context(s.url), task)).kind).toBe('sent')
  })

  it('dropAfterBody → needs_review, and Webex did create the task (the ambiguity itself)', async () => {
    const s = await sim()
    await s.setFault({ kind: 'dropAfterBody' })
    const outcome = checked(await client.send(context(s.url), task))
    expect(inEnglish(outcome)).toMatchObject({ kind: 'needs_review', providerMessage: null })
    expect(outcome.kind === 'needs_review' && inEnglish(outcome.message)).toMatch(/connection broke before the answer/)
    expect(s.tasks).toHaveLength(1)
    expect(s.tasks[0]!.trackingId).toBe(webexTrackingId(KEY))
  })

  it('blackhole with a short timeout → needs_review; slow within the timeout → sent', async () => {
    const s = await sim()
    await s.setFault({ kind: 'blackhole' })
    const fast = createWebexClient({ timeoutMs: NEVER_ANSWERED_MS })
    const started = Date.now()
    expect(inEnglish(checked(await fast.send(context(s.url), task)))).toMatchObject({
      kind: 'needs_review',
      message: expect.stringContaining('no answer came back in time'),
    })
    expect(Date.now() - started).toBeLessThan(2000)
    await s.setFault({ kind: 'slow', ms: 100 })
    expect((await client.send(context(s.url), task)).kind).toBe('sent')
    await s.setFault({ kind: 'slow', ms: 600 })
    expect((await fast.send(context(s.url), task)).kind).toBe('needs_review')
  })

  it('scheduled callback: created under the profile org; bad times are refused by the wire check', async () => {
    const s = await sim()
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
    const callback = {
      customerName: 'Ada Lovelace',
      callbackNumber: '+14085550100',
      timezone: 'UTC',
      scheduleDate: tomorrow,
      startTime: '10:00:00',
      endTime: '11:00:00',
      queueId: 'queue-1',
    }
    const sent = checked(await client.scheduleCallback(context(s.url), callback))
    expect(s.callbacks).toHaveLength(1)
    expect(inEnglish(sent)).toEqual({ kind: 'sent', providerId: s.callbacks[0]!.id, httpStatus: 201 })
    expect(inEnglish(s.callbacks[0])).toMatchObject({ body: callback, trackingId: webexTrackingId(KEY) })

    // A missing organization id is refused where the request is built (toWireRequest, tests/shared),
    // and bad times by the one wire check: the client is never handed either.
    expect(wireIssues(webexScheduleCallbackSchema(new Date()), { ...callback, scheduleDate: '2020-01-01' })).toContain(
      'passed',
    )
    const otherOrg = checked(
      await client.scheduleCallback(
        context(s.url, 'oauth', { orgId: '0b0b0b0b-3b2e-4c55-9f0e-1a2b3c4d5e6f' }),
        callback,
      ),
    )
    expect(inEnglish(otherOrg)).toMatchObject({ kind: 'rejected', httpStatus: 403 })
    expect(s.callbacks).toHaveLength(1)
  })
})

describe('nodeHttpTransport: before or after the body was sent', () => {
  it('the phase rule: refusal and DNS are always before; anything after the body was written is after', () => {
    expect(sendPhase('ECONNREFUSED', true)).toBe('before_send')
    expect(sendPhase('ENOTFOUND', false)).toBe('before_send')
    expect(sendPhase('ECONNRESET', false)).toBe('before_send')
    expect(sendPhase('ECONNRESET', true)).toBe('after_send')
    expect(sendPhase('ETIMEDOUT', true)).toBe('after_send')
  })

  it('an already aborted signal fails before sending', async () => {
    const controller = new AbortController()
    controller.abort()
    const error = await nodeHttpTransport({
      method: 'POST',
      url: 'http://127.0.0.1:9/v1/tasks',
      headers: {},
      body: '{}',
      signal: controller.signal,
      timeoutMs: ANSWERED_MS,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransportError)
    expect(inEnglish(error)).toMatchObject({ phase: 'before_send' })
  })

  it('a transport that throws something unknown is treated as possibly sent', async () => {
    const s = await sim()
    const broken = createWebexClient({
      transport: () => Promise.reject(new Error('boom')),
    })
    expect(inEnglish(checked(await broken.send(context(s.url), task)))).toMatchObject({ kind: 'needs_review' })
  })
})

describe('classifyWebexResponse (pure, every branch)', () => {
  const now = new Date('2026-05-01T12:00:00Z')
  const http = (status: number, body = '', headers: Record<string, string> = {}): WebexAnswer => ({
    kind: 'http',
    status,
    headers,
    body,
  })
  const classify = (answer: WebexAnswer, auth: 'oauth' | 'access_token' = 'oauth') =>
    checked(classifyWebexResponse(answer, { now, auth, what: 'task' }))
  const errorBody = JSON.stringify({ trackingId: 'WX_1', error: { key: '400', message: ['destination is invalid'] } })

  it.each([
    [
      '201 task',
      http(201, JSON.stringify({ meta: { orgId: ORG }, data: { id: 'task-1' } })),
      { kind: 'sent', providerId: 'task-1', httpStatus: 201 },
    ],
    [
      '201 callback',
      http(201, JSON.stringify({ id: 'cb-1', customerName: 'x' })),
      { kind: 'sent', providerId: 'cb-1' },
    ],
    ['200 with id', http(200, JSON.stringify({ data: { id: 'task-2' } })), { kind: 'sent', httpStatus: 200 }],
    ['201 no id', http(201, JSON.stringify({ meta: { orgId: ORG }, data: {} })), { kind: 'needs_review' }],
    ['201 not JSON', http(201, 'created'), { kind: 'needs_review', providerMessage: 'created' }],
    ['202 empty', http(202), { kind: 'needs_review', providerMessage: null }],
    [
      '400',
      http(400, errorBody),
      { kind: 'rejected', httpStatus: 400, providerMessage: 'destination is invalid (trackingId WX_1)' },
    ],
    ['404', http(404, 'no route'), { kind: 'rejected', httpStatus: 404, providerMessage: 'no route' }],
    [
      '409',
      http(409, JSON.stringify({ message: 'exists' })),
      { kind: 'rejected', httpStatus: 409, providerMessage: 'exists' },
    ],
    ['422', http(422, '{"error":{"message":"nope"}}'), { kind: 'rejected', httpStatus: 422, providerMessage: 'nope' }],
    ['405 other 4xx', http(405), { kind: 'rejected', httpStatus: 405, message: 'Webex refused the task (HTTP 405).' }],
    ['302 redirect', http(302), { kind: 'rejected', httpStatus: 302 }],
    ['401', http(401, '{"message":"bad token"}'), { kind: 'needs_auth', providerMessage: 'bad token' }],
    ['403', http(403), { kind: 'rejected', httpStatus: 403, message: expect.stringContaining('cjp:user') }],
    ['408', http(408), { kind: 'retry', httpStatus: 408, delayMs: null }],
    ['429 seconds', http(429, '', { 'retry-after': '7' }), { kind: 'retry', httpStatus: 429, delayMs: 7000 }],
    ['429 date', http(429, '', { 'retry-after': 'Fri, 01 May 2026 12:00:30 GMT' }), { kind: 'retry', delayMs: 30_000 }],
    ['429 none', http(429), { kind: 'retry', delayMs: null }],
    ['503', http(503, '', { 'retry-after': '2' }), { kind: 'retry', httpStatus: 503, delayMs: 2000 }],
    ['500', http(500, 'oops'), { kind: 'needs_review', providerMessage: 'oops' }],
    ['502', http(502), { kind: 'needs_review' }],
    ['504', http(504), { kind: 'needs_review' }],
    ['599', http(599), { kind: 'needs_review' }],
    [
      'refused',
      { kind: 'network', phase: 'before_send', code: 'ECONNREFUSED', timedOut: false },
      { kind: 'retry', httpStatus: null, delayMs: null },
    ],
    [
      'connect timeout',
      { kind: 'network', phase: 'before_send', code: 'ETIMEDOUT', timedOut: true },
      { kind: 'retry', reason: 'Webex could not be reached (no answer in time).' },
    ],
    [
      'reset after send',
      { kind: 'network', phase: 'after_send', code: 'ECONNRESET', timedOut: false },
      { kind: 'needs_review', message: expect.stringContaining('ECONNRESET') },
    ],
    [
      'timeout after send',
      { kind: 'network', phase: 'after_send', code: 'ETIMEDOUT', timedOut: true },
      { kind: 'needs_review', message: expect.stringContaining('in time') },
    ],
  ] as [string, WebexAnswer, object][])('%s', (_name, answer, expected) => {
    expect(inEnglish(classify(answer))).toMatchObject(expected)
  })

  it('401 asks a pasted-token profile for a new token', () => {
    expect(inEnglish(classify(http(401), 'access_token'))).toMatchObject({
      kind: 'needs_auth',
      providerMessage: null,
      message: expect.stringContaining('Paste'),
    })
  })

  it('only 503 among 5xx is retried', () => {
    expect([...WEBEX_RETRIED_5XX]).toEqual([503])
  })

  it('Retry-After and error text parsing', () => {
    expect(retryAfterMs(undefined, now)).toBeNull()
    expect(retryAfterMs(' 0 ', now)).toBe(0)
    expect(retryAfterMs('soon', now)).toBeNull()
    expect(retryAfterMs('Fri, 01 May 2026 11:00:00 GMT', now)).toBe(0)
    expect(webexErrorText('  ')).toBeNull()
    expect(webexErrorText('{"error":{"message":["a","b"]}}')).toBe('a; b')
    expect(webexErrorText('{"other":1}')).toBe('{"other":1}')
  })

  it('token failures: refused → needs_auth, 5xx/429 and network → retry; nothing leaks', () => {
    expect(inEnglish(checked(classifyTokenFailure(new OAuthRefused(400, '{"error":"invalid_grant"}'))))).toMatchObject({
      kind: 'needs_auth',
      providerMessage: 'invalid_grant',
    })
    // A browser sign-in whose renewal is refused asks for the sign-in, not for keys.
    expect(
      inEnglish(checked(classifyTokenFailure(new OAuthRefused(400, '{"error":"invalid_grant"}'), 'sign_in'))),
    ).toMatchObject({
      kind: 'needs_auth',
      message: expect.stringMatching(/^Webex no longer renews this sign-in/),
    })
    expect(inEnglish(checked(classifyTokenFailure(new OAuthRefused(503, 'down'))))).toMatchObject({
      kind: 'retry',
      httpStatus: 503,
    })
    expect(inEnglish(checked(classifyTokenFailure(new OAuthRefused(429, ''))))).toMatchObject({
      kind: 'retry',
      httpStatus: 429,
    })
    expect(inEnglish(checked(classifyTokenFailure(new TypeError('fetch failed'))))).toMatchObject({
      kind: 'retry',
      httpStatus: null,
    })
    expect(inEnglish(checked(classifyTokenFailure(new DOMException('t', 'TimeoutError'))))).toMatchObject({
      kind: 'retry',
      reason: expect.stringContaining('no answer in time'),
    })
    // This computer's keychain, not the provider: its own outcome, so the lane keeps its health.
    const locked = new KeychainError('locked', 'locked', 'unlock prompt was dismissed')
    expect(inEnglish(checked(classifyTokenFailure(locked)))).toMatchObject({
      kind: 'keychain_unavailable',
      keychain: 'locked',
      message: expect.stringContaining('keychain is locked'),
    })
    expect(inEnglish(checked(classifyTokenFailure('weird')))).toMatchObject({ kind: 'retry' })
  })
})

describe('the rest of the Webex client’s branches', () => {
  it('a stored task that is not an object: refused by the one wire check, with the issue at the root', () => {
    expect(wireIssues(WebexCreateTaskRequestSchema, null)).toBe('Invalid input: expected object, received null')
  })
})
