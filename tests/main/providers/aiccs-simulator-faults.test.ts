import * as openapi from '@alicloud/openapi-core'
import { $OpenApiUtil } from '@alicloud/openapi-core'
import { RuntimeOptions } from '@darabonba/typescript'
import { afterEach, describe, expect, it } from 'vitest'
import type { AiccsSendContext, AiccsTaskParams } from '../../../electron/main/providers/aiccs/aiccs-client'
import { aiccsTaskName, createAiccsClient } from '../../../electron/main/providers/aiccs/aiccs-client'
import type { SecretOf } from '../../../shared/providers/registry'
import { systemClock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import type { AiccsFault, AiccsSimulatorOptions } from '../../../electron/main/providers/aiccs/aiccs-simulator'
import {
  AICCS_DUPLICATE_TASK_NAME_CODE,
  AICCS_STATUS_CODES,
  startAiccsSimulator,
} from '../../../electron/main/providers/aiccs/aiccs-simulator'
import { AiccsSecret } from '../../../shared/schemas/credentials'
import { AiccsProfile } from '../../../shared/schemas/profiles'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { ANSWERED_MS, limitFor } from './time-limits'

// Every fault the AICCS simulator plays on CreateAiCallTask, its rate limit and its clock, seen
// first at the SDK level (what `callApi` gets back), then through our real send client (which
// outcome the agent's outbox gets).

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const sim = (options: Partial<AiccsSimulatorOptions> = {}) =>
  startAiccsSimulator({
    accessKeyId: secrets.aiccs.accessKeyId,
    accessKeySecret: secrets.aiccs.accessKeySecret,
    ...options,
  }).then((s) => (cleanups.push(s.close), s))

const Client = (
  typeof openapi.default === 'function' ? openapi.default : (openapi.default as unknown as { default: unknown }).default
) as typeof openapi.default

const query = (taskName: string) => ({
  TaskName: taskName,
  AgentId: 'agent-7',
  VirtualNumber: '057112345678',
  StartType: 'IMMEDIATE',
  CallTime: JSON.stringify([JSON.stringify({ startTime: '09:00:00', endTime: '18:00:00' })]),
  CallDay: JSON.stringify(['MONDAY']),
})

type Answer =
  | { ok: true; status: number; body: string }
  | {
      ok: false
      status: unknown
      code: unknown
      name: string
      message: string
      retryAfter: unknown
      data: Record<string, unknown>
    }

/** One CreateAiCallTask through Alibaba's generic client, no retries. */
async function create(
  host: string,
  taskName = 'fault-task',
  options: { secret?: string; readTimeout?: number } = {},
): Promise<Answer> {
  const client = new Client(
    new $OpenApiUtil.Config({
      accessKeyId: secrets.aiccs.accessKeyId,
      accessKeySecret: options.secret ?? secrets.aiccs.accessKeySecret,
      endpoint: host,
      protocol: 'HTTP',
      regionId: 'cn-shanghai',
    }),
  )
  const params = new $OpenApiUtil.Params({
    action: 'CreateAiCallTask',
    version: '2019-10-15',
    protocol: 'HTTP',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'string',
  })
  const runtime = new RuntimeOptions({ autoretry: false, readTimeout: options.readTimeout ?? 5_000 })
  try {
    const answer = (await client.callApi(
      params,
      new $OpenApiUtil.OpenApiRequest({ query: query(taskName) }),
      runtime,
    )) as { statusCode: number; body: string }
    return { ok: true, status: answer.statusCode, body: answer.body }
  } catch (error) {
    const e = error as Error & { statusCode?: unknown; code?: unknown; retryAfter?: unknown; data?: unknown }
    return {
      ok: false,
      status: e.statusCode,
      code: e.code,
      name: e.name,
      message: e.message,
      retryAfter: e.retryAfter,
      data: (e.data ?? {}) as Record<string, unknown>,
    }
  }
}

describe('AICCS simulator faults at the SDK level', () => {
  it('refuse: connections are refused until the fault is cleared', async () => {
    const s = await sim()
    await s.setFault({ kind: 'refuse' })
    const refused = await create(s.host)
    expect(refused).toMatchObject({ ok: false, status: undefined })
    expect(JSON.stringify(refused)).toContain('ECONNREFUSED')
    await s.setFault(null)
    expect(await create(s.host)).toMatchObject({ ok: true, status: 200 })
  })

  it('blackhole: read and never answered; the client gives up at its read timeout', async () => {
    const s = await sim()
    await s.setFault({ kind: 'blackhole' })
    const started = performance.now()
    expect(await create(s.host, 'blackholed', { readTimeout: 300 })).toMatchObject({ ok: false, status: undefined })
    expect(performance.now() - started).toBeGreaterThanOrEqual(290)
    expect(s.requests.map((r) => r.verdict)).toEqual(['blackholed'])
    expect(s.tasks).toHaveLength(0)
  })

  it.each([400, 401, 403, 404, 429, 500, 503])(
    'status %i: the gateway’s usual code, in its error body, nothing created',
    async (status) => {
      const s = await sim()
      await s.setFault({ kind: 'status', status, times: 1 })
      const { code, message } = AICCS_STATUS_CODES[status]!
      expect(await create(s.host)).toMatchObject({
        ok: false,
        status,
        code,
        data: {
          RequestId: expect.any(String),
          HostId: s.host,
          Code: code,
          Message: message,
          Recommend: expect.any(String),
        },
      })
      expect(s.requests[0]).toMatchObject({ verdict: 'fault', status, code })
      expect(s.tasks).toHaveLength(0)
    },
  )

  it('status with a code and a wait: the SDK reads the wait from x-acs-retry-after; Retry-After is sent too', async () => {
    const s = await sim()
    await s.setFault({ kind: 'status', status: 429, code: 'Throttling.Api', retryAfterSeconds: 4, times: 2 })
    expect(await create(s.host)).toMatchObject({
      ok: false,
      name: 'ThrottlingError',
      code: 'Throttling.Api',
      retryAfter: 4000,
    })
    // A status fault answers before any check, so a recorded request can be replayed by hand.
    const recorded = s.requests[0]!
    const headers = { ...recorded.headers }
    for (const hop of ['host', 'connection', 'content-length']) delete headers[hop]
    const replay = await fetch(`${s.url}${recorded.path}`, { method: 'POST', headers })
    expect(replay.status).toBe(429)
    expect(replay.headers.get('retry-after')).toBe('4')
  })

  it('slow: answers after at least the delay, and the task is created', async () => {
    const s = await sim()
    await s.setFault({ kind: 'slow', ms: 200, times: 1 })
    const started = performance.now()
    expect(await create(s.host)).toMatchObject({ ok: true })
    expect(performance.now() - started).toBeGreaterThanOrEqual(195)
    expect(s.tasks).toHaveLength(1)
  })

  it('dropAfterBody: created, then cut; the resend with the same TaskName is refused as a duplicate, one effect', async () => {
    const s = await sim()
    await s.setFault({ kind: 'dropAfterBody', times: 1 })
    expect(await create(s.host, 'dropped-task')).toMatchObject({ ok: false, status: undefined })
    expect(s.effects('dropped-task')).toBe(1)
    expect(await create(s.host, 'dropped-task')).toMatchObject({
      ok: false,
      status: 400,
      code: AICCS_DUPLICATE_TASK_NAME_CODE,
    })
    expect(s.effects('dropped-task')).toBe(1)
    expect(s.requests.map((r) => r.verdict)).toEqual(['dropped', 'duplicate'])
  })

  it('times counts down: two faulted answers, then normal service', async () => {
    const s = await sim()
    await s.setFault({ kind: 'status', status: 500, times: 2 })
    expect(await create(s.host)).toMatchObject({ ok: false, status: 500 })
    expect(await create(s.host)).toMatchObject({ ok: false, status: 500 })
    expect(await create(s.host)).toMatchObject({ ok: true })
    expect(s.requests.map((r) => r.verdict)).toEqual(['fault', 'fault', 'created'])
  })

  it('business: HTTP 200 with Success false and the code, nothing created', async () => {
    const s = await sim()
    await s.setFault({ kind: 'business', code: 'Agent.NotPublished', times: 1 })
    const answer = await create(s.host)
    expect(answer).toMatchObject({ ok: true, status: 200 })
    expect(JSON.parse((answer as { body: string }).body)).toMatchObject({ Code: 'Agent.NotPublished', Success: false })
    expect(s.tasks).toHaveLength(0)
  })
})

describe('AICCS simulator rate limit, clock and signature', () => {
  it('the default limit (20 a second, burst 20): of 30 at once, 20 pass and the rest get Throttling.User with the wait', async () => {
    // The bucket's clock stands still, so the burst meets exactly the bucket's 20 however slowly
    // a loaded machine delivers it (a real clock refills one every 50 ms meanwhile).
    const s = await sim({ rateClock: () => 0 })
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => create(s.host, `burst-${i}`)))
    const passed = answers.filter((a) => a.ok).length
    expect(passed).toBe(20)
    for (const throttled of answers.filter((a) => !a.ok)) {
      expect(throttled).toMatchObject({
        status: 400,
        name: 'ThrottlingError',
        code: 'Throttling.User',
        retryAfter: expect.any(Number),
      })
    }
    expect(s.tasks).toHaveLength(passed)
  })

  it('a small bucket refills: over the limit, then after the wait one more passes', async () => {
    let bucketMs = 0
    const s = await sim({ rateLimit: { kind: 'bucket', perSecond: 4, burst: 1 }, rateClock: () => bucketMs })
    expect(await create(s.host, 'a')).toMatchObject({ ok: true })
    const throttled = await create(s.host, 'b')
    expect(throttled).toMatchObject({ ok: false, code: 'Throttling.User' })
    const waitMs = (throttled as { retryAfter: number }).retryAfter
    expect(waitMs).toBe(250)
    bucketMs += waitMs - 1
    expect(await create(s.host, 'b')).toMatchObject({ ok: false, code: 'Throttling.User' })
    bucketMs += 1
    expect(await create(s.host, 'b')).toMatchObject({ ok: true })
  })

  it('rateLimit: null lifts the limit; the old throttle option still throttles everything', async () => {
    const free = await sim({ rateLimit: null })
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => create(free.host, `free-${i}`)))
    expect(answers.every((a) => a.ok)).toBe(true)
    const closed = await sim({ throttle: true })
    expect(await create(closed.host)).toMatchObject({ ok: false, code: 'Throttling.User' })
  })

  it.each([16, -16])('a simulator clock %i minutes off: InvalidTimeStamp.Expired, nothing created', async (minutes) => {
    const s = await sim({ clockOffsetMs: minutes * 60_000 })
    expect(await create(s.host)).toMatchObject({ ok: false, status: 400, code: 'InvalidTimeStamp.Expired' })
    expect(s.tasks).toHaveLength(0)
  })

  it('a clock 14 minutes off is within Alibaba’s 15', async () => {
    const s = await sim({ clockOffsetMs: -14 * 60_000 })
    expect(await create(s.host)).toMatchObject({ ok: true })
  })

  it('a wrong secret: SignatureDoesNotMatch, nothing created', async () => {
    const s = await sim()
    expect(await create(s.host, 'x', { secret: 'wrong-aliyun-secret-0000' })).toMatchObject({
      ok: false,
      status: 400,
      code: 'SignatureDoesNotMatch',
    })
    expect(s.tasks).toHaveLength(0)
  })

  it('a reused signature nonce is refused', async () => {
    const s = await sim()
    await create(s.host, 'first')
    const recorded = s.requests[0]!
    const headers = { ...recorded.headers }
    for (const hop of ['host', 'connection', 'content-length']) delete headers[hop]
    const replay = await fetch(`${s.url}${recorded.path}`, { method: 'POST', headers })
    expect(((await replay.json()) as { Code: string }).Code).toBe('SignatureNonceUsed')
    expect(s.tasks).toHaveLength(1)
  })

  it('the Authorization header is ACS3-HMAC-SHA256', async () => {
    const s = await sim()
    await create(s.host)
    expect(s.requests[0]!.authorization).toMatch(
      new RegExp(
        `^ACS3-HMAC-SHA256 Credential=${secrets.aiccs.accessKeyId},SignedHeaders=[a-z0-9-]+(;[a-z0-9-]+)*,Signature=[0-9a-f]{64}$`,
      ),
    )
  })
})

