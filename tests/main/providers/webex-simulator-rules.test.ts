import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebexCreateTaskRequest, webexScheduleCallbackSchema } from '../../../shared/providers/webex/wire'
import { nodeHttpTransport } from '../../../electron/main/providers/http/http-transport'
import type { WebexSimulator } from '../../../electron/main/providers/webex/webex-simulator'
import { startWebexSimulator } from '../../../electron/main/providers/webex/webex-simulator'
import { WEBEX_SCHEDULE_RULES, WEBEX_TASK_RULES } from '../../../electron/main/providers/webex/webex-rules'
import {
  INVALID_CREATE,
  INVALID_SCHEDULE,
  SEED_CALLBACK,
  VALID_CREATE,
  VALID_SCHEDULE,
} from '../../shared/wire/webex-cases'
import { ANSWERED_MS } from './time-limits'

// One table, two consumers: every request in tests/shared/wire/webex-cases.ts goes through our
// schema and, raw over HTTP (valid token, no client, no schema), through the simulator, whose rules
// are written independently from Cisco's text. A limit changed on one side only fails here.

const TOKEN = 'rules-test-access-token'
let s: WebexSimulator
beforeAll(async () => {
  s = await startWebexSimulator({
    clientId: 'c',
    clientSecret: 's',
    refreshToken: 'r',
    accessTokens: [TOKEN],
    rateLimit: null,
  })
})
afterAll(() => s.close())

async function post(path: string, body: unknown) {
  const answer = await nodeHttpTransport({
    method: 'POST',
    url: `${s.url}${path}`,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(ANSWERED_MS),
    timeoutMs: ANSWERED_MS,
  })
  return { ...answer, json: JSON.parse(answer.body) as unknown }
}
const postTask = (body: unknown) => post('/v1/tasks', body)
const postSchedule = (body: unknown) => post(`/v1/callbacks/organization/${s.orgId}/scheduled-callback`, body)

/** Webex's `ApiErrorResponse`, for a refusal. */
const API_ERROR = {
  trackingId: expect.stringMatching(/^SIM_/),
  error: { key: '400', message: expect.arrayContaining([expect.any(String)]) },
}
const messagesOf = (json: unknown) => ((json as { error: { message: string[] } }).error.message ?? []).join(' ')
const wire = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

describe('the table covers every documented rule', () => {
  it('each task rule of the simulator has at least one invalid row', () => {
    const covered = new Set(INVALID_CREATE.map((row) => row[3]))
    expect(Object.keys(WEBEX_TASK_RULES).filter((rule) => !covered.has(rule as never))).toEqual([])
  })

  it('each scheduled-callback rule of the simulator has at least one invalid row', () => {
    const covered = new Set(INVALID_SCHEDULE.map((row) => row[4]))
    expect(Object.keys(WEBEX_SCHEDULE_RULES).filter((rule) => !covered.has(rule as never))).toEqual([])
  })
})

describe('POST /v1/tasks: accepted by our schema and created by the simulator', () => {
  it('the seed example, sent raw: 201 {meta.orgId, data.id}, kept as sent', async () => {
    expect(WebexCreateTaskRequest.safeParse(SEED_CALLBACK).success).toBe(true)
    const before = s.tasks.length
    const answer = await postTask(SEED_CALLBACK)
    expect(answer.status).toBe(201)
    expect(answer.json).toEqual({ meta: { orgId: s.orgId }, data: { id: s.tasks.at(-1)?.id } })
    expect(s.tasks).toHaveLength(before + 1)
    expect(s.tasks.at(-1)).toMatchObject({ body: SEED_CALLBACK, effective: SEED_CALLBACK, adjustments: [] })
  })

  it.each(VALID_CREATE)('%s', async (_name, value) => {
    expect(WebexCreateTaskRequest.safeParse(value).success).toBe(true)
    const before = s.tasks.length
    const answer = await postTask(value)
    expect(answer.status, answer.body).toBe(201)
    expect(s.tasks).toHaveLength(before + 1)
    expect(s.tasks.at(-1)).toMatchObject({ effective: wire(value), adjustments: [] })
  })
})

