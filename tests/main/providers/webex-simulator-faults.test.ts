import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { Profile } from '../../../shared/schemas/profiles'
import type { WebexSendContext } from '../../../electron/main/providers/webex/webex-client'
import { createWebexClient } from '../../../electron/main/providers/webex/webex-client'
import { TransportError, nodeHttpTransport } from '../../../electron/main/providers/http/http-transport'
import { createLogger } from '../../../electron/main/core/logger'
import { systemClock } from '../../../electron/main/core/clock'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import type { WebexFault, WebexSimulatorOptions } from '../../../electron/main/providers/webex/webex-simulator'
import { startWebexSimulator, WEBEX_SIM_IDENTITY_PREFIX } from '../../../electron/main/providers/webex/webex-simulator'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { SEED_CALLBACK } from '../../shared/wire/webex-cases'
import { ANSWERED_MS, SENT_THEN_SILENT_MS, limitFor } from './time-limits'

// Every fault kind, the rate limit and the clock, observed at the HTTP level, and then our real
// client driven through each of them to the outcome the send queue acts on.

const TOKEN = 'faults-test-access-token'
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.()
})

async function sim(options: Partial<WebexSimulatorOptions> = {}) {
  const s = await startWebexSimulator({
    clientId: secrets.webex.clientId,
    clientSecret: secrets.webex.clientSecret,
    refreshToken: secrets.webex.refreshToken,
    accessTokens: [TOKEN],
    orgId: drafts.webex.orgId,
    ...options,
  })
  cleanups.push(s.close)
  return s
}
type Sim = Awaited<ReturnType<typeof sim>>

/** A raw create, bypassing client and schema: the answer, or the transport's failure. */
async function raw(s: Sim, { timeoutMs = ANSWERED_MS, token = TOKEN } = {}) {
  try {
    return await nodeHttpTransport({
      method: 'POST',
      url: `${s.url}/v1/tasks`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(SEED_CALLBACK),
      signal: new AbortController().signal,
      timeoutMs,
    })
  } catch (error) {
    if (error instanceof TransportError) return error
    throw error
  }
}
const API_ERROR = (status: number) => ({
  trackingId: expect.stringMatching(/^SIM_/),
  error: { key: String(status), message: [expect.any(String)] },
})

/** The simulator's identity host, beside a Contact Center base URL on the same listener. */
const simIdentity = (baseUrl: string) => `${new URL(baseUrl).origin}${WEBEX_SIM_IDENTITY_PREFIX}`

describe('faults at the HTTP level', () => {
  it('refuse: ECONNREFUSED for every endpoint until cleared', async () => {
    const s = await sim()
    await s.setFault({ kind: 'refuse' })
    expect(await raw(s)).toMatchObject({ code: 'ECONNREFUSED', phase: 'before_send' })
    await s.setFault(null)
    expect(await raw(s)).toMatchObject({ status: 201 })
  })

  it('blackhole: no answer within a short timeout, nothing created', async () => {
    const s = await sim()
    await s.setFault({ kind: 'blackhole' })
    expect(await raw(s, { timeoutMs: SENT_THEN_SILENT_MS })).toMatchObject({ timedOut: true, phase: 'after_send' })
    expect(s.tasks).toEqual([])
    expect(s.ledger.map((l) => l.verdict)).toEqual(['blackholed'])
  })

  it.each([400, 401, 403, 404, 500])('status %i: Webex’s ApiErrorResponse, nothing created', async (status) => {
    const s = await sim()
    await s.setFault({ kind: 'status', status })
    const answer = await raw(s)
    expect(answer).toMatchObject({ status })
    expect(JSON.parse((answer as { body: string }).body)).toEqual(API_ERROR(status))
    expect(s.tasks).toEqual([])
    expect(s.ledger.map((l) => l.verdict)).toEqual([`fault_${status}`])
  })

  it.each([429, 503])('status %i with retryAfterSeconds: the Retry-After header', async (status) => {
    const s = await sim()
    await s.setFault({ kind: 'status', status, retryAfterSeconds: 7 })
    const answer = await raw(s)
    expect(answer).toMatchObject({ status, headers: { 'retry-after': '7' } })
    expect(JSON.parse((answer as { body: string }).body)).toEqual(API_ERROR(status))
  })

  it('status with code and message: those instead of the usual ones', async () => {
    const s = await sim()
    await s.setFault({ kind: 'status', status: 400, code: 'BAD_EP', message: 'entryPointId is not an outbound EP' })
    const answer = await raw(s)
    expect(JSON.parse((answer as { body: string }).body)).toMatchObject({
      error: { key: 'BAD_EP', message: ['entryPointId is not an outbound EP'] },
    })
  })

  it('slow: answered normally after at least the delay', async () => {
    const s = await sim()
    await s.setFault({ kind: 'slow', ms: 250 })
    const started = performance.now()
    expect(await raw(s)).toMatchObject({ status: 201 })
    expect(performance.now() - started).toBeGreaterThanOrEqual(245)
    expect(s.tasks).toHaveLength(1)
  })

  it('dropAfterBody: the socket closes without an answer, and the task exists', async () => {
    const s = await sim()
    await s.setFault({ kind: 'dropAfterBody' })
    const answer = await raw(s)
    expect(answer).toBeInstanceOf(TransportError)
    expect(answer).toMatchObject({ phase: 'after_send', timedOut: false })
    expect(s.tasks).toHaveLength(1)
    expect(s.ledger.map((l) => l.verdict)).toEqual(['created', 'dropped'])
  })

  it('times counts down, then the endpoint is normal again', async () => {
    const s = await sim()
    await s.setFault({ kind: 'status', status: 503, times: 2 })
    expect(await raw(s)).toMatchObject({ status: 503 })
    expect(await raw(s)).toMatchObject({ status: 503 })
    expect(await raw(s)).toMatchObject({ status: 201 })
    expect(s.ledger.map((l) => l.verdict)).toEqual(['fault_503', 'fault_503', 'created'])
  })
})

