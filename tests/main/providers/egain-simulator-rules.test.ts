import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { egainTaskActivitySchema } from '../../../shared/providers/egain/wire'
import { nodeHttpTransport } from '../../../electron/main/providers/http/http-transport'
import { EGAIN_TASK_RULES } from '../../../electron/main/providers/egain/egain-rules'
import type { EgainSimulator } from '../../../electron/main/providers/egain/egain-simulator'
import { EGAIN_TASK_ACTIVITY_PATH, startEgainSimulator } from '../../../electron/main/providers/egain/egain-simulator'
import type { TaskCall } from '../../shared/wire/egain-cases'
import { AT_THE_LIMITS, LOOKUPS, NOW, REFUSALS, fullSample, seedSample } from '../../shared/wire/egain-cases'
import { ANSWERED_MS } from './time-limits'

// One table, two consumers: every call in tests/shared/wire/egain-cases.ts goes through our schema
// and, raw over HTTP (a valid token for its actor, no client, no schema), through the simulator,
// whose rules are written independently from eGain's page. A rule changed on one side only fails here.

let s: EgainSimulator
const tokens: Record<string, string> = {}
beforeAll(async () => {
  // eGain's clock reads NOW, the moment the schema judges the calls at.
  s = await startEgainSimulator({
    clientId: 'client',
    clientSecret: 'secret',
    users: { agent1: 'u-1001' },
    rateLimit: null,
    clockOffsetMs: NOW.getTime() - Date.now(),
  })
  const grant = async (form: Record<string, string>) => {
    const answer = await fetch(s.tokenUrl, {
      method: 'POST',
      body: new URLSearchParams({ client_id: 'client', client_secret: 'secret', ...form }),
    })
    return ((await answer.json()) as { access_token: string }).access_token
  }
  tokens.client = await grant({
    grant_type: 'client_credentials',
    scope: 'https://api.egain.cloud/auth/app.core.casemgr.manage',
  })
  tokens.user = await grant({
    grant_type: 'password',
    subject_username: 'agent1',
    scope: 'https://api.egain.cloud/auth/core.casemgr.manage',
  })
})
afterAll(() => s.close())

/** The call as eGain gets it: actor → whose token, acceptLanguage → header, query → query string. */
async function send(call: TaskCall) {
  const query = new URLSearchParams(Object.entries(call.query).map(([k, v]): [string, string] => [k, String(v)]))
  const answer = await nodeHttpTransport({
    method: 'POST',
    url: `${s.url}${EGAIN_TASK_ACTIVITY_PATH}?${query.toString()}`,
    headers: {
      authorization: `Bearer ${tokens[call.actor] ?? ''}`,
      'accept-language': call.acceptLanguage,
      accept: 'application/json',
      'content-type': 'application/json',
    },
    body: JSON.stringify(call.body),
    signal: AbortSignal.timeout(ANSWERED_MS),
    timeoutMs: ANSWERED_MS,
  })
  return { ...answer, json: answer.body ? (JSON.parse(answer.body) as unknown) : null }
}

const schema = egainTaskActivitySchema(NOW)

/** The field a refusal must name, where the rule's id is not it. */
const FIELD_OF: Record<string, string> = {
  acceptLanguage: 'Accept-Language',
  subjectOrContent: 'subject',
  'assignee.required': 'status.assigned.user',
  'assignee.onlyOne': 'status.assigned.user',
  'attachments.altId': 'altId',
  'query.unsupported': 'query parameter',
  'content.type': 'payload.task.content',
}

describe('the table covers every documented rule', () => {
  it('each rule of the simulator has at least one refused call (Accept aside: our client always sends JSON)', () => {
    const covered = new Set<string>(REFUSALS.map((row) => row[3] ?? ''))
    expect(Object.keys(EGAIN_TASK_RULES).filter((rule) => !covered.has(rule))).toEqual(['accept'])
  })
})

describe('accepted by our schema and created by the simulator', () => {
  it.each([
    ["the seed's own sample (a user)", seedSample],
    ['the full example of the notes (a client application)', fullSample],
    ...AT_THE_LIMITS,
    ...LOOKUPS.map(([attribute, build]): [string, typeof build] => [`looked up by ${attribute}`, build]),
  ])('%s', async (_name, build) => {
    expect(schema.safeParse(build()).success).toBe(true)
    // eGain's clock back to NOW (a quarter second behind it, for the trip): "1 s after NOW" is still ahead.
    s.setClockOffset(NOW.getTime() - Date.now() - 250)
    const before = s.activities.length
    const answer = await send(build())
    expect(answer.status, answer.body).toBe(201)
    expect(answer.headers.location).toBe(`/core/casemgr/v3/activity/${s.activities.at(-1)?.id}`)
    expect(s.activities).toHaveLength(before + 1)
    expect(s.activities.at(-1)?.body).toEqual(build().body)
  })
})

describe('one row per documented rule, refused by both in eGain’s error shape', () => {
  const documented = REFUSALS.flatMap(([name, build, , rule]) => (rule ? [{ name, build, rule }] : []))

  it.each(documented)('$name → $rule', async ({ build, rule }) => {
    expect(schema.safeParse(build()).success).toBe(false)
    // eGain's clock at NOW from here, so it reads NOW or just after when the call arrives.
    s.setClockOffset(NOW.getTime() - Date.now())
    const before = s.activities.length
    const answer = await send(build())
    expect([400, 406]).toContain(answer.status)
    expect(answer.json).toEqual({ code: expect.stringMatching(/^\d{3}-\d{3}$/), developerMessage: expect.any(String) })
    const { code, developerMessage } = answer.json as { code: string; developerMessage: string }
    expect(code.startsWith(String(answer.status))).toBe(true)
    // The message names the field (or query parameter / header) the rule is about.
    const field = FIELD_OF[rule] ?? rule.split('.')[0] ?? rule
    expect(developerMessage).toContain(field)
    expect(s.requests.at(-1)).toMatchObject({ verdict: 'invalid', rules: expect.arrayContaining([rule]) })
    expect(s.activities).toHaveLength(before)
  })

  it('an Accept the page does not list → 406, nothing created', async () => {
    const answer = await nodeHttpTransport({
      method: 'POST',
      url: `${s.url}${EGAIN_TASK_ACTIVITY_PATH}?searchContactOnAttribute=email.emailAddress`,
      headers: { authorization: `Bearer ${tokens.user ?? ''}`, accept: 'text/csv' },
      body: JSON.stringify(seedSample().body),
      signal: AbortSignal.timeout(ANSWERED_MS),
      timeoutMs: ANSWERED_MS,
    })
    expect(answer.status).toBe(406)
    expect(JSON.parse(answer.body)).toMatchObject({
      code: '406-102',
      developerMessage: expect.stringContaining('Accept'),
    })
  })

  it('the seed’s own error sample, word for word: an unsupported query parameter', async () => {
    const call = seedSample()
    call.query.colour = 'blue'
    const answer = await send(call)
    expect(answer.status).toBe(400)
    expect(answer.json).toEqual({
      code: '400-101',
      developerMessage: "Unsupported query parameter(s) supplied: 'colour'.",
    })
  })
})
