import { randomBytes, randomUUID } from 'node:crypto'
import type { FaultSwitch, HttpFault, StatusFault } from '../simulator-kit/faults'
import { createFaultSwitch, echoAnswer, echoTokenAnswer, withFault } from '../simulator-kit/faults'
import type { RunningSimulator, SimRequest, SimResponse } from '../simulator-kit/loopback-server'
import { startLoopbackServer } from '../simulator-kit/loopback-server'
import type { Grant, SimUser } from '../simulator-kit/sim-identity'
import { createSimIdentity } from '../simulator-kit/sim-identity'
import type { RateLimit } from '../../core/rate-limit'
import { createRateLimiter, retryAfterSeconds } from '../../core/rate-limit'
import type { Breach, WebexTaskRule } from './webex-rules'
import { checkWebexSchedule, checkWebexTask } from './webex-rules'
import type { WebexSimLists } from './webex-lists-sim'
import { listPage, listRoute } from './webex-lists-sim'

/** Webex's documented default per client id (providers.md §1; an older page said 50). */
export const WEBEX_DEFAULT_RATE_LIMIT: RateLimit = { kind: 'window', max: 300, windowMs: 60_000 }

export interface WebexSimulatorOptions {
  clientId: string
  clientSecret: string
  refreshToken: string
  /** Tokens valid from the start (a pasted access token), for `tokenLifetimeS` from then. */
  accessTokens?: string[]
  tokenLifetimeS?: number
  /** Webex may hand out a new refresh token on each refresh and retire the old one. */
  rotateRefreshToken?: boolean
  displayName?: string
  /** The organization the tokens belong to (`meta.orgId`, and the scheduled-callback path). */
  orgId?: string
  /** The create endpoints' rate limit; null for none. Default `WEBEX_DEFAULT_RATE_LIMIT`. */
  rateLimit?: RateLimit | null
  /** Webex's clock is `Date.now() + clockOffsetMs`: token expiry and the callback window use it. */
  clockOffsetMs?: number
  /** The organization's entry points and outdial ANI entries (the configuration lists). */
  lists?: Partial<WebexSimLists>
  /** The most rows one list page holds, whatever pageSize asks (default: as asked). */
  listPageCap?: number
  /** Who signs in on the sign-in page (default: Ana Ruiz). */
  signInUser?: SimUser
  /** The integration's token exchange needs its client secret (default: PKCE alone suffices). */
  signInNeedsSecret?: boolean
}

/** The sandbox's agent: who the simulated Webex identity signs in. */
export const WEBEX_SIM_USER: SimUser = { displayName: 'Ana Ruiz', email: 'ana.ruiz@example.com' }

/**
 * Faults on the Contact Center create endpoints (`POST /v1/tasks`, scheduled callback). `refuse`
 * stops listening altogether (ECONNREFUSED, token endpoint included); `echo` also plays on
 * `GET /v1/people/me` (at `api`) or on the token endpoint (at `token`).
 */
export type WebexFault = HttpFault

export interface WebexCreated {
  id: string
  /** The body as sent. */
  body: unknown
  /** The task as Webex keeps it (SIP header names lower-cased, at most 20 kept). */
  effective: unknown
  /** What Webex changed on the way in, by rule. */
  adjustments: Breach<WebexTaskRule>[]
  /** The `TrackingId` request header, or null. */
  trackingId: string | null
}

export interface WebexSimulator extends RunningSimulator {
  /**
   * Webex identity (`webexapis.com` in life): the OAuth token and people API, under its own base
   * URL on the same listener. The Contact Center base URL (`url`) does not serve them: there they
   * are 404, as on a real Contact Center host.
   */
  identityUrl: string
  /** Every request, in arrival order: what it was and how the simulator judged it. */
  ledger: { path: string; verdict: string; message?: string }[]
  /** Tasks created by `POST /v1/tasks` (including those whose answer a fault dropped). */
  tasks: WebexCreated[]
  /** Callbacks created by the scheduled-callback endpoint. */
  callbacks: WebexCreated[]
  orgId: string
  /** Expire every issued access token (as if they all reached their end of life). */
  revokeAccessTokens(): void
  /** Retire the refresh tokens of every sign-in (an administrator revoked them): renewals are refused. */
  revokeSignIns(): void
  /** Move Webex's clock (an NTP correction, or time passing for token expiry). */
  setClockOffset(ms: number): void
  /** Set (or with null clear) a fault; resolves once the listener reflects it. */
  setFault(fault: WebexFault | null): Promise<void>
}

