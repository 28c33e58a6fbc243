import { randomBytes } from 'node:crypto'
import type { RunningSimulator } from './loopback-server'
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
}

export interface WebexSimulator extends RunningSimulator {
  /** Every request, in arrival order: what it was and how the simulator judged it. */
  ledger: { path: string; verdict: string }[]
  /** Expire every issued access token (as if they all reached their end of life). */
  revokeAccessTokens(): void
}

/**
 * Webex identity and Contact Center on one loopback host: the OAuth refresh grant and
 * `GET /v1/people/me` (issue 4 adds the task endpoints).
 */
export async function startWebexSimulator(options: WebexSimulatorOptions): Promise<WebexSimulator> {
  const validAccess = new Set(options.accessTokens ?? [])
  let validRefresh = options.refreshToken
  const ledger: WebexSimulator['ledger'] = []
  const record = (path: string, verdict: string) => ledger.push({ path, verdict })
  const unauthorized = {
    status: 401,
    body: {
      message: 'The request requires a valid access token set in the Authorization request header.',
      trackingId: 'SIM_1',
    },
  }

  const server = await startLoopbackServer(({ method, url, headers, body }) => {
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
      const token = headers.authorization?.startsWith('Bearer ') ? headers.authorization.slice(7) : ''
      if (!validAccess.has(token)) {
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

  return { ...server, ledger, revokeAccessTokens: () => validAccess.clear() }
}
