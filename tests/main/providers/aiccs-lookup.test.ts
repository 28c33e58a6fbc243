import { afterEach, describe, expect, it } from 'vitest'
import { inEnglish, said } from '../../shared/in-english'
import { msg } from '../../../shared/i18n/message'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { AiccsProfile } from '../../../shared/providers/aiccs/profile'
import { AiccsSecret } from '../../../shared/schemas/credentials'
import {
  findAiccsTaskByName,
  readTaskPage,
  settleAfterLookup,
} from '../../../electron/main/providers/aiccs/aiccs-lookup'
import { callAiccs } from '../../../electron/main/providers/aiccs/aiccs-rpc'
import type { AiccsSendContext } from '../../../electron/main/providers/aiccs/aiccs-client'
import { refusalToCheck } from '../../../electron/main/providers/aiccs/aiccs-client'
import { startAiccsSimulator } from '../../../electron/main/providers/aiccs/aiccs-simulator'
import { systemClock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { closedPort, silentServer } from './net-fixtures'
import { ANSWERED_MS, NEVER_ANSWERED_MS } from './time-limits'

// Finding an AICCS call task by its name with QueryAiCallTaskPage (aiccs-lookup.ts): the answer's
// shape per the 2019-10-15 API (Data.List[].TaskId as a string, Total), narrowed to the exact name.

const ID = '5b2c8e1f-4a3d-4c6b-9e8f-7a6b5c4d3e2f'
const NAME = 'Renewal [callboard-a1b2c3d4-1111-4e2b-9c3d-5e6f7a8b9c0d]'
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const page = (list: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ RequestId: 'R', Code: 'OK', Success: true, Data: { List: list, PageNo: 1, PageSize: 20, ...extra } })

function context(endpoint: string): AiccsSendContext {
  return {
    profile: AiccsProfile.parse({ ...drafts.aiccs, id: ID, endpoint }),
    secret: AiccsSecret.parse(secrets.aiccs),
    tokens: createTokenCache({
      secrets: memorySecretStore(),
      clock: systemClock,
      logger: createLogger(() => {}, systemClock),
    }),
    clock: systemClock,
    fetch,
    signal: AbortSignal.timeout(ANSWERED_MS),
    idempotencyKey: 'a1b2c3d4-1111-4e2b-9c3d-5e6f7a8b9c0d',
  }
}

describe('reading a QueryAiCallTaskPage answer', () => {
  it('finds the exact name among fuzzy matches, with its id as exact digits', () => {
    const list = [
      { TaskId: '1234567890123456780', TaskName: `${NAME} (copy)` },
      { TaskId: '1234567890123456789', TaskName: NAME },
    ]
    expect(readTaskPage(page(list, { Total: 2 }), NAME)).toEqual({ kind: 'found', taskId: '1234567890123456789' })
    expect(readTaskPage(page([{ TaskId: 42, TaskName: NAME }]), NAME)).toEqual({ kind: 'found', taskId: '42' })
  })

  it('says absent only when the whole match fits the page', () => {
    expect(readTaskPage(page([], { Total: 0 }), NAME)).toEqual({ kind: 'absent' })
    expect(readTaskPage(page([{ TaskId: '1', TaskName: 'other' }]), NAME)).toEqual({ kind: 'absent' })
    expect(inEnglish(readTaskPage(page([{ TaskId: '1', TaskName: 'other' }], { Total: 40 }), NAME))).toMatchObject({
      kind: 'unknown',
      detail: expect.stringContaining('more matches'),
    })
  })

  it('cannot tell from anything else', () => {
    const unknown = (body: string) => readTaskPage(body, NAME).kind
    expect(unknown('<html>')).toBe('unknown')
    expect(readTaskPage(undefined, NAME).kind).toBe('unknown')
    expect(unknown('null')).toBe('unknown')
    expect(unknown(JSON.stringify({ Code: 'InvalidParameter', Success: false }))).toBe('unknown')
    expect(unknown(JSON.stringify({ Code: 'OK', Success: true, Data: {} }))).toBe('unknown')
    expect(unknown(page([{ TaskId: 12.5, TaskName: NAME }]))).toBe('unknown')
    expect(unknown(page([{ TaskId: 'abc', TaskName: NAME }]))).toBe('unknown')
    expect(unknown(page([{ TaskName: NAME }]))).toBe('unknown')
    expect(unknown(page([null, { TaskId: '1', TaskName: NAME }, { TaskId: '2', TaskName: NAME }]))).toBe('unknown')
  })
})