/** Webex's usual words per status, in its `ApiErrorResponse`. */
const USUAL: Record<number, string> = {
  400: 'Bad Request: the request is invalid.',
  401: 'The request requires a valid access token set in the Authorization request header.',
  403: 'Forbidden: the user is not authorized to perform this operation.',
  404: 'Not found.',
  429: 'Too many requests; retry later.',
  500: 'Internal server error.',
  503: 'Service unavailable; retry later.',
}

/** Webex's error envelope (`ApiErrorResponse` on the sibling `GET /v1/tasks`). */
function apiError(status: number, message: string[], retryAfterS?: number, key = String(status)): SimResponse {
  return {
    status,
    ...(retryAfterS === undefined ? {} : { headers: { 'retry-after': String(retryAfterS) } }),
    body: { trackingId: `SIM_${randomUUID()}`, error: { key, message } },
  }
}

const renderStatus = (fault: StatusFault) =>
  apiError(
    fault.status,
    [fault.message ?? USUAL[fault.status] ?? `HTTP ${fault.status}.`],
    fault.retryAfterSeconds,
    fault.code,
  )

const SCHEDULED_CALLBACK = /^\/v1\/callbacks\/organization\/([^/]+)\/scheduled-callback$/

/** Where the simulated identity host is mounted on the listener (see `WebexSimulator.identityUrl`). */
export const WEBEX_SIM_IDENTITY_PREFIX = '/webexapis'

/**
 * Webex identity and Contact Center on one loopback listener, as two base URLs: identity (the
 * OAuth refresh grant, `GET /v1/people/me`) under `identityUrl`, Contact Center (`POST /v1/tasks`
 * and the scheduled-callback endpoint) under `url`, with its own field rules (webex-rules.ts), a
 * rate limit, a clock and faults.
 */