describe('rate limit', () => {
  it('exactly max accepted, then 429 with Retry-After in the error shape, nothing created', async () => {
    const s = await sim({ rateLimit: { kind: 'window', max: 3, windowMs: 60_000 } })
    for (let i = 0; i < 3; i++) expect(await raw(s)).toMatchObject({ status: 201 })
    const limited = await raw(s)
    expect(limited).toMatchObject({ status: 429 })
    const { headers, body } = limited as { headers: Record<string, string>; body: string }
    expect(Number(headers['retry-after'])).toBeGreaterThanOrEqual(59)
    expect(Number(headers['retry-after'])).toBeLessThanOrEqual(60)
    expect(JSON.parse(body)).toEqual(API_ERROR(429))
    expect(s.tasks).toHaveLength(3)
  })

  it('the default is Webex’s 300 a minute; null is none', async () => {
    const limited = await sim()
    const unlimited = await sim({ rateLimit: null })
    const burst = async (s: Sim) => (await Promise.all(Array.from({ length: 301 }, () => raw(s)))).map(statusOf)
    const statusOf = (a: Awaited<ReturnType<typeof raw>>) => ('status' in a ? a.status : a.code)
    expect((await burst(limited)).filter((st) => st === 429)).toHaveLength(1)
    expect((await burst(unlimited)).every((st) => st === 201)).toBe(true)
  })
})

