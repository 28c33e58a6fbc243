import type { StartTaskContactCommandInput } from '@aws-sdk/client-connect'
import { ConnectClient, DescribeInstanceCommand, StartTaskContactCommand } from '@aws-sdk/client-connect'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConnectSendContext } from '../../../electron/main/providers/connect/connect-client'
import { createConnectClient } from '../../../electron/main/providers/connect/connect-client'
import type { SecretOf } from '../../../shared/providers/registry'
import { systemClock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import type {
  ConnectFault,
  ConnectSimulator,
  ConnectSimulatorOptions,
} from '../../../electron/main/providers/connect/connect-simulator'
import {
  CONNECT_STATUS_ERRORS,
  startConnectSimulator,
} from '../../../electron/main/providers/connect/connect-simulator'
import { ConnectSecret } from '../../../shared/schemas/credentials'
import { ConnectProfile } from '../../../shared/schemas/profiles'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { ANSWERED_MS, limitFor } from './time-limits'

// Every fault the Connect simulator plays on StartTaskContact, its rate limit and its clock, seen
// first at the SDK level (what comes back on the wire), then through our real send client (which
// outcome the agent's outbox gets).

const REGION = drafts.connect.region
const INSTANCE = drafts.connect.instanceId
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const task = { InstanceId: INSTANCE, Name: 'Call back Ms Example', ContactFlowId: 'flow-1' }

const sim = (options: Partial<ConnectSimulatorOptions> = {}) =>
  startConnectSimulator({
    accessKeyId: secrets.connect.accessKeyId,
    secretAccessKey: secrets.connect.secretAccessKey,
    region: REGION,
    instances: [{ id: INSTANCE }],
    ...options,
  }).then((s) => (cleanups.push(s.close), s))

function sdk(s: ConnectSimulator, options: { secret?: string } = {}) {
  const client = new ConnectClient({
    region: REGION,
    credentials: {
      accessKeyId: secrets.connect.accessKeyId,
      secretAccessKey: options.secret ?? secrets.connect.secretAccessKey,
    },
    endpoint: s.url,
    maxAttempts: 1,
  })
  cleanups.push(async () => client.destroy())
  return client
}

type Answer =
  | { ok: true; contactId: string }
  | { ok: false; name: string; status: unknown; code: unknown; message: string; headers: Record<string, string> }

async function start(
  client: ConnectClient,
  input: Partial<StartTaskContactCommandInput> = {},
  abortSignal?: AbortSignal,
): Promise<Answer> {
  try {
    const output = await client.send(new StartTaskContactCommand({ ...task, ...input }), { abortSignal })
    return { ok: true, contactId: output.ContactId ?? '' }
  } catch (error) {
    const e = error as Error & {
      $metadata?: { httpStatusCode?: unknown }
      $response?: { headers?: Record<string, string> }
      code?: unknown
    }
    return {
      ok: false,
      name: e.name,
      status: e.$metadata?.httpStatusCode,
      code: e.code,
      message: e.message,
      headers: e.$response?.headers ?? {},
    }
  }
}

describe('Connect simulator faults at the SDK level', () => {
  it('refuse: connections are refused until the fault is cleared', async () => {
    const s = await sim()
    const client = sdk(s)
    await s.setFault({ kind: 'refuse' })
    expect(await start(client)).toMatchObject({ ok: false, code: 'ECONNREFUSED', status: undefined })
    await s.setFault(null)
    expect(await start(client)).toMatchObject({ ok: true })
    expect(s.tasks).toHaveLength(1)
  })

  it('blackhole: the body is read and never answered; the client gives up at its timeout', async () => {
    const s = await sim()
    await s.setFault({ kind: 'blackhole' })
    const started = performance.now()
    const answer = await start(sdk(s), {}, AbortSignal.timeout(300))
    expect(answer).toMatchObject({ ok: false, status: undefined })
    expect(performance.now() - started).toBeGreaterThanOrEqual(290)
    expect(s.requests.map((r) => r.verdict)).toEqual(['blackholed'])
    expect(s.tasks).toHaveLength(0)
  })

  it.each([400, 401, 402, 403, 404, 429, 500, 503])(
    'status %i: Connect’s usual error for it, in restJson1, nothing created',
    async (status) => {
      const s = await sim()
      await s.setFault({ kind: 'status', status, times: 1 })
      const answer = await start(sdk(s))
      expect(answer).toMatchObject({ ok: false, name: CONNECT_STATUS_ERRORS[status], status })
      expect(s.requests[0]).toMatchObject({ verdict: 'fault', status, errorType: CONNECT_STATUS_ERRORS[status] })
      expect(s.tasks).toHaveLength(0)
    },
  )

  it('status with a code, a message and Retry-After: all on the wire as given', async () => {
    const s = await sim()
    await s.setFault({ kind: 'status', status: 429, code: 'TooManyRequestsException', retryAfterSeconds: 4 })
    const answer = await start(sdk(s))
    expect(answer).toMatchObject({ ok: false, name: 'TooManyRequestsException', status: 429 })
    expect((answer as { headers: Record<string, string> }).headers['retry-after']).toBe('4')
  })

  it('slow: answers after at least the delay, and the task is created', async () => {
    const s = await sim()
    await s.setFault({ kind: 'slow', ms: 200, times: 1 })
    const started = performance.now()
    expect(await start(sdk(s))).toMatchObject({ ok: true })
    expect(performance.now() - started).toBeGreaterThanOrEqual(195)
    expect(s.tasks).toHaveLength(1)
  })

  it('dropAfterBody: created, then cut; the resend with the same ClientToken gets the same ContactId, one effect', async () => {
    const s = await sim()
    const client = sdk(s)
    await s.setFault({ kind: 'dropAfterBody', times: 1 })
    const token = 'drop-then-resend-0001'
    const first = await start(client, { ClientToken: token })
    expect(first).toMatchObject({ ok: false, status: undefined })
    expect(s.tasks).toHaveLength(1)
    const again = await start(client, { ClientToken: token })
    expect(again).toEqual({ ok: true, contactId: s.tasks[0]!.contactId })
    expect(s.effects.get(token)).toBe(1)
    expect(s.requests.map((r) => r.verdict)).toEqual(['dropped', 'ok'])
  })

  it('times counts down: two faulted answers, then normal service', async () => {
    const s = await sim()
    const client = sdk(s)
    await s.setFault({ kind: 'status', status: 500, times: 2 })
    expect(await start(client)).toMatchObject({ ok: false, status: 500 })
    expect(await start(client)).toMatchObject({ ok: false, status: 500 })
    expect(await start(client)).toMatchObject({ ok: true })
    expect(s.requests.map((r) => r.verdict)).toEqual(['fault', 'fault', 'ok'])
  })

  it('faults play on StartTaskContact only: DescribeInstance is untouched', async () => {
    const s = await sim()
    await s.setFault({ kind: 'status', status: 500 })
    await expect(sdk(s).send(new DescribeInstanceCommand({ InstanceId: INSTANCE }))).resolves.toMatchObject({
      Instance: { Id: INSTANCE },
    })
  })
})

describe('Connect simulator rate limit, clock and signature', () => {
  it('the default bucket (2 a second, burst 5): 5 at once pass, the 6th is throttled with Retry-After; later one more passes', async () => {
    // The bucket's clock stands still until the test moves it: the burst arrives together however
    // slowly this machine signs and sends six requests.
    let bucketMs = 0
    const s = await sim({ rateClock: () => bucketMs })
    const client = sdk(s)
    await client.send(new DescribeInstanceCommand({ InstanceId: INSTANCE }))
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => start(client, { ClientToken: `burst-${i}` })))
    expect(answers.filter((a) => a.ok)).toHaveLength(5)
    const [throttled] = answers.filter((a) => !a.ok)
    expect(throttled).toMatchObject({ name: 'ThrottlingException', status: 429, message: 'Rate exceeded' })
    expect((throttled as { headers: Record<string, string> }).headers['retry-after']).toBe('1')
    expect(s.tasks).toHaveLength(5)
    bucketMs += 499
    expect(await start(client, { ClientToken: 'before-refill' })).toMatchObject({ ok: false, status: 429 })
    bucketMs += 1
    expect(await start(client, { ClientToken: 'after-refill' })).toMatchObject({ ok: true })
  })

  it('rateLimit: null lifts the limit; the old throttle option still throttles everything', async () => {
    const free = await sim({ rateLimit: null })
    const client = sdk(free)
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => start(client, { ClientToken: `free-${i}` })))
    expect(answers.every((a) => a.ok)).toBe(true)
    const closed = await sim({ throttle: true })
    expect(await start(sdk(closed))).toMatchObject({ ok: false, name: 'ThrottlingException', status: 429 })
  })

  it.each([
    ['ahead', 6 * 60_000, /^Signature expired: /],
    ['behind', -6 * 60_000, /^Signature not yet current: /],
  ] as const)(
    'a simulator clock 6 minutes %s: InvalidSignatureException, nothing created',
    async (_what, offset, message) => {
      const s = await sim({ clockOffsetMs: offset })
      expect(await start(sdk(s))).toMatchObject({
        ok: false,
        name: 'InvalidSignatureException',
        status: 403,
        message: expect.stringMatching(message),
      })
      expect(s.requests[0]).toMatchObject({ verdict: 'expired' })
      expect(s.tasks).toHaveLength(0)
    },
  )

  it('a clock 4 minutes off is within AWS’s 5', async () => {
    const s = await sim({ clockOffsetMs: 4 * 60_000 })
    expect(await start(sdk(s))).toMatchObject({ ok: true })
  })

  it('a wrong secret: InvalidSignatureException, nothing created', async () => {
    const s = await sim()
    expect(await start(sdk(s, { secret: 'wrong-secret-access-key-0000' }))).toMatchObject({
      ok: false,
      name: 'InvalidSignatureException',
      status: 403,
      message: expect.stringContaining('does not match'),
    })
    expect(s.tasks).toHaveLength(0)
  })

  it('the Authorization header is SigV4 scoped to connect', async () => {
    const s = await sim()
    await start(sdk(s))
    expect(s.requests[0]!.authorization).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=${secrets.connect.accessKeyId}/\\d{8}/${REGION}/connect/aws4_request, SignedHeaders=[a-z0-9-]+(;[a-z0-9-]+)*, Signature=[0-9a-f]{64}$`,
      ),
    )
  })
})

// ——— our client through each fault ———

const KEY = 'c0ffee00-3333-4e2b-9c3d-5e6f7a8b9c0d'

function context(secret: Partial<SecretOf<'connect'>> = {}): ConnectSendContext {
  const logger = createLogger(() => {}, systemClock)
  return {
    profile: ConnectProfile.parse({ ...drafts.connect, id: '9c1e7d2a-3b4f-4a5e-8d6c-1f2e3a4b5c6e' }),
    secret: ConnectSecret.parse({ ...secrets.connect, ...secret }),
    tokens: createTokenCache({ secrets: memorySecretStore(), clock: systemClock, logger }),
    clock: systemClock,
    fetch,
    signal: AbortSignal.timeout(ANSWERED_MS),
    idempotencyKey: KEY,
  }
}

type Row = [
  what: string,
  setup: { options?: Partial<ConnectSimulatorOptions>; fault?: ConnectFault; secret?: string },
  expected: Partial<SendOutcome> & { kind: SendOutcome['kind'] },
]

const ROWS: Row[] = [
  ['no fault', {}, { kind: 'sent', httpStatus: 200 }],
  ['400', { fault: { kind: 'status', status: 400 } }, { kind: 'rejected', httpStatus: 400 }],
  ['401', { fault: { kind: 'status', status: 401 } }, { kind: 'needs_auth' }],
  ['403', { fault: { kind: 'status', status: 403 } }, { kind: 'needs_auth' }],
  ['404', { fault: { kind: 'status', status: 404 } }, { kind: 'rejected', httpStatus: 404 }],
  [
    '429 with Retry-After 7',
    { fault: { kind: 'status', status: 429, retryAfterSeconds: 7 } },
    { kind: 'retry', delayMs: 7000, httpStatus: 429 },
  ],
  ['500', { fault: { kind: 'status', status: 500 } }, { kind: 'retry', httpStatus: 500 }],
  ['503', { fault: { kind: 'status', status: 503 } }, { kind: 'retry', httpStatus: 503 }],
  ['refuse', { fault: { kind: 'refuse' } }, { kind: 'retry', httpStatus: null }],
  ['blackhole', { fault: { kind: 'blackhole' } }, { kind: 'retry', httpStatus: null }],
  ['slow', { fault: { kind: 'slow', ms: 50 } }, { kind: 'sent', httpStatus: 200 }],
  ['dropAfterBody', { fault: { kind: 'dropAfterBody' } }, { kind: 'retry', httpStatus: null }],
  [
    'over the rate limit',
    { options: { rateLimit: { kind: 'bucket', perSecond: 0.5, burst: 0 } } },
    { kind: 'retry', delayMs: 2000, httpStatus: 429 },
  ],
  ['a clock 10 minutes off', { options: { clockOffsetMs: 10 * 60_000 } }, { kind: 'needs_auth' }],
  ['a wrong secret', { secret: 'wrong-secret-access-key-0000' }, { kind: 'needs_auth' }],
]

describe('our Connect client through each fault', () => {
  it.each(ROWS)('%s', async (_what, setup, expected) => {
    const s = await sim(setup.options)
    if (setup.fault) await s.setFault(setup.fault)
    const client = createConnectClient({ endpointFor: () => s.url, timeoutMs: limitFor(setup.fault) })
    const outcome = await client.send(context(setup.secret ? { secretAccessKey: setup.secret } : {}), task)
    expect(outcome).toMatchObject(expected)
  })

  it('dropAfterBody, then the outbox resends: sent with the ContactId created the first time, one effect', async () => {
    const s = await sim()
    await s.setFault({ kind: 'dropAfterBody', times: 1 })
    const client = createConnectClient({ endpointFor: () => s.url, timeoutMs: ANSWERED_MS })
    expect(await client.send(context(), task)).toMatchObject({ kind: 'retry' })
    expect(await client.send(context(), task)).toEqual({
      kind: 'sent',
      providerId: s.tasks[0]!.contactId,
      httpStatus: 200,
    })
    expect(s.effects.get(KEY)).toBe(1)
  })
})
