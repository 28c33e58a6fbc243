import { randomBytes } from 'node:crypto'
import { egainTaskActivitySchema } from '@shared/schemas/wire/egain'
import type { HttpFault } from './faults'
import type { RunningSimulator, SimResponse } from './loopback-server'
import { startLoopbackServer } from './loopback-server'

export interface EgainSimulatorOptions {
  clientId: string
  clientSecret: string
  /** Users allowed the password grant: login → password. */
  users?: Record<string, string>
  tokenLifetimeS?: number
}

/**
 * Faults on `POST /core/casemgr/v3/activity/task`, settable while running. `refuse` stops listening
 * altogether (ECONNREFUSED, token endpoint included); the others apply to the task endpoint only.
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
  /** Task endpoint requests, in arrival order, and how they were judged. */
  requests: { path: string; verdict: string }[]
  /** Activities created (including those whose answer a fault dropped). */
  activities: EgainActivity[]
  /** Expire every issued access token. */
  revokeTokens(): void
  /** Set (or with null clear) a fault; resolves once the listener reflects it. */
  setFault(fault: EgainFault | null): Promise<void>
}

export const EGAIN_TOKEN_PATH = '/system/auth/SIM-U/oauth2/token'
export const EGAIN_TASK_ACTIVITY_PATH = '/core/casemgr/v3/activity/task'
const ACTIVITY_PATH = '/core/casemgr/v3/activity'

/** eGain's error envelope: `{code: "<http>-<n>", developerMessage}`. */
const egainError = (status: number, code: string, developerMessage: string, headers?: Record<string, string>) =>
  ({ status, ...(headers ? { headers } : {}), body: { code, developerMessage } }) satisfies SimResponse

interface Issued {
  /** Who holds it: the client id (client credentials) or the user's login. */
  holder: string
  actor: 'client' | 'user'
  expiresAt: number
}

/** eGain's OAuth token endpoint and the case manager's "create task activity", on one loopback host. */
export async function startEgainSimulator(options: EgainSimulatorOptions): Promise<EgainSimulator> {
  const ledger: EgainSimulator['ledger'] = []
  const requests: EgainSimulator['requests'] = []
  const activities: EgainActivity[] = []
  const issued = new Map<string, Issued>()
  const inFlight = new Set<string>()
  let fault: EgainFault | null = null
  const record = (path: string, verdict: string) => requests.push({ path, verdict })

  function token(body: Buffer): SimResponse {
    const form = new URLSearchParams(body.toString('utf8'))
    const grant = form.get('grant_type')
    const answer = (verdict: string, status: number, error: string, description: string) => {
      ledger.push({ grant, verdict })
      return { status, body: { error, error_description: description } }
    }
    if (form.get('client_id') !== options.clientId || form.get('client_secret') !== options.clientSecret) {
      return answer('invalid_client', 401, 'invalid_client', 'Client authentication failed.')
    }
    let holder = options.clientId
    if (grant === 'password') {
      const user = form.get('username') ?? ''
      if (!options.users || options.users[user] !== form.get('password')) {
        return answer('invalid_grant', 400, 'invalid_grant', 'The user name or password is incorrect.')
      }
      holder = user
    } else if (grant !== 'client_credentials') {
      return answer('unsupported_grant_type', 400, 'unsupported_grant_type', `Grant type ${grant} is not supported.`)
    }
    ledger.push({ grant, verdict: 'issued' })
    const lifetimeS = options.tokenLifetimeS ?? 3600
    const accessToken = `eg-at-${randomBytes(12).toString('hex')}`
    issued.set(accessToken, {
      holder,
      actor: grant === 'password' ? 'user' : 'client',
      expiresAt: Date.now() + lifetimeS * 1000,
    })
    return { status: 200, body: { access_token: accessToken, token_type: 'Bearer', expires_in: lifetimeS } }
  }

  /** Auth, one-at-a-time per user, validation, then the activity and the 201. */
  async function createTask(
    url: URL,
    headers: Record<string, string | string[] | undefined>,
    body: Buffer,
    active: EgainFault | null,
  ): Promise<SimResponse> {
    const path = url.pathname
    const authorization = typeof headers['authorization'] === 'string' ? headers['authorization'] : ''
    const holder = issued.get(authorization.startsWith('Bearer ') ? authorization.slice(7) : '')
    if (!holder || holder.expiresAt <= Date.now()) {
      record(path, 'unauthorized')
      return egainError(401, '401-100', 'The access token is missing, invalid, expired or revoked.')
    }
    if (inFlight.has(holder.holder)) {
      record(path, 'busy')
      return egainError(429, '429-100', 'Another request from this user is in progress; try again shortly.', {
        'retry-after': '1',
      })
    }
    inFlight.add(holder.holder)
    try {
      if (active?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, active.ms))
      let json: unknown
      try {
        json = JSON.parse(body.toString('utf8'))
      } catch {
        record(path, 'invalid')
        return egainError(400, '400-100', 'The request body is not valid JSON.')
      }
      const language = headers['accept-language']
      const query = Object.fromEntries(url.searchParams)
      const parsed = egainTaskActivitySchema(new Date()).safeParse({
        actor: holder.actor,
        acceptLanguage: typeof language === 'string' ? language : 'en-US',
        query,
        body: json,
      })
      if (!parsed.success) {
        record(path, 'invalid')
        const issue = parsed.error.issues[0]
        const message = issue ? `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}` : 'Invalid.'
        return egainError(400, '400-101', message)
      }
      const id = String(100_000 + activities.length + 1)
      activities.push({ id, body: parsed.data.body })
      record(path, 'created')
      return { status: 201, headers: { location: `${ACTIVITY_PATH}/${id}` } }
    } finally {
      inFlight.delete(holder.holder)
    }
  }

  const server = await startLoopbackServer(async ({ method, url, headers, body, socket }) => {
    if (method === 'POST' && url.pathname === EGAIN_TOKEN_PATH) return token(body)
    if (method === 'POST' && url.pathname === EGAIN_TASK_ACTIVITY_PATH) {
      const active = fault
      if (active?.kind === 'blackhole') {
        record(url.pathname, 'blackholed')
        return null
      }
      if (active?.kind === 'status') {
        record(url.pathname, `fault_${active.status}`)
        return egainError(active.status, `${active.status}-000`, `Simulated ${active.status}.`, active.retryAfterSeconds === undefined ? undefined : { 'retry-after': String(active.retryAfterSeconds) })
      }
      const answer = await createTask(url, headers, body, active)
      if (active?.kind === 'dropAfterBody') {
        socket.destroy()
        return null
      }
      return answer
    }
    return egainError(404, '404-101', 'Resource not found.')
  })
  return {
    url: server.url,
    host: server.host,
    close: server.close,
    tokenUrl: `${server.url}${EGAIN_TOKEN_PATH}`,
    ledger,
    requests,
    activities,
    revokeTokens: () => issued.clear(),
    async setFault(next) {
      fault = next
      if (next?.kind === 'refuse') await server.stopListening()
      else await server.resumeListening()
    },
  }
}