describe('which refusals are checked against the task list', () => {
  const answer = (code: string | null, status = 400) =>
    ({ kind: 'answer', status, code, success: null, message: null, requestId: null, taskId: null }) as const
  const rejected: SendOutcome = { kind: 'rejected', message: said('refused'), providerMessage: null, httpStatus: 400 }
  const review: SendOutcome = { kind: 'needs_review', message: said('taken'), providerMessage: null }

  it('any refusal, and a duplicate name without its id; never a network failure or anything else', () => {
    expect(refusalToCheck(answer('InvalidParameter'), rejected)).toEqual({ status: 400, duplicateName: false })
    expect(refusalToCheck(answer(null, 422), rejected)).toEqual({ status: 422, duplicateName: false })
    expect(refusalToCheck(answer('TaskName.Duplicate'), review)).toEqual({ status: 400, duplicateName: true })
    expect(refusalToCheck(answer('OK', 200), review)).toBeNull()
    expect(refusalToCheck(answer(null, 200), review)).toBeNull()
    expect(refusalToCheck({ kind: 'network', detail: 'ECONNRESET', phase: 'after_send' }, rejected)).toBeNull()
    const sent: SendOutcome = { kind: 'sent', providerId: '1', httpStatus: 200 }
    expect(refusalToCheck(answer('OK', 200), sent)).toBeNull()
  })
})

describe('settling a refusal by the lookup', () => {
  const rejected: SendOutcome = { kind: 'rejected', message: said('refused'), providerMessage: 'X: y', httpStatus: 400 }
  const review: SendOutcome = {
    kind: 'needs_review',
    message: said('taken'),
    providerMessage: 'TaskName.Duplicate: z',
  }

  it('found: sent with the id; otherwise a plain refusal stands and a duplicate name needs review', () => {
    const found = { kind: 'found', taskId: '7' } as const
    expect(settleAfterLookup(rejected, found, { status: 400, duplicateName: false })).toEqual({
      kind: 'sent',
      providerId: '7',
      httpStatus: 400,
    })
    expect(settleAfterLookup(rejected, { kind: 'absent' }, { status: 400, duplicateName: false })).toBe(rejected)
    expect(
      inEnglish(settleAfterLookup(review, { kind: 'absent' }, { status: 400, duplicateName: true })),
    ).toMatchObject({
      kind: 'needs_review',
      message: expect.stringContaining('shows no task of that name'),
      providerMessage: 'TaskName.Duplicate: z',
    })
    const unknown = {
      kind: 'unknown',
      detail: msg('sendOutcome.aiccsList.unreadable', { code: 'ServiceUnavailable' }),
    } as const
    expect(inEnglish(settleAfterLookup(rejected, unknown, { status: 409, duplicateName: true }))).toMatchObject({
      kind: 'needs_review',
      message: expect.stringContaining('ServiceUnavailable'),
      providerMessage: 'X: y',
    })
    const retry: SendOutcome = { kind: 'retry', delayMs: null, reason: said('later'), httpStatus: null }
    expect(settleAfterLookup(retry, unknown, { status: 400, duplicateName: true })).toMatchObject({
      kind: 'needs_review',
      providerMessage: null,
    })
  })
})

describe('the lookup against the simulator (QueryAiCallTaskPage as documented)', () => {
  const sim = () =>
    startAiccsSimulator({
      accessKeyId: secrets.aiccs.accessKeyId,
      accessKeySecret: secrets.aiccs.accessKeySecret,
    }).then((s) => (cleanups.push(s.close), s))

  it('an empty account: absent; a list that cannot be reached: unknown', async () => {
    const s = await sim()
    expect(
      await findAiccsTaskByName(context(s.host), NAME, { timeoutMs: ANSWERED_MS, signWith: secrets.aiccs }),
    ).toEqual({ kind: 'absent' })
    expect(s.requests[0]).toMatchObject({ action: 'QueryAiCallTaskPage', verdict: 'listed' })
    const closed = await closedPort()
    expect(
      inEnglish(
        await findAiccsTaskByName(context(`127.0.0.1:${closed}`), NAME, {
          timeoutMs: ANSWERED_MS,
          signWith: secrets.aiccs,
        }),
      ),
    ).toMatchObject({
      kind: 'unknown',
      detail: expect.stringContaining('could not be read'),
    })
  })

  it('a list that never answers: unknown, within the time limit', async () => {
    const silent = await silentServer()
    cleanups.push(silent.close)
    const ctx = context(`127.0.0.1:${silent.port}`)
    expect(
      inEnglish(await findAiccsTaskByName(ctx, NAME, { timeoutMs: NEVER_ANSWERED_MS, signWith: secrets.aiccs })),
    ).toEqual({
      kind: 'unknown',
      detail: 'the task list could not be read (no answer in time)',
    })
  })

  it('refuses a page number or size below 1 (InvalidParameter)', async () => {
    const s = await sim()
    const ctx = context(s.host)
    const options = { timeoutMs: ANSWERED_MS, signal: AbortSignal.timeout(ANSWERED_MS), signedAt: new Date() }
    const answer = await callAiccs(
      'QueryAiCallTaskPage',
      ctx.profile,
      ctx.secret,
      { TaskName: NAME, PageNo: '0' },
      options,
    )
    expect(answer).toMatchObject({
      kind: 'http',
      status: 400,
      body: expect.stringContaining('"InvalidParameter.PageNo"'),
    })
  })
})
