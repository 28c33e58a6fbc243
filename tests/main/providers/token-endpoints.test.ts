import { createServer } from 'node:http'
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, it } from 'vitest'
import type { CachedToken } from '../../../shared/schemas/token'
import { EGAIN_SCOPES } from '../../../shared/providers/egain/profile'
import { drafts, secrets } from '../../shared/fixtures'
import { harness, parse, TOKEN_ANSWER } from './attempt-harness'
import { ANSWERED_MS, SENT_THEN_SILENT_MS } from './time-limits'

// Issue #13 B, for every token endpoint a send may go through (the sign-in era's included): Webex's
// refresh (a pasted integration and a browser sign-in), eGain's token (the application's grant and
// the refresh of a browser sign-in), IAM Identity Center's SSO OIDC CreateToken and access-portal
// GetRoleCredentials, Alibaba Cloud STS AssumeRole. Each, met on a real send (task sender → the
// registry's client), must: end within its time limit + 1 s when it accepts and never answers;
// teach the profile's clock with its answer's Date; and have its Retry-After honoured.

const h = harness()
afterEach(() => h.cleanup())

type Answer = { status: number; headers?: OutgoingHttpHeaders; body?: string }
type Mode = 'silent' | ((req: IncomingMessage) => Answer)

/**
 * One loopback server for a case: the token endpoint's requests (`isToken`) get `token` (or no answer
 * at all), the others `other` (the task, or a step between the token and the task).
 */