export async function startWebexSimulator(options: WebexSimulatorOptions): Promise<WebexSimulator> {
  let offset = options.clockOffsetMs ?? 0
  const now = () => Date.now() + offset
  const lifetimeMs = (options.tokenLifetimeS ?? 43_199) * 1000
  /** Access token → when it expires on Webex's clock. */
  const access = new Map<string, number>((options.accessTokens ?? []).map((t) => [t, now() + lifetimeMs]))
  let validRefresh = options.refreshToken
  const ledger: WebexSimulator['ledger'] = []
  const tasks: WebexCreated[] = []
  const callbacks: WebexCreated[] = []
  const orgId = options.orgId ?? randomUUID()
  const limiter = createRateLimiter(options.rateLimit === undefined ? WEBEX_DEFAULT_RATE_LIMIT : options.rateLimit)
  const record = (path: string, verdict: string, message?: string) =>
    ledger.push({ path, verdict, ...(message === undefined ? {} : { message }) })
  const unauthorized = (path: string) => (record(path, 'unauthorized'), apiError(401, [USUAL[401] ?? '']))

  const authorized = (authorization: string | string[] | undefined) => {
    const token = typeof authorization === 'string' && authorization.startsWith('Bearer ') ? authorization.slice(7) : ''
    const expiresAt = access.get(token)
    return expiresAt !== undefined && expiresAt > now()
  }

  /** The two create endpoints: auth, rate limit, the rules, then the record and the 201. */
  function create({ url, headers, body }: Pick<SimRequest, 'url' | 'headers' | 'body'>): SimResponse {
    const path = url.pathname
    if (!authorized(headers.authorization)) return unauthorized(path)
    const rate = limiter.take(now())
    if (!rate.ok) {
      record(path, 'rate_limited')
      return apiError(429, [USUAL[429] ?? ''], retryAfterSeconds(rate.retryAfterMs))
    }
    const callback = SCHEDULED_CALLBACK.exec(path)
    if (callback && callback[1] !== orgId) {
      record(path, 'wrong_org')
      return apiError(403, ['Not authorized for this organization.'])
    }
    let json: unknown
    try {
      json = JSON.parse(body.toString('utf8'))
    } catch {
      record(path, 'invalid', 'not JSON')
      return apiError(400, ['The request body is not valid JSON.'])
    }
    const verdict = callback
      ? { breaches: checkWebexSchedule(json, now()), adjustments: [], effective: json }
      : checkWebexTask(json)
    if (verdict.breaches.length) {
      const messages = verdict.breaches.map((b) => b.message)
      record(path, 'invalid', verdict.breaches.map((b) => b.rule).join(', '))
      return apiError(400, messages)
    }
    const id = randomUUID()
    const trackingId = typeof headers.trackingid === 'string' ? headers.trackingid : null
    const created = { id, body: json, effective: verdict.effective, adjustments: verdict.adjustments, trackingId }
    const into = callback ? callbacks : tasks
    into.push(created)
    record(path, 'created')
    return { status: 201, body: callback ? { id, ...(json as object) } : { meta: { orgId }, data: { id } } }
  }

  const identity = createSimIdentity({
    brand: 'Webex',
    clientId: options.clientId,
    user: options.signInUser ?? WEBEX_SIM_USER,
    now,
  })
  /** Access token → who it was issued to (a sign-in's user, else the integration's agent). */
  const people = new Map<string, SimUser>()
  /** Refresh tokens issued by a sign-in (code or device grant) → who signed in. */
  const signIns = new Map<string, Grant>()

  const tokenError = (status: number, error: string, description: string): SimResponse => ({
    status,
    body: { error, error_description: description },
  })

  function issue(refreshToken: string, grant: Grant | null): SimResponse {
    const accessToken = `wx-at-${randomBytes(12).toString('hex')}`
    access.set(accessToken, now() + lifetimeMs)
    if (grant) people.set(accessToken, grant.user)
    return {
      status: 200,
      body: {
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: lifetimeMs / 1000,
        refresh_token: refreshToken,
        refresh_token_expires_in: 5_183_999,
      },
    }
  }

  /** A sign-in's grant: a refresh token of its own, rotated on each renewal when Webex rotates. */
  function issueSignIn(grant: Grant, previous: string | null): SimResponse {
    let refreshToken = previous ?? `wx-rt-${randomBytes(12).toString('hex')}`
    if (previous && options.rotateRefreshToken) {
      signIns.delete(previous)
      refreshToken = `wx-rt-${randomBytes(12).toString('hex')}`
    }
    signIns.set(refreshToken, grant)
    return issue(refreshToken, grant)
  }

  function token(body: Buffer, authorization: string | string[] | undefined): SimResponse {
    const path = '/v1/access_token'
    const form = new URLSearchParams(body.toString('utf8'))
    // The client authenticates in the form, or with HTTP Basic (the device grant's token calls).
    const basic =
      typeof authorization === 'string' && authorization.startsWith('Basic ')
        ? Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':')
        : null
    // Each half of a Basic pair is form-encoded first (RFC 6749 §2.3.1): `+` is a space.
    const formDecoded = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '))
    const clientId = basic ? formDecoded(basic[0] ?? '') : form.get('client_id')
    const clientSecret = basic ? formDecoded(basic.slice(1).join(':')) : form.get('client_secret')
    const grantType = form.get('grant_type')
    const signInRefresh = grantType === 'refresh_token' ? signIns.get(form.get('refresh_token') ?? '') : undefined
    // A pasted integration's refresh always carries the secret; a sign-in's only when Webex needs it.
    const pastedRefresh = grantType === 'refresh_token' && form.get('refresh_token') === validRefresh
    const secretNeeded = pastedRefresh || (options.signInNeedsSecret ?? false)
    if (
      clientId !== options.clientId ||
      (clientSecret !== null && clientSecret !== options.clientSecret) ||
      (secretNeeded && clientSecret === null)
    ) {
      record(path, 'invalid_client')
      return tokenError(401, 'invalid_client', 'Client authentication failed.')
    }
    if (grantType === 'authorization_code' || grantType === 'urn:ietf:params:oauth:grant-type:device_code') {
      const verdict = grantType === 'authorization_code' ? identity.exchangeCode(form) : identity.pollDevice(form)
      if (!verdict.ok) {
        record(path, verdict.error)
        return tokenError(verdict.status, verdict.error, verdict.description)
      }
      record(path, 'signed_in')
      return issueSignIn(verdict.grant, null)
    }
    if (grantType === 'refresh_token' && signInRefresh) {
      record(path, 'issued')
      return issueSignIn(signInRefresh, form.get('refresh_token'))
    }
    if (grantType !== 'refresh_token' || form.get('refresh_token') !== validRefresh) {
      record(path, 'invalid_grant')
      return tokenError(400, 'invalid_grant', 'The refresh token is invalid or expired.')
    }
    if (options.rotateRefreshToken) validRefresh = `wx-rt-${randomBytes(12).toString('hex')}`
    record(path, 'issued')
    return issue(validRefresh, null)
  }

  /** Webex identity's sign-in pages and device endpoints, under the identity prefix. */
  function signInRoute(request: SimRequest): SimResponse | null {
    const { method, url, body, headers } = request
    const path = url.pathname.slice(WEBEX_SIM_IDENTITY_PREFIX.length)
    if (path === '/v1/authorize') {
      if (method === 'GET') return (record(path, 'authorize_page'), identity.authorizePage(url))
      if (method === 'POST') return (record(path, 'decided'), identity.decide(body))
    }
    if (path === '/v1/device/authorize' && method === 'POST') {
      record(path, 'device_code')
      const verification = `http://${headers.host ?? '127.0.0.1'}${WEBEX_SIM_IDENTITY_PREFIX}/v1/device`
      return identity.startDevice(new URLSearchParams(body.toString('utf8')), verification)
    }
    if (path === '/v1/device') {
      if (method === 'GET') return identity.devicePage(url)
      if (method === 'POST') return identity.decideDevice(body)
    }
    if (path === '/v1/device/token' && method === 'POST') return token(body, headers.authorization)
    return null
  }

  /** A configuration list: auth, the organization, then one page. */
  function list(route: NonNullable<ReturnType<typeof listRoute>>, { url, headers }: SimRequest): SimResponse {
    if (!authorized(headers.authorization)) return unauthorized(url.pathname)
    if (route.orgId !== orgId) {
      record(url.pathname, 'wrong_org')
      return apiError(403, ['Not authorized for this organization.'])
    }
    const page = listPage(url, options.lists?.[route.list] ?? [], orgId, options.listPageCap ?? 1000)
    if (typeof page === 'string') {
      record(url.pathname, 'invalid', page)
      return apiError(400, [page])
    }
    record(url.pathname, 'listed')
    return page
  }

  // Declared before the server starts, assigned right after: the handler only runs once it listens.
  let faults: FaultSwitch<WebexFault> | null = null
  const server = await startLoopbackServer(
    async (request) => {
      const { method, url, headers, body } = request
      if (method === 'POST' && (url.pathname === '/v1/tasks' || SCHEDULED_CALLBACK.test(url.pathname))) {
        return withFault(faults?.take() ?? null, request, {
          renderStatus,
          handle: () => create(request),
          note: (verdict) => record(url.pathname, verdict),
        })
      }
      const fault = faults?.current() ?? null
      if (method === 'POST' && url.pathname === `${WEBEX_SIM_IDENTITY_PREFIX}/v1/access_token`) {
        const answer = () => token(body, headers.authorization)
        return echoTokenAnswer(fault, request, answer) ?? answer()
      }
      const signIn = url.pathname.startsWith(WEBEX_SIM_IDENTITY_PREFIX) ? signInRoute(request) : null
      if (signIn) return signIn
      const echoed = echoAnswer(fault, 'api', request, renderStatus)
      if (echoed) return echoed
      if (method === 'GET' && url.pathname === `${WEBEX_SIM_IDENTITY_PREFIX}/v1/people/me`) {
        if (!authorized(headers.authorization)) return unauthorized('/v1/people/me')
        record('/v1/people/me', 'ok')
        const bearer = typeof headers.authorization === 'string' ? headers.authorization.slice(7) : ''
        const signedIn = people.get(bearer)
        return {
          status: 200,
          body: signedIn
            ? { id: 'sim-person-signed-in', displayName: signedIn.displayName, emails: [signedIn.email] }
            : { id: 'sim-person', displayName: options.displayName ?? 'Sim Agent', emails: ['agent@example.com'] },
        }
      }
      const listed = method === 'GET' ? listRoute(url.pathname) : null
      if (listed) return list(listed, request)
      record(url.pathname, 'not_found')
      return apiError(404, ['Not found'])
    },
    { now },
  )
  faults = createFaultSwitch<WebexFault>(server)

  const switchboard = faults
  return {
    url: server.url,
    identityUrl: `${server.url}${WEBEX_SIM_IDENTITY_PREFIX}`,
    host: server.host,
    close: server.close,
    ledger,
    tasks,
    callbacks,
    orgId,
    revokeAccessTokens: () => access.clear(),
    revokeSignIns: () => signIns.clear(),
    setClockOffset: (ms) => void (offset = ms),
    setFault: (fault) => switchboard.set(fault),
  }
}
