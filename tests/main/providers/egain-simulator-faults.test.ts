import { afterEach, describe, expect, it } from 'vitest'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { Profile } from '../../../shared/schemas/profiles'
import type { EgainSendContext, EgainSendRequest } from '../../../electron/main/providers/egain/egain-client'
import { createEgainClient } from '../../../electron/main/providers/egain/egain-client'
import { TransportError, nodeHttpTransport } from '../../../electron/main/providers/http/http-transport'
import { createLogger } from '../../../electron/main/core/logger'
import { systemClock } from '../../../electron/main/core/clock'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import type { EgainFault, EgainSimulatorOptions } from '../../../electron/main/providers/egain/egain-simulator'
import { EGAIN_TASK_ACTIVITY_PATH, startEgainSimulator } from '../../../electron/main/providers/egain/egain-simulator'
import { drafts, secrets } from '../../shared/fixtures'
import { fullSample } from '../../shared/wire/egain-cases'
import { memorySecretStore } from '../memory-secret-store'
import { ANSWERED_MS, SENT_THEN_SILENT_MS, limitFor } from './time-limits'

// Every fault kind, the rate limit and the clock, observed at the HTTP level, and then our real
// client driven through each of them to the outcome the send queue acts on.

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.()
})

async function sim(options: Partial<EgainSimulatorOptions> = {}) {
  const s = await startEgainSimulator({
    clientId: drafts.egain.clientId,
    clientSecret: secrets.egain.clientSecret,
    ...options,
  })
  cleanups.push(s.close)
  return s
}
type Sim = Awaited<ReturnType<typeof sim>>

/** The notes' full example without its fixed due date (which would pass one day). */
function request(): EgainSendRequest {
  const { actor: _actor, ...call } = fullSample()
  delete call.body.dueDate
  return call as unknown as EgainSendRequest
}

async function token(s: Sim) {
  const answer = await fetch(s.tokenUrl, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: drafts.egain.clientId,
      client_secret: secrets.egain.clientSecret,
      scope: drafts.egain.scope,
    }),
  })
  return ((await answer.json()) as { access_token: string }).access_token
}

/** A raw create, bypassing client and schema: the answer, or the transport's failure. */
async function raw(s: Sim, accessToken: string, timeoutMs = ANSWERED_MS) {
  const { query, body } = request()
  try {
    return await nodeHttpTransport({
      method: 'POST',
      url: `${s.url}${EGAIN_TASK_ACTIVITY_PATH}?${new URLSearchParams(query as Record<string, string>).toString()}`,
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: new AbortController().signal,
      timeoutMs,
    })
  } catch (error) {
    if (error instanceof TransportError) return error
    throw error
  }
}
const bodyOf = (answer: unknown) => JSON.parse((answer as { body: string }).body) as unknown
const EGAIN_ERROR = (status: number) => ({
  code: expect.stringMatching(new RegExp(`^${status}-\\d{3}$`)),
  developerMessage: expect.any(String),
})

