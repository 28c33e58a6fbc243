import { createHash } from 'node:crypto'
import { inEnglish } from '../../shared/in-english'
import { afterEach, describe, expect, it } from 'vitest'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { VoiceBroadcastSecret } from '../../../shared/schemas/credentials'
import { VoiceBroadcastProfile } from '../../../shared/schemas/profiles'
import type { VoiceBroadcastSend } from '../../../shared/providers/voice-broadcast/wire'
import { TransportError, nodeHttpTransport } from '../../../electron/main/providers/http/http-transport'
import type { VoiceBroadcastSendContext } from '../../../electron/main/providers/voice-broadcast/voice-broadcast-client'
import { createVoiceBroadcastClient } from '../../../electron/main/providers/voice-broadcast/voice-broadcast-client'
import { systemClock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import type {
  VoiceBroadcastFault,
  VoiceBroadcastSimulatorOptions,
} from '../../../electron/main/providers/voice-broadcast/voice-broadcast-simulator'
import { startVoiceBroadcastSimulator } from '../../../electron/main/providers/voice-broadcast/voice-broadcast-simulator'
import { drafts, secrets } from '../../shared/fixtures'
import { seedMinimal } from '../../shared/wire/voice-broadcast-cases'
import { memorySecretStore } from '../memory-secret-store'
import { ANSWERED_MS, SENT_THEN_SILENT_MS, limitFor } from './time-limits'

// Every fault kind, the rate limit and the clock, observed at the HTTP level, and then our real
// client driven through each of them to the outcome the send queue acts on.
//
// The platform answers its own errors as HTTP 200 + business code (the `code` fault). The HTTP
// faults play its gateway: a `status` fault is the gateway's HTML error page, no envelope, so the
// classifier goes by the status alone.

const KEY = secrets.voice_broadcast.apiKey
const SECRET = secrets.voice_broadcast.apiSecret
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.()
})

async function sim(options: Partial<VoiceBroadcastSimulatorOptions> = {}) {
  const s = await startVoiceBroadcastSimulator({ apiKey: KEY, apiSecret: SECRET, ...options })
  cleanups.push(s.close)
  return s
}
type Sim = Awaited<ReturnType<typeof sim>>

let serial = 0
/** A signed send of the seed example under a new task name, or the transport's failure. */
async function raw(s: Sim, { timeoutMs = ANSWERED_MS, skewS = 0 } = {}) {
  const timestamp = String(Math.floor(Date.now() / 1000) + skewS)
  try {
    return await nodeHttpTransport({
      method: 'POST',
      url: `${s.url}/voice/group/call/send`,
      headers: {
        'api-key': KEY,
        timestamp,
        sign: createHash('md5').update(`${KEY}${SECRET}${timestamp}`).digest('hex'),
      },
      body: JSON.stringify({ ...seedMinimal(), taskName: `faults ${++serial}` }),
      signal: new AbortController().signal,
      timeoutMs,
    })
  } catch (error) {
    if (error instanceof TransportError) return error
    throw error
  }
}
const envelopeOf = (answer: unknown) => JSON.parse((answer as { body: string }).body) as unknown

