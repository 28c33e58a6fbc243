import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { drafts, secrets } from '../../shared/fixtures'
import { answerRetryAfterMs, retryAfterMs } from '../../../electron/main/providers/http/retry-after'
import { harness, parse, TOKEN_ANSWER } from './attempt-harness'
import { ANSWERED_MS } from './time-limits'

// Issue #13 B: Retry-After is honoured on every answer that asks for a wait, for all five providers
// and the token endpoints, in both its forms. Each case answers one provider's request (or its token
// endpoint) with a throttling or unavailable answer carrying `Retry-After`; the attempt, made as the
// queue makes it, must come back `retry` with exactly that wait (the dispatcher's side: dispatcher.test).

const h = harness()
afterEach(() => h.cleanup())
const env = { timeoutMs: ANSWERED_MS }

/** A fixed Date, and a Retry-After date seven seconds after it: the wait is exact whatever our clock says. */
const SERVED = new Date('2026-03-01T12:00:00Z')
const waits: { form: string; headers: OutgoingHttpHeaders; ms: number }[] = [
  { form: 'delta-seconds', headers: { 'retry-after': '5' }, ms: 5000 },
  {
    form: 'HTTP-date',
    headers: { date: SERVED.toUTCString(), 'retry-after': new Date(SERVED.getTime() + 7000).toUTCString() },
    ms: 7000,
  },
]

type Answer = { status: number; headers?: OutgoingHttpHeaders; body?: string }

interface Case {
  name: string
  /** The refusal's status and body, as this provider words it. */
  refusal: { status: number; body: string; headers?: OutgoingHttpHeaders }
  /** Starts the servers with `refuse` answering where the case refuses; the attempt's outcome. */
  run: (refuse: (req: IncomingMessage) => Answer) => Promise<unknown>
}

const egain = async (refuse: (req: IncomingMessage) => Answer, where: 'token' | 'task') => {
  const s = await h.answering((req) =>
    req.url?.startsWith('/token') === (where === 'token') ? refuse(req) : TOKEN_ANSWER,
  )
  const p = parse({ ...drafts.egain, apiBaseUrl: s.url, tokenUrl: `${s.url}/token` }, secrets.egain)
  return (await h.attemptAgainst(p.profile, p.secret, env)).outcome
}

/** One attempt of `provider`'s task against a server that answers every request with `refuse`. */
const refusedBy = async (
  refuse: (req: IncomingMessage) => Answer,
  at: (server: { url: string; port: number }) => { profile: object; secret: object; endpoint?: string },
) => {
  const s = await h.answering(refuse)
  const { profile, secret, endpoint } = at(s)
  const p = parse(profile, secret)
  return (await h.attemptAgainst(p.profile, p.secret, env, endpoint)).outcome
}
const webexPasted = ({ url }: { url: string }) => ({
  profile: { ...drafts.webex, authMethod: 'access_token', endpoint: { kind: 'custom', baseUrl: url } },
  secret: { provider: 'webex', kind: 'access_token', accessToken: 'pasted-token-1234' },
})
const connectAt = ({ url }: { url: string }) => ({ profile: drafts.connect, secret: secrets.connect, endpoint: url })
const aiccsAt = ({ port }: { port: number }) => ({
  profile: { ...drafts.aiccs, endpoint: `127.0.0.1:${port}` },
  secret: secrets.aiccs,
})
const voiceAt = ({ url }: { url: string }) => ({
  profile: { ...drafts.voice_broadcast, baseUrl: url },
  secret: secrets.voice_broadcast,
})

