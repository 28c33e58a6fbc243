import { afterEach, describe, expect, it } from 'vitest'
import { inEnglish, said } from '../../shared/in-english'
import { aiccsCreateAiCallTaskSchema } from '../../../shared/providers/aiccs/wire'
import { wireIssues } from './wire-check'
import type { AiccsReply, AiccsSendContext, AiccsTaskParams } from '../../../electron/main/providers/aiccs/aiccs-client'
import {
  AICCS_AUTH_CODES,
  aiccsTaskName,
  classifyAiccsReply,
  createAiccsClient,
  losslessTaskId,
  classifyAiccsCredentialsProblem,
  replyFromBody,
  replyFromTransport,
} from '../../../electron/main/providers/aiccs/aiccs-client'
import { AiccsCredentialsUnavailable } from '../../../electron/main/providers/aiccs/aiccs-credentials'
import type { SecretOf } from '../../../shared/providers/registry'
import { systemClock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import type { AiccsSimulatorOptions } from '../../../electron/main/providers/aiccs/aiccs-simulator'
import {
  AICCS_DUPLICATE_TASK_NAME_CODE,
  startAiccsSimulator,
} from '../../../electron/main/providers/aiccs/aiccs-simulator'
import { AiccsSecret } from '../../../shared/schemas/credentials'
import { AiccsProfile } from '../../../shared/schemas/profiles'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { SendOutcome as SendOutcomeSchema } from '../../../shared/schemas/send-outcome'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { closedPort, silentServer } from './net-fixtures'
import { ANSWERED_MS, NEVER_ANSWERED_MS } from './time-limits'

const ID = '5b2c8e1f-4a3d-4c6b-9e8f-7a6b5c4d3e2f'
const NOW = new Date('2026-12-07T12:00:00Z')
const KEY = 'a1b2c3d4-1111-4e2b-9c3d-5e6f7a8b9c0d'
const WRONG_SECRET = 'wrong-aliyun-secret-0000'
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const task: AiccsTaskParams = {
  TaskName: 'Renewal reminders',
  AgentId: 'agent-7',
  VirtualNumber: '057112345678',
  StartType: 'IMMEDIATE',
  CallTime: [{ startTime: '09:00:00', endTime: '18:00:00' }],
  CallDay: ['MONDAY', 'TUESDAY'],
  CallRetryTimes: 2,
}

const sim = (options: Partial<AiccsSimulatorOptions> = {}) =>
  startAiccsSimulator({
    accessKeyId: secrets.aiccs.accessKeyId,
    accessKeySecret: secrets.aiccs.accessKeySecret,
    ...options,
  }).then((s) => (cleanups.push(s.close), s))

function context(
  endpoint: string,
  secret: Partial<SecretOf<'aiccs'>> = {},
  idempotencyKey = KEY,
  signal = AbortSignal.timeout(ANSWERED_MS),
): AiccsSendContext {
  const store = memorySecretStore()
  const logger = createLogger(() => {}, systemClock)
  return {
    profile: AiccsProfile.parse({ ...drafts.aiccs, id: ID, endpoint }),
    secret: AiccsSecret.parse({ ...secrets.aiccs, ...secret }),
    tokens: createTokenCache({ secrets: store, clock: systemClock, logger }),
    clock: systemClock,
    fetch,
    signal,
    idempotencyKey,
  }
}

const client = createAiccsClient({ timeoutMs: ANSWERED_MS })

/** Every outcome is a valid SendOutcome and carries no secret. */
function checked(outcome: SendOutcome): SendOutcome {
  expect(SendOutcomeSchema.safeParse(outcome).success, JSON.stringify(outcome)).toBe(true)
  const text = JSON.stringify(outcome)
  for (const secret of [secrets.aiccs.accessKeySecret, WRONG_SECRET]) expect(text).not.toContain(secret)
  return outcome
}

describe('AICCS task name from the idempotency key', () => {
  it('is deterministic, keeps the agent’s label, never cuts the key and fits 128 characters', () => {
    expect(aiccsTaskName(KEY, 'Renewal reminders')).toBe(`Renewal reminders [callboard-${KEY}]`)
    expect(aiccsTaskName(KEY, 'Renewal reminders')).toBe(aiccsTaskName(KEY, 'Renewal reminders'))
    expect(aiccsTaskName(KEY)).toBe(`callboard-${KEY}`)
    expect(aiccsTaskName(KEY, '   ')).toBe(`callboard-${KEY}`)
    expect(aiccsTaskName(KEY, '  two\n lines ')).toBe(`two lines [callboard-${KEY}]`)
    const long = aiccsTaskName(KEY, 'x'.repeat(300))!
    expect(long).toHaveLength(128)
    expect(long.endsWith(`[callboard-${KEY}]`)).toBe(true)
    expect(aiccsTaskName('b2c3d4e5-2222-4e2b-9c3d-5e6f7a8b9c0d', 'Renewal reminders')).not.toBe(
      aiccsTaskName(KEY, 'Renewal reminders'),
    )
    expect(aiccsTaskName('has space')).toBeNull()
    expect(aiccsTaskName('')).toBeNull()
  })
})

describe('Alibaba Cloud AICCS client (openapi-core → ACS3-checking simulator over loopback HTTP)', () => {
  it('creates the task under the derived name: sent with the exact 64-bit id, then the next ids', async () => {
    const s = await sim()
    const first = checked(await client.send(context(s.host), task))
    expect(inEnglish(first)).toEqual({ kind: 'sent', providerId: '1234567890123456789', httpStatus: 200 })
    const second = checked(await client.send(context(s.host, {}, 'b2c3d4e5-2222-4e2b-9c3d-5e6f7a8b9c0d'), task))
    expect(inEnglish(second)).toEqual({ kind: 'sent', providerId: '1234567890123456790', httpStatus: 200 })
    const third = checked(await client.send(context(s.host, {}, 'c3d4e5f6-3333-4e2b-9c3d-5e6f7a8b9c0d'), task))
    expect(inEnglish(third)).toMatchObject({ kind: 'sent', providerId: '1234567890123456791' })

    const [request] = s.requests
    expect(inEnglish(request)).toMatchObject({
      method: 'POST',
      action: 'CreateAiCallTask',
      verdict: 'created',
      taskId: '1234567890123456789',
      parameters: {
        TaskName: `Renewal reminders [callboard-${KEY}]`,
        AgentId: 'agent-7',
        VirtualNumber: '057112345678',
        StartType: 'IMMEDIATE',
        CallTime: JSON.stringify([JSON.stringify({ startTime: '09:00:00', endTime: '18:00:00' })]),
        CallDay: '["MONDAY","TUESDAY"]',
        CallRetryTimes: '2',
      },
    })
    expect(inEnglish(s.tasks.map(({ taskId, taskName }) => ({ taskId, taskName })))).toEqual([
      { taskId: '1234567890123456789', taskName: `Renewal reminders [callboard-${KEY}]` },
      {
        taskId: '1234567890123456790',
        taskName: 'Renewal reminders [callboard-b2c3d4e5-2222-4e2b-9c3d-5e6f7a8b9c0d]',
      },
      {
        taskId: '1234567890123456791',
        taskName: 'Renewal reminders [callboard-c3d4e5f6-3333-4e2b-9c3d-5e6f7a8b9c0d]',
      },
    ])
  })

  it('an idempotency key that cannot form a task name: rejected before anything is sent', async () => {
    const s = await sim()
    // The client with its default time limit: the refusal comes before any request.
    const outcome = checked(await createAiccsClient().send(context(s.host, {}, 'has space'), task))
    expect(inEnglish(outcome)).toMatchObject({
      kind: 'rejected',
      httpStatus: null,
      message: expect.stringContaining('task name'),
    })
    expect(s.requests).toHaveLength(0)
  })

  it('ids beyond 2^63 - 1 stay exact too', async () => {
    const s = await sim({ firstTaskId: 18446744073709551615n })
    expect(inEnglish(checked(await client.send(context(s.host), task)))).toMatchObject({
      kind: 'sent',
      providerId: '18446744073709551615',
    })
  })

  it('parameters that break the schema → refused by the one wire check, in our words', () => {
    const check = aiccsCreateAiCallTaskSchema(new Date())
    const issues = wireIssues(check, { ...task, TaskName: 'x', CallDay: [], CallRetryTimes: 9 })
    expect(issues).toContain('CallDay: Choose at least one day')
    expect(issues).toContain('CallRetryTimes')
    expect(
      wireIssues(check, { ...task, TaskName: 'x', StartType: 'SCHEDULE', TaskStartTime: Date.now() - 60_000 }),
    ).toContain('future')
  })

  it('a parameter the gateway refuses → rejected with Alibaba’s message', async () => {
    const s = await sim()
    // Passes our schema (TaskCps ≤ 500) but the simulator's gateway is told to refuse one parameter.
    await s.setFault({ kind: 'status', status: 400, code: 'InvalidParameter', times: 1 })
    const outcome = checked(await client.send(context(s.host), task))
    expect(inEnglish(outcome)).toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('not valid'),
      providerMessage: expect.stringMatching(/^InvalidParameter: Simulated failure InvalidParameter\. \(RequestId /),
      httpStatus: 400,
    })
    expect(s.tasks).toHaveLength(0)
  })

  it('a wrong AccessKey secret → needs_auth; an unknown key id too; a RAM-denied key too', async () => {
    const s = await sim()
    const wrong = checked(await client.send(context(s.host, { accessKeySecret: WRONG_SECRET }), task))
    expect(inEnglish(wrong)).toMatchObject({
      kind: 'needs_auth',
      message: expect.stringContaining('AccessKey'),
      providerMessage: expect.stringContaining('SignatureDoesNotMatch'),
    })
    const unknown = checked(await client.send(context(s.host, { accessKeyId: 'LTAI5tUnknownKey0000' }), task))
    expect(inEnglish(unknown)).toMatchObject({
      kind: 'needs_auth',
      providerMessage: expect.stringContaining('InvalidAccessKeyId.NotFound'),
    })
    const s2 = await sim({ forbiddenKeys: [secrets.aiccs.accessKeyId] })
    const denied = checked(await client.send(context(s2.host), task))
    expect(inEnglish(denied)).toMatchObject({ kind: 'needs_auth', message: expect.stringContaining('RAM') })
    expect(s.tasks).toHaveLength(0)
    expect(s2.tasks).toHaveLength(0)
  })

  it('throttled → retry; after the throttle lifts, the task is sent', async () => {
    // One request at a time, refilled every 100 ms of the bucket's clock (stepped by hand): the
    // second at once is over the limit.
    let bucketMs = 0
    const s = await sim({ rateLimit: { kind: 'bucket', perSecond: 10, burst: 1 }, rateClock: () => bucketMs })
    const other = 'd4e5f6a7-4444-4e2b-9c3d-5e6f7a8b9c0d'
    expect(inEnglish(checked(await client.send(context(s.host, {}, other), task)))).toMatchObject({ kind: 'sent' })
    const outcome = checked(await client.send(context(s.host), task))
    expect(inEnglish(outcome)).toMatchObject({
      kind: 'retry',
      httpStatus: 400,
      reason: expect.stringContaining('throttling'),
    })
    bucketMs += 100
    expect(inEnglish(checked(await client.send(context(s.host), task)))).toMatchObject({ kind: 'sent' })
  })

  it('500 and 503 ServiceUnavailable → retry, nothing created; the resend is sent', async () => {
    const s = await sim()
    await s.setFault({ kind: 'status', status: 500, code: 'InternalError', times: 1 })
    expect(inEnglish(checked(await client.send(context(s.host), task)))).toMatchObject({
      kind: 'retry',
      httpStatus: 500,
      reason: expect.stringContaining('same task name'),
    })
    await s.setFault({ kind: 'status', status: 503, code: 'ServiceUnavailable', times: 1 })
    expect(inEnglish(checked(await client.send(context(s.host), task)))).toMatchObject({
      kind: 'retry',
      httpStatus: 503,
    })
    expect(inEnglish(checked(await client.send(context(s.host), task)))).toMatchObject({
      kind: 'sent',
      providerId: '1234567890123456789',
    })
  })

  it('dropAfterBody → retry; the resend meets the duplicate name and finds the task by name: sent with its id', async () => {
    const s = await sim()
    await s.setFault({ kind: 'dropAfterBody', times: 1 })
    const name = aiccsTaskName(KEY, task.TaskName)!
    const first = checked(await client.send(context(s.host), task))
    expect(inEnglish(first)).toMatchObject({
      kind: 'retry',
      httpStatus: null,
      reason: expect.stringContaining('could not be reached or did not answer'),
    })
    expect(s.effects(name)).toBe(1)
    expect(inEnglish(s.requests[0])).toMatchObject({ verdict: 'dropped', taskId: '1234567890123456789' })

    const resend = checked(await client.send(context(s.host), task))
    expect(inEnglish(resend)).toEqual({ kind: 'sent', providerId: '1234567890123456789', httpStatus: 400 })
    expect(s.effects(name)).toBe(1)
    expect(s.tasks).toHaveLength(1)
    expect(inEnglish(s.requests.map((r) => r.parameters['TaskName']))).toEqual([name, name, name])
    expect(inEnglish(s.requests[1])).toMatchObject({
      verdict: 'duplicate',
      status: 400,
      code: AICCS_DUPLICATE_TASK_NAME_CODE,
    })
    // The lookup is AICCS's own list API, signed like any call, with the exact name (fuzzy-matched there).
    expect(inEnglish(s.requests[2])).toMatchObject({
      action: 'QueryAiCallTaskPage',
      verdict: 'listed',
      parameters: { TaskName: name, PageNo: '1', PageSize: '20' },
    })
  })

  it('network failures before sending (refused) and no answer in time → retry', async () => {
    const port = await closedPort()
    expect(inEnglish(checked(await client.send(context(`127.0.0.1:${port}`), task)))).toMatchObject({
      kind: 'retry',
      httpStatus: null,
      reason: expect.stringContaining('could not be reached'),
    })
    const silent = await silentServer()
    cleanups.push(silent.close)
    const quick = createAiccsClient({ timeoutMs: NEVER_ANSWERED_MS })
    expect(inEnglish(checked(await quick.send(context(`127.0.0.1:${silent.port}`), task)))).toMatchObject({
      kind: 'retry',
      httpStatus: null,
    })
  })
})

