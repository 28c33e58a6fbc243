import { afterEach, describe, expect, it } from 'vitest'
import { inEnglish } from '../../shared/in-english'
import { egainTaskActivitySchema } from '../../../shared/providers/egain/wire'
import { wireIssues } from './wire-check'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { SendOutcome as SendOutcomeSchema } from '../../../shared/schemas/send-outcome'
import { Profile } from '../../../shared/schemas/profiles'
import type { ProviderSecret } from '../../../shared/schemas/credentials'
import type {
  EgainAnswer,
  EgainSendContext,
  EgainSendRequest,
} from '../../../electron/main/providers/egain/egain-client'
import {
  EGAIN_RETRIED_5XX,
  EGAIN_TASK_PATH,
  classifyEgainResponse,
  classifyEgainTokenFailure,
  createEgainClient,
  egainCreatedId,
  egainErrorText,
  egainTaskQueryString,
} from '../../../electron/main/providers/egain/egain-client'
import { nodeHttpTransport } from '../../../electron/main/providers/http/http-transport'
import { OAuthRefused, oauthErrorText, requestToken } from '../../../electron/main/providers/http/oauth'
import { tokenAccount } from '../../../electron/main/secrets/credentials-service'
import { createLogger } from '../../../electron/main/core/logger'
import { systemClock } from '../../../electron/main/core/clock'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import type { EgainSimulatorOptions } from '../../../electron/main/providers/egain/egain-simulator'
import { startEgainSimulator } from '../../../electron/main/providers/egain/egain-simulator'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { ANSWERED_MS, NEVER_ANSWERED_MS } from './time-limits'
import { KeychainError } from '../../../electron/main/secrets/secret-store'

const ID = '7a2c3b9f-5c8e-4d2f-8b4a-3e6c9f8d2b01'
const KEY = 'b9e4d1a3-2222-4f3c-8d4e-6f7a8b9c0d1e'
const USER_PASSWORD = 'agent-password-1'
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

/** A client application's request: it must name the assignee. */
const task: EgainSendRequest = {
  acceptLanguage: 'en-US',
  query: { searchContactOnAttribute: 'email.emailAddress', createCustomer: 'yes' },
  body: {
    department: { name: 'Service' },
    type: { value: 'task', subtype: { value: 'General' } },
    subject: 'Follow up with customer',
    priority: '3',
    customer: { contacts: { contact: [{ firstName: 'Jane', email: [{ emailAddress: 'jane@example.com' }] }] } },
    payload: { task: { content: [{ type: 'text', value: 'Call back about invoice 42' }] } },
    status: { assigned: { user: { loginId: 'agent1' } } },
  },
}

async function sim(options: Partial<EgainSimulatorOptions> = {}) {
  const s = await startEgainSimulator({
    clientId: drafts.egain.clientId,
    clientSecret: secrets.egain.clientSecret,
    users: { agent1: 'u-1001' },
    ...options,
  })
  cleanups.push(s.close)
  return s
}

type Sim = Awaited<ReturnType<typeof sim>>

/** A send context for one eGain profile, with its keychain (and token cache) in memory. */
function context(
  s: Sim,
  overrides: { secret?: Partial<ProviderSecret>; user?: boolean; store?: ReturnType<typeof memorySecretStore> } = {},
): EgainSendContext & { store: ReturnType<typeof memorySecretStore> } {
  const store = overrides.store ?? memorySecretStore()
  const logger = createLogger(() => undefined, systemClock)
  const profile = Profile.parse({
    ...drafts.egain,
    id: ID,
    tokenUrl: s.tokenUrl,
    apiBaseUrl: s.url,
    ...(overrides.user
      ? { grantType: 'password', username: 'agent1', scope: 'https://api.egain.cloud/auth/core.casemgr.manage' }
      : {}),
  })
  const secret = { ...secrets.egain, ...overrides.secret } as ProviderSecret
  if (profile.provider !== 'egain' || secret.provider !== 'egain') throw new Error('fixture')
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
  for (const secret of [secrets.egain.clientSecret, USER_PASSWORD, ...tokens]) expect(text).not.toContain(secret)
  expect(text).not.toMatch(/eg-at-/)
  return outcome
}

const client = createEgainClient({ timeoutMs: ANSWERED_MS })