describe('faults at the HTTP level', () => {
  it('refuse: ECONNREFUSED until cleared', async () => {
    const s = await sim()
    await s.setFault({ kind: 'refuse' })
    expect(inEnglish(await raw(s))).toMatchObject({ code: 'ECONNREFUSED', phase: 'before_send' })
    await s.setFault(null)
    expect(inEnglish(envelopeOf(await raw(s)))).toMatchObject({ status: '0' })
  })

  it('blackhole: no answer within a short timeout, nothing created', async () => {
    const s = await sim()
    await s.setFault({ kind: 'blackhole' })
    expect(inEnglish(await raw(s, { timeoutMs: SENT_THEN_SILENT_MS }))).toMatchObject({
      timedOut: true,
      phase: 'after_send',
    })
    expect(inEnglish(s.tasks)).toEqual([])
  })

  it.each([400, 401, 403, 404, 500, 502])('status %i: the gateway’s error page, no envelope', async (status) => {
    const s = await sim()
    await s.setFault({ kind: 'status', status })
    const answer = await raw(s)
    expect(inEnglish(answer)).toMatchObject({ status, headers: { 'content-type': 'text/html' } })
    expect((answer as { body: string }).body).toContain(`<title>${status} `)
    expect(inEnglish(s.tasks)).toEqual([])
    expect(inEnglish(s.ledger.map((l) => l.verdict))).toEqual([`fault_${status}`])
  })

  it.each([429, 503])('status %i with retryAfterSeconds: the Retry-After header', async (status) => {
    const s = await sim()
    await s.setFault({ kind: 'status', status, retryAfterSeconds: 5 })
    expect(inEnglish(await raw(s))).toMatchObject({ status, headers: { 'retry-after': '5' } })
  })

  it('status with a code: the envelope with that code, at that HTTP status', async () => {
    const s = await sim({ envelope: 'code' })
    await s.setFault({ kind: 'status', status: 403, code: '-2', message: 'IP restricted' })
    const answer = await raw(s)
    expect(inEnglish(answer)).toMatchObject({ status: 403 })
    expect(inEnglish(envelopeOf(answer))).toEqual({ code: '-2', msg: 'IP restricted', data: null })
  })

  it('code: HTTP 200 with the business code, after the signature checks, nothing created', async () => {
    const s = await sim()
    await s.setFault({ kind: 'code', code: '-10', text: 'insufficient balance' })
    const answer = await raw(s)
    expect(inEnglish(answer)).toMatchObject({ status: 200 })
    expect(inEnglish(envelopeOf(answer))).toEqual({ status: '-10', reason: 'insufficient balance', data: null })
    expect(inEnglish(s.tasks)).toEqual([])
  })

  it('slow: answered normally after at least the delay', async () => {
    const s = await sim()
    await s.setFault({ kind: 'slow', ms: 250 })
    const started = performance.now()
    expect(inEnglish(envelopeOf(await raw(s)))).toMatchObject({ status: '0' })
    expect(performance.now() - started).toBeGreaterThanOrEqual(245)
  })

  it('dropAfterBody: the socket closes without an answer, and the task exists', async () => {
    const s = await sim()
    await s.setFault({ kind: 'dropAfterBody' })
    expect(inEnglish(await raw(s))).toMatchObject({ phase: 'after_send', timedOut: false })
    expect(s.tasks).toHaveLength(1)
    expect(inEnglish(s.ledger.map((l) => l.verdict))).toEqual(['created', 'dropped'])
  })

  it('times counts down, then the endpoint is normal again', async () => {
    const s = await sim()
    await s.setFault({ kind: 'code', code: '-18', times: 2 })
    expect(inEnglish(envelopeOf(await raw(s)))).toMatchObject({ status: '-18' })
    expect(inEnglish(envelopeOf(await raw(s)))).toMatchObject({ status: '-18' })
    expect(inEnglish(envelopeOf(await raw(s)))).toMatchObject({ status: '0' })
    expect(s.tasks).toHaveLength(1)
  })
})

describe('rate limit', () => {
  it('exactly max accepted, then the gateway’s 429 with Retry-After, nothing created', async () => {
    const s = await sim({ rateLimit: { kind: 'window', max: 2, windowMs: 5000 } })
    expect(inEnglish(envelopeOf(await raw(s)))).toMatchObject({ status: '0' })
    expect(inEnglish(envelopeOf(await raw(s)))).toMatchObject({ status: '0' })
    const limited = await raw(s)
    expect(inEnglish(limited)).toMatchObject({
      status: 429,
      headers: { 'retry-after': expect.stringMatching(/^[45]$/) },
    })
    expect(s.tasks).toHaveLength(2)
    expect(s.ledger.at(-1)?.verdict).toBe('rate_limited')
  })
})

describe('clock offset', () => {
  it('a Timestamp off the platform’s clock by more than the skew: -16, nothing created', async () => {
    const s = await sim({ clockOffsetMs: 10 * 60_000 })
    expect(inEnglish(envelopeOf(await raw(s)))).toMatchObject({ status: '-16', reason: 'timestamp expires' })
    // The same machine clock, sent as the platform's clock reads it: accepted.
    expect(inEnglish(envelopeOf(await raw(s, { skewS: 600 })))).toMatchObject({ status: '0' })
    s.setClockOffset(0)
    expect(inEnglish(envelopeOf(await raw(s)))).toMatchObject({ status: '0' })
    expect(s.tasks).toHaveLength(2)
  })

  it('maxSkewS is the tolerance, either way', async () => {
    const s = await sim({ maxSkewS: 30 })
    expect(inEnglish(envelopeOf(await raw(s, { skewS: -25 })))).toMatchObject({ status: '0' })
    expect(inEnglish(envelopeOf(await raw(s, { skewS: 35 })))).toMatchObject({ status: '-16' })
  })
})