describe('classifyAiccsReply (pure): every branch', () => {
  const answer = (fields: Partial<Extract<AiccsReply, { kind: 'answer' }>>): AiccsReply => ({
    kind: 'answer',
    status: 400,
    code: null,
    success: null,
    message: 'words',
    requestId: 'REQ-1',
    taskId: null,
    ...fields,
  })
  const rows: [string, AiccsReply, Partial<SendOutcome> & { kind: SendOutcome['kind'] }][] = [
    [
      '200 OK Success true with id',
      answer({ status: 200, code: 'OK', success: true, taskId: '1234567890123456789' }),
      { kind: 'sent', providerId: '1234567890123456789', httpStatus: 200 },
    ],
    ['200 OK Success true without id', answer({ status: 200, code: 'OK', success: true }), { kind: 'retry' }],
    ['200 OK Success false [C]', answer({ status: 200, code: 'OK', success: false }), { kind: 'needs_review' }],
    [
      'duplicate name without id',
      answer({ code: AICCS_DUPLICATE_TASK_NAME_CODE }),
      { kind: 'needs_review', providerMessage: `${AICCS_DUPLICATE_TASK_NAME_CODE}: words (RequestId REQ-1)` },
    ],
    ['duplicate name, other spelling', answer({ code: 'DuplicatedTaskName' }), { kind: 'needs_review' }],
    [
      'duplicate name with the existing id',
      answer({ code: AICCS_DUPLICATE_TASK_NAME_CODE, taskId: '42' }),
      { kind: 'sent', providerId: '42', httpStatus: 400 },
    ],
    [
      '200 Success false, duplicate',
      answer({ status: 200, code: 'TaskName.Duplicate', success: false }),
      { kind: 'needs_review' },
    ],
    ['MissingParameter', answer({ code: 'MissingParameter' }), { kind: 'rejected', httpStatus: 400 }],
    ['MissingParameter.X', answer({ code: 'MissingParameter.TaskName' }), { kind: 'rejected' }],
    [
      'InvalidParameter',
      answer({ code: 'InvalidParameter' }),
      { kind: 'rejected', providerMessage: 'InvalidParameter: words (RequestId REQ-1)' },
    ],
    ['other 4xx', answer({ status: 404, code: 'InvalidAction.NotFound' }), { kind: 'rejected', httpStatus: 404 }],
    [
      '200 Success false business code',
      answer({ status: 200, code: 'Agent.NotPublished', success: false, message: 'The agent is not published.' }),
      {
        kind: 'rejected',
        httpStatus: 200,
        providerMessage: 'Agent.NotPublished: The agent is not published. (RequestId REQ-1)',
      },
    ],
    [
      'InvalidAccessKeyId.NotFound',
      answer({ status: 404, code: 'InvalidAccessKeyId.NotFound' }),
      { kind: 'needs_auth' },
    ],
    ['SignatureDoesNotMatch', answer({ code: 'SignatureDoesNotMatch' }), { kind: 'needs_auth' }],
    ['IncompleteSignature', answer({ code: 'IncompleteSignature' }), { kind: 'needs_auth' }],
    ['Forbidden.RAM', answer({ status: 403, code: 'Forbidden.RAM' }), { kind: 'needs_auth' }],
    ['InvalidTimeStamp.Expired', answer({ code: 'InvalidTimeStamp.Expired' }), { kind: 'needs_auth' }],
    ['Throttling.User', answer({ code: 'Throttling.User' }), { kind: 'retry', httpStatus: 400 }],
    ['Throttling.Api', answer({ status: 429, code: 'Throttling.Api' }), { kind: 'retry' }],
    ['429 without code', answer({ status: 429, code: null, message: null }), { kind: 'retry' }],
    ['500', answer({ status: 500, code: 'InternalError' }), { kind: 'retry', httpStatus: 500 }],
    ['503 ServiceUnavailable', answer({ status: 503, code: 'ServiceUnavailable' }), { kind: 'retry' }],
    ['SignatureNonceUsed', answer({ code: 'SignatureNonceUsed' }), { kind: 'retry' }],
    [
      'network, after the task was sent',
      { kind: 'network', detail: 'ECONNRESET', phase: 'after_send' },
      { kind: 'retry', httpStatus: null, reason: expect.stringContaining('same task name') },
    ],
    [
      'network, before anything was sent',
      { kind: 'network', detail: 'ECONNREFUSED', phase: 'before_send' },
      { kind: 'retry', httpStatus: null, reason: expect.stringContaining('nothing was sent') },
    ],
    ['unreadable', { kind: 'unreadable', status: 502, detail: '<html>' }, { kind: 'retry', httpStatus: 502 }],
  ]
  it.each(rows)('%s', (_name, reply, expected) => {
    expect(inEnglish(checked(classifyAiccsReply(reply)))).toMatchObject(expected)
  })

  it('every auth code → needs_auth', () => {
    for (const code of AICCS_AUTH_CODES) {
      expect(classifyAiccsReply(answer({ code })).kind, code).toBe('needs_auth')
    }
  })
})