describe('faults at the HTTP level', () => {
  it('refuse: ECONNREFUSED, the token endpoint included, until cleared', async () => {
    const s = await sim()
    const t = await token(s)
    await s.setFault({ kind: 'refuse' })
    expect(await raw(s, t)).toMatchObject({ code: 'ECONNREFUSED', phase: 'before_send' })
    await expect(token(s)).rejects.toThrow()
    await s.setFault(null)
    expect(await raw(s, t)).toMatchObject({ status: 201 })
  })

  it('blackhole: no answer within a short timeout, nothing created', async () => {
    const s = await sim()
    const t = await token(s)
    await s.setFault({ kind: 'blackhole' })
    expect(await raw(s, t, SENT_THEN_SILENT_MS)).toMatchObject({ timedOut: true, phase: 'after_send' })
    expect(s.activities).toEqual([])
    expect(s.requests.map((r) => r.verdict)).toEqual(['blackholed'])
  })

  it.each([400, 401, 403, 404, 406, 500])(
    'status %i: eGain’s {code, developerMessage}, nothing created',
    async (status) => {
      const s = await sim()
      const t = await token(s)
      await s.setFault({ kind: 'status', status })
      const answer = await raw(s, t)
      expect(answer).toMatchObject({ status })
      expect(bodyOf(answer)).toEqual(EGAIN_ERROR(status))
      expect(s.activities).toEqual([])
    },
  )

  it.each([429, 503])('status %i with retryAfterSeconds: the Retry-After header', async (status) => {
    const s = await sim()
    const t = await token(s)
    await s.setFault({ kind: 'status', status, retryAfterSeconds: 4 })
    const answer = await raw(s, t)
    expect(answer).toMatchObject({ status, headers: { 'retry-after': '4' } })
    expect(bodyOf(answer)).toEqual(EGAIN_ERROR(status))
  })

  it('status with code and message: those instead of the usual ones', async () => {
    const s = await sim()
    const t = await token(s)
    await s.setFault({ kind: 'status', status: 400, code: '400-205', message: 'Department not found.' })
    expect(bodyOf(await raw(s, t))).toEqual({ code: '400-205', developerMessage: 'Department not found.' })
  })

  it('slow: answered normally after at least the delay', async () => {
    const s = await sim()
    const t = await token(s)
    await s.setFault({ kind: 'slow', ms: 250 })
    const started = performance.now()
    expect(await raw(s, t)).toMatchObject({ status: 201 })
    expect(performance.now() - started).toBeGreaterThanOrEqual(245)
  })

  it('dropAfterBody: the socket closes without an answer, and the activity exists', async () => {
    const s = await sim()
    const t = await token(s)
    await s.setFault({ kind: 'dropAfterBody' })
    expect(await raw(s, t)).toMatchObject({ phase: 'after_send', timedOut: false })
    expect(s.activities).toHaveLength(1)
    expect(s.requests.map((r) => r.verdict)).toEqual(['created', 'dropped'])
  })

  it('times counts down, then the endpoint is normal again', async () => {
    const s = await sim()
    const t = await token(s)
    await s.setFault({ kind: 'dropAfterBody', times: 1 })
    expect(await raw(s, t)).toBeInstanceOf(TransportError)
    expect(await raw(s, t)).toMatchObject({ status: 201 })
    expect(s.activities).toHaveLength(2)
  })
})

describe('rate limit', () => {
  it('exactly max accepted, then 429 with Retry-After in the error shape, nothing created', async () => {
    const s = await sim({ rateLimit: { kind: 'window', max: 2, windowMs: 10_000 } })
    const t = await token(s)
    expect(await raw(s, t)).toMatchObject({ status: 201 })
    expect(await raw(s, t)).toMatchObject({ status: 201 })
    const limited = await raw(s, t)
    expect(limited).toMatchObject({ status: 429 })
    const retryAfter = Number((limited as { headers: Record<string, string> }).headers['retry-after'])
    expect(retryAfter).toBeGreaterThanOrEqual(9)
    expect(retryAfter).toBeLessThanOrEqual(10)
    expect(bodyOf(limited)).toEqual(EGAIN_ERROR(429))
    expect(s.activities).toHaveLength(2)
  })

  it('a token bucket works the same way', async () => {
    const s = await sim({ rateLimit: { kind: 'bucket', perSecond: 0.5, burst: 1 } })
    const t = await token(s)
    expect(await raw(s, t)).toMatchObject({ status: 201 })
    expect(await raw(s, t)).toMatchObject({ status: 429, headers: { 'retry-after': '2' } })
  })
})