async function serve(isToken: (req: IncomingMessage) => boolean, token: Mode, other: (req: IncomingMessage) => Answer) {
  let arrived: () => void = () => undefined
  const received = new Promise<void>((r) => (arrived = r))
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      if (isToken(req)) {
        arrived()
        if (token === 'silent') return
        const { status, headers = {}, body = '' } = token(req)
        res.writeHead(status, { 'content-type': 'application/json', ...headers })
        return res.end(body)
      }
      const { status, headers = {}, body = '' } = other(req)
      res.writeHead(status, { 'content-type': 'application/json', ...headers })
      res.end(body)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  h.onCleanup(async () => {
    server.closeAllConnections()
    await new Promise<void>((r) => server.close(() => r()))
  })
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}`, port, received }
}

const expiredToken = (refreshToken: string): CachedToken => ({
  accessToken: 'expired-access-token-000',
  expiresAt: new Date(Date.now() - 60_000).toISOString(),
  refreshToken,
})
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()

const ROLE_ANSWER = (): Answer => ({
  status: 200,
  body: JSON.stringify({
    roleCredentials: {
      accessKeyId: 'ASIAROLEKEY000000001',
      secretAccessKey: 'role-secret-access-key-0001',
      sessionToken: 'role-session-token-0001',
      expiration: Date.now() + 3_600_000,
    },
  }),
})
const CREATE_TOKEN_ANSWER = (): Answer => ({
  status: 200,
  body: JSON.stringify({
    accessToken: 'sso-at-renewed-0001',
    expiresIn: 3600,
    refreshToken: 'sso-rt-2',
    tokenType: 'Bearer',
  }),
})
const STS_ANSWER = (): Answer => ({
  status: 200,
  body: JSON.stringify({
    RequestId: 'r-sts',
    Credentials: {
      AccessKeyId: 'STS.roleKey0001',
      AccessKeySecret: 'sts-role-secret-0001',
      SecurityToken: 'sts-security-token-0001',
      Expiration: hoursFromNow(1).replace(/\.\d{3}Z$/, 'Z'),
    },
  }),
})
/** The task's own refusal: what comes after the token does not matter to these cases. */
const REFUSED: Answer = { status: 400, body: '{"message":"refused"}' }

const ssoProfile = {
  ...drafts.connect,
  credentialSource: 'sso',
  ssoStartUrl: 'https://d-1234567890.awsapps.com/start',
  ssoRegion: 'us-east-1',
  ssoAccountId: '123456789012',
  ssoRoleName: 'ConnectAgent',
}
const ssoSecret = (accessTokenExpiresAt: string) => ({
  provider: 'connect',
  kind: 'sso',
  clientId: 'sso-client-0001',
  clientSecret: 'sso-client-secret-0001',
  clientSecretExpiresAt: hoursFromNow(24 * 90),
  accessToken: 'sso-access-token-0001',
  accessTokenExpiresAt,
  refreshToken: 'sso-refresh-token-0001',
})
const path = (prefix: string) => (req: IncomingMessage) => req.url?.startsWith(prefix) === true

interface Case {
  name: string
  isToken: (req: IncomingMessage) => boolean
  /** The endpoint's good answer. */
  good: () => Answer
  /** Its throttling answer's status and body, as the endpoint words it. */
  throttled: { status: number; body: string; headers?: OutgoingHttpHeaders }
  /** What the rest of the server answers. */
  other: (req: IncomingMessage) => Answer
  /** The profile (at the server), its secret, the address the send is pointed at, a token already kept. */
  at: (s: { url: string; port: number }) => { profile: object; secret: object; endpoint?: string; cached?: CachedToken }
}

const cases: Case[] = [
  {
    name: 'Webex refresh (pasted integration)',
    isToken: path('/v1/access_token'),
    good: () => TOKEN_ANSWER,
    throttled: { status: 429, body: '{"error":"rate_limited"}' },
    other: () => REFUSED,
    at: ({ url }) => ({
      profile: { ...drafts.webex, endpoint: { kind: 'custom', baseUrl: url }, identityUrl: url },
      secret: secrets.webex,
    }),
  },
  {
    name: 'Webex sign-in refresh',
    isToken: path('/v1/access_token'),
    good: () => TOKEN_ANSWER,
    throttled: { status: 429, body: '{"error":"rate_limited"}' },
    other: () => REFUSED,
    at: ({ url }) => ({
      profile: { ...drafts.webex, authMethod: 'sign_in', endpoint: { kind: 'custom', baseUrl: url }, identityUrl: url },
      secret: { provider: 'webex', kind: 'sign_in', clientSecret: '' },
      cached: expiredToken('webex-signed-in-refresh-0001'),
    }),
  },
  {
    name: 'eGain token (the application’s grant)',
    isToken: path('/token'),
    good: () => TOKEN_ANSWER,
    throttled: { status: 429, body: '{"error":"too_many_requests"}' },
    other: () => REFUSED,
    at: ({ url }) => ({
      profile: { ...drafts.egain, apiBaseUrl: url, tokenUrl: `${url}/token` },
      secret: secrets.egain,
    }),
  },
  {
    name: 'eGain authorization-code refresh',
    isToken: path('/token'),
    good: () => TOKEN_ANSWER,
    throttled: { status: 503, body: '' },
    other: () => REFUSED,
    at: ({ url }) => ({
      profile: {
        ...drafts.egain,
        grantType: 'authorization_code',
        scope: EGAIN_SCOPES.authorization_code,
        authorizeUrl: `${url}/authorize`,
        apiBaseUrl: url,
        tokenUrl: `${url}/token`,
      },
      secret: { provider: 'egain', clientSecret: '' },
      cached: expiredToken('egain-signed-in-refresh-0001'),
    }),
  },
  {
    name: 'IAM Identity Center SSO OIDC CreateToken',
    isToken: path('/token'),
    good: CREATE_TOKEN_ANSWER,
    throttled: { status: 429, headers: { 'x-amzn-errortype': 'SlowDownException' }, body: '{"error":"slow_down"}' },
    other: (req) => (path('/federation/credentials')(req) ? ROLE_ANSWER() : REFUSED),
    at: ({ url }) => ({
      profile: ssoProfile,
      secret: ssoSecret(new Date(Date.now() - 60_000).toISOString()),
      endpoint: url,
    }),
  },
  {
    name: 'IAM Identity Center GetRoleCredentials',
    isToken: path('/federation/credentials'),
    good: ROLE_ANSWER,
    throttled: {
      status: 429,
      headers: { 'x-amzn-errortype': 'TooManyRequestsException' },
      body: '{"message":"Rate exceeded"}',
    },
    other: () => REFUSED,
    at: ({ url }) => ({ profile: ssoProfile, secret: ssoSecret(hoursFromNow(8)), endpoint: url }),
  },
  {
    name: 'Alibaba Cloud STS AssumeRole',
    isToken: (req) => req.headers['x-acs-action'] === 'AssumeRole',
    good: STS_ANSWER,
    throttled: { status: 429, body: '{"Code":"Throttling.User","Message":"Request was denied","RequestId":"r-1"}' },
    other: () => ({ status: 400, body: '{"Code":"InvalidParameter","Message":"bad","RequestId":"r-2"}' }),
    at: ({ port }) => ({
      profile: {
        ...drafts.aiccs,
        endpoint: `127.0.0.1:${port}`,
        credentialSource: 'sts_role',
        roleArn: 'acs:ram::1234567890123456:role/callboard-agent',
        stsEndpoint: `127.0.0.1:${port}`,
      },
      secret: secrets.aiccs,
    }),
  },
]

async function attempt(c: Case, token: Mode, env: Parameters<typeof h.attemptAgainst>[2]) {
  const s = await serve(c.isToken, token, c.other)
  const { profile, secret, endpoint, cached } = c.at(s)
  const p = parse(profile, secret)
  const run = h.attemptAgainst(p.profile, p.secret, env, endpoint, 0, cached)
  return { s, run }
}

function collectGarbage(): void {
  setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
}

describe('a token endpoint that accepts the request and never answers: the attempt ends at its limit', () => {
  it.each(cases)(
    '$name: retry (nothing of the task left) within the limit + 1 s of arriving',
    async (c) => {
      const { s, run } = await attempt(c, 'silent', { timeoutMs: SENT_THEN_SILENT_MS })
      let arrivedAt = Number.NaN
      void s.received.then(() => {
        arrivedAt = performance.now()
        // A limit held only weakly (nodejs/node#57736) would be collected here and never fire.
        collectGarbage()
      })
      const { outcome } = await run
      const ms = performance.now() - arrivedAt
      console.info(`[token-endpoints] ${c.name}: ended ${Math.round(ms)} ms after the request arrived`)
      expect(Number.isNaN(arrivedAt)).toBe(false)
      expect(outcome.kind).toBe('retry')
      expect(ms).toBeLessThan(SENT_THEN_SILENT_MS + 1000)
    },
    120_000,
  )
})

describe("a token endpoint's answer teaches the profile's clock", () => {
  it.each(cases)('$name: its Date reaches the skew estimate', async (c) => {
    // An hour ahead of us: only the token endpoint says so (the rest answers with our time).
    const ahead = () => new Date(Date.now() + 3_600_000).toUTCString()
    const good = c.good()
    const dates: (string | undefined)[] = []
    const { run } = await attempt(c, () => ({ ...good, headers: { ...good.headers, date: ahead() } }), {
      timeoutMs: ANSWERED_MS,
      onServerDate: (date) => dates.push(date),
    })
    await run
    const offsets = dates.map((d) => (d ? Date.parse(d) - Date.now() : 0))
    expect(offsets.some((offset) => offset > 30 * 60_000)).toBe(true)
  })
})

describe("a token endpoint's Retry-After is honoured", () => {
  it.each(cases)('$name: its throttling answer with Retry-After: 5 → retry in 5 s', async (c) => {
    const { status, body, headers = {} } = c.throttled
    const { run } = await attempt(c, () => ({ status, body, headers: { ...headers, 'retry-after': '5' } }), {
      timeoutMs: ANSWERED_MS,
    })
    const { outcome } = await run
    expect(outcome).toMatchObject({ kind: 'retry', delayMs: 5000 })
  })
})