const cases: Case[] = [
  {
    name: 'Webex task, 429',
    refusal: { status: 429, body: '{"message":"Too many requests"}' },
    run: (refuse) => refusedBy(refuse, webexPasted),
  },
  {
    name: 'Webex task, 503',
    refusal: { status: 503, body: '' },
    run: (refuse) => refusedBy(refuse, webexPasted),
  },
  {
    name: 'Webex token refresh, 429',
    refusal: { status: 429, body: '{"error":"rate_limited"}' },
    run: async (refuse) => {
      const s = await h.answering(refuse)
      const p = parse(
        { ...drafts.webex, endpoint: { kind: 'custom', baseUrl: s.url }, identityUrl: s.url },
        secrets.webex,
      )
      return (await h.attemptAgainst(p.profile, p.secret, env)).outcome
    },
  },
  {
    name: 'eGain task, 429',
    refusal: { status: 429, body: '{"code":"429","developerMessage":"Too many requests"}' },
    run: (refuse) => egain(refuse, 'task'),
  },
  {
    name: 'eGain token, 429',
    refusal: { status: 429, body: '{"error":"too_many_requests"}' },
    run: (refuse) => egain(refuse, 'token'),
  },
  {
    name: 'eGain token, 503',
    refusal: { status: 503, body: '' },
    run: (refuse) => egain(refuse, 'token'),
  },
  {
    name: 'Amazon Connect, ThrottlingException 429',
    refusal: {
      status: 429,
      headers: { 'x-amzn-errortype': 'ThrottlingException' },
      body: '{"message":"Rate exceeded"}',
    },
    run: (refuse) => refusedBy(refuse, connectAt),
  },
  {
    name: 'Amazon Connect, 503',
    refusal: {
      status: 503,
      headers: { 'x-amzn-errortype': 'ServiceUnavailableException' },
      body: '{"message":"Unavailable"}',
    },
    run: (refuse) => refusedBy(refuse, connectAt),
  },
  {
    name: 'Alibaba Cloud AICCS, Throttling.User 429',
    refusal: { status: 429, body: '{"Code":"Throttling.User","Message":"Request was denied","RequestId":"r-1"}' },
    run: (refuse) => refusedBy(refuse, aiccsAt),
  },
  {
    name: 'Alibaba Cloud AICCS, ServiceUnavailable 503',
    refusal: { status: 503, body: '{"Code":"ServiceUnavailable","Message":"Busy","RequestId":"r-2"}' },
    run: (refuse) => refusedBy(refuse, aiccsAt),
  },
  {
    name: 'voice broadcast, 429',
    refusal: { status: 429, body: '' },
    run: (refuse) => refusedBy(refuse, voiceAt),
  },
  {
    name: 'voice broadcast, 503',
    refusal: { status: 503, body: '' },
    run: (refuse) => refusedBy(refuse, voiceAt),
  },
]

describe('Retry-After on every throttling or unavailable answer: the retry carries the wait', () => {
  for (const wait of waits) {
    it.each(cases)(`$name, Retry-After as ${wait.form}`, async ({ refusal, run }) => {
      const outcome = await run(() => ({ ...refusal, headers: { ...refusal.headers, ...wait.headers } }))
      expect(outcome).toMatchObject({ kind: 'retry', delayMs: wait.ms, httpStatus: refusal.status })
    })
  }

  it("AICCS: Alibaba's own x-acs-retry-after is a floor too; the longer wait wins", async () => {
    const s = await h.answering(() => ({
      status: 429,
      headers: { 'retry-after': '2', 'x-acs-retry-after': '9000' },
      body: '{"Code":"Throttling.User","Message":"Request was denied","RequestId":"r-3"}',
    }))
    const p = parse({ ...drafts.aiccs, endpoint: `127.0.0.1:${s.port}` }, secrets.aiccs)
    const { outcome } = await h.attemptAgainst(p.profile, p.secret, env)
    expect(outcome).toMatchObject({ kind: 'retry', delayMs: 9000, httpStatus: 429 })
  })
})

describe('answerRetryAfterMs (pure)', () => {
  const now = new Date('2026-03-01T12:00:00Z')
  it.each([
    [{ 'retry-after': '0' }, 0],
    [{ 'retry-after': ' 12 ' }, 12_000],
    [{ 'retry-after': 'soon' }, null],
    [{}, null],
    // A date in the past asks for no wait.
    [{ 'retry-after': 'Sun, 01 Mar 2026 11:59:00 GMT' }, 0],
    // Against our clock when the answer has no (readable) Date.
    [{ 'retry-after': 'Sun, 01 Mar 2026 12:00:30 GMT' }, 30_000],
    [{ 'retry-after': 'Sun, 01 Mar 2026 12:00:30 GMT', date: 'garbled' }, 30_000],
    // Against the answer's own Date when it has one: our clock being off does not matter.
    [{ 'retry-after': 'Sun, 01 Mar 2026 13:00:30 GMT', date: 'Sun, 01 Mar 2026 13:00:00 GMT' }, 30_000],
  ] as [Record<string, string>, number | null][])('%j → %s', (headers, ms) => {
    expect(answerRetryAfterMs(headers, now)).toBe(ms)
    if (!('date' in headers)) expect(retryAfterMs(headers['retry-after'], now)).toBe(ms)
  })
})
