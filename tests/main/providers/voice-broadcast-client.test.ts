import { createHash } from 'node:crypto'
import { inEnglish } from '../../shared/in-english'
import { afterEach, describe, expect, it } from 'vitest'
import { VoiceBroadcastSend as VoiceBroadcastSendSchema } from '../../../shared/providers/voice-broadcast/wire'
import { wireIssues } from './wire-check'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { SendOutcome as SendOutcomeSchema } from '../../../shared/schemas/send-outcome'
import type { VoiceBroadcastSend } from '../../../shared/providers/voice-broadcast/wire'
import { VoiceBroadcastSecret } from '../../../shared/schemas/credentials'
import { VoiceBroadcastProfile } from '../../../shared/schemas/profiles'
import type { SecretOf } from '../../../shared/providers/registry'
import type { HttpRequest, HttpTransport } from '../../../electron/main/providers/http/http-transport'
import { nodeHttpTransport } from '../../../electron/main/providers/http/http-transport'
import type {
  VoiceBroadcastAnswer,
  VoiceBroadcastSendContext,
} from '../../../electron/main/providers/voice-broadcast/voice-broadcast-client'
import {
  classifyVoiceBroadcastAnswer,
  createVoiceBroadcastClient,
  VOICE_BROADCAST_REJECTED_CODES,
  voiceBroadcastTaskName,
} from '../../../electron/main/providers/voice-broadcast/voice-broadcast-client'
import type { Clock } from '../../../electron/main/core/clock'
import { systemClock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import type { VoiceBroadcastSimulatorOptions } from '../../../electron/main/providers/voice-broadcast/voice-broadcast-simulator'
import { startVoiceBroadcastSimulator } from '../../../electron/main/providers/voice-broadcast/voice-broadcast-simulator'
import { VoiceBroadcastIntent } from '../../../shared/providers/voice-broadcast/intents'
import { voiceBroadcastToWire } from '../../../shared/providers/voice-broadcast/to-wire'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { closedPort, silentServer } from './net-fixtures'
import { ANSWERED_MS, NEVER_ANSWERED_MS } from './time-limits'

const ID = '9c1e7d2a-3b4f-4a5e-8d6c-1f2e3a4b5c6d'
const KEY = 'c0ffee00-2222-4e2b-9c3d-5e6f7a8b9c0d'
const SECRET = secrets.voice_broadcast.apiSecret
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const request: VoiceBroadcastSend = {
  appId: 'app-1',
  taskName: 'Order ready, Madrid',
  numberList: ['8412345678', '8498765432'],
  source: 3,
  text: 'Your order is ready.',
  lan: 'EN',
  loopCount: 1,
  maxCalls: 60,
}
const infoRequest: VoiceBroadcastSend = {
  appId: 'app-1',
  taskName: 'x1',
  numberInfoList: [{ calleeNumber: '8412345678', text1: 'Ms Example' }],
  source: 3,
  text: 'Your order is ready.',
  lan: 'EN',
  loopCount: 1,
  maxCalls: 60,
}

const sim = (options: Partial<VoiceBroadcastSimulatorOptions> = {}) =>
  startVoiceBroadcastSimulator({
    apiKey: secrets.voice_broadcast.apiKey,
    apiSecret: SECRET,
    ...options,
  }).then((s) => (cleanups.push(s.close), s))

function context(
  baseUrl: string,
  {
    secret = {},
    idempotencyKey = KEY,
    shape = 'numberList',
    clock = systemClock,
  }: {
    secret?: Partial<SecretOf<'voice_broadcast'>>
    idempotencyKey?: string
    shape?: 'numberList' | 'numberInfoList'
    clock?: Clock
  } = {},
): VoiceBroadcastSendContext {
  const store = memorySecretStore()
  const logger = createLogger(() => {}, systemClock)
  return {
    profile: VoiceBroadcastProfile.parse({ ...drafts.voice_broadcast, id: ID, baseUrl, numberListShape: shape }),
    secret: VoiceBroadcastSecret.parse({ ...secrets.voice_broadcast, ...secret }),
    tokens: createTokenCache({ secrets: store, clock: systemClock, logger }),
    clock,
    fetch,
    signal: AbortSignal.timeout(ANSWERED_MS),
    idempotencyKey,
  }
}

/** nodeHttpTransport, recording what was sent. */
function recording(): { transport: HttpTransport; sent: HttpRequest[] } {
  const sent: HttpRequest[] = []
  return {
    sent,
    transport: (req) => {
      sent.push(req)
      return nodeHttpTransport(req)
    },
  }
}

/** Every outcome is a valid SendOutcome and carries no secret. */
function checked(outcome: SendOutcome): SendOutcome {
  expect(SendOutcomeSchema.safeParse(outcome).success, JSON.stringify(outcome)).toBe(true)
  expect(JSON.stringify(outcome)).not.toContain(SECRET)
  return outcome
}

const TASK_NAME = voiceBroadcastTaskName(request.taskName, KEY)

describe.each(['status', 'code'] as const)(
  'voice broadcast client over loopback HTTP (envelope {%s, …})',
  (envelope) => {
    it('creates the task, signed: sent with the jobId; the task name comes from the key', async () => {
      const s = await sim({ envelope })
      const { transport, sent } = recording()
      const outcome = checked(await createVoiceBroadcastClient({ transport }).send(context(s.url), request))
      expect(inEnglish(s.tasks)).toEqual([
        { id: expect.any(Number), taskName: TASK_NAME, numbers: request.numberList, smsWhen: [] },
      ])
      expect(inEnglish(outcome)).toEqual({ kind: 'sent', providerId: String(s.tasks[0]!.id), httpStatus: 200 })
      expect(s.effects.get(TASK_NAME)).toBe(1)
      expect(inEnglish(s.ledger)).toEqual([{ path: '/voice/group/call/send', verdict: 'created' }])
      expect(sent).toHaveLength(1)
      const headers = sent[0]!.headers
      expect(headers['Api-Key']).toBe(secrets.voice_broadcast.apiKey)
      expect(headers.Sign).toBe(
        createHash('md5').update(`${secrets.voice_broadcast.apiKey}${SECRET}${headers.Timestamp}`).digest('hex'),
      )
      expect(inEnglish(JSON.parse(sent[0]!.body))).toMatchObject({
        taskName: TASK_NAME,
        numberList: request.numberList,
      })
    })

    it('an invalid request: refused by the one wire check with the rule broken', () => {
      expect(wireIssues(VoiceBroadcastSendSchema, { ...request, numberList: ['12'] })).toContain('numberList.0')
    })

    it('a wrong secret: needs_auth', async () => {
      const s = await sim({ envelope })
      const outcome = checked(
        await createVoiceBroadcastClient().send(
          context(s.url, { secret: { apiSecret: 'wrong-secret-0000' } }),
          request,
        ),
      )
      expect(inEnglish(outcome)).toMatchObject({ kind: 'needs_auth', providerMessage: '-1 authentication error' })
      expect(s.tasks).toHaveLength(0)
    })

    it('-10 insufficient balance: rejected with the provider’s words', async () => {
      const s = await sim({ envelope })
      await s.setFault({ kind: 'code', code: '-10', text: 'insufficient balance' })
      const outcome = checked(await createVoiceBroadcastClient().send(context(s.url), request))
      expect(inEnglish(outcome)).toMatchObject({
        kind: 'rejected',
        httpStatus: 200,
        message: expect.stringContaining('balance'),
        providerMessage: '-10 insufficient balance',
      })
      expect(s.tasks).toHaveLength(0)
    })

    it('HTTP 500: retry; the next attempt is sent', async () => {
      const s = await sim({ envelope })
      await s.setFault({ kind: 'status', status: 500, times: 1 })
      const client = createVoiceBroadcastClient()
      expect(inEnglish(checked(await client.send(context(s.url), request)))).toMatchObject({
        kind: 'retry',
        delayMs: null,
        httpStatus: 500,
      })
      expect(s.tasks).toHaveLength(0)
      expect(inEnglish(checked(await client.send(context(s.url), request)))).toMatchObject({ kind: 'sent' })
      expect(s.effects.get(TASK_NAME)).toBe(1)
    })

    it('dropAfterBody: retry; the resend with the same key creates no second task and ends sent with the jobId (-20)', async () => {
      const s = await sim({ envelope })
      await s.setFault({ kind: 'dropAfterBody', times: 1 })
      const client = createVoiceBroadcastClient()
      const first = checked(await client.send(context(s.url), request))
      expect(inEnglish(first)).toMatchObject({ kind: 'retry', httpStatus: null })
      // The task exists already: the answer was lost, not the task.
      expect(s.tasks).toHaveLength(1)
      const again = checked(await client.send(context(s.url), request))
      expect(inEnglish(again)).toEqual({ kind: 'sent', providerId: String(s.tasks[0]!.id), httpStatus: 200 })
      expect(s.tasks).toHaveLength(1)
      expect(s.effects.get(TASK_NAME)).toBe(1)
      expect(inEnglish(s.ledger.map((l) => l.verdict))).toEqual(['created', 'dropped', 'duplicate'])
    })
  },
)

describe('voice broadcast client: the rest', () => {
  it("the task name is the agent's, with a suffix deterministic per key, unique across keys, 2–64 characters", () => {
    // Seed 004: taskName "2-64 in length", unique. The agent's name reaches the platform.
    expect(TASK_NAME).toMatch(/^Order ready, Madrid #[0-9a-f]{10}$/)
    expect(voiceBroadcastTaskName(request.taskName, KEY)).toBe(TASK_NAME)
    expect(voiceBroadcastTaskName(request.taskName, 'other-key')).not.toBe(TASK_NAME)
    expect(voiceBroadcastTaskName('  Order   ready,\n Madrid ', KEY)).toBe(TASK_NAME)
    const long = voiceBroadcastTaskName('ñ'.repeat(200), 'a key with spaces/and:colons')
    expect(long).toMatch(/^ñ{52} #[0-9a-f]{10}$/)
    for (const name of [TASK_NAME, long, voiceBroadcastTaskName('x', KEY), voiceBroadcastTaskName('', KEY)]) {
      expect(name.length).toBeGreaterThanOrEqual(2)
      expect(name.length).toBeLessThanOrEqual(64)
    }
  })

  it('another key is another task', async () => {
    const s = await sim()
    const client = createVoiceBroadcastClient()
    const a = checked(await client.send(context(s.url), request))
    const b = checked(await client.send(context(s.url, { idempotencyKey: 'another-key' }), request))
    expect(a.kind === 'sent' && b.kind === 'sent' && a.providerId !== b.providerId).toBe(true)
    expect([...s.effects.values()]).toEqual([1, 1])
  })

  it('the Timestamp and Sign are made afresh on every attempt', async () => {
    const s = await sim()
    await s.setFault({ kind: 'status', status: 503, times: 1 })
    let t = Date.now()
    const clock: Clock = { now: () => new Date((t += 2000)), monotonicMs: () => performance.now() }
    const { transport, sent } = recording()
    const client = createVoiceBroadcastClient({ transport })
    expect(checked(await client.send(context(s.url, { clock }), request)).kind).toBe('retry')
    expect(checked(await client.send(context(s.url, { clock }), request)).kind).toBe('sent')
    const [a, b] = sent.map((r) => r.headers)
    expect(a!.Timestamp).not.toBe(b!.Timestamp)
    expect(a!.Sign).not.toBe(b!.Sign)
    expect(b!.Sign).toMatch(/^[0-9a-f]{32}$/)
  })

  it('a stale clock (-16): retry with words about the clock', async () => {
    const s = await sim({ clockOffsetMs: 10 * 60_000 })
    const outcome = checked(await createVoiceBroadcastClient().send(context(s.url), request))
    expect(inEnglish(outcome)).toMatchObject({ kind: 'retry', reason: expect.stringContaining('clock') })
  })

  it('an IP the account does not allow (-2): needs_auth naming the allow-list', async () => {
    const s = await sim({ ipRestricted: true })
    const outcome = checked(await createVoiceBroadcastClient().send(context(s.url), request))
    expect(inEnglish(outcome)).toMatchObject({ kind: 'needs_auth', message: expect.stringContaining('allow-list') })
  })

  it('429 with Retry-After: retry after the given wait', async () => {
    const s = await sim()
    await s.setFault({ kind: 'status', status: 429, retryAfterSeconds: 7 })
    const outcome = checked(await createVoiceBroadcastClient().send(context(s.url), request))
    expect(inEnglish(outcome)).toMatchObject({ kind: 'retry', delayMs: 7000, httpStatus: 429 })
  })

  it("an agent's broadcast reaches the platform under its name, and a hang-up SMS with a trigger on", async () => {
    const s = await sim()
    const ctx = context(s.url)
    const profile = { ...ctx.profile, smsAppId: 'sms-app-1' }
    const intent = VoiceBroadcastIntent.parse({
      kind: 'broadcast',
      provider: 'voice_broadcast',
      profileId: ID,
      taskName: 'Spring sale reminder',
      numbers: ['8412345678'],
      text: 'Our spring sale starts tomorrow.',
      lan: 'EN',
      loopCount: 1,
      maxCalls: 60,
      hangUpSms: { content: 'See you tomorrow', onSuccess: true, successDelaySeconds: 10, onKey: '1' },
    })
    const wire = voiceBroadcastToWire(intent, profile)
    if ('error' in wire) throw new Error(wire.error.message)
    const outcome = checked(await createVoiceBroadcastClient().send({ ...ctx, profile }, wire.payload))
    expect(inEnglish(outcome)).toMatchObject({ kind: 'sent' })
    expect(inEnglish(s.tasks)).toEqual([
      {
        id: expect.any(Number),
        taskName: voiceBroadcastTaskName('Spring sale reminder', KEY),
        numbers: ['8412345678'],
        smsWhen: ['feedback_key', 'success'],
      },
    ])
    expect(s.tasks[0]!.taskName).toMatch(/^Spring sale reminder #[0-9a-f]{10}$/)
  })

  it('the numberInfoList shape goes through when the profile expects it', async () => {
    const s = await sim({ envelope: 'code' })
    const outcome = checked(
      await createVoiceBroadcastClient().send(context(s.url, { shape: 'numberInfoList' }), infoRequest),
    )
    expect(inEnglish(outcome)).toMatchObject({ kind: 'sent' })
    expect(inEnglish(s.tasks[0])).toMatchObject({
      taskName: voiceBroadcastTaskName('x1', KEY),
      numbers: ['8412345678'],
    })
  })

  it('a shape the profile does not expect: rejected, nothing sent', async () => {
    const s = await sim()
    const client = createVoiceBroadcastClient()
    const info = checked(await client.send(context(s.url), infoRequest))
    expect(inEnglish(info)).toMatchObject({
      kind: 'rejected',
      httpStatus: null,
      message: expect.stringContaining('numberList'),
    })
    const plain = checked(await client.send(context(s.url, { shape: 'numberInfoList' }), request))
    expect(inEnglish(plain)).toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('expects the numbers as numberInfoList'),
    })
    expect(s.ledger).toHaveLength(0)
  })

  it('both list shapes at once: the shape check leaves the task to the wire schema, which takes it', async () => {
    const s = await sim()
    const both = checked(await createVoiceBroadcastClient().send(context(s.url), { ...request, ...infoRequest }))
    expect(inEnglish(both)).toMatchObject({ kind: 'sent' })
    expect(s.ledger).toHaveLength(1)
  })

  it('no list at all reaches the platform only if the wire check was skipped; the platform refuses it', async () => {
    const s = await sim()
    const { numberList: _numbers, ...noNumbers } = request as Extract<VoiceBroadcastSend, { numberList: unknown }>
    const outcome = checked(await createVoiceBroadcastClient().send(context(s.url), noNumbers as VoiceBroadcastSend))
    expect(inEnglish(outcome)).toMatchObject({ kind: 'rejected' })
    expect(s.tasks).toHaveLength(0)
  })

  it('a 1,000-number request goes through', async () => {
    const s = await sim()
    const numbers = Array.from({ length: 1000 }, (_, i) => `8490${String(i).padStart(7, '0')}`)
    const outcome = checked(
      await createVoiceBroadcastClient().send(context(s.url), { ...request, numberList: numbers }),
    )
    expect(inEnglish(outcome)).toMatchObject({ kind: 'sent' })
    expect(s.tasks[0]!.numbers).toHaveLength(1000)
  })

  it('the simulator refuses a body its schema refuses with -22 and the first issue', async () => {
    const s = await sim()
    const transport: HttpTransport = (req) => nodeHttpTransport({ ...req, body: '{"taskName":"x"}' })
    const outcome = checked(await createVoiceBroadcastClient({ transport }).send(context(s.url), request))
    expect(inEnglish(outcome)).toMatchObject({
      kind: 'rejected',
      providerMessage: expect.stringMatching(/^-22 parameter error: /),
    })
    expect(s.tasks).toHaveLength(0)
  })

  it('a port nobody listens on: retry', async () => {
    const port = await closedPort()
    const outcome = checked(await createVoiceBroadcastClient().send(context(`http://127.0.0.1:${port}`), request))
    expect(inEnglish(outcome)).toMatchObject({
      kind: 'retry',
      httpStatus: null,
      reason: expect.stringContaining('ECONNREFUSED'),
    })
  })

  it('a provider that never answers: retry after the time limit', async () => {
    const silent = await silentServer()
    cleanups.push(silent.close)
    const outcome = checked(
      await createVoiceBroadcastClient({ timeoutMs: NEVER_ANSWERED_MS }).send(
        context(`http://127.0.0.1:${silent.port}`),
        request,
      ),
    )
    expect(inEnglish(outcome)).toMatchObject({
      kind: 'retry',
      httpStatus: null,
      reason: expect.stringContaining('no answer'),
    })
  })
})

describe('classifyVoiceBroadcastAnswer (pure)', () => {
  const now = new Date('2026-03-01T12:00:00Z')
  const options = { now, taskName: TASK_NAME }
  const http = (body: unknown, status = 200, headers: Record<string, string> = {}): VoiceBroadcastAnswer => ({
    kind: 'http',
    status,
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  const classify = (answer: VoiceBroadcastAnswer) => {
    const outcome = classifyVoiceBroadcastAnswer(answer, options)
    expect(SendOutcomeSchema.safeParse(outcome).success, JSON.stringify(outcome)).toBe(true)
    return outcome
  }

  it.each([
    ['0', 5, 'sent'],
    ['-20', 5, 'sent'],
    ['-20', null, 'needs_review'],
    ['-1', null, 'needs_auth'],
    ['-2', null, 'needs_auth'],
    ['-16', null, 'retry'],
    ['-18', null, 'retry'],
    ['-10', null, 'rejected'],
    ['-21', null, 'rejected'],
    ['-22', null, 'rejected'],
    ['-23', null, 'rejected'],
    ['-24', null, 'rejected'],
    ['-26', null, 'rejected'],
    ['-34', null, 'rejected'],
    ['-54', null, 'rejected'],
    ['-99', null, 'rejected'],
  ] as const)('code %s (data %s) → %s, in both envelopes', (code, data, expected) => {
    expect(classify(http({ status: code, reason: 'r', data })).kind).toBe(expected)
    expect(classify(http({ code, msg: 'r', data })).kind).toBe(expected)
    // A numeric code is read the same.
    expect(classify(http({ code: Number(code), msg: 'r', data })).kind).toBe(expected)
  })

  it('sent keeps the jobId (number or string); a 0 without data keeps the task name', () => {
    expect(inEnglish(classify(http({ status: '0', reason: 'success', data: 42 })))).toEqual({
      kind: 'sent',
      providerId: '42',
      httpStatus: 200,
    })
    expect(inEnglish(classify(http({ code: '0', msg: 'success', data: 'job-7' })))).toMatchObject({
      providerId: 'job-7',
    })
    expect(inEnglish(classify(http({ code: '0', msg: 'success', data: null })))).toMatchObject({
      providerId: TASK_NAME,
    })
    expect(inEnglish(classify(http({ code: '-20', msg: 'data already exists', data: 43 })))).toEqual({
      kind: 'sent',
      providerId: '43',
      httpStatus: 200,
    })
  })

  it('-20 without an id: needs_review naming the task; rejected codes keep the provider’s words', () => {
    expect(inEnglish(classify(http({ status: '-20', reason: 'data already exists' })))).toEqual({
      kind: 'needs_review',
      message: expect.stringContaining(TASK_NAME),
      providerMessage: '-20 data already exists',
    })
    for (const code of Object.keys(VOICE_BROADCAST_REJECTED_CODES)) {
      expect(inEnglish(classify(http({ code, msg: 'their words' })))).toEqual({
        kind: 'rejected',
        message: inEnglish(VOICE_BROADCAST_REJECTED_CODES[code]),
        providerMessage: `${code} their words`,
        httpStatus: 200,
      })
    }
    expect(inEnglish(classify(http({ code: '-99', msg: 'new' })))).toMatchObject({
      message: expect.stringContaining('code -99'),
      providerMessage: '-99 new',
    })
  })

  it('HTTP statuses without an envelope', () => {
    expect(inEnglish(classify(http('busy', 429, { 'retry-after': '3' })))).toMatchObject({
      kind: 'retry',
      delayMs: 3000,
    })
    expect(inEnglish(classify(http('busy', 429, { 'retry-after': 'Sun, 01 Mar 2026 12:00:10 GMT' })))).toMatchObject({
      delayMs: 10_000,
    })
    expect(inEnglish(classify(http('busy', 429)))).toMatchObject({ kind: 'retry', delayMs: null })
    for (const status of [500, 502, 503, 504, 408]) expect(classify(http('x', status)).kind).toBe('retry')
    expect(classify(http('x', 401)).kind).toBe('needs_auth')
    expect(classify(http('x', 403)).kind).toBe('needs_auth')
    expect(inEnglish(classify(http('Not Found', 404)))).toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('base URL'),
    })
    expect(inEnglish(classify(http('x', 400)))).toMatchObject({ kind: 'rejected', httpStatus: 400 })
    expect(inEnglish(classify(http('', 422)))).toMatchObject({ kind: 'rejected', providerMessage: null })
    expect(classify(http('<html>ok</html>', 200)).kind).toBe('needs_review')
    expect(classify(http({ something: 'else' }, 200)).kind).toBe('needs_review')
    expect(classify(http('x', 302)).kind).toBe('needs_review')
    // An envelope on a 4xx is read as the envelope.
    expect(classify(http({ status: '-1', reason: 'authentication error' }, 401)).kind).toBe('needs_auth')
  })

  it('network failures before or after sending, and timeouts: retry', () => {
    const before = classify({ kind: 'network', phase: 'before_send', code: 'ECONNREFUSED', timedOut: false })
    const after = classify({ kind: 'network', phase: 'after_send', code: 'ECONNRESET', timedOut: false })
    const timeout = classify({ kind: 'network', phase: 'after_send', code: 'ETIMEDOUT', timedOut: true })
    expect(inEnglish(before)).toMatchObject({
      kind: 'retry',
      reason: expect.stringContaining('could not be reached (ECONNREFUSED)'),
    })
    expect(inEnglish(after)).toMatchObject({
      kind: 'retry',
      reason: expect.stringContaining('did not answer (ECONNRESET)'),
    })
    expect(inEnglish(timeout)).toMatchObject({ kind: 'retry', reason: expect.stringContaining('no answer in time') })
    for (const o of [before, after, timeout]) expect(inEnglish(o)).toMatchObject({ delayMs: null, httpStatus: null })
  })
})

describe('the rest of the voice-broadcast branches', () => {
  const now = new Date('2026-03-01T12:00:00Z')
  const empty = (status: number): VoiceBroadcastAnswer => ({ kind: 'http', status, headers: {}, body: '' })

  it.each([
    [401, { kind: 'needs_auth', providerMessage: null }],
    [403, { kind: 'needs_auth', providerMessage: null }],
    [404, { kind: 'rejected', providerMessage: null, httpStatus: 404 }],
    [200, { kind: 'needs_review', providerMessage: null }],
  ] as const)('HTTP %i with an empty body: no provider message', (status, expected) => {
    expect(inEnglish(checked(classifyVoiceBroadcastAnswer(empty(status), { now, taskName: TASK_NAME })))).toMatchObject(
      expected,
    )
  })

  it('an outcome without provider words stays without them through the redaction', async () => {
    const transport: HttpTransport = () => Promise.resolve({ status: 401, headers: {}, body: '' })
    const outcome = checked(
      await createVoiceBroadcastClient({ transport }).send(context('http://127.0.0.1:9'), request),
    )
    expect(inEnglish(outcome)).toEqual({
      kind: 'needs_auth',
      message: expect.stringContaining('(HTTP 401)'),
      providerMessage: null,
    })
  })

  it('a field the platform does not have: refused by the one wire check, with the issue at the root', () => {
    expect(wireIssues(VoiceBroadcastSendSchema, { ...request, colour: 'blue' })).toBe(
      'The voice broadcast request has no field colour.',
    )
  })

  it("no number list at all: refused by the one wire check (not by the client's shape check)", () => {
    const { numberList: _numbers, ...noNumbers } = request as Extract<VoiceBroadcastSend, { numberList: unknown }>
    expect(wireIssues(VoiceBroadcastSendSchema, noNumbers)).toContain('numberList')
  })
})
