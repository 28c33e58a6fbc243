import { afterEach, describe, expect, it } from 'vitest'
import { inEnglish, type InEnglish } from '../../shared/in-english'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { SendOutcome as SendOutcomeSchema } from '../../../shared/schemas/send-outcome'
import type { ConnectStartTaskContactInput } from '../../../shared/providers/connect/wire'
import type { ConnectSendContext } from '../../../electron/main/providers/connect/connect-client'
import { createConnectClient } from '../../../electron/main/providers/connect/connect-client'
import { systemClock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import type { ConnectFault } from '../../../electron/main/providers/connect/connect-simulator'
import { startConnectSimulator } from '../../../electron/main/providers/connect/connect-simulator'
import { ConnectSecret } from '../../../shared/schemas/credentials'
import { ConnectProfile } from '../../../shared/schemas/profiles'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { missingResponseClasses } from './response-classes'
import { ANSWERED_MS, SENT_THEN_SILENT_MS } from './time-limits'

// Issue #4 / reliability Q11: one row per response class, each sent by the real client (the AWS SDK,
// SigV4) to the Connect simulator over loopback HTTP. Connect keys every request by ClientToken, so
// every ambiguous failure is `retry`; there is no token to refresh, so a 401 is needs_auth at once.

const ID = '9c1e7d2a-3b4f-4a5e-8d6c-1f2e3a4b5c6d'
const KEY = 'c0ffee00-2222-4e2b-9c3d-5e6f7a8b9c0d'
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const task: ConnectStartTaskContactInput = {
  InstanceId: drafts.connect.instanceId,
  Name: 'Call back Ms Example',
  ContactFlowId: 'flow-1',
}

interface Row {
  fault?: ConnectFault
  /** The same task (same ClientToken) was sent and created before this send. */
  resend?: boolean
  timedOut?: boolean
  timeoutMs?: number
  outcome: Partial<InEnglish<SendOutcome>> & { kind: SendOutcome['kind'] } & Record<string, unknown>
  /** StartTaskContact requests as the simulator judged them, this send's only. */
  requests: string[]
  /** Contacts that exist afterwards. */
  created: 0 | 1
}

const fault = (status: number, extra: Partial<Extract<ConnectFault, { kind: 'status' }>> = {}): ConnectFault => ({
  kind: 'status',
  status,
  ...extra,
})

const rows: Record<string, Row> = {
  '2xx → sent with the ContactId': { outcome: { kind: 'sent', httpStatus: 200 }, requests: ['ok'], created: 1 },
  'duplicate (the same ClientToken again) → sent with the existing ContactId, no second contact': {
    resend: true,
    outcome: { kind: 'sent', httpStatus: 200 },
    requests: ['ok'],
    created: 1,
  },
  '400 → rejected': {
    fault: fault(400),
    outcome: {
      kind: 'rejected',
      httpStatus: 400,
      providerMessage: 'InvalidParameterException: Simulated InvalidParameterException',
    },
    requests: ['fault'],
    created: 0,
  },
  '401 → needs_auth (SigV4: nothing to refresh)': {
    fault: fault(401),
    outcome: { kind: 'needs_auth', providerMessage: expect.stringContaining('UnrecognizedClientException') },
    requests: ['fault'],
    created: 0,
  },
  '403 → needs_auth (IAM policy)': {
    fault: fault(403),
    outcome: { kind: 'needs_auth', message: expect.stringContaining('connect:StartTaskContact') },
    requests: ['fault'],
    created: 0,
  },
  '404 → rejected': {
    fault: fault(404),
    outcome: { kind: 'rejected', httpStatus: 404, message: expect.stringContaining('could not find the instance') },
    requests: ['fault'],
    created: 0,
  },
  '408 → retry': {
    fault: fault(408),
    outcome: { kind: 'retry', httpStatus: 408, delayMs: null },
    requests: ['fault'],
    created: 0,
  },
  '409 → rejected': {
    fault: fault(409, { code: 'ConflictException', message: 'Conflict' }),
    outcome: { kind: 'rejected', httpStatus: 409, providerMessage: 'ConflictException: Conflict' },
    requests: ['fault'],
    created: 0,
  },
  '422 → rejected': {
    fault: fault(422),
    outcome: { kind: 'rejected', httpStatus: 422, message: 'Amazon Connect refused the task as an invalid request.' },
    requests: ['fault'],
    created: 0,
  },
  '429 → retry after Retry-After': {
    fault: fault(429, { retryAfterSeconds: 7 }),
    outcome: { kind: 'retry', httpStatus: 429, delayMs: 7000 },
    requests: ['fault'],
    created: 0,
  },
  '500 → retry (same ClientToken)': {
    fault: fault(500),
    outcome: { kind: 'retry', httpStatus: 500, reason: expect.stringContaining('same ClientToken') },
    requests: ['fault'],
    created: 0,
  },
  '502 → retry': {
    fault: fault(502),
    outcome: { kind: 'retry', httpStatus: 502 },
    requests: ['fault'],
    created: 0,
  },
  '503 → retry after Retry-After': {
    fault: fault(503, { retryAfterSeconds: 3 }),
    outcome: { kind: 'retry', httpStatus: 503, delayMs: 3000 },
    requests: ['fault'],
    created: 0,
  },
  '504 → retry': {
    fault: fault(504),
    outcome: { kind: 'retry', httpStatus: 504 },
    requests: ['fault'],
    created: 0,
  },
  'connection refused → retry': {
    fault: { kind: 'refuse' },
    outcome: { kind: 'retry', httpStatus: null, reason: expect.stringContaining('ECONNREFUSED') },
    requests: [],
    created: 0,
  },
  'timeout before sending → retry': {
    timedOut: true,
    outcome: { kind: 'retry', httpStatus: null, reason: expect.stringContaining('no answer in time') },
    requests: [],
    created: 0,
  },
  'timeout after the body was sent → retry': {
    fault: { kind: 'blackhole' },
    timeoutMs: SENT_THEN_SILENT_MS,
    outcome: { kind: 'retry', httpStatus: null, reason: expect.stringContaining('same ClientToken') },
    requests: ['blackholed'],
    created: 0,
  },
  'connection reset after the body was sent → retry (and the contact exists)': {
    fault: { kind: 'dropAfterBody' },
    outcome: { kind: 'retry', httpStatus: null, reason: expect.stringContaining('same ClientToken') },
    requests: ['dropped'],
    created: 1,
  },
}

describe('Amazon Connect: every response class through the real client and the simulator', () => {
  it('has a row for every response class', () => {
    const names = Object.keys(rows)
    expect(missingResponseClasses(names)).toEqual([])
  })

  it.each(Object.entries(rows))('%s', async (_name, row) => {
    const s = await startConnectSimulator({
      accessKeyId: secrets.connect.accessKeyId,
      secretAccessKey: secrets.connect.secretAccessKey,
      region: drafts.connect.region,
      instances: [{ id: drafts.connect.instanceId, alias: 'acme-support' }],
    })
    cleanups.push(s.close)
    const client = createConnectClient({ endpointFor: () => s.url, timeoutMs: row.timeoutMs ?? ANSWERED_MS })
    const context = (signal: AbortSignal): ConnectSendContext => ({
      profile: ConnectProfile.parse({ ...drafts.connect, id: ID }),
      secret: ConnectSecret.parse(secrets.connect),
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
      first = await client.send(context(AbortSignal.timeout(ANSWERED_MS)), task)
      expect(first).toMatchObject({ kind: 'sent' })
      s.requests.length = 0
    }
    if (row.fault) await s.setFault(row.fault)
    let signal = AbortSignal.timeout(ANSWERED_MS)
    if (row.timedOut) {
      signal = AbortSignal.timeout(1)
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(signal.reason).toMatchObject({ name: 'TimeoutError' })
    }

    const outcome = await client.send(context(signal), task)

    expect(SendOutcomeSchema.parse(outcome)).toEqual(outcome)
    expect(inEnglish(outcome)).toMatchObject(row.outcome)
    if (first) expect(outcome).toEqual(first)
    expect(JSON.stringify(outcome)).not.toContain(secrets.connect.secretAccessKey)
    expect(s.requests.map((r) => r.verdict)).toEqual(row.requests)
    expect(s.tasks).toHaveLength(row.created)
  })
})
