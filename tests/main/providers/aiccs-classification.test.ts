import { afterEach, describe, expect, it } from 'vitest'
import { inEnglish, type InEnglish } from '../../shared/in-english'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { SendOutcome as SendOutcomeSchema } from '../../../shared/schemas/send-outcome'
import type { AiccsSendContext, AiccsTaskParams } from '../../../electron/main/providers/aiccs/aiccs-client'
import { aiccsTaskName, createAiccsClient } from '../../../electron/main/providers/aiccs/aiccs-client'
import { systemClock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import type { AiccsFault } from '../../../electron/main/providers/aiccs/aiccs-simulator'
import {
  AICCS_DUPLICATE_TASK_NAME_CODE,
  startAiccsSimulator,
} from '../../../electron/main/providers/aiccs/aiccs-simulator'
import { AiccsSecret } from '../../../shared/schemas/credentials'
import { AiccsProfile } from '../../../shared/schemas/profiles'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { missingResponseClasses } from './response-classes'
import { ANSWERED_MS, SENT_THEN_SILENT_MS } from './time-limits'

// Issue #4 / reliability Q11: one row per response class, each sent by the real client (Alibaba's
// openapi-core, ACS3 signing) to the AICCS simulator over loopback HTTP. The task name is derived from
// the idempotency key, so a resend cannot create a second task: ambiguous failures are `retry`, and a
// duplicate name is the one answer that needs the agent.

const ID = '5b2c8e1f-4a3d-4c6b-9e8f-7a6b5c4d3e2f'
const KEY = 'a1b2c3d4-1111-4e2b-9c3d-5e6f7a8b9c0d'
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
}
const NAME = aiccsTaskName(KEY, task.TaskName)!

interface Row {
  fault?: AiccsFault
  /** The same task (same name) was sent and created before this send. */
  resend?: boolean
  /** The code the simulator refuses a duplicate name with (the real one is not documented). */
  duplicateCode?: string
  /** The task list (QueryAiCallTaskPage) answers 503. */
  listingDown?: boolean
  timedOut?: boolean
  timeoutMs?: number
  outcome: Partial<InEnglish<SendOutcome>> & { kind: SendOutcome['kind'] } & Record<string, unknown>
  /** Requests as the simulator judged them, this send's only (a refusal is checked against the task list). */
  requests: string[]
  /** Tasks that exist afterwards. */
  created: 0 | 1
}

const status = (code: number, extra: Partial<Extract<AiccsFault, { kind: 'status' }>> = {}): AiccsFault => ({
  kind: 'status',
  status: code,
  ...extra,
})