describe('clock offset', () => {
  it('token expiry is judged on Webex’s clock', async () => {
    const s = await sim({ tokenLifetimeS: 60, clockOffsetMs: 5 * 60_000 })
    expect(await raw(s)).toMatchObject({ status: 201 })
    s.setClockOffset(5 * 60_000 + 61_000)
    expect(await raw(s)).toMatchObject({ status: 401 })
    expect(s.ledger.at(-1)?.verdict).toBe('unauthorized')
  })

  it('the scheduled-callback window is judged on Webex’s clock', async () => {
    const s = await sim({ clockOffsetMs: 3 * 86_400_000 })
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
    const answer = await nodeHttpTransport({
      method: 'POST',
      url: `${s.url}/v1/callbacks/organization/${s.orgId}/scheduled-callback`,
      headers: { authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({
        customerName: 'Ada',
        callbackNumber: '+14085550100',
        timezone: 'UTC',
        scheduleDate: tomorrow,
        startTime: '10:00:00',
        endTime: '11:00:00',
        queueId: 'queue-1',
      }),
      signal: new AbortController().signal,
      timeoutMs: ANSWERED_MS,
    })
    expect(answer.status).toBe(400)
    expect(answer.body).toContain('scheduleDate')
  })
})

describe('our client through each fault', () => {
  function context(baseUrl: string, auth: 'oauth' | 'access_token' = 'oauth'): WebexSendContext {
    const store = memorySecretStore()
    const profile = Profile.parse({
      ...drafts.webex,
      id: '6f1c2a8e-4b7d-4c1e-9a3f-2d5b8e7c1a91',
      authMethod: auth,
      endpoint: { kind: 'custom', baseUrl },
      identityUrl: simIdentity(baseUrl),
    })
    if (profile.provider !== 'webex') throw new Error('fixture')
    return {
      profile,
      secret: auth === 'oauth' ? secrets.webex : { provider: 'webex', kind: 'access_token', accessToken: TOKEN },
      tokens: createTokenCache({
        secrets: store,
        clock: systemClock,
        logger: createLogger(() => undefined, systemClock),
      }),
      clock: systemClock,
      fetch,
      signal: new AbortController().signal,
      idempotencyKey: 'faults-key-1',
    }
  }

  const client = createWebexClient({ timeoutMs: ANSWERED_MS })

  const table: [name: string, fault: WebexFault | null, expected: Partial<SendOutcome>, created: number][] = [
    ['no fault', null, { kind: 'sent', httpStatus: 201 }, 1],
    ['400', { kind: 'status', status: 400 }, { kind: 'rejected', httpStatus: 400 }, 0],
    ['401 (after the one refresh)', { kind: 'status', status: 401 }, { kind: 'needs_auth' }, 0],
    ['401 once: refreshed and resent', { kind: 'status', status: 401, times: 1 }, { kind: 'sent' }, 1],
    ['403', { kind: 'status', status: 403 }, { kind: 'rejected', httpStatus: 403 }, 0],
    ['404', { kind: 'status', status: 404 }, { kind: 'rejected', httpStatus: 404 }, 0],
    [
      '429 + Retry-After',
      { kind: 'status', status: 429, retryAfterSeconds: 7 },
      { kind: 'retry', delayMs: 7000, httpStatus: 429 },
      0,
    ],
    ['500', { kind: 'status', status: 500 }, { kind: 'needs_review' }, 0],
    [
      '503 + Retry-After',
      { kind: 'status', status: 503, retryAfterSeconds: 2 },
      { kind: 'retry', delayMs: 2000, httpStatus: 503 },
      0,
    ],
    ['refuse', { kind: 'refuse' }, { kind: 'retry', delayMs: null, httpStatus: null }, 0],
    ['blackhole', { kind: 'blackhole' }, { kind: 'needs_review' }, 0],
    ['slow, within the timeout', { kind: 'slow', ms: 50 }, { kind: 'sent' }, 1],
    ['slow, past the timeout', { kind: 'slow', ms: 500 }, { kind: 'needs_review' }, 1],
    ['dropAfterBody', { kind: 'dropAfterBody' }, { kind: 'needs_review' }, 1],
  ]

  it.each(table)('%s', async (_name, fault, expected, created) => {
    const s = await sim()
    await s.setFault(fault)
    const limited = createWebexClient({ timeoutMs: limitFor(fault) })
    expect(await limited.send(context(s.url), SEED_CALLBACK)).toMatchObject(expected)
    // A slow create completes on Webex's side even when the client gave up waiting.
    await vi.waitFor(() => expect(s.tasks).toHaveLength(created), { timeout: ANSWERED_MS })
  })

  it('a pasted token: 401 → needs_auth at once (nothing to refresh)', async () => {
    const s = await sim()
    await s.setFault({ kind: 'status', status: 401 })
    expect(await client.send(context(s.url, 'access_token'), SEED_CALLBACK)).toMatchObject({ kind: 'needs_auth' })
    expect(s.ledger.map((l) => l.verdict)).toEqual(['fault_401'])
  })

  it('the rate limit: retry after Webex’s wait', async () => {
    const s = await sim({ rateLimit: { kind: 'window', max: 1, windowMs: 30_000 } })
    const ctx = context(s.url)
    expect(await client.send(ctx, SEED_CALLBACK)).toMatchObject({ kind: 'sent' })
    const limited = await client.send(ctx, SEED_CALLBACK)
    expect(limited).toMatchObject({ kind: 'retry', httpStatus: 429 })
    expect(limited.kind === 'retry' && limited.delayMs).toBeGreaterThanOrEqual(29_000)
    expect(s.tasks).toHaveLength(1)
  })
})