describe('POST /v1/tasks: one row per documented rule, refused by both', () => {
  const documented = INVALID_CREATE.flatMap(([name, value, , rule]) => (rule ? [{ name, value, rule }] : []))
  const adjustedRules = new Set(['customAttributes.count', 'customAttributes.lowercase'])

  it.each(documented.filter((row) => !adjustedRules.has(row.rule)))('$name → $rule', async ({ value, rule }) => {
    expect(WebexCreateTaskRequest.safeParse(value).success).toBe(false)
    const before = s.tasks.length
    const answer = await postTask(value)
    expect(answer.status).toBe(400)
    expect(answer.json).toEqual(API_ERROR)
    expect(messagesOf(answer.json)).toContain(rule.split('.')[0] ?? rule)
    expect(s.ledger.at(-1)).toMatchObject({ verdict: 'invalid', message: expect.stringContaining(rule) })
    expect(s.tasks).toHaveLength(before)
  })

  // Webex does not refuse these: it changes the headers ("converted to lowercase", "selected
  // alphabetically"), so our schema refuses them to keep what reaches the SIP leg what the agent sent.
  it.each(documented.filter((row) => adjustedRules.has(row.rule)))(
    '$name: created, but not as sent ($rule)',
    async ({ value, rule }) => {
      expect(WebexCreateTaskRequest.safeParse(value).success).toBe(false)
      const answer = await postTask(value)
      expect(answer.status).toBe(201)
      const created = s.tasks.at(-1)
      expect(created?.adjustments.map((a) => a.rule)).toContain(rule)
      expect(created?.effective).not.toEqual(wire(value))
    },
  )

  it('a body that is not JSON is refused in the same shape', async () => {
    const answer = await nodeHttpTransport({
      method: 'POST',
      url: `${s.url}/v1/tasks`,
      headers: { authorization: `Bearer ${TOKEN}` },
      body: '{',
      signal: AbortSignal.timeout(ANSWERED_MS),
      timeoutMs: ANSWERED_MS,
    })
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toEqual(API_ERROR)
  })
})

describe('scheduled callback: both sides judged at the same moment (the simulator clock set to it)', () => {
  // A quarter second behind `now`, so the request's own trip does not carry a boundary case (a start
  // exactly 30 minutes ahead) over the edge; every refused row is a full second past its limit.
  const at = (now: Date) => s.setClockOffset(now.getTime() - Date.now() - 250)

  it.each(VALID_SCHEDULE)('accepts %s', async (_name, value, now) => {
    expect(webexScheduleCallbackSchema(now).safeParse(value).success).toBe(true)
    at(now)
    const before = s.callbacks.length
    const answer = await postSchedule(value)
    expect(answer.status, answer.body).toBe(201)
    expect(answer.json).toMatchObject({ id: s.callbacks.at(-1)?.id, ...(wire(value) as object) })
    expect(s.callbacks).toHaveLength(before + 1)
  })

  const documented = INVALID_SCHEDULE.flatMap(([name, value, , now, rule]) =>
    rule ? [{ name, value, now, rule }] : [],
  )
  it.each(documented)('refuses $name → $rule', async ({ value, now, rule }) => {
    expect(webexScheduleCallbackSchema(now).safeParse(value).success).toBe(false)
    at(now)
    const before = s.callbacks.length
    const answer = await postSchedule(value)
    expect(answer.status).toBe(400)
    expect(answer.json).toEqual(API_ERROR)
    expect(messagesOf(answer.json)).toContain(rule.split('.')[0] ?? rule)
    expect(s.ledger.at(-1)).toMatchObject({ verdict: 'invalid', message: expect.stringContaining(rule) })
    expect(s.callbacks).toHaveLength(before)
  })
})
