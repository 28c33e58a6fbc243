import { randomBytes } from 'node:crypto'
import type { RunningSimulator } from './loopback-server'
import { startLoopbackServer } from './loopback-server'

export interface EgainSimulatorOptions {
  clientId: string
  clientSecret: string
  /** Users allowed the password grant: login → password. */
  users?: Record<string, string>
  tokenLifetimeS?: number
}

export interface EgainSimulator extends RunningSimulator {
  /** The token URL to put in a profile. */
  tokenUrl: string
  ledger: { grant: string | null; verdict: string }[]
}

export const EGAIN_TOKEN_PATH = '/system/auth/SIM-U/oauth2/token'

/** eGain's OAuth token endpoint (issue 4 adds the case-manager API beside it). */
export async function startEgainSimulator(options: EgainSimulatorOptions): Promise<EgainSimulator> {
  const ledger: EgainSimulator['ledger'] = []
  const server = await startLoopbackServer(({ method, url, body }) => {
    if (method !== 'POST' || url.pathname !== EGAIN_TOKEN_PATH) {
      return { status: 404, body: { code: '404-101', developerMessage: 'Resource not found.' } }
    }
    const form = new URLSearchParams(body.toString('utf8'))
    const grant = form.get('grant_type')
    const answer = (verdict: string, status: number, error: string, description: string) => {
      ledger.push({ grant, verdict })
      return { status, body: { error, error_description: description } }
    }
    if (form.get('client_id') !== options.clientId || form.get('client_secret') !== options.clientSecret) {
      return answer('invalid_client', 401, 'invalid_client', 'Client authentication failed.')
    }
    if (grant === 'password') {
      const user = form.get('username') ?? ''
      if (!options.users || options.users[user] !== form.get('password')) {
        return answer('invalid_grant', 400, 'invalid_grant', 'The user name or password is incorrect.')
      }
    } else if (grant !== 'client_credentials') {
      return answer('unsupported_grant_type', 400, 'unsupported_grant_type', `Grant type ${grant} is not supported.`)
    }
    ledger.push({ grant, verdict: 'issued' })
    return {
      status: 200,
      body: {
        access_token: `eg-at-${randomBytes(12).toString('hex')}`,
        token_type: 'Bearer',
        expires_in: options.tokenLifetimeS ?? 3600,
      },
    }
  })
  return { ...server, tokenUrl: `${server.url}${EGAIN_TOKEN_PATH}`, ledger }
}