const rows: Record<string, Row> = {
  '2xx → sent with the exact 64-bit id': {
    outcome: { kind: 'sent', httpStatus: 200, providerId: '1234567890123456789' },
    requests: ['created'],
    created: 1,
  },
  'duplicate name (a resend of a created task) → the task list finds it: sent with its id, no second task': {
    resend: true,
    outcome: { kind: 'sent', httpStatus: 400, providerId: '1234567890123456789' },
    requests: ['duplicate', 'listed'],
    created: 1,
  },
  'duplicate name under another (undocumented) code → the task list finds it: sent, not rejected': {
    resend: true,
    duplicateCode: 'Task.NameRepeat',
    outcome: { kind: 'sent', httpStatus: 400, providerId: '1234567890123456789' },
    requests: ['duplicate', 'listed'],
    created: 1,
  },
  'duplicate name, the task list cannot be read → needs_review, no second task': {
    resend: true,
    listingDown: true,
    outcome: {
      kind: 'needs_review',
      message: expect.stringContaining('could not be checked'),
      providerMessage: expect.stringContaining(AICCS_DUPLICATE_TASK_NAME_CODE),
    },
    requests: ['duplicate', 'fault'],
    created: 1,
  },
  '400 → rejected with Alibaba’s words': {
    fault: status(400),
    outcome: { kind: 'rejected', httpStatus: 400, providerMessage: expect.stringMatching(/^InvalidParameter: /) },
    requests: ['fault', 'listed'],
    created: 0,
  },
  '401 → needs_auth (an AccessKey: nothing to refresh)': {
    fault: status(401),
    outcome: { kind: 'needs_auth', providerMessage: expect.stringContaining('InvalidAccessKeyId.Inactive') },
    requests: ['fault'],
    created: 0,
  },
  '403 → needs_auth (RAM policy)': {
    fault: status(403),
    outcome: { kind: 'needs_auth', message: expect.stringContaining('RAM') },
    requests: ['fault'],
    created: 0,
  },
  '404 → rejected': {
    fault: status(404),
    outcome: { kind: 'rejected', httpStatus: 404, providerMessage: expect.stringMatching(/^InvalidAction\.NotFound/) },
    requests: ['fault', 'listed'],
    created: 0,
  },
  '408 → retry (the same name makes a resend harmless)': {
    fault: status(408, { code: 'RequestTimeout' }),
    outcome: { kind: 'retry', httpStatus: 408, delayMs: null, reason: expect.stringContaining('RequestTimeout') },
    requests: ['fault'],
    created: 0,
  },
  '409 name exists (another spelling), none listed → needs_review': {
    fault: status(409, { code: 'TaskName.AlreadyExist' }),
    outcome: {
      kind: 'needs_review',
      message: expect.stringContaining('shows no task of that name'),
      providerMessage: expect.stringContaining('TaskName.AlreadyExist'),
    },
    requests: ['fault', 'listed'],
    created: 0,
  },
  '422 → rejected': {
    fault: status(422, { code: 'UnprocessableEntity' }),
    outcome: { kind: 'rejected', httpStatus: 422, message: 'Alibaba Cloud AICCS refused the task (HTTP 422).' },
    requests: ['fault', 'listed'],
    created: 0,
  },
  '429 → retry after the answer’s wait': {
    fault: status(429, { retryAfterSeconds: 3 }),
    outcome: { kind: 'retry', httpStatus: 429, delayMs: 3000, reason: expect.stringContaining('throttling') },
    requests: ['fault'],
    created: 0,
  },
  '500 → retry': {
    fault: status(500),
    outcome: { kind: 'retry', httpStatus: 500, reason: expect.stringContaining('InternalError') },
    requests: ['fault'],
    created: 0,
  },
  '502 → retry': { fault: status(502), outcome: { kind: 'retry', httpStatus: 502 }, requests: ['fault'], created: 0 },
  '503 → retry': {
    fault: status(503),
    outcome: { kind: 'retry', httpStatus: 503, reason: expect.stringContaining('ServiceUnavailable') },
    requests: ['fault'],
    created: 0,
  },
  '504 → retry': { fault: status(504), outcome: { kind: 'retry', httpStatus: 504 }, requests: ['fault'], created: 0 },
  'connection refused → retry': {
    fault: { kind: 'refuse' },
    outcome: { kind: 'retry', httpStatus: null, reason: expect.stringContaining('ECONNREFUSED') },
    requests: [],
    created: 0,
  },
  'timeout before sending → retry, and nothing goes out': {
    timedOut: true,
    outcome: { kind: 'retry', httpStatus: null, reason: expect.stringContaining('no answer in time') },
    requests: [],
    created: 0,
  },
  'timeout after the body was sent → retry': {
    fault: { kind: 'blackhole' },
    timeoutMs: SENT_THEN_SILENT_MS,
    outcome: { kind: 'retry', httpStatus: null, reason: expect.stringContaining('same task name') },
    requests: ['blackholed'],
    created: 0,
  },
  'connection reset after the body was sent → retry (and the task exists)': {
    fault: { kind: 'dropAfterBody' },
    outcome: { kind: 'retry', httpStatus: null, reason: expect.stringContaining('same task name') },
    requests: ['dropped'],
    created: 1,
  },
}

describe('Alibaba Cloud AICCS: every response class through the real client and the simulator', () => {
  it('has a row for every response class', () => {
    const names = Object.keys(rows)
    expect(missingResponseClasses(names)).toEqual([])
  })

  it.each(Object.entries(rows))('%s', async (_name, row) => {
    const s = await startAiccsSimulator({
      accessKeyId: secrets.aiccs.accessKeyId,
      accessKeySecret: secrets.aiccs.accessKeySecret,
      ...(row.duplicateCode === undefined ? {} : { duplicateCode: row.duplicateCode }),
    })
    s.setListingDown(row.listingDown ?? false)
    cleanups.push(s.close)
    const client = createAiccsClient({ timeoutMs: row.timeoutMs ?? ANSWERED_MS })
    const context = (signal: AbortSignal): AiccsSendContext => ({
      profile: AiccsProfile.parse({ ...drafts.aiccs, id: ID, endpoint: s.host }),
      secret: AiccsSecret.parse(secrets.aiccs),
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
    if (row.resend) {
      expect(await client.send(context(AbortSignal.timeout(ANSWERED_MS)), task)).toMatchObject({ kind: 'sent' })
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
    // Whatever was sent has arrived by now (a request sent in the background included).
    await new Promise((resolve) => setTimeout(resolve, 50))

    expect(SendOutcomeSchema.parse(outcome)).toEqual(outcome)
    expect(inEnglish(outcome)).toMatchObject(row.outcome)
    expect(JSON.stringify(outcome)).not.toContain(secrets.aiccs.accessKeySecret)
    expect(s.requests.map((r) => r.verdict)).toEqual(row.requests)
    expect(s.requests.every((r) => r.parameters['TaskName'] === NAME)).toBe(true)
    expect(s.effects(NAME)).toBe(row.created)
  })
})
