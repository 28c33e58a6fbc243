import { afterEach, describe, expect, it } from 'vitest'
import { inEnglish, type InEnglish } from '../../shared/in-english'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { SendOutcome as SendOutcomeSchema } from '../../../shared/schemas/send-outcome'
import type { VoiceBroadcastSend } from '../../../shared/providers/voice-broadcast/wire'
import { VoiceBroadcastSecret } from '../../../shared/schemas/credentials'
import { VoiceBroadcastProfile } from '../../../shared/schemas/profiles'
import type { VoiceBroadcastSendContext } from '../../../electron/main/providers/voice-broadcast/voice-broadcast-client'
import {
  createVoiceBroadcastClient,
  voiceBroadcastTaskName,
} from '../../../electron/main/providers/voice-broadcast/voice-broadcast-client'
import { systemClock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import type { VoiceBroadcastFault } from '../../../electron/main/providers/voice-broadcast/voice-broadcast-simulator'
import { startVoiceBroadcastSimulator } from '../../../electron/main/providers/voice-broadcast/voice-broadcast-simulator'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { missingResponseClasses } from './response-classes'
import { ANSWERED_MS, SENT_THEN_SILENT_MS } from './time-limits'

// Issue #4 / reliability Q11: one row per response class, each sent by the real client (node:http
// transport, md5 header signature) to the voice-broadcast simulator over loopback HTTP. The task name
// is derived from the idempotency key and unique on the account: ambiguous failures are `retry`, and
// the platform's -20 "data already exists" is how a resend meets the task it already created.

const ID = '9c1e7d2a-3b4f-4a5e-8d6c-1f2e3a4b5c6d'
const KEY = 'c0ffee00-2222-4e2b-9c3d-5e6f7a8b9c0d'
const NAME = voiceBroadcastTaskName('Order ready', KEY)
const SECRET = secrets.voice_broadcast.apiSecret
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const request: VoiceBroadcastSend = {
  appId: 'app-1',
  taskName: 'Order ready',
  numberList: ['8412345678'],
  source: 3,
  text: 'Your order is ready.',
  lan: 'EN',
  loopCount: 1,
  maxCalls: 60,
}

interface Row {
  fault?: VoiceBroadcastFault
  /** The same task (same name) was sent and created before this send. */
  resend?: boolean
  /** Sign with a wrong API secret. */
  wrongSecret?: boolean
  timedOut?: boolean
  timeoutMs?: number
  outcome: Partial<InEnglish<SendOutcome>> & { kind: SendOutcome['kind'] } & Record<string, unknown>
  /** The send endpoint's verdicts, this send's only. */
  ledger: string[]
  /** Tasks that exist afterwards. */
  created: 0 | 1
}

const status = (code: number, extra: Partial<Extract<VoiceBroadcastFault, { kind: 'status' }>> = {}) =>
  ({ kind: 'status', status: code, ...extra }) as VoiceBroadcastFault

const rows: Record<string, Row> = {
  '2xx (code 0) → sent with the jobId': { outcome: { kind: 'sent', httpStatus: 200 }, ledger: ['created'], created: 1 },
  'duplicate name (-20 on a resend) → sent with the existing jobId, no second task': {
    resend: true,
    outcome: { kind: 'sent', httpStatus: 200 },
    ledger: ['duplicate'],
    created: 1,
  },
  'duplicate name (-20) without an id → needs_review': {
    fault: { kind: 'code', code: '-20', text: 'data already exists' },
    outcome: {
      kind: 'needs_review',
      message: expect.stringContaining(NAME),
      providerMessage: '-20 data already exists',
    },
    ledger: ['code_-20'],
    created: 0,
  },
  '400 → rejected': {
    fault: status(400),
    outcome: { kind: 'rejected', httpStatus: 400, providerMessage: expect.stringContaining('400 Bad Request') },
    ledger: ['fault_400'],
    created: 0,
  },
  '401 → needs_auth': {
    fault: status(401),
    outcome: { kind: 'needs_auth', message: expect.stringContaining('(HTTP 401)') },
    ledger: ['fault_401'],
    created: 0,
  },
  'code -1 (a wrong secret) → needs_auth': {
    wrongSecret: true,
    outcome: { kind: 'needs_auth', providerMessage: '-1 authentication error' },
    ledger: ['bad_sign'],
    created: 0,
  },
  '403 → needs_auth': {
    fault: status(403),
    outcome: { kind: 'needs_auth', message: expect.stringContaining('(HTTP 403)') },
    ledger: ['fault_403'],
    created: 0,
  },
  '404 → rejected (base URL)': {
    fault: status(404),
    outcome: { kind: 'rejected', httpStatus: 404, message: expect.stringContaining('base URL') },
    ledger: ['fault_404'],
    created: 0,
  },
  '408 → retry': {
    fault: status(408),
    outcome: { kind: 'retry', httpStatus: 408, delayMs: null },
    ledger: ['fault_408'],
    created: 0,
  },
  '409 → rejected': {
    fault: status(409),
    outcome: { kind: 'rejected', httpStatus: 409, message: expect.stringContaining('(HTTP 409)') },
    ledger: ['fault_409'],
    created: 0,
  },
  '422 → rejected': {
    fault: status(422),
    outcome: { kind: 'rejected', httpStatus: 422, message: expect.stringContaining('(HTTP 422)') },
    ledger: ['fault_422'],
    created: 0,
  },
  '429 → retry after Retry-After': {
    fault: status(429, { retryAfterSeconds: 7 }),
    outcome: { kind: 'retry', httpStatus: 429, delayMs: 7000 },
    ledger: ['fault_429'],
    created: 0,
  },
  '500 → retry': { fault: status(500), outcome: { kind: 'retry', httpStatus: 500 }, ledger: ['fault_500'], created: 0 },
  '502 → retry': { fault: status(502), outcome: { kind: 'retry', httpStatus: 502 }, ledger: ['fault_502'], created: 0 },
  '503 → retry after Retry-After': {
    fault: status(503, { retryAfterSeconds: 5 }),
    outcome: { kind: 'retry', httpStatus: 503, delayMs: 5000 },
    ledger: ['fault_503'],
    created: 0,
  },
  '504 → retry': { fault: status(504), outcome: { kind: 'retry', httpStatus: 504 }, ledger: ['fault_504'], created: 0 },
  'code -18 (system error) → retry': {
    fault: { kind: 'code', code: '-18', text: 'system error' },
    outcome: { kind: 'retry', httpStatus: 200, reason: expect.stringContaining('system error') },
    ledger: ['code_-18'],
    created: 0,
  },
  'connection refused → retry': {
    fault: { kind: 'refuse' },
    outcome: {
      kind: 'retry',
      httpStatus: null,
      reason: expect.stringContaining('could not be reached (ECONNREFUSED)'),
    },
    ledger: [],
    created: 0,
  },
  'timeout before sending → retry': {
    timedOut: true,
    outcome: {
      kind: 'retry',
      httpStatus: null,
      reason: expect.stringContaining('could not be reached (no answer in time)'),
    },
    ledger: [],
    created: 0,
  },
  'timeout after the body was sent → retry': {
    fault: { kind: 'blackhole' },
    timeoutMs: SENT_THEN_SILENT_MS,
    outcome: { kind: 'retry', httpStatus: null, reason: expect.stringContaining('did not answer (no answer in time)') },
    ledger: ['blackholed'],
    created: 0,
  },
  'connection reset after the body was sent → retry (and the task exists)': {
    fault: { kind: 'dropAfterBody' },
    outcome: { kind: 'retry', httpStatus: null, reason: expect.stringContaining('did not answer (ECONNRESET)') },
    ledger: ['created', 'dropped'],
    created: 1,
  },
}

describe('voice broadcast: every response class through the real client and the simulator', () => {
  it('has a row for every response class', () => {
    const names = Object.keys(rows)
    expect(missingResponseClasses(names)).toEqual([])
  })

  it.each(Object.entries(rows))('%s', async (_name, row) => {
    const s = await startVoiceBroadcastSimulator({ apiKey: secrets.voice_broadcast.apiKey, apiSecret: SECRET })
    cleanups.push(s.close)
    const client = createVoiceBroadcastClient({ timeoutMs: row.timeoutMs ?? ANSWERED_MS })
    const context = (signal: AbortSignal): VoiceBroadcastSendContext => ({
      profile: VoiceBroadcastProfile.parse({ ...drafts.voice_broadcast, id: ID, baseUrl: s.url }),
      secret: VoiceBroadcastSecret.parse({
        ...secrets.voice_broadcast,
        ...(row.wrongSecret ? { apiSecret: 'wrong-secret-0000' } : {}),
      }),
      tokens: createTokenCache({
        secrets: memorySecretStore(),
        clock: systemClock,
        logger: createLogger(() => {}, systemClock),
      }),
      clock: systemClock,
      fetch,
      signal,
      idempotencyKey: KEY,
    })
    let first: SendOutcome | null = null
    if (row.resend) {
      first = await client.send(context(AbortSignal.timeout(ANSWERED_MS)), request)
      expect(first).toMatchObject({ kind: 'sent' })
      s.ledger.length = 0
    }
    if (row.fault) await s.setFault(row.fault)
    let signal = AbortSignal.timeout(ANSWERED_MS)
    if (row.timedOut) {
      signal = AbortSignal.timeout(1)
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(signal.reason).toMatchObject({ name: 'TimeoutError' })
    }

    const outcome = await client.send(context(signal), request)

    expect(SendOutcomeSchema.parse(outcome)).toEqual(outcome)
    expect(inEnglish(outcome)).toMatchObject(row.outcome)
    if (first) expect(outcome).toEqual(first)
    expect(JSON.stringify(outcome)).not.toContain(SECRET)
    expect(s.ledger.map((l) => l.verdict)).toEqual(row.ledger)
    expect(s.effects.get(NAME) ?? 0).toBe(row.created)
  })
})