// ——— our client through each fault ———

const KEY = 'a1b2c3d4-5555-4e2b-9c3d-5e6f7a8b9c0d'
const task: AiccsTaskParams = {
  TaskName: 'Renewal reminders',
  AgentId: 'agent-7',
  VirtualNumber: '057112345678',
  StartType: 'IMMEDIATE',
  CallTime: [{ startTime: '09:00:00', endTime: '18:00:00' }],
  CallDay: ['MONDAY', 'TUESDAY'],
}

function context(endpoint: string, secret: Partial<SecretOf<'aiccs'>> = {}): AiccsSendContext {
  const logger = createLogger(() => {}, systemClock)
  return {
    profile: AiccsProfile.parse({ ...drafts.aiccs, id: '5b2c8e1f-4a3d-4c6b-9e8f-7a6b5c4d3e2a', endpoint }),
    secret: AiccsSecret.parse({ ...secrets.aiccs, ...secret }),
    tokens: createTokenCache({ secrets: memorySecretStore(), clock: systemClock, logger }),
    clock: systemClock,
    fetch,
    signal: AbortSignal.timeout(ANSWERED_MS),
    idempotencyKey: KEY,
  }
}

type Row = [
  what: string,
  setup: { options?: Partial<AiccsSimulatorOptions>; fault?: AiccsFault; secret?: string },
  expected: Partial<SendOutcome> & { kind: SendOutcome['kind'] },
]