describe('our client through each fault', () => {
  function context(baseUrl: string): VoiceBroadcastSendContext {
    return {
      profile: VoiceBroadcastProfile.parse({
        ...drafts.voice_broadcast,
        id: '8b1e7d2a-3b4f-4a5e-8d6c-1f2e3a4b5c6e',
        baseUrl,
      }),
      secret: VoiceBroadcastSecret.parse(secrets.voice_broadcast),
      tokens: createTokenCache({
        secrets: memorySecretStore(),
        clock: systemClock,
        logger: createLogger(() => undefined, systemClock),
      }),
      clock: systemClock,
      fetch,
      signal: new AbortController().signal,
      idempotencyKey: 'faults-key-3',
    }
  }
  const client = createVoiceBroadcastClient({ timeoutMs: ANSWERED_MS })
  const task = seedMinimal() as VoiceBroadcastSend

  const table: [name: string, fault: VoiceBroadcastFault | null, expected: Partial<SendOutcome>, created: number][] = [
    ['no fault', null, { kind: 'sent', httpStatus: 200 }, 1],
    ['gateway 400', { kind: 'status', status: 400 }, { kind: 'rejected', httpStatus: 400 }, 0],
    ['gateway 401', { kind: 'status', status: 401 }, { kind: 'needs_auth' }, 0],
    ['gateway 403', { kind: 'status', status: 403 }, { kind: 'needs_auth' }, 0],
    ['gateway 404', { kind: 'status', status: 404 }, { kind: 'rejected', httpStatus: 404 }, 0],
    [
      'gateway 429 + Retry-After',
      { kind: 'status', status: 429, retryAfterSeconds: 7 },
      { kind: 'retry', delayMs: 7000, httpStatus: 429 },
      0,
    ],
    ['gateway 500 (taskName makes a resend safe)', { kind: 'status', status: 500 }, { kind: 'retry' }, 0],
    ['gateway 503', { kind: 'status', status: 503, retryAfterSeconds: 2 }, { kind: 'retry', delayMs: 2000 }, 0],
    ['code -1', { kind: 'code', code: '-1' }, { kind: 'needs_auth' }, 0],
    ['code -10', { kind: 'code', code: '-10' }, { kind: 'rejected', httpStatus: 200 }, 0],
    ['code -18', { kind: 'code', code: '-18' }, { kind: 'retry' }, 0],
    ['refuse', { kind: 'refuse' }, { kind: 'retry', httpStatus: null }, 0],
    ['blackhole', { kind: 'blackhole' }, { kind: 'retry', httpStatus: null }, 0],
    ['slow, within the timeout', { kind: 'slow', ms: 50 }, { kind: 'sent' }, 1],
    ['dropAfterBody (created; the resend meets -20)', { kind: 'dropAfterBody' }, { kind: 'retry' }, 1],
  ]

  it.each(table)('%s', async (_name, fault, expected, created) => {
    const s = await sim()
    await s.setFault(fault)
    const limited = createVoiceBroadcastClient({ timeoutMs: limitFor(fault) })
    expect(inEnglish(await limited.send(context(s.url), task))).toMatchObject(expected)
    expect(s.tasks).toHaveLength(created)
  })

  it('the rate limit: retry after the gateway’s wait', async () => {
    const s = await sim({ rateLimit: { kind: 'window', max: 1, windowMs: 20_000 } })
    expect(inEnglish(await client.send(context(s.url), task))).toMatchObject({ kind: 'sent' })
    const limited = await createVoiceBroadcastClient().send({ ...context(s.url), idempotencyKey: 'other' }, task)
    expect(inEnglish(limited)).toMatchObject({ kind: 'retry', httpStatus: 429 })
    expect(limited.kind === 'retry' && limited.delayMs).toBeGreaterThanOrEqual(19_000)
  })

  it('a platform clock 10 minutes ahead: -16 → retry with words about the clock', async () => {
    const s = await sim({ clockOffsetMs: 10 * 60_000 })
    expect(inEnglish(await client.send(context(s.url), task))).toMatchObject({
      kind: 'retry',
      reason: expect.stringContaining('clock'),
    })
    expect(inEnglish(s.tasks)).toEqual([])
  })
})