describe('eGain client over loopback HTTP', () => {
  it('201: sent with the activity id from Location; the body and query reach eGain', async () => {
    const s = await sim()
    const outcome = checked(await client.send(context(s), task))
    expect(s.activities).toHaveLength(1)
    expect(inEnglish(outcome)).toEqual({ kind: 'sent', providerId: s.activities[0]!.id, httpStatus: 201 })
    expect(inEnglish(s.activities[0]!.body)).toEqual(task.body)
    expect(inEnglish(s.ledger)).toEqual([{ grant: 'client_credentials', verdict: 'issued' }])
    expect(inEnglish(s.requests)).toEqual([{ path: EGAIN_TASK_PATH, verdict: 'created' }])
  })

  it("on behalf of a user (eGain's on-behalf-of flow): the user is named, no password is sent, no assignee needed", async () => {
    const s = await sim()
    const forms: URLSearchParams[] = []
    const ctx = context(s, { user: true })
    const watching: typeof fetch = async (input, init) => {
      forms.push(new URLSearchParams(String(init?.body ?? '')))
      return fetch(input, init)
    }
    const { status: _status, ...body } = task.body
    const outcome = checked(await client.send({ ...ctx, fetch: watching }, { ...task, body }))
    expect(inEnglish(outcome)).toMatchObject({ kind: 'sent', providerId: s.activities[0]!.id })
    expect(inEnglish(s.ledger)).toEqual([{ grant: 'password', verdict: 'issued' }])
    // The documented form: grant_type=password, the client's credentials, scope and subject_username.
    expect(inEnglish(Object.fromEntries(forms[0]!))).toEqual({
      grant_type: 'password',
      client_id: drafts.egain.clientId,
      client_secret: secrets.egain.clientSecret,
      scope: 'https://api.egain.cloud/auth/core.casemgr.manage',
      subject_username: 'agent1',
    })
  })

  it("eGain's token endpoint refuses a grant without scope or subject, as documented", async () => {
    const s = await sim()
    const ask = (form: Record<string, string>) =>
      fetch(s.tokenUrl, {
        method: 'POST',
        body: new URLSearchParams({
          client_id: drafts.egain.clientId,
          client_secret: secrets.egain.clientSecret,
          ...form,
        }),
      }).then(async (r) => ({ status: r.status, error: ((await r.json()) as { error: string }).error }))
    expect(inEnglish(await ask({ grant_type: 'client_credentials' }))).toEqual({
      status: 400,
      error: 'invalid_request',
    })
    // The old password grant: a user name and password, no subject.
    expect(
      inEnglish(
        await ask({
          grant_type: 'password',
          scope: 'https://api.egain.cloud/auth/core.casemgr.manage',
          username: 'agent1',
          password: USER_PASSWORD,
        }),
      ),
    ).toEqual({ status: 400, error: 'invalid_request' })
    expect(
      inEnglish(
        await ask({
          grant_type: 'password',
          scope: 'https://api.egain.cloud/auth/core.casemgr.manage',
          subject_userid: 'u-1001',
        }),
      ),
    ).toMatchObject({ status: 200 })
    expect(
      inEnglish(
        await ask({ grant_type: 'client_credentials', scope: 'https://api.egain.cloud/auth/core.casemgr.manage' }),
      ),
    ).toEqual({ status: 400, error: 'invalid_scope' })
  })

  it('a request that fails our schema is refused by the one wire check (the client does not check again)', () => {
    const { status: _status, ...body } = task.body
    expect(wireIssues(egainTaskActivitySchema(new Date()), { ...task, actor: 'client', body })).toContain(
      'body.status: When an application (not a user) creates the task',
    )
  })

  it("eGain's own 400 developerMessage is shown as is", async () => {
    const s = await sim()
    // The simulator checks with the same schema, so its 400 is reached directly (as a user's token
    // with a client-only rule would not be): a missing customer.
    const token = await requestToken(
      fetch,
      s.tokenUrl,
      {
        grant_type: 'client_credentials',
        client_id: drafts.egain.clientId,
        client_secret: secrets.egain.clientSecret,
        scope: drafts.egain.scope,
      },
      new Date(),
      new AbortController().signal,
    )
    const reply = await nodeHttpTransport({
      method: 'POST',
      url: `${s.url}${EGAIN_TASK_PATH}?searchContactOnAttribute=email.emailAddress&color=blue`,
      headers: { authorization: `Bearer ${token.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(task.body),
      signal: new AbortController().signal,
      timeoutMs: ANSWERED_MS,
    })
    expect(reply.status).toBe(400)
    const outcome = checked(classifyEgainResponse({ kind: 'http', ...reply }, { now: new Date() }), token.accessToken)
    expect(inEnglish(outcome)).toEqual({
      kind: 'rejected',
      message: 'eGain refused the task as invalid.',
      providerMessage: "Unsupported query parameter(s) supplied: 'color'. (400-101)",
      httpStatus: 400,
    })
    expect(inEnglish(s.activities)).toEqual([])

    await s.setFault({ kind: 'status', status: 400 })
    expect(inEnglish(checked(await client.send(context(s), task)))).toMatchObject({
      kind: 'rejected',
      httpStatus: 400,
      providerMessage: 'Bad request. (400-100)',
    })
  })

  it('token revoked → 401 → one new token → resent → sent', async () => {
    const s = await sim()
    const ctx = context(s)
    expect((await client.send(ctx, task)).kind).toBe('sent')
    s.revokeTokens()
    const outcome = checked(await client.send(ctx, task))
    expect(inEnglish(outcome)).toMatchObject({ kind: 'sent', providerId: s.activities[1]!.id })
    expect(inEnglish(s.ledger.map((l) => l.verdict))).toEqual(['issued', 'issued'])
    expect(inEnglish(s.requests.map((r) => r.verdict))).toEqual(['created', 'unauthorized', 'created'])
  })

  it('a stale cached token: dropped, replaced once, sent', async () => {
    const s = await sim()
    const store = memorySecretStore({
      [tokenAccount(ID)]: JSON.stringify({
        accessToken: 'stale-cached-token-7777',
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      }),
    })
    const outcome = checked(await client.send(context(s, { store }), task), 'stale-cached-token-7777')
    expect(inEnglish(outcome)).toMatchObject({ kind: 'sent', httpStatus: 201 })
    expect(inEnglish(s.requests.map((r) => r.verdict))).toEqual(['unauthorized', 'created'])
  })

  it('401 twice (after a new token) → needs_auth', async () => {
    const s = await sim()
    await s.setFault({ kind: 'status', status: 401 })
    const outcome = checked(await client.send(context(s), task))
    expect(inEnglish(outcome)).toMatchObject({
      kind: 'needs_auth',
      providerMessage: 'The access token is missing, invalid, expired or revoked. (401-100)',
    })
    expect(inEnglish(s.ledger.map((l) => l.verdict))).toEqual(['issued', 'issued'])
    expect(inEnglish(s.requests.map((r) => r.verdict))).toEqual(['fault_401', 'fault_401'])
  })

  it('wrong client secret → needs_auth, nothing sent', async () => {
    const s = await sim()
    const outcome = checked(
      await client.send(context(s, { secret: { clientSecret: 'not-the-secret-XYZ' } }), task),
      'not-the-secret-XYZ',
    )
    expect(inEnglish(outcome)).toMatchObject({
      kind: 'needs_auth',
      providerMessage: 'invalid_client: Client authentication failed.',
    })
    expect(inEnglish(s.ledger.map((l) => l.verdict))).toEqual(['invalid_client'])
    expect(inEnglish(s.requests)).toEqual([])
  })

  it('403 → rejected, explaining the permission', async () => {
    const s = await sim()
    await s.setFault({ kind: 'status', status: 403 })
    expect(inEnglish(checked(await client.send(context(s), task)))).toMatchObject({
      kind: 'rejected',
      httpStatus: 403,
      message: expect.stringContaining('app.core.casemgr.manage'),
      providerMessage: 'The caller does not have permission to perform this operation. (403-100)',
    })
  })

  it('429 from the one-at-a-time rule → retry after Retry-After (1 s)', async () => {
    // eGain takes 300 ms over each create, so the second one arrives while the first is in hand.
    const s = await sim({ handlingMs: 300 })
    const ctx = context(s)
    expect((await client.send(ctx, task)).kind).toBe('sent') // the token is cached now
    const both = await Promise.all([client.send(ctx, task), client.send(ctx, task)])
    both.forEach((outcome) => checked(outcome))
    const limited = both.find((o) => o.kind === 'retry')
    expect(inEnglish(both.map((o) => o.kind).sort())).toEqual(['retry', 'sent'])
    expect(inEnglish(limited)).toMatchObject({ kind: 'retry', httpStatus: 429, delayMs: 1000 })
    expect(s.activities).toHaveLength(2)
    expect(inEnglish(s.requests.map((r) => r.verdict).sort())).toEqual(['busy', 'created', 'created'])
  })

  it('503 → retry with the queue backoff; 500 → needs_review', async () => {
    const s = await sim()
    await s.setFault({ kind: 'status', status: 503 })
    expect(inEnglish(checked(await client.send(context(s), task)))).toEqual({
      kind: 'retry',
      delayMs: null,
      reason: 'eGain is unavailable right now (HTTP 503).',
      httpStatus: 503,
    })
    await s.setFault({ kind: 'status', status: 500 })
    expect(inEnglish(checked(await client.send(context(s), task)))).toMatchObject({
      kind: 'needs_review',
      message: expect.stringContaining('may or may not have been created'),
      providerMessage: 'Internal server error. (500-100)',
    })
  })

  it('connection refused → retry (the token request is refused: nothing was sent)', async () => {
    const s = await sim()
    await s.setFault({ kind: 'refuse' })
    expect(inEnglish(checked(await client.send(context(s), task)))).toMatchObject({
      kind: 'retry',
      httpStatus: null,
      reason: expect.stringContaining('ECONNREFUSED'),
    })
    // With a token already cached, the task request itself is refused.
    const ctx = context(s)
    await s.setFault(null)
    expect((await client.send(ctx, task)).kind).toBe('sent')
    await s.setFault({ kind: 'refuse' })
    expect(inEnglish(checked(await client.send(ctx, task)))).toEqual({
      kind: 'retry',
      delayMs: null,
      reason: 'eGain could not be reached (ECONNREFUSED).',
      httpStatus: null,
    })
    expect(s.activities).toHaveLength(1)
  })

  it('dropAfterBody → needs_review, and eGain did create the activity (the ambiguity itself)', async () => {
    const s = await sim()
    await s.setFault({ kind: 'dropAfterBody' })
    const outcome = checked(await client.send(context(s), task))
    expect(inEnglish(outcome)).toMatchObject({ kind: 'needs_review', providerMessage: null })
    expect(outcome.kind === 'needs_review' && inEnglish(outcome.message)).toMatch(/connection broke before the answer/)
    expect(s.activities).toHaveLength(1)
    expect(inEnglish(s.activities[0]!.body)).toEqual(task.body)
  })

  it('blackhole with a short timeout → needs_review', async () => {
    const s = await sim()
    await s.setFault({ kind: 'blackhole' })
    const fast = createEgainClient({ timeoutMs: NEVER_ANSWERED_MS })
    const started = Date.now()
    expect(inEnglish(checked(await fast.send(context(s), task)))).toMatchObject({
      kind: 'needs_review',
      message: expect.stringContaining('no answer came back in time'),
    })
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('a transport that throws something unknown is treated as possibly sent', async () => {
    const s = await sim()
    const broken = createEgainClient({ transport: () => Promise.reject(new Error('boom')) })
    expect(inEnglish(checked(await broken.send(context(s), task)))).toMatchObject({ kind: 'needs_review' })
  })

  it('headers, query and URL are what eGain documents (an echoed token is the seam’s to redact: seam-redaction.test)', async () => {
    const s = await sim()
    let seen: { url: string; headers: Record<string, string> } | null = null
    const echo = createEgainClient({
      transport: async (request) => {
        seen = { url: request.url, headers: request.headers }
        return { status: 400, headers: {}, body: `bad header ${request.headers.authorization ?? ''}` }
      },
    })
    const outcome = await echo.send(context(s), { ...task, acceptLanguage: 'fr-FR' })
    expect(inEnglish(outcome)).toMatchObject({ kind: 'rejected' })
    expect(inEnglish(seen)).toMatchObject({
      url: `${s.url}${EGAIN_TASK_PATH}?searchContactOnAttribute=email.emailAddress&createCustomer=yes`,
      headers: {
        authorization: expect.stringMatching(/^Bearer eg-at-/),
        'accept-language': 'fr-FR',
        accept: 'application/json',
        'content-type': 'application/json',
      },
    })
  })
})

describe('classifyEgainResponse (pure, every branch)', () => {
  const now = new Date('2026-05-01T12:00:00Z')
  const http = (status: number, body = '', headers: Record<string, string> = {}): EgainAnswer => ({
    kind: 'http',
    status,
    headers,
    body,
  })
  const classify = (answer: EgainAnswer) => checked(classifyEgainResponse(answer, { now }))
  const errorBody = JSON.stringify({
    code: '400-101',
    developerMessage: "Unsupported query parameter(s) supplied: 'x'.",
  })

  it.each([
    [
      '201 Location',
      http(201, '', { location: '/core/casemgr/v3/activity/1001' }),
      { kind: 'sent', providerId: '1001', httpStatus: 201 },
    ],
    [
      '201 absolute Location with slash',
      http(201, '', { location: 'https://api.example/core/casemgr/v3/activity/abc%20d/' }),
      { kind: 'sent', providerId: 'abc d' },
    ],
    ['201 body id', http(201, '{"id":"2002"}'), { kind: 'sent', providerId: '2002' }],
    ['201 numeric body id', http(201, '{"id":3003}'), { kind: 'sent', providerId: '3003' }],
    ['201 neither', http(201), { kind: 'needs_review', providerMessage: null }],
    ['201 JSON without id', http(201, '{"ok":true}'), { kind: 'needs_review', providerMessage: '{"ok":true}' }],
    ['201 not JSON', http(201, 'created'), { kind: 'needs_review', providerMessage: 'created' }],
    [
      '400',
      http(400, errorBody),
      {
        kind: 'rejected',
        httpStatus: 400,
        providerMessage: "Unsupported query parameter(s) supplied: 'x'. (400-101)",
      },
    ],
    ['404', http(404, 'no route'), { kind: 'rejected', httpStatus: 404, providerMessage: 'no route' }],
    ['406', http(406), { kind: 'rejected', httpStatus: 406, providerMessage: null }],
    [
      '409',
      http(409, '{"developerMessage":"exists"}'),
      { kind: 'rejected', httpStatus: 409, providerMessage: 'exists' },
    ],
    ['422', http(422, '{"userMessage":"nope"}'), { kind: 'rejected', httpStatus: 422, providerMessage: 'nope' }],
    ['405 other 4xx', http(405), { kind: 'rejected', httpStatus: 405, message: 'eGain refused the task (HTTP 405).' }],
    ['302 redirect', http(302), { kind: 'rejected', httpStatus: 302 }],
    [
      '401',
      http(401, '{"code":"401-100","developerMessage":"expired"}'),
      { kind: 'needs_auth', providerMessage: 'expired (401-100)' },
    ],
    ['403', http(403), { kind: 'rejected', httpStatus: 403, message: expect.stringContaining('permission') }],
    ['408', http(408), { kind: 'retry', httpStatus: 408, delayMs: null }],
    ['429 seconds', http(429, '', { 'retry-after': '1' }), { kind: 'retry', httpStatus: 429, delayMs: 1000 }],
    ['429 date', http(429, '', { 'retry-after': 'Fri, 01 May 2026 12:00:30 GMT' }), { kind: 'retry', delayMs: 30_000 }],
    ['429 none', http(429), { kind: 'retry', delayMs: null }],
    ['503', http(503, '', { 'retry-after': '2' }), { kind: 'retry', httpStatus: 503, delayMs: 2000 }],
    ['500', http(500, 'oops'), { kind: 'needs_review', providerMessage: 'oops' }],
    ['502', http(502), { kind: 'needs_review' }],
    ['504', http(504), { kind: 'needs_review' }],
    [
      'refused',
      { kind: 'network', phase: 'before_send', code: 'ECONNREFUSED', timedOut: false },
      { kind: 'retry', httpStatus: null, delayMs: null },
    ],
    [
      'connect timeout',
      { kind: 'network', phase: 'before_send', code: 'ETIMEDOUT', timedOut: true },
      { kind: 'retry', reason: 'eGain could not be reached (no answer in time).' },
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
  ] as [string, EgainAnswer, object][])('%s', (_name, answer, expected) => {
    expect(inEnglish(classify(answer))).toMatchObject(expected)
  })

  it('only 503 among 5xx is retried', () => {
    expect([...EGAIN_RETRIED_5XX]).toEqual([503])
  })

  it('error text, created id and query string helpers', () => {
    expect(egainErrorText('   ')).toBeNull()
    expect(egainErrorText('{"other":1}')).toBe('{"other":1}')
    expect(egainErrorText('{"developerMessage":"m","code":7}')).toBe('m')
    expect(egainCreatedId({ location: '/' }, '')).toBeNull()
    expect(egainCreatedId({ location: '/a/55?x=1' }, '')).toBe('55')
    expect(egainCreatedId({}, '{"id":""}')).toBeNull()
    expect(egainTaskQueryString({ searchContactOnAttribute: 'custom.crm id', activityContact: 'home.phone' })).toBe(
      'searchContactOnAttribute=custom.crm+id&activityContact=home.phone',
    )
  })

  it('token failures: refused → needs_auth, 5xx/429 and network → retry; nothing leaks', () => {
    expect(
      inEnglish(
        checked(classifyEgainTokenFailure(new OAuthRefused(401, '{"error":"invalid_client","error_description":"x"}'))),
      ),
    ).toMatchObject({ kind: 'needs_auth', providerMessage: 'invalid_client: x' })
    expect(inEnglish(checked(classifyEgainTokenFailure(new OAuthRefused(500, 'down'))))).toMatchObject({
      kind: 'retry',
      httpStatus: 500,
    })
    expect(inEnglish(checked(classifyEgainTokenFailure(new OAuthRefused(429, ''))))).toMatchObject({
      kind: 'retry',
      httpStatus: 429,
    })
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })
    expect(inEnglish(checked(classifyEgainTokenFailure(refused)))).toMatchObject({
      kind: 'retry',
      reason: expect.stringContaining('ECONNREFUSED'),
    })
    expect(inEnglish(checked(classifyEgainTokenFailure(new DOMException('t', 'TimeoutError'))))).toMatchObject({
      kind: 'retry',
      reason: expect.stringContaining('no answer in time'),
    })
    // This computer's keychain, not the provider: its own outcome, so the lane keeps its health.
    const locked = new KeychainError('locked', 'locked', 'unlock prompt was dismissed')
    expect(inEnglish(checked(classifyEgainTokenFailure(locked)))).toMatchObject({
      kind: 'keychain_unavailable',
      keychain: 'locked',
      message: expect.stringContaining('keychain is locked'),
    })
    expect(inEnglish(checked(classifyEgainTokenFailure('weird')))).toMatchObject({ kind: 'retry' })
  })
})

describe('the rest of the eGain and OAuth branches', () => {
  it('a field eGain does not accept: refused by the one wire check, with the issue at the root', () => {
    expect(wireIssues(egainTaskActivitySchema(new Date()), { ...task, actor: 'client', colour: 'blue' })).toBe(
      'eGain does not accept colour in the request.',
    )
  })

  /** A token endpoint's captured answer, handed over where a `fetch` is injected. */
  const answering =
    (status: number, body: unknown): typeof fetch =>
    () =>
      Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }))
  const now = new Date('2026-05-01T12:00:00Z')
  const token = (fetcher: typeof fetch) =>
    requestToken(fetcher, 'https://idp.invalid/token', { grant_type: 'x' }, now, new AbortController().signal)

  it('a 200 without an access_token is a refusal; one without expires_in lives 10 minutes', async () => {
    await expect(token(answering(200, { token_type: 'Bearer' }))).rejects.toMatchObject({
      name: 'OAuthRefused',
      status: 200,
      providerMessage: 'The token endpoint answered without an access_token.',
    })
    await expect(token(answering(200, { access_token: '' }))).rejects.toBeInstanceOf(OAuthRefused)
    expect(inEnglish(await token(answering(200, { access_token: 'at-1' })))).toEqual({
      accessToken: 'at-1',
      expiresAt: '2026-05-01T12:10:00.000Z',
    })
    expect(
      inEnglish(await token(answering(200, { access_token: 'at-2', expires_in: 0, refresh_token: 'rt-2' }))),
    ).toEqual({
      accessToken: 'at-2',
      expiresAt: '2026-05-01T12:10:00.000Z',
      refreshToken: 'rt-2',
    })
    expect(inEnglish(await token(answering(200, { access_token: 'at-3', expires_in: 60 })))).toMatchObject({
      expiresAt: '2026-05-01T12:01:00.000Z',
    })
  })

  it('OAuth error text: error and description, a message, or the raw text', () => {
    expect(oauthErrorText('{"error":"invalid_client","error_description":"nope"}')).toBe('invalid_client: nope')
    expect(oauthErrorText('{"message":"Client authentication failed."}')).toBe('Client authentication failed.')
    expect(oauthErrorText('{"status":401}')).toBe('{"status":401}')
    expect(oauthErrorText('<html>401</html>')).toBe('<html>401</html>')
  })
})
