import { afterEach, describe, expect, it } from 'vitest'
import { inEnglish } from '../../shared/in-english'
import { connectStartTaskSchema } from '../../../shared/providers/connect/wire'
import { wireIssues } from './wire-check'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { SendOutcome as SendOutcomeSchema } from '../../../shared/schemas/send-outcome'
import type { ConnectStartTaskContactInput } from '../../../shared/providers/connect/wire'
import type { SecretOf } from '../../../shared/providers/registry'
import type { ConnectSendContext } from '../../../electron/main/providers/connect/connect-client'
import {
  CONNECT_AUTH_ERRORS,
  CONNECT_REJECTED_ERRORS,
  classifyConnectError,
  classifyConnectOutput,
  createConnectClient,
} from '../../../electron/main/providers/connect/connect-client'
import { systemClock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import type { ConnectSimulatorOptions } from '../../../electron/main/providers/connect/connect-simulator'
import { startConnectSimulator } from '../../../electron/main/providers/connect/connect-simulator'
import { ConnectSecret } from '../../../shared/schemas/credentials'
import { ConnectProfile } from '../../../shared/schemas/profiles'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { closedPort, silentServer } from './net-fixtures'
import { ANSWERED_MS } from './time-limits'

const ID = '9c1e7d2a-3b4f-4a5e-8d6c-1f2e3a4b5c6d'
const INSTANCE = drafts.connect.instanceId
const REGION = drafts.connect.region
const KEY = 'c0ffee00-2222-4e2b-9c3d-5e6f7a8b9c0d'
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const task: ConnectStartTaskContactInput = {
  InstanceId: INSTANCE,
  Name: 'Call back Ms Example',
  Description: 'Asked about her order',
  ContactFlowId: 'flow-1',
  Attributes: { channel: 'sales' },
}

const sim = (options: Partial<ConnectSimulatorOptions> = {}) =>
  startConnectSimulator({
    accessKeyId: secrets.connect.accessKeyId,
    secretAccessKey: secrets.connect.secretAccessKey,
    region: REGION,
    instances: [{ id: INSTANCE, alias: 'acme-support' }],
    ...options,
  }).then((s) => (cleanups.push(s.close), s))

function context(
  secret: Partial<SecretOf<'connect'>> = {},
  idempotencyKey = KEY,
  signal = AbortSignal.timeout(ANSWERED_MS),
): ConnectSendContext {
  const store = memorySecretStore()
  const logger = createLogger(() => {}, systemClock)
  return {
    profile: ConnectProfile.parse({ ...drafts.connect, id: ID }),
    secret: ConnectSecret.parse({ ...secrets.connect, ...secret }),
    tokens: createTokenCache({ secrets: store, clock: systemClock, logger }),
    clock: systemClock,
    fetch,
    signal,
    idempotencyKey,
  }
}

const clientAt = (url: string, timeoutMs?: number) =>
  createConnectClient({ endpointFor: () => url, ...(timeoutMs ? { timeoutMs } : {}) })

/** Every outcome is a valid SendOutcome and carries no secret. */
function checked(outcome: SendOutcome): SendOutcome {
  expect(SendOutcomeSchema.safeParse(outcome).success, JSON.stringify(outcome)).toBe(true)
  expect(JSON.stringify(outcome)).not.toContain(secrets.connect.secretAccessKey)
  return outcome
}

describe('Amazon Connect client (SDK → SigV4-checking simulator over loopback HTTP)', () => {
  it('sends StartTaskContact signed with SigV4, ClientToken = the idempotency key: sent with the ContactId', async () => {
    const s = await sim()
    const outcome = checked(await clientAt(s.url).send(context(), task))
    expect(s.tasks).toHaveLength(1)
    const [created] = s.tasks
    expect(inEnglish(outcome)).toEqual({ kind: 'sent', providerId: created!.contactId, httpStatus: 200 })
    expect(inEnglish(created)).toMatchObject({ clientToken: KEY, name: task.Name })
    expect(s.effects.get(KEY)).toBe(1)
    expect(s.requests).toHaveLength(1)
    const [request] = s.requests
    expect(inEnglish(request)).toMatchObject({
      method: 'PUT',
      path: '/contact/task',
      operation: 'StartTaskContact',
      accessKeyId: secrets.connect.accessKeyId,
      verdict: 'ok',
      status: 200,
    })
    expect(request!.authorization).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=${secrets.connect.accessKeyId}/\\d{8}/${REGION}/connect/aws4_request, SignedHeaders=\\S+, Signature=[0-9a-f]{64}$`,
      ),
    )
  })

  it("reports each answer's Date header, success or refusal, so the outbox can learn Connect's clock (Q8)", async () => {
    const s = await sim({ clockOffsetMs: 4 * 60_000 })
    const seen: { profile: string; date: string | undefined; sent: number; received: number }[] = []
    const client = createConnectClient({
      endpointFor: () => s.url,
      onServerDate: (profile, date, sent, received) => seen.push({ profile: profile.id, date, sent, received }),
    })
    checked(await client.send(context(), task))
    await s.setFault({ kind: 'status', status: 400 })
    checked(await client.send(context(), task))
    expect(seen).toHaveLength(2)
    for (const answer of seen) {
      expect(answer.profile).toBe(ID)
      const skew = Date.parse(answer.date!) + 500 - (answer.sent + answer.received) / 2
      expect(Math.abs(skew - 4 * 60_000)).toBeLessThan(2000)
    }
  })

  it('a ClientToken in the input is replaced by the idempotency key', async () => {
    const s = await sim()
    checked(await clientAt(s.url).send(context(), { ...task, ClientToken: 'someone-elses-token' }))
    expect(inEnglish(s.tasks.map((t) => t.clientToken))).toEqual([KEY])
  })

  it('a wrong secret access key: needs_auth, refused for its signature', async () => {
    const s = await sim()
    const outcome = checked(
      await clientAt(s.url).send(context({ secretAccessKey: 'wrong-secret-access-key-0000' }), task),
    )
    expect(inEnglish(outcome)).toMatchObject({
      kind: 'needs_auth',
      providerMessage: expect.stringContaining('InvalidSignatureException'),
    })
    expect(inEnglish(s.requests.map((r) => r.verdict))).toEqual(['bad_signature'])
    expect(s.tasks).toHaveLength(0)
  })

  it('keys without connect:StartTaskContact: needs_auth naming the permission (AccessDeniedException)', async () => {
    const s = await sim({ accessDeniedKeys: [secrets.connect.accessKeyId] })
    const outcome = checked(await clientAt(s.url).send(context(), task))
    expect(inEnglish(outcome)).toMatchObject({
      kind: 'needs_auth',
      message: expect.stringContaining('connect:StartTaskContact'),
      providerMessage: expect.stringContaining('AccessDeniedException'),
    })
  })

  it('invalid input: refused by the one wire check with the rule broken (the client does not check again)', () => {
    const check = connectStartTaskSchema(new Date())
    expect(wireIssues(check, { ...task, QuickConnectId: 'qc-1' })).toContain('Send only one of')
    expect(wireIssues(check, { ...task, ScheduledTime: new Date(Date.now() - 60_000) })).toContain('in the future')
    expect(wireIssues(check, { ...task, ClientToken: 'k'.repeat(501) })).toContain('ClientToken')
  })

  it('an instance the region does not have: rejected, showing ResourceNotFoundException’s message', async () => {
    const s = await sim()
    const outcome = checked(await clientAt(s.url).send(context(), { ...task, InstanceId: 'no-such-instance' }))
    expect(inEnglish(outcome)).toMatchObject({
      kind: 'rejected',
      httpStatus: 404,
      providerMessage: 'ResourceNotFoundException: Instance not found: no-such-instance',
    })
  })

  it('throttled (429 + Retry-After): retry after the given wait, one attempt only', async () => {
    const s = await sim()
    await s.setFault({ kind: 'status', status: 429, retryAfterSeconds: 7 })
    const outcome = checked(await clientAt(s.url).send(context(), task))
    expect(inEnglish(outcome)).toMatchObject({ kind: 'retry', delayMs: 7000, httpStatus: 429 })
    expect(s.requests).toHaveLength(1)
    expect(s.tasks).toHaveLength(0)
  })

  it('500 InternalServiceException: retry (the ClientToken makes a resend safe)', async () => {
    const s = await sim()
    await s.setFault({ kind: 'status', status: 500, code: 'InternalServiceException', times: 1 })
    const client = clientAt(s.url)
    expect(inEnglish(checked(await client.send(context(), task)))).toMatchObject({
      kind: 'retry',
      delayMs: null,
      httpStatus: 500,
    })
    expect(s.requests).toHaveLength(1)
    expect(inEnglish(checked(await client.send(context(), task)))).toMatchObject({ kind: 'sent' })
  })

  it('402 ServiceQuotaExceededException: rejected with the service’s message', async () => {
    const s = await sim()
    await s.setFault({
      kind: 'status',
      status: 402,
      code: 'ServiceQuotaExceededException',
      message: 'Too many open tasks',
    })
    expect(inEnglish(checked(await clientAt(s.url).send(context(), task)))).toMatchObject({
      kind: 'rejected',
      httpStatus: 402,
      providerMessage: 'ServiceQuotaExceededException: Too many open tasks',
    })
  })

  it('the connection drops after the body arrived: retry; the resend with the same key is sent with the same ContactId and exactly one effect (Q1)', async () => {
    const s = await sim()
    await s.setFault({ kind: 'dropAfterBody', times: 1 })
    const client = clientAt(s.url)
    const first = checked(await client.send(context(), task))
    expect(inEnglish(first)).toMatchObject({ kind: 'retry', httpStatus: null })
    // The contact exists already: the answer was lost, not the task.
    expect(s.tasks).toHaveLength(1)
    const again = checked(await client.send(context(), task))
    expect(inEnglish(again)).toEqual({ kind: 'sent', providerId: s.tasks[0]!.contactId, httpStatus: 200 })
    expect(s.tasks).toHaveLength(1)
    expect(s.effects.get(KEY)).toBe(1)
    expect(inEnglish(s.requests.map((r) => r.verdict))).toEqual(['dropped', 'ok'])
    expect(inEnglish(s.tokenMismatches)).toEqual([])
  })

  it('another idempotency key is another task', async () => {
    const s = await sim()
    const client = clientAt(s.url)
    const a = checked(await client.send(context(), task))
    const b = checked(await client.send(context(undefined, 'another-key'), task))
    expect(a.kind === 'sent' && b.kind === 'sent' && a.providerId !== b.providerId).toBe(true)
    expect([...s.effects.values()]).toEqual([1, 1])
  })

  it('a port nobody listens on: retry', async () => {
    const port = await closedPort()
    const outcome = checked(await clientAt(`http://127.0.0.1:${port}`).send(context(), task))
    expect(inEnglish(outcome)).toMatchObject({
      kind: 'retry',
      httpStatus: null,
      reason: expect.stringContaining('ECONNREFUSED'),
    })
  })

  it('a provider that never answers: retry after the time limit', async () => {
    const silent = await silentServer()
    cleanups.push(silent.close)
    const outcome = checked(await clientAt(`http://127.0.0.1:${silent.port}`, 300).send(context(), task))
    expect(inEnglish(outcome)).toMatchObject({ kind: 'retry', httpStatus: null })
  })
})

/** An error shaped as the SDK throws it for a service answer. */
function awsError(name: string, status: number, message = 'msg', headers: Record<string, string> = {}) {
  const error = Object.assign(new Error(message), { name, Message: message, $metadata: { httpStatusCode: status } })
  Object.defineProperty(error, '$response', { value: { statusCode: status, headers }, enumerable: false })
  return error
}

describe('classifyConnectError / classifyConnectOutput (pure)', () => {
  const now = new Date('2026-03-01T12:00:00Z')
  const kind = (error: unknown) => classifyConnectError(error, now).kind

  it.each([
    ['InvalidParameterException', 400, 'rejected'],
    ['InvalidRequestException', 400, 'rejected'],
    ['ResourceNotFoundException', 404, 'rejected'],
    ['ServiceQuotaExceededException', 402, 'rejected'],
    ['ValidationException', 400, 'rejected'],
    ['ConflictException', 409, 'rejected'],
    ['UnknownOperationException', 404, 'rejected'],
    ['ThrottlingException', 429, 'retry'],
    ['TooManyRequestsException', 429, 'retry'],
    ['ThrottlingException', 400, 'retry'],
    ['InternalServiceException', 500, 'retry'],
    ['ServiceUnavailable', 503, 'retry'],
    ['BadGateway', 502, 'retry'],
    ['RequestTimeout', 408, 'retry'],
    ['UnrecognizedClientException', 403, 'needs_auth'],
    ['InvalidSignatureException', 403, 'needs_auth'],
    ['IncompleteSignatureException', 403, 'needs_auth'],
    ['MissingAuthenticationTokenException', 403, 'needs_auth'],
    ['ExpiredTokenException', 400, 'needs_auth'],
    ['AccessDeniedException', 403, 'needs_auth'],
    ['SomethingNew', 401, 'needs_auth'],
    ['SomethingNew', 403, 'needs_auth'],
    ['SyntaxError', 200, 'retry'],
  ] as const)('%s (HTTP %i) → %s', (name, status, expected) => {
    const outcome = classifyConnectError(awsError(name, status), now)
    expect(SendOutcomeSchema.safeParse(outcome).success).toBe(true)
    expect(outcome.kind).toBe(expected)
  })

  it('the name sets are the ones documented', () => {
    for (const name of CONNECT_REJECTED_ERRORS) expect(kind(awsError(name, 400))).toBe('rejected')
    for (const name of CONNECT_AUTH_ERRORS) expect(kind(awsError(name, 403))).toBe('needs_auth')
  })

  it('rejected keeps the service’s own message; an unknown name gets plain words with the status', () => {
    expect(inEnglish(classifyConnectError(awsError('InvalidParameterException', 400, 'Name too long'), now))).toEqual({
      kind: 'rejected',
      message: 'Amazon Connect refused the task: one of its fields is not valid.',
      providerMessage: 'InvalidParameterException: Name too long',
      httpStatus: 400,
    })
    expect(inEnglish(classifyConnectError(awsError('Teapot', 418, ''), now))).toEqual({
      kind: 'rejected',
      message: 'Amazon Connect refused the task (HTTP 418).',
      providerMessage: 'Teapot',
      httpStatus: 418,
    })
  })

  it('Retry-After: seconds, an HTTP date, or absent (null: the queue’s own backoff)', () => {
    const delay = (headers: Record<string, string>) => {
      const outcome = classifyConnectError(awsError('ThrottlingException', 429, 'Rate exceeded', headers), now)
      return outcome.kind === 'retry' ? outcome.delayMs : 'not retry'
    }
    expect(delay({ 'retry-after': '3' })).toBe(3000)
    expect(delay({ 'retry-after': 'Sun, 01 Mar 2026 12:00:10 GMT' })).toBe(10_000)
    expect(delay({})).toBeNull()
    const withoutResponse = Object.assign(new Error('x'), {
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 429 },
    })
    expect(inEnglish(classifyConnectError(withoutResponse, now))).toMatchObject({ kind: 'retry', delayMs: null })
  })

  it('the clock and the session token get their own words', () => {
    const skew = classifyConnectError(awsError('InvalidSignatureException', 403, 'Signature expired: 2026…'), now)
    expect(inEnglish(skew)).toMatchObject({ kind: 'needs_auth', message: expect.stringContaining('clock') })
    const expired = classifyConnectError(awsError('ExpiredTokenException', 400, 'The security token has expired'), now)
    expect(inEnglish(expired)).toMatchObject({ kind: 'needs_auth', message: expect.stringContaining('session token') })
  })

  it('network failures of every kind (no HTTP answer) → retry, never needs_review', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
    const refused = Object.assign(new Error('connect'), { cause: { code: 'ECONNREFUSED' } })
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' })
    const timeout = Object.assign(new Error('timed out'), { name: 'TimeoutError' })
    const plain = new Error('something broke')
    const reasons = [reset, refused, abort, timeout, plain, 'not an error', null].map((error) => {
      const outcome = classifyConnectError(error, now)
      expect(inEnglish(outcome)).toMatchObject({ kind: 'retry', delayMs: null, httpStatus: null })
      return outcome.kind === 'retry' ? inEnglish(outcome.reason) : ''
    })
    expect(reasons[0]).toContain('ECONNRESET')
    expect(reasons[1]).toContain('ECONNREFUSED')
    expect(reasons[2]).toContain('no answer in time')
    expect(reasons[3]).toContain('no answer in time')
    expect(reasons[4]).toContain('something broke')
    expect(reasons[5]).toContain('unknown error')
  })

  it('a 2xx answer: sent with the ContactId, or retry when it has none', () => {
    expect(inEnglish(classifyConnectOutput({ ContactId: 'c-1', $metadata: { httpStatusCode: 200 } }))).toEqual({
      kind: 'sent',
      providerId: 'c-1',
      httpStatus: 200,
    })
    expect(inEnglish(classifyConnectOutput({ ContactId: 'c-2', $metadata: {} }))).toMatchObject({ httpStatus: 200 })
    expect(inEnglish(classifyConnectOutput({ $metadata: { httpStatusCode: 200 } }))).toMatchObject({
      kind: 'retry',
      delayMs: null,
    })
  })
})

describe('the rest of the Connect classifier’s branches (pure, captured shapes)', () => {
  const now = new Date('2026-03-01T12:00:00Z')

  it('a Message that is not text: the error name alone', () => {
    const error = Object.assign(awsError('InvalidRequestException', 400), { Message: { nested: true } })
    expect(inEnglish(classifyConnectError(error, now))).toMatchObject({
      kind: 'rejected',
      providerMessage: 'InvalidRequestException',
    })
  })

  it('a network error with neither code nor message: its name', () => {
    expect(inEnglish(classifyConnectError(new Error(), now))).toMatchObject({
      kind: 'retry',
      reason: expect.stringContaining('did not answer (Error).'),
    })
  })

  it('no contact flow, quick connect or template: refused by the one wire check, with the issue at the root', () => {
    const { ContactFlowId: _flow, ...noTarget } = task
    expect(wireIssues(connectStartTaskSchema(new Date()), noTarget)).toBe(
      'Choose a contact flow, a quick connect or a task template.',
    )
  })
})
