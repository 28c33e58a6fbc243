import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VoiceBroadcastSend } from '../../../shared/providers/voice-broadcast/wire'
import { nodeHttpTransport } from '../../../electron/main/providers/http/http-transport'
import { VOICE_SEND_RULES } from '../../../electron/main/providers/voice-broadcast/voice-broadcast-rules'
import type { VoiceBroadcastSimulator } from '../../../electron/main/providers/voice-broadcast/voice-broadcast-simulator'
import { startVoiceBroadcastSimulator } from '../../../electron/main/providers/voice-broadcast/voice-broadcast-simulator'
import type { Body } from '../../shared/wire/voice-broadcast-cases'
import {
  AT_THE_LIMITS,
  REFUSALS,
  infoMinimal,
  seedFull,
  seedMinimal,
  withChange,
} from '../../shared/wire/voice-broadcast-cases'
import { ANSWERED_MS } from './time-limits'

// One table, two consumers: every body in tests/shared/wire/voice-broadcast-cases.ts goes through
// our schema and, raw over HTTP (correctly signed, no client, no schema), through the simulator,
// whose rules are written independently from the seed's table. A rule changed on one side only fails here.

const KEY = 'rules-key'
const SECRET = 'rules-secret'
let s: VoiceBroadcastSimulator
beforeAll(async () => {
  s = await startVoiceBroadcastSimulator({ apiKey: KEY, apiSecret: SECRET, rateLimit: null })
})
afterAll(() => s.close())

/** A signed send, as the documentation describes the headers (md5 of key + secret + Unix seconds). */
async function send(body: unknown) {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const answer = await nodeHttpTransport({
    method: 'POST',
    url: `${s.url}/voice/group/call/send`,
    headers: {
      'content-type': 'application/json;charset=UTF-8',
      'api-key': KEY,
      timestamp,
      sign: createHash('md5').update(`${KEY}${SECRET}${timestamp}`).digest('hex'),
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(ANSWERED_MS),
    timeoutMs: ANSWERED_MS,
  })
  return { ...answer, json: JSON.parse(answer.body) as { status: string; reason: string; data: unknown } }
}

let serial = 0
/** Task names are unique on the account: give each accepted body its own. */
const fresh = (body: Body): Body => ({ ...body, taskName: `${String(body.taskName)} #${++serial}` })

describe('the table covers every documented rule', () => {
  it('each rule of the simulator has at least one refused body', () => {
    const covered = new Set<string>(REFUSALS.map((row) => row[4] ?? ''))
    expect(Object.keys(VOICE_SEND_RULES).filter((rule) => !covered.has(rule))).toEqual([])
  })
})

describe('accepted by our schema and created by the simulator', () => {
  it.each([
    ['the example built from the seed table (numberList)', seedMinimal],
    ['every optional feature at documented values', seedFull],
    ['the numberInfoList revision', infoMinimal],
  ])('%s', async (_name, build) => {
    const body = fresh(build())
    expect(VoiceBroadcastSend.safeParse(body).success).toBe(true)
    const answer = await send(body)
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual({ status: '0', reason: 'success', data: s.tasks.at(-1)?.id })
    expect(s.tasks.at(-1)?.taskName).toBe(body.taskName)
    expect(s.effects.get(String(body.taskName))).toBe(1)
  })

  it.each(AT_THE_LIMITS)('at the limit: %s', async (_name, base, patch) => {
    const body = withChange(base, patch)
    // Rows about the task name keep theirs (each is used once); the rest get a unique one.
    const sent = 'taskName' in patch ? body : fresh(body)
    expect(VoiceBroadcastSend.safeParse(sent).success).toBe(true)
    const answer = await send(sent)
    expect(answer.json, answer.json.reason).toMatchObject({ status: '0', data: s.tasks.at(-1)?.id })
  })

  it('the same taskName again: -20 "data already exists" with the first jobId, nothing created', async () => {
    const body = fresh(seedMinimal())
    const first = await send(body)
    const before = s.tasks.length
    const again = await send(body)
    expect(again.json).toEqual({ status: '-20', reason: 'data already exists', data: first.json.data })
    expect(s.tasks).toHaveLength(before)
    expect(s.effects.get(String(body.taskName))).toBe(1)
  })
})

describe('one row per documented rule, refused by both with -22 naming the field', () => {
  const documented = REFUSALS.flatMap(([name, base, patch, , rule]) => (rule ? [{ name, base, patch, rule }] : []))

  it.each(documented)('$name → $rule', async ({ base, patch, rule }) => {
    const body = withChange(base, patch)
    expect(VoiceBroadcastSend.safeParse(body).success).toBe(false)
    const before = s.tasks.length
    const answer = await send(body)
    expect(answer.status).toBe(200)
    expect(answer.json).toMatchObject({
      status: '-22',
      reason: expect.stringMatching(/^parameter error: /),
      data: null,
    })
    expect(answer.json.reason.toLowerCase()).toContain((rule.split('.')[0] ?? rule).toLowerCase())
    expect(s.ledger.at(-1)).toMatchObject({ verdict: 'invalid', rules: expect.arrayContaining([rule]) })
    expect(s.tasks).toHaveLength(before)
  })
})
