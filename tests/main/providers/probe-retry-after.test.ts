import type { OutgoingHttpHeaders } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { createConnectionTester } from '../../../electron/main/providers/connection-tester'
import { createCredentialsService } from '../../../electron/main/secrets/credentials-service'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import { createLogger } from '../../../electron/main/core/logger'
import { systemClock } from '../../../electron/main/core/clock'
import { drafts, secrets } from '../../shared/fixtures'
import { inEnglish } from '../../shared/in-english'
import { memorySecretStore } from '../memory-secret-store'
import { harness, parse } from './attempt-harness'

// Test connection against a provider that asks to wait (429, 503, a throttling code) with
// `Retry-After`: the result is `busy` (never "credentials refused": the test could not tell), with
// the wait in ms and in the agent's words, for every provider's probe and the token endpoints it
// meets. Made with each provider's own probe from the registry, through the connection tester.

const h = harness()
afterEach(() => h.cleanup())

/** A fixed Date, and a Retry-After date eight seconds after it: exact whatever our clock says. */
const SERVED = new Date('2026-03-01T12:00:00Z')
const waits: { form: string; headers: OutgoingHttpHeaders; ms: number; seconds: number }[] = [
  { form: 'delta-seconds', headers: { 'retry-after': '5' }, ms: 5000, seconds: 5 },
  {
    form: 'HTTP-date',
    headers: { date: SERVED.toUTCString(), 'retry-after': new Date(SERVED.getTime() + 8000).toUTCString() },
    ms: 8000,
    seconds: 8,
  },
]

interface Case {
  name: string
  status: number
  body: string
  headers?: OutgoingHttpHeaders
  at: (s: { url: string; port: number }) => { profile: object; secret: object; endpoint?: string }
}

const cases: Case[] = [
  {
    name: 'Webex token refresh, 429',
    status: 429,
    body: '{"error":"rate_limited"}',
    at: ({ url }) => ({
      profile: { ...drafts.webex, endpoint: { kind: 'custom', baseUrl: url }, identityUrl: url },
      secret: secrets.webex,
    }),
  },
  {
    name: 'Webex people/me, 429',
    status: 429,
    body: '{"message":"Too many requests"}',
    at: ({ url }) => ({
      profile: {
        ...drafts.webex,
        authMethod: 'access_token',
        endpoint: { kind: 'custom', baseUrl: url },
        identityUrl: url,
      },
      secret: { provider: 'webex', kind: 'access_token', accessToken: 'pasted-token-1234' },
    }),
  },
  {
    name: 'eGain token, 503',
    status: 503,
    body: '',
    at: ({ url }) => ({
      profile: { ...drafts.egain, apiBaseUrl: url, tokenUrl: `${url}/token` },
      secret: secrets.egain,
    }),
  },
  {
    name: 'Amazon Connect DescribeInstance, ThrottlingException 429',
    status: 429,
    headers: { 'x-amzn-errortype': 'ThrottlingException' },
    body: '{"message":"Rate exceeded"}',
    at: ({ url }) => ({ profile: drafts.connect, secret: secrets.connect, endpoint: url }),
  },
  {
    name: 'Alibaba Cloud AICCS, Throttling.User 429',
    status: 429,
    body: '{"Code":"Throttling.User","Message":"Request was denied","RequestId":"r-1"}',
    at: ({ port }) => ({ profile: { ...drafts.aiccs, endpoint: `127.0.0.1:${port}` }, secret: secrets.aiccs }),
  },
  {
    name: 'voice broadcast, 429',
    status: 429,
    body: '',
    at: ({ url }) => ({ profile: { ...drafts.voice_broadcast, baseUrl: url }, secret: secrets.voice_broadcast }),
  },
]

async function testConnection(c: Case, headers: OutgoingHttpHeaders) {
  const s = await h.answering(() => ({ status: c.status, headers: { ...c.headers, ...headers }, body: c.body }))
  const { profile: draft, secret: rawSecret, endpoint } = c.at(s)
  const { profile, secret } = parse(draft, rawSecret)
  const store = memorySecretStore()
  const logger = createLogger(() => undefined, systemClock)
  const credentials = createCredentialsService({
    secrets: store,
    findProfile: () => profile,
    clock: systemClock,
    logger,
  })
  await credentials.set(profile.id, secret)
  const test = createConnectionTester({
    credentials,
    findProfile: () => profile,
    tokens: createTokenCache({ secrets: store, clock: systemClock, logger }),
    endpointFor: () => endpoint,
    clock: systemClock,
    logger,
    fetch,
  })
  return test(profile.id)
}

describe('Test connection against a provider that asks to wait: busy, with the wait', () => {
  for (const wait of waits) {
    it.each(cases)(`$name, Retry-After as ${wait.form}`, async (c) => {
      const result = await testConnection(c, wait.headers)
      expect(inEnglish(result)).toMatchObject({
        outcome: 'busy',
        retryAfterMs: wait.ms,
        httpStatus: c.status,
        message: expect.stringContaining(`Try again in ${wait.seconds} s.`),
      })
    })
  }

  it('without Retry-After: busy all the same, "in a little while"', async () => {
    const result = await testConnection(cases[0]!, {})
    expect(inEnglish(result)).toMatchObject({
      outcome: 'busy',
      retryAfterMs: null,
      message: expect.stringContaining('in a little while'),
    })
  })
})
