import { randomBytes, randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { WebexCreateTaskRequest, webexScheduleCallbackSchema } from '@shared/schemas/wire/webex'
import type { HttpFault } from './faults'
import type { RunningSimulator, SimResponse } from './loopback-server'
import { startLoopbackServer } from './loopback-server'

export interface WebexSimulatorOptions {
  clientId: string
  clientSecret: string
  refreshToken: string
  /** Tokens valid from the start (a pasted access token). */
  accessTokens?: string[]
  tokenLifetimeS?: number
  /** Webex may hand out a new refresh token on each refresh and retire the old one. */
  rotateRefreshToken?: boolean
  displayName?: string
  /** The organization the tokens belong to (`meta.orgId`, and the scheduled-callback path). */
  orgId?: string
  /** Task-endpoint rate limit, a sliding window (Webex: 300 requests a minute per client). */
  rateLimit?: { max: number; windowMs: number }
}

/**
 * Faults on the Contact Center task endpoints, settable while running. `refuse` stops listening
 * altogether (ECONNREFUSED, token endpoint included); the others apply to `POST /v1/tasks` and the
 * scheduled-callback endpoint only.
 */
export type WebexFault = HttpFault

export interface WebexCreated {
  id: string
  body: unknown
  /** The `TrackingId` request header, or null. */
  trackingId: string | null
}

export interface WebexSimulator extends RunningSimulator {
  /** Every request, in arrival order: what it was and how the simulator judged it. */
  ledger: { path: string; verdict: string }[]
  /** Tasks created by `POST /v1/tasks` (including those whose answer a fault dropped). */
  tasks: WebexCreated[]
  /** Callbacks created by the scheduled-callback endpoint. */
  callbacks: WebexCreated[]
  orgId: string
  /** Expire every issued access token (as if they all reached their end of life). */
  revokeAccessTokens(): void
  /** Set (or with null clear) a fault; resolves once the listener reflects it. */
  setFault(fault: WebexFault | null): Promise<void>
}

/** Webex's error envelope (`ApiErrorResponse` on the sibling `GET /v1/tasks`). */
const apiError = (status: number, message: string[], headers?: Record<string, string>): SimResponse => ({
  status,
  ...(headers ? { headers } : {}),
  body: { trackingId: `SIM_${randomUUID()}`, error: { key: String(status), message } },
})

const issueMessages = (error: z.ZodError) =>
  error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))

const SCHEDULED_CALLBACK = /^\/v1\/callbacks\/organization\/([^/]+)\/scheduled-callback$/

/**
 * Webex identity and Contact Center on one loopback host: the OAuth refresh grant,
 * `GET /v1/people/me`, `POST /v1/tasks` and the scheduled-callback endpoint, with a rate limit and
 * faults for the send path's error classification.
 */
