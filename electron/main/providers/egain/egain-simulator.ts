import { randomBytes } from 'node:crypto'
import type { EgainBreach } from './egain-rules'
import { checkEgainTask } from './egain-rules'
import type { FaultSwitch, HttpFault, StatusFault } from '../simulator-kit/faults'
import { createFaultSwitch, echoAnswer, echoTokenAnswer, withFault } from '../simulator-kit/faults'
import type { RunningSimulator, SimRequest, SimResponse } from '../simulator-kit/loopback-server'
import { startLoopbackServer } from '../simulator-kit/loopback-server'
import type { Grant, SimUser } from '../simulator-kit/sim-identity'
import { createSimIdentity } from '../simulator-kit/sim-identity'
import type { RateLimit } from '../../core/rate-limit'
import { createRateLimiter, retryAfterSeconds } from '../../core/rate-limit'

/**
 * eGain publishes no request rate for casemgr v3 (providers.md §2: unknown), so the default is a
 * generous guess that only a runaway loop meets: 600 requests a minute.
 */
export const EGAIN_DEFAULT_RATE_LIMIT: RateLimit = { kind: 'window', max: 600, windowMs: 60_000 }

export interface EgainSimulatorOptions {
  clientId: string
  clientSecret: string
  /**
   * Users a token may act for on behalf of (eGain's on-behalf-of flow, `grant_type=password`):
   * user name (`subject_username`) → user id (`subject_userid`).
   */
  users?: Record<string, string>
  tokenLifetimeS?: number
  /** The task endpoint's rate limit; null for none. Default `EGAIN_DEFAULT_RATE_LIMIT`. */
  rateLimit?: RateLimit | null
  /** eGain's clock is `Date.now() + clockOffsetMs`: token expiry and "dueDate in the future" use it. */
  clockOffsetMs?: number
  /** How long eGain takes over one create; a second one from the same user meanwhile is refused. */
  handlingMs?: number
  /** Who signs in on the sign-in page (default: Ana Ruiz, user `ana.ruiz`). */
  signInUser?: SimUser
  /** The client application's code exchange needs its secret (default: PKCE alone suffices). */
  signInNeedsSecret?: boolean
}

/** The sandbox's agent: who the simulated eGain sign-in page signs in. */
export const EGAIN_SIM_USER: SimUser = { displayName: 'Ana Ruiz', email: 'ana.ruiz@example.com' }

/**
 * Faults on `POST /core/casemgr/v3/activity/task`. `refuse` stops listening altogether
 * (ECONNREFUSED, token endpoint included); `echo` at `token` plays on the token endpoint; the
 * others apply to the task endpoint only.
 */
export type EgainFault = HttpFault

export interface EgainActivity {
  id: string
  body: unknown
}

export interface EgainSimulator extends RunningSimulator {
  /** The token URL to put in a profile. */
  tokenUrl: string
  /** Token endpoint requests: the grant asked for and what the simulator did. */
  ledger: { grant: string | null; verdict: string }[]
  /** Task endpoint requests, in arrival order, and how they were judged (`rules`: the broken ones). */
  requests: { path: string; verdict: string; rules?: string[] }[]
  /** Activities created (including those whose answer a fault dropped). */
  activities: EgainActivity[]
  /** Expire every issued access token. */
  revokeTokens(): void
  /** Retire the refresh tokens of every agent's sign-in: renewals are refused. */
  revokeSignIns(): void
  /** Move eGain's clock (time passing for token expiry, or a skewed server). */
  setClockOffset(ms: number): void
  /** Set (or with null clear) a fault; resolves once the listener reflects it. */
  setFault(fault: EgainFault | null): Promise<void>
}

export const EGAIN_TOKEN_PATH = '/system/auth/SIM-U/oauth2/token'
/** Where an agent signs in: beside the token endpoint, as the profile's default derives it. */
export const EGAIN_AUTHORIZE_PATH = '/system/auth/SIM-U/oauth2/authorize'
/** eGain's Case Manager scopes: delegated (a user's token) and application (providers.md §2). */
const USER_SCOPE = 'https://api.egain.cloud/auth/core.casemgr.manage'
const APP_SCOPE = 'https://api.egain.cloud/auth/app.core.casemgr.manage'
export const EGAIN_TASK_ACTIVITY_PATH = '/core/casemgr/v3/activity/task'
const ACTIVITY_PATH = '/core/casemgr/v3/activity'

/** eGain's error envelope: `{code: "<http>-<n>", developerMessage}` (seed 001's sample). */
const egainError = (status: number, code: string, developerMessage: string, retryAfterS?: number): SimResponse => ({
  status,
  ...(retryAfterS === undefined ? {} : { headers: { 'retry-after': String(retryAfterS) } }),
  body: { code, developerMessage },
})