const ROWS: Row[] = [
  ['no fault', {}, { kind: 'sent', httpStatus: 200 }],
  ['400', { fault: { kind: 'status', status: 400 } }, { kind: 'rejected', httpStatus: 400 }],
  ['401', { fault: { kind: 'status', status: 401 } }, { kind: 'needs_auth' }],
  ['403', { fault: { kind: 'status', status: 403 } }, { kind: 'needs_auth' }],
  ['404', { fault: { kind: 'status', status: 404 } }, { kind: 'rejected', httpStatus: 404 }],
  // The AICCS classifier does not read a wait from the answer: the outbox's own backoff applies.
  ['429', { fault: { kind: 'status', status: 429, retryAfterSeconds: 7 } }, { kind: 'retry', httpStatus: 429 }],
  ['500', { fault: { kind: 'status', status: 500 } }, { kind: 'retry', httpStatus: 500 }],
  ['503', { fault: { kind: 'status', status: 503 } }, { kind: 'retry', httpStatus: 503 }],
  ['refuse', { fault: { kind: 'refuse' } }, { kind: 'retry', httpStatus: null }],
  ['blackhole', { fault: { kind: 'blackhole' } }, { kind: 'retry', httpStatus: null }],
  ['slow', { fault: { kind: 'slow', ms: 50 } }, { kind: 'sent', httpStatus: 200 }],
  ['dropAfterBody', { fault: { kind: 'dropAfterBody' } }, { kind: 'retry', httpStatus: null }],
  ['business error at HTTP 200', { fault: { kind: 'business', code: 'InvalidParameter' } }, { kind: 'rejected' }],
  [
    'over the rate limit',
    { options: { rateLimit: { kind: 'bucket', perSecond: 0.5, burst: 0 } } },
    { kind: 'retry', httpStatus: 400 },
  ],
  ['a clock 20 minutes off', { options: { clockOffsetMs: 20 * 60_000 } }, { kind: 'needs_auth' }],
  ['a wrong secret', { secret: 'wrong-aliyun-secret-0000' }, { kind: 'needs_auth' }],
]

describe('our AICCS client through each fault', () => {
  it.each(ROWS)('%s', async (_what, setup, expected) => {
    const s = await sim(setup.options)
    if (setup.fault) await s.setFault(setup.fault)
    const client = createAiccsClient({ timeoutMs: limitFor(setup.fault) })
    const outcome = await client.send(context(s.host, setup.secret ? { accessKeySecret: setup.secret } : {}), task)
    expect(outcome).toMatchObject(expected)
  })

  it('dropAfterBody, then the outbox resends: the duplicate name is found by name and sent, one effect', async () => {
    const s = await sim()
    await s.setFault({ kind: 'dropAfterBody', times: 1 })
    const client = createAiccsClient({ timeoutMs: ANSWERED_MS })
    expect(await client.send(context(s.host), task)).toMatchObject({ kind: 'retry' })
    expect(await client.send(context(s.host), task)).toMatchObject({ kind: 'sent', providerId: s.tasks[0]!.taskId })
    expect(s.effects(aiccsTaskName(KEY, task.TaskName)!)).toBe(1)
  })
})