describe('clock offset', () => {
  it('token expiry is judged on eGain’s clock', async () => {
    const s = await sim({ tokenLifetimeS: 60, clockOffsetMs: -3_600_000 })
    const t = await token(s)
    expect(await raw(s, t)).toMatchObject({ status: 201 })
    s.setClockOffset(-3_600_000 + 61_000)
    expect(await raw(s, t)).toMatchObject({ status: 401 })
    expect(s.requests.at(-1)?.verdict).toBe('unauthorized')
  })

  it('"dueDate must be a future date" is judged on eGain’s clock', async () => {
    const s = await sim({ clockOffsetMs: 2 * 3_600_000 })
    const t = await token(s)
    const { query, body } = request()
    const answer = await nodeHttpTransport({
      method: 'POST',
      url: `${s.url}${EGAIN_TASK_ACTIVITY_PATH}?${new URLSearchParams(query as Record<string, string>).toString()}`,
      headers: { authorization: `Bearer ${t}` },
      // An hour from now on this machine, an hour ago on eGain's.
      body: JSON.stringify({ ...body, dueDate: new Date(Date.now() + 3_600_000).toISOString() }),
      signal: new AbortController().signal,
      timeoutMs: ANSWERED_MS,
    })
    expect(answer.status).toBe(400)
    expect(answer.body).toContain('dueDate must be a future date')
  })
})

describe('our client through each fault', () => {
  function context(s: Sim): EgainSendContext {
    const profile = Profile.parse({
      ...drafts.egain,
      id: '7a1c2a8e-4b7d-4c1e-9a3f-2d5b8e7c1a92',
      tokenUrl: s.tokenUrl,
      apiBaseUrl: s.url,
    })
    if (profile.provider !== 'egain') throw new Error('fixture')
    return {
      profile,
      secret: secrets.egain,
      tokens: createTokenCache({
        secrets: memorySecretStore(),
        clock: systemClock,
        logger: createLogger(() => undefined, systemClock),
      }),
      clock: systemClock,
      fetch,
      signal: new AbortController().signal,
      idempotencyKey: 'faults-key-2',
    }
  }
  const client = createEgainClient({ timeoutMs: ANSWERED_MS })

  const table: [name: string, fault: EgainFault | null, expected: Partial<SendOutcome>, created: number][] = [
    ['no fault', null, { kind: 'sent', httpStatus: 201 }, 1],
    ['400', { kind: 'status', status: 400 }, { kind: 'rejected', httpStatus: 400 }, 0],
    ['401 (after one new token)', { kind: 'status', status: 401 }, { kind: 'needs_auth' }, 0],
    ['401 once: new token, resent', { kind: 'status', status: 401, times: 1 }, { kind: 'sent' }, 1],
    ['403', { kind: 'status', status: 403 }, { kind: 'rejected', httpStatus: 403 }, 0],
    ['404', { kind: 'status', status: 404 }, { kind: 'rejected', httpStatus: 404 }, 0],
    [
      '429 + Retry-After',
      { kind: 'status', status: 429, retryAfterSeconds: 3 },
      { kind: 'retry', delayMs: 3000, httpStatus: 429 },
      0,
    ],
    ['500', { kind: 'status', status: 500 }, { kind: 'needs_review' }, 0],
    ['503', { kind: 'status', status: 503 }, { kind: 'retry', delayMs: null, httpStatus: 503 }, 0],
    ['refuse', { kind: 'refuse' }, { kind: 'retry', httpStatus: null }, 0],
    ['blackhole', { kind: 'blackhole' }, { kind: 'needs_review' }, 0],
    ['slow, within the timeout', { kind: 'slow', ms: 50 }, { kind: 'sent' }, 1],
    ['dropAfterBody', { kind: 'dropAfterBody' }, { kind: 'needs_review' }, 1],
  ]

  it.each(table)('%s', async (_name, fault, expected, created) => {
    const s = await sim()
    await s.setFault(fault)
    const limited = createEgainClient({ timeoutMs: limitFor(fault) })
    expect(await limited.send(context(s), request())).toMatchObject(expected)
    expect(s.activities).toHaveLength(created)
  })

  it('the rate limit: retry after eGain’s wait', async () => {
    const s = await sim({ rateLimit: { kind: 'window', max: 1, windowMs: 20_000 } })
    const ctx = context(s)
    expect(await client.send(ctx, request())).toMatchObject({ kind: 'sent' })
    const limited = await client.send(ctx, request())
    expect(limited).toMatchObject({ kind: 'retry', httpStatus: 429 })
    expect(limited.kind === 'retry' && limited.delayMs).toBeGreaterThanOrEqual(19_000)
  })
})