describe('reading answers losslessly (pure)', () => {
  it('Data as a JSON number keeps every digit; as a string too; absent or odd → null', () => {
    const body = '{"RequestId":"R","Code":"OK","Success":true,"Message":"","Data":1234567890123456789}'
    expect(String((JSON.parse(body) as { Data: number }).Data)).toBe('1234567890123456800') // what a JSON parse does
    expect(losslessTaskId(body)).toBe('1234567890123456789')
    expect(losslessTaskId('{"Data": 9007199254740993 }')).toBe('9007199254740993')
    expect(losslessTaskId('{"Data":"1234567890123456789","Code":"OK"}')).toBe('1234567890123456789')
    expect(losslessTaskId('{"Code":"OK"}')).toBeNull()
    expect(losslessTaskId('{"Data":-5}')).toBeNull()
    expect(losslessTaskId('{"Data":1.5}')).toBeNull()
    expect(losslessTaskId('{"Data":{"Data":7}}')).toBeNull()
    expect(losslessTaskId('not json')).toBeNull()
    expect(inEnglish(replyFromBody(200, body))).toEqual({
      kind: 'answer',
      status: 200,
      code: 'OK',
      success: true,
      message: '',
      requestId: 'R',
      taskId: '1234567890123456789',
    })
    expect(inEnglish(replyFromBody(200, '<html>'))).toMatchObject({ kind: 'unreadable', status: 200 })
  })

  it('transport answers: any status’s JSON body read losslessly; a page that is not JSON; a network failure', () => {
    const http = (status: number, body: string, headers: Record<string, string> = {}) =>
      ({ kind: 'http', status, headers, body }) as const
    // An error body is read from its text like a 2xx one: its 64-bit id stays exact.
    expect(
      replyFromTransport(
        http(400, '{"RequestId":"R","Code":"TaskName.Duplicate","Message":"exists","Data":1234567890123456789}'),
        NOW,
      ),
    ).toEqual({
      kind: 'answer',
      status: 400,
      code: 'TaskName.Duplicate',
      success: null,
      message: 'exists',
      requestId: 'R',
      taskId: '1234567890123456789',
    })
    expect(replyFromTransport(http(502, '<html>Bad gateway</html>'), NOW)).toEqual({
      kind: 'unreadable',
      status: 502,
      detail: '<html>Bad gateway</html>',
    })
    expect(
      replyFromTransport({ kind: 'network', phase: 'after_send', code: 'ECONNRESET', timedOut: false }, NOW),
    ).toEqual({ kind: 'network', detail: 'ECONNRESET', phase: 'after_send' })
    expect(
      replyFromTransport({ kind: 'network', phase: 'before_send', code: 'ETIMEDOUT', timedOut: true }, NOW),
    ).toEqual({ kind: 'network', detail: 'no answer in time', phase: 'before_send' })
  })
})

