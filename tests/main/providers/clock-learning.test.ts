import type { IncomingMessage } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { drafts, secrets } from '../../shared/fixtures'
import { harness, parse, TOKEN_ANSWER } from './attempt-harness'
import { ANSWERED_MS } from './time-limits'

// Issue #13 B: every provider's answers teach its clock (the `Date` header reaches the skew
// estimate), the AICCS one included (its requests go through the node:http transport, which hears them).

const h = harness()
afterEach(() => h.cleanup())

/** An hour ahead of us: unmistakable in the estimate, whatever the machine's speed. */
const providerNow = () => new Date(Date.now() + 3_600_000)

/** Starts a server answering `status` with the provider's Date, and the profile pointed at it. */
type Setup = (
  answer: (req: IncomingMessage) => { status: number; headers: Record<string, string>; body: string },
) => Promise<{ run: (onServerDate: (date: string | undefined) => void) => Promise<unknown> }>

const at =
  (status: number, body = '') =>
  () => ({ status, headers: { date: providerNow().toUTCString() }, body })

const cases: { name: string; status: number; body?: string; setup: Setup }[] = [
  {
    name: 'Webex',
    status: 400,
    setup: async (answer) => {
      const s = await h.answering(answer)
      const p = parse(
        { ...drafts.webex, authMethod: 'access_token', endpoint: { kind: 'custom', baseUrl: s.url } },
        { provider: 'webex', kind: 'access_token', accessToken: 'pasted-token-1234' },
      )
      return { run: (onServerDate) => h.attemptAgainst(p.profile, p.secret, { timeoutMs: ANSWERED_MS, onServerDate }) }
    },
  },
  {
    name: 'eGain',
    status: 400,
    setup: async (answer) => {
      const s = await h.answering((req) => (req.url?.startsWith('/token') ? TOKEN_ANSWER : answer(req)))
      const p = parse({ ...drafts.egain, apiBaseUrl: s.url, tokenUrl: `${s.url}/token` }, secrets.egain)
      return { run: (onServerDate) => h.attemptAgainst(p.profile, p.secret, { timeoutMs: ANSWERED_MS, onServerDate }) }
    },
  },
  {
    name: 'Amazon Connect',
    status: 400,
    body: '{"message":"bad"}',
    setup: async (answer) => {
      const s = await h.answering(answer)
      const p = parse(drafts.connect, secrets.connect)
      return {
        run: (onServerDate) => h.attemptAgainst(p.profile, p.secret, { timeoutMs: ANSWERED_MS, onServerDate }, s.url),
      }
    },
  },
  {
    name: 'Alibaba Cloud AICCS',
    status: 400,
    body: '{"Code":"InvalidParameter","Message":"bad","RequestId":"r-1"}',
    setup: async (answer) => {
      const s = await h.answering(answer)
      const p = parse({ ...drafts.aiccs, endpoint: `127.0.0.1:${s.port}` }, secrets.aiccs)
      return { run: (onServerDate) => h.attemptAgainst(p.profile, p.secret, { timeoutMs: ANSWERED_MS, onServerDate }) }
    },
  },
  {
    name: 'voice broadcast',
    status: 200,
    body: '{"status":"-22","reason":"bad"}',
    setup: async (answer) => {
      const s = await h.answering(answer)
      const p = parse({ ...drafts.voice_broadcast, baseUrl: s.url }, secrets.voice_broadcast)
      return { run: (onServerDate) => h.attemptAgainst(p.profile, p.secret, { timeoutMs: ANSWERED_MS, onServerDate }) }
    },
  },
]

describe("every provider's answer teaches its clock", () => {
  it.each(cases)("$name: the answer's Date reaches the skew estimate", async ({ status, body, setup }) => {
    const { run } = await setup(at(status, body))
    const dates: (string | undefined)[] = []
    await run((date) => dates.push(date))
    // The task's answer is the last one heard (a token answer before it teaches the clock too:
    // token-endpoints.test).
    expect(dates.length).toBeGreaterThanOrEqual(1)
    const offset = Date.parse(dates.at(-1)!) - Date.now()
    // An hour ahead, give or take the second the header is truncated to and the round trip.
    expect(Math.abs(offset - 3_600_000)).toBeLessThan(60_000)
  })
})

describe('AICCS signs on the provider’s clock', () => {
  it('x-acs-date is the time by the learned offset, not this computer’s', async () => {
    const s = await h.answering(at(400, '{"Code":"InvalidParameter","Message":"bad","RequestId":"r-1"}'))
    const p = parse({ ...drafts.aiccs, endpoint: `127.0.0.1:${s.port}` }, secrets.aiccs)
    await h.attemptAgainst(p.profile, p.secret, { timeoutMs: ANSWERED_MS }, undefined, 3_600_000)
    const signed = s.requests[0]!.headers['x-acs-date']
    expect(signed).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(Math.abs(Date.parse(String(signed)) - Date.now() - 3_600_000)).toBeLessThan(60_000)
  })
})