export async function startWebexSimulator(options: WebexSimulatorOptions): Promise<WebexSimulator> {
  const validAccess = new Set(options.accessTokens ?? [])
  let validRefresh = options.refreshToken
  const ledger: WebexSimulator['ledger'] = []
  const tasks: WebexCreated[] = []
  const callbacks: WebexCreated[] = []
  const orgId = options.orgId ?? randomUUID()
  const rateLimit = options.rateLimit ?? { max: 300, windowMs: 60_000 }
  const recent: number[] = []
  let fault: WebexFault | null = null
  const record = (path: string, verdict: string) => ledger.push({ path, verdict })
  const unauthorized = {
    status: 401,
    body: {
      message: 'The request requires a valid access token set in the Authorization request header.',
      trackingId: 'SIM_1',
    },
  }

  const bearer = (authorization: string | undefined) =>
    authorization?.startsWith('Bearer ') ? authorization.slice(7) : ''

  /** The two create endpoints: auth, rate limit, body check, then the record and the 201. */
  function create(
    path: string,
    authorization: string | undefined,
    trackingId: string | null,
    raw: Buffer,
    schema: z.ZodType,
    into: WebexCreated[],
    answer: (id: string, body: unknown) => object,
  ): SimResponse {
    if (!validAccess.has(bearer(authorization))) {
      record(path, 'unauthorized')
      return unauthorized
    }
    const now = Date.now()
    while (recent.length && (recent[0] ?? 0) <= now - rateLimit.windowMs) recent.shift()
    if (recent.length >= rateLimit.max) {
      record(path, 'rate_limited')
      const waitS = Math.max(1, Math.ceil(((recent[0] ?? now) + rateLimit.windowMs - now) / 1000))
      return apiError(429, ['Too many requests; retry later.'], { 'retry-after': String(waitS) })
    }
    recent.push(now)
    let json: unknown
    try {
      json = JSON.parse(raw.toString('utf8'))
    } catch {
      record(path, 'invalid')
      return apiError(400, ['The request body is not valid JSON.'])
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success) {
      record(path, 'invalid')
      return apiError(400, issueMessages(parsed.error))
    }
    const id = randomUUID()
    into.push({ id, body: parsed.data, trackingId })
    record(path, 'created')
    return { status: 201, body: answer(id, parsed.data) }
  }

  const server = await startLoopbackServer(async ({ method, url, headers, body, socket }) => {
    const callback = method === 'POST' ? SCHEDULED_CALLBACK.exec(url.pathname) : null
    if ((method === 'POST' && url.pathname === '/v1/tasks') || callback) {
      const active = fault
      if (active?.kind === 'blackhole') {
        record(url.pathname, 'blackholed')
        return null
      }
      if (active?.kind === 'status') {
        record(url.pathname, `fault_${active.status}`)
        return apiError(active.status, [`Simulated ${active.status}.`], active.retryAfterSeconds === undefined ? undefined : { 'retry-after': String(active.retryAfterSeconds) })
      }
      if (active?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, active.ms))
      const trackingId = typeof headers.trackingid === 'string' ? headers.trackingid : null
      let answer: SimResponse
      if (callback) {
        answer =
          callback[1] !== orgId
            ? (record(url.pathname, 'wrong_org'), apiError(403, ['Not authorized for this organization.']))
            : create(
                url.pathname,
                headers.authorization,
                trackingId,
                body,
                webexScheduleCallbackSchema(new Date()),
                callbacks,
                (id, request) => ({ id, ...(request as object) }),
              )
      } else {
        answer = create(url.pathname, headers.authorization, trackingId, body, WebexCreateTaskRequest, tasks, (id) => ({
          meta: { orgId },
          data: { id },
        }))
      }
      if (fault?.kind === 'dropAfterBody') {
        socket.destroy()
        return null
      }
      return answer
    }

    if (method === 'POST' && url.pathname === '/v1/access_token') {
      const form = new URLSearchParams(body.toString('utf8'))
      if (form.get('client_id') !== options.clientId || form.get('client_secret') !== options.clientSecret) {
        record(url.pathname, 'invalid_client')
        return { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed.' } }
      }
      if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== validRefresh) {
        record(url.pathname, 'invalid_grant')
        return {
          status: 400,
          body: { error: 'invalid_grant', error_description: 'The refresh token is invalid or expired.' },
        }
      }
      const accessToken = `wx-at-${randomBytes(12).toString('hex')}`
      validAccess.add(accessToken)
      if (options.rotateRefreshToken) validRefresh = `wx-rt-${randomBytes(12).toString('hex')}`
      record(url.pathname, 'issued')
      return {
        status: 200,
        body: {
          access_token: accessToken,
          expires_in: options.tokenLifetimeS ?? 43_199,
          refresh_token: validRefresh,
          refresh_token_expires_in: 5_183_999,
        },
      }
    }
    if (method === 'GET' && url.pathname === '/v1/people/me') {
      if (!validAccess.has(bearer(headers.authorization))) {
        record(url.pathname, 'unauthorized')
        return unauthorized
      }
      record(url.pathname, 'ok')
      return {
        status: 200,
        body: { id: 'sim-person', displayName: options.displayName ?? 'Sim Agent', emails: ['agent@example.com'] },
      }
    }
    record(url.pathname, 'not_found')
    return { status: 404, body: { message: 'Not found', trackingId: 'SIM_2' } }
  })

  return {
    url: server.url,
    host: server.host,
    close: server.close,
    ledger,
    tasks,
    callbacks,
    orgId,
    revokeAccessTokens: () => validAccess.clear(),
    async setFault(next) {
      fault = next
      if (next?.kind === 'refuse') await server.stopListening()
      else await server.resumeListening()
    },
  }
}