describe('the rest of the AICCS classifier’s branches (pure, captured shapes)', () => {
  const answer = (fields: Partial<Extract<AiccsReply, { kind: 'answer' }>>): AiccsReply => ({
    kind: 'answer',
    status: 400,
    code: null,
    success: null,
    message: null,
    requestId: null,
    taskId: null,
    ...fields,
  })

  it.each([
    ['a JSON null', 'null'],
    ['a JSON array', '[{"Data":1}]'],
    ['a JSON number', '5'],
    ['Data as a string that is not digits', '{"Data":"12ab"}'],
    ['Data in exponent notation (no exact digits in the text)', '{"Data":1e3}'],
  ])('losslessTaskId: %s → null', (_name, body) => {
    expect(losslessTaskId(body)).toBeNull()
  })

  it('a 2xx body that is JSON but not an object is unreadable; an object without the fields reads as nulls', () => {
    expect(inEnglish(replyFromBody(200, 'null'))).toEqual({ kind: 'unreadable', status: 200, detail: 'null' })
    expect(inEnglish(replyFromBody(200, '"OK"'))).toEqual({ kind: 'unreadable', status: 200, detail: '"OK"' })
    expect(inEnglish(replyFromBody(200, '{"Code":7,"Success":"yes"}'))).toEqual({
      kind: 'answer',
      status: 200,
      code: null,
      success: null,
      message: null,
      requestId: null,
      taskId: null,
    })
  })

  it('the wait a throttled answer asks for: x-acs-retry-after (ms) or Retry-After, the longer', () => {
    const throttled = (headers: Record<string, string>, code = 'Throttling.User') =>
      classifyAiccsReply(
        replyFromTransport({ kind: 'http', status: 400, headers, body: JSON.stringify({ Code: code }) }, NOW),
      )
    expect(throttled({ 'x-acs-retry-after': '1500' })).toMatchObject({ kind: 'retry', delayMs: 1500, httpStatus: 400 })
    expect(throttled({ 'x-acs-retry-after': '-5' })).toMatchObject({ kind: 'retry', delayMs: 0 })
    expect(throttled({ 'x-acs-retry-after': 'soon' })).toMatchObject({ kind: 'retry', delayMs: null })
    expect(throttled({})).toMatchObject({ kind: 'retry', delayMs: null })
    expect(throttled({ 'x-acs-retry-after': '1500', 'retry-after': '3' })).toMatchObject({ delayMs: 3000 })
    expect(throttled({ 'x-acs-retry-after': '4500', 'retry-after': '3' })).toMatchObject({ delayMs: 4500 })
    // Only a throttled answer's x-acs-retry-after counts; any answer's Retry-After does.
    expect(throttled({ 'x-acs-retry-after': '1500' }, 'ServiceUnavailable')).toMatchObject({ delayMs: null })
    expect(throttled({ 'retry-after': '2' }, 'ServiceUnavailable')).toMatchObject({ delayMs: 2000 })
  })

  it('credentials STS would not give: a proxy or an untrusted certificate in the way is network_blocked', () => {
    const unreachable = (code: string) =>
      classifyAiccsCredentialsProblem(
        new AiccsCredentialsUnavailable(
          'unreachable',
          said(`Alibaba Cloud STS could not be reached (${code}).`),
          null,
          code,
        ),
      )
    expect(unreachable('ERR_PROXY_407')).toMatchObject({ kind: 'network_blocked', problem: 'proxy_auth' })
    expect(unreachable('SELF_SIGNED_CERT_IN_CHAIN')).toMatchObject({
      kind: 'network_blocked',
      problem: 'certificate_untrusted',
    })
    expect(inEnglish(unreachable('ECONNREFUSED'))).toMatchObject({
      kind: 'retry',
      reason: expect.stringContaining('Nothing was sent'),
    })
    expect(
      classifyAiccsCredentialsProblem(new AiccsCredentialsUnavailable('provider_error', said('STS is down.'))),
    ).toMatchObject({ kind: 'retry' })
  })

  it.each([
    [
      'a message without a code',
      answer({ status: 400, code: null, message: 'bad', requestId: 'R-1' }),
      { kind: 'rejected', providerMessage: 'Error: bad (RequestId R-1)', message: expect.stringContaining('HTTP 400') },
    ],
    ['a code without a request id', answer({ code: 'Foo.Bar' }), { kind: 'rejected', providerMessage: 'Foo.Bar' }],
    ['nothing at all', answer({ status: 418 }), { kind: 'rejected', providerMessage: 'HTTP 418', httpStatus: 418 }],
    [
      'a 5xx without a code',
      answer({ status: 502 }),
      { kind: 'retry', reason: expect.stringContaining('(HTTP 502).') },
    ],
    ['a 408', answer({ status: 408, code: 'RequestTimeout' }), { kind: 'retry', httpStatus: 408 }],
    [
      'an answer that is not Alibaba’s JSON',
      { kind: 'unreadable', status: 502, detail: '<html>' },
      {
        kind: 'retry',
        httpStatus: 502,
        reason: expect.stringMatching(/^Alibaba Cloud AICCS answered \(HTTP 502\) with something/),
      },
    ],
  ] as [string, AiccsReply, object][])('%s', (_name, reply, expected) => {
    expect(inEnglish(checked(classifyAiccsReply(reply)))).toMatchObject(expected)
  })

  it('a parameter AICCS does not have: refused by the one wire check, with the issue at the root', () => {
    expect(wireIssues(aiccsCreateAiCallTaskSchema(new Date()), { ...task, TaskName: 'x', Colour: 'blue' })).toBe(
      'CreateAiCallTask has no parameter Colour.',
    )
  })
})