/** eGain's usual words per status. */
const USUAL: Record<number, string> = {
  400: 'Bad request.',
  401: 'The access token is missing, invalid, expired or revoked.',
  403: 'The caller does not have permission to perform this operation.',
  404: 'Resource not found.',
  406: 'Not acceptable.',
  429: 'Too many requests; try again later.',
  500: 'Internal server error.',
  503: 'Service unavailable; try again later.',
}

const renderStatus = (fault: StatusFault) =>
  egainError(
    fault.status,
    fault.code ?? `${fault.status}-100`,
    fault.message ?? USUAL[fault.status] ?? `HTTP ${fault.status}.`,
    fault.retryAfterSeconds,
  )

interface Issued {
  /** Who holds it: the client id (client credentials) or the user's login. */
  holder: string
  actor: 'client' | 'user'
  expiresAt: number
}

const header = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined)

/** eGain's OAuth token endpoint and the case manager's "create task activity", on one loopback host. */
export async function startEgainSimulator(options: EgainSimulatorOptions): Promise<EgainSimulator> {
  let offset = options.clockOffsetMs ?? 0
  const now = () => Date.now() + offset
  const ledger: EgainSimulator['ledger'] = []
  const requests: EgainSimulator['requests'] = []
  const activities: EgainActivity[] = []
  const issued = new Map<string, Issued>()
  const inFlight = new Set<string>()
  const limiter = createRateLimiter(options.rateLimit === undefined ? EGAIN_DEFAULT_RATE_LIMIT : options.rateLimit)
  const record = (path: string, verdict: string, rules?: string[]) =>
    requests.push({ path, verdict, ...(rules ? { rules } : {}) })

  const identity = createSimIdentity({
    brand: 'eGain',
    clientId: options.clientId,
    user: options.signInUser ?? EGAIN_SIM_USER,
    now,
  })
  /** Refresh tokens of agents' sign-ins → who signed in (rotated on each renewal). */
  const signIns = new Map<string, Grant>()
  const signInLifetimeS = () => options.tokenLifetimeS ?? 3600

  /** An agent's token: it acts as that user (its e-mail's name is their eGain user). */
  function issueSignIn(grant: Grant, previous: string | null): SimResponse {
    if (previous) signIns.delete(previous)
    const refreshToken = `eg-rt-${randomBytes(12).toString('hex')}`
    signIns.set(refreshToken, grant)
    const accessToken = `eg-at-${randomBytes(12).toString('hex')}`
    const holder = grant.user.email.split('@')[0] ?? grant.user.email
    issued.set(accessToken, { holder, actor: 'user', expiresAt: now() + signInLifetimeS() * 1000 })
    return {
      status: 200,
      body: {
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: signInLifetimeS(),
        refresh_token: refreshToken,
      },
    }
  }

  function token(body: Buffer): SimResponse {
    const form = new URLSearchParams(body.toString('utf8'))
    const grant = form.get('grant_type')
    const answer = (verdict: string, status: number, error: string, description: string) => {
      ledger.push({ grant, verdict })
      return { status, body: { error, error_description: description } }
    }
    const signInRefresh = grant === 'refresh_token' ? signIns.get(form.get('refresh_token') ?? '') : undefined
    if (grant === 'authorization_code' || grant === 'refresh_token') {
      // An agent's sign-in: the client authenticates with its secret only where eGain requires it.
      const secret = form.get('client_secret')
      if (
        form.get('client_id') !== options.clientId ||
        (secret !== null && secret !== options.clientSecret) ||
        (secret === null && options.signInNeedsSecret)
      ) {
        return answer('invalid_client', 401, 'invalid_client', 'Client authentication failed.')
      }
      if (grant === 'refresh_token') {
        if (!signInRefresh)
          return answer('invalid_grant', 400, 'invalid_grant', 'The refresh token is invalid or expired.')
        ledger.push({ grant, verdict: 'issued' })
        return issueSignIn(signInRefresh, form.get('refresh_token'))
      }
      const verdict = identity.exchangeCode(form)
      if (!verdict.ok) return answer(verdict.error, verdict.status, verdict.error, verdict.description)
      ledger.push({ grant, verdict: 'signed_in' })
      return issueSignIn(verdict.grant, null)
    }
    if (form.get('client_id') !== options.clientId || form.get('client_secret') !== options.clientSecret) {
      return answer('invalid_client', 401, 'invalid_client', 'Client authentication failed.')
    }
    // eGain's token endpoint: `scope` is required for every grant, and each scope must be one the
    // client application was given (here: the Case Manager scope of its grant).
    const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean)
    if (scopes.length === 0)
      return answer('invalid_request', 400, 'invalid_request', 'The scope parameter is required.')
    let holder = options.clientId
    if (grant === 'password') {
      // On behalf of a user: the client's own credentials and the user's name or id; no password.
      const byName = form.get('subject_username')
      const byId = form.get('subject_userid')
      const users = Object.entries(options.users ?? {})
      const user = users.find(([name, id]) => (byName ? name === byName : id === byId))
      if (!byName && !byId) {
        return answer('invalid_request', 400, 'invalid_request', 'subject_username or subject_userid is required.')
      }
      if (!user) return answer('invalid_grant', 400, 'invalid_grant', 'The user the token is for is not known.')
      holder = user[0]
    } else if (grant !== 'client_credentials') {
      return answer('unsupported_grant_type', 400, 'unsupported_grant_type', `Grant type ${grant} is not supported.`)
    }
    const allowed = grant === 'password' ? USER_SCOPE : APP_SCOPE
    if (scopes.some((scope) => scope !== allowed)) {
      return answer('invalid_scope', 400, 'invalid_scope', `The client application may ask only for ${allowed}.`)
    }
    ledger.push({ grant, verdict: 'issued' })
    const lifetimeS = options.tokenLifetimeS ?? 3600
    const accessToken = `eg-at-${randomBytes(12).toString('hex')}`
    const actor = grant === 'password' ? 'user' : 'client'
    issued.set(accessToken, { holder, actor, expiresAt: now() + lifetimeS * 1000 })
    return { status: 200, body: { access_token: accessToken, token_type: 'Bearer', expires_in: lifetimeS } }
  }

  /** Auth, rate limit, one-at-a-time per user, the rules, then the activity and the 201. */
  async function createTask({ url, headers, body }: Pick<SimRequest, 'url' | 'headers' | 'body'>) {
    const path = url.pathname
    const authorization = header(headers['authorization']) ?? ''
    const holder = issued.get(authorization.startsWith('Bearer ') ? authorization.slice(7) : '')
    if (!holder || holder.expiresAt <= now()) {
      record(path, 'unauthorized')
      return egainError(401, '401-100', USUAL[401] ?? '')
    }
    const rate = limiter.take(now())
    if (!rate.ok) {
      record(path, 'rate_limited')
      return egainError(429, '429-101', USUAL[429] ?? '', retryAfterSeconds(rate.retryAfterMs))
    }
    // "User can only create one new task activity at a time."
    if (inFlight.has(holder.holder)) {
      record(path, 'busy')
      return egainError(429, '429-100', 'Another request from this user is in progress; try again shortly.', 1)
    }
    inFlight.add(holder.holder)
    try {
      if (options.handlingMs) await new Promise((resolve) => setTimeout(resolve, options.handlingMs))
      let json: unknown
      try {
        json = JSON.parse(body.toString('utf8'))
      } catch {
        record(path, 'invalid', ['body'])
        return egainError(400, '400-100', 'The request body is not valid JSON.')
      }
      const breaches: EgainBreach[] = checkEgainTask(
        {
          actor: holder.actor,
          query: [...url.searchParams],
          acceptLanguage: header(headers['accept-language']),
          accept: header(headers['accept']),
          body: json,
        },
        now(),
      )
      const first = breaches[0]
      if (first) {
        record(
          path,
          'invalid',
          breaches.map((b) => b.rule),
        )
        return egainError(first.status, first.code, breaches.map((b) => b.message).join(' '))
      }
      const id = String(100_000 + activities.length + 1)
      activities.push({ id, body: json })
      record(path, 'created')
      return { status: 201, headers: { location: `${ACTIVITY_PATH}/${id}` } }
    } finally {
      inFlight.delete(holder.holder)
    }
  }

  let faults: FaultSwitch<EgainFault> | null = null
  const server = await startLoopbackServer(
    async (request) => {
      const { method, url, body } = request
      const fault = faults?.current() ?? null
      if (method === 'POST' && url.pathname === EGAIN_TOKEN_PATH) {
        return echoTokenAnswer(fault, request, () => token(body)) ?? token(body)
      }
      if (url.pathname === EGAIN_AUTHORIZE_PATH) {
        if (method === 'GET') return identity.authorizePage(url)
        if (method === 'POST') return identity.decide(body)
      }
      if (method === 'POST' && url.pathname === EGAIN_TASK_ACTIVITY_PATH) {
        return withFault(faults?.take() ?? null, request, {
          renderStatus,
          handle: () => createTask(request),
          note: (verdict) => record(url.pathname, verdict),
        })
      }
      return echoAnswer(fault, 'api', request, renderStatus) ?? egainError(404, '404-101', USUAL[404] ?? '')
    },
    { now },
  )
  faults = createFaultSwitch<EgainFault>(server)
  const switchboard = faults
  return {
    url: server.url,
    host: server.host,
    close: server.close,
    tokenUrl: `${server.url}${EGAIN_TOKEN_PATH}`,
    ledger,
    requests,
    activities,
    revokeTokens: () => issued.clear(),
    revokeSignIns: () => signIns.clear(),
    setClockOffset: (ms) => void (offset = ms),
    setFault: (fault) => switchboard.set(fault),
  }
}
