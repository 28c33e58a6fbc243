import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

// An OAuth 2.0 authorization server as RFC 6749 and RFC 7636 describe one (Webex's /v1/authorize
// and /v1/access_token take the same parameters), with the ways a real one says no. It checks
// PKCE itself: the verifier sent to /token must hash to the challenge sent to /authorize.

export type Consent = 'accept' | 'deny' | 'other_state'

export interface IdpOptions {
  clientId: string
  /** Set: the token endpoint requires it (client_secret_post). */
  clientSecret?: string
  consent?: Consent
  /** Hostile: the token endpoints refuse, with the whole request (form and headers) as the description. */
  echoRefusals?: boolean
  /**
   * What the token endpoint does for an authorization that asked for `openid`: an ID token with the
   * nonce sent (`nonce`, the default), with another nonce, without one, or no ID token at all.
   */
  idToken?: 'nonce' | 'other_nonce' | 'no_nonce' | 'none'
}

/**
 * An ID token as an OpenID provider's token endpoint hands it out (OIDC Core §3.1.3.3). Its
 * signature is not checked by a client that got it straight from the token endpoint over TLS
 * (§3.1.3.7, item 6), so a placeholder stands in for it here.
 */
function idTokenFor(issuer: string, clientId: string, nonce: string | null): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const now = Math.floor(Date.now() / 1000)
  const claims = { iss: issuer, aud: clientId, sub: 'ana.ruiz', iat: now, exp: now + 3600, ...(nonce && { nonce }) }
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.${randomBytes(32).toString('base64url')}`
}

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = []
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk)
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}

/** A refusal that repeats the request it refuses (headers and form), as careless servers do. */
const echoOf = (req: IncomingMessage, form: URLSearchParams) => ({
  error: 'request_refused',
  error_description: `refused ${JSON.stringify(req.headers)} ${form.toString()}`,
})

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url')

/** The client id of a request: in a Basic header (client_secret_basic) or in the form. */
function clientOf(req: IncomingMessage, form: URLSearchParams): { id: string | null; secret: string | null } {
  const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')
  if (!basic) return { id: form.get('client_id'), secret: form.get('client_secret') }
  const [id, secret] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':').map(decodeURIComponent)
  return { id: id ?? null, secret: secret ?? null }
}

export async function startIdp(options: IdpOptions & { deviceExpiresInS?: number; slowDownFirst?: boolean }) {
  let consent: Consent = options.consent ?? 'accept'
  let echoing = options.echoRefusals ?? false
  /** Device codes: pending until the agent acts on the verification page (`decide` here). */
  const devices = new Map<string, { userCode: string; decision: 'pending' | 'accept' | 'deny'; polls: number }>()
  const codes = new Map<
    string,
    { challenge: string; redirectUri: string; clientId: string; nonce: string | null; openid: boolean }
  >()
  const authorizeRequests: URLSearchParams[] = []
  const tokenRequests: URLSearchParams[] = []
  let base = ''
  const idTokenAnswer = (nonce: string | null) =>
    idTokenFor(
      `${base}/v1`,
      options.clientId,
      options.idToken === 'no_nonce' ? null : options.idToken === 'other_nonce' ? 'not-the-nonce-sent' : nonce,
    )
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://idp')
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    if (req.method === 'GET' && url.pathname === '/v1/authorize') {
      const q = url.searchParams
      authorizeRequests.push(q)
      // An unknown client or redirect is never sent back to the redirect (RFC 6749 §4.1.2.1).
      if (q.get('client_id') !== options.clientId) return res.writeHead(400).end('invalid_client')
      const redirect = q.get('redirect_uri') ?? ''
      if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(redirect)) return res.writeHead(400).end('redirect_uri_mismatch')
      const back = new URL(redirect)
      if (q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
        back.searchParams.set('error', 'invalid_request')
      } else if (consent === 'deny') {
        back.searchParams.set('error', 'access_denied')
        back.searchParams.set('error_description', 'The user declined')
      } else {
        const code = randomBytes(16).toString('hex')
        codes.set(code, {
          challenge: q.get('code_challenge')!,
          redirectUri: redirect,
          clientId: options.clientId,
          nonce: q.get('nonce'),
          openid: (q.get('scope') ?? '').split(' ').includes('openid'),
        })
        back.searchParams.set('code', code)
      }
      back.searchParams.set('state', consent === 'other_state' ? 'not-the-state-sent' : (q.get('state') ?? ''))
      return res.writeHead(302, { location: back.toString() }).end()
    }
    if (req.method === 'POST' && url.pathname === '/v1/device/authorize') {
      const form = await readBody(req)
      const client = clientOf(req, form)
      if (client.id !== options.clientId) return json(401, { error: 'invalid_client' })
      const deviceCode = randomBytes(16).toString('hex')
      const userCode = randomBytes(4).toString('hex').toUpperCase()
      devices.set(deviceCode, { userCode, decision: 'pending', polls: 0 })
      return json(200, {
        device_code: deviceCode,
        user_code: userCode,
        verification_uri: `${base}/verify`,
        verification_uri_complete: `${base}/verify?code=${userCode}`,
        expires_in: options.deviceExpiresInS ?? 900,
        interval: 2,
      })
    }
    if (req.method === 'POST' && url.pathname === '/v1/device/token') {
      const form = await readBody(req)
      tokenRequests.push(form)
      if (echoing) return json(400, echoOf(req, form))
      const client = clientOf(req, form)
      if (client.id !== options.clientId) return json(401, { error: 'invalid_client' })
      if (options.clientSecret && client.secret !== options.clientSecret) return json(401, { error: 'invalid_client' })
      const device = devices.get(form.get('device_code') ?? '')
      if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:device_code' || !device) {
        return json(400, { error: 'invalid_grant' })
      }
      device.polls += 1
      if (options.slowDownFirst && device.polls === 1) return json(400, { error: 'slow_down' })
      if (device.decision === 'pending') return json(400, { error: 'authorization_pending' })
      devices.delete(form.get('device_code')!)
      if (device.decision === 'deny') return json(400, { error: 'access_denied' })
      return json(200, {
        access_token: `AT-${randomBytes(12).toString('hex')}`,
        refresh_token: `RT-${randomBytes(12).toString('hex')}`,
        expires_in: 43_199,
        token_type: 'Bearer',
      })
    }
    if (req.method === 'POST' && url.pathname === '/v1/access_token') {
      const form = await readBody(req)
      tokenRequests.push(form)
      if (echoing) return json(400, echoOf(req, form))
      if (form.get('client_id') !== options.clientId) return json(401, { error: 'invalid_client' })
      if (options.clientSecret && form.get('client_secret') !== options.clientSecret) {
        return json(401, { error: 'invalid_client', error_description: 'client secret required' })
      }
      const grant = codes.get(form.get('code') ?? '')
      // A code is good once.
      codes.delete(form.get('code') ?? '')
      if (form.get('grant_type') !== 'authorization_code' || !grant) return json(400, { error: 'invalid_grant' })
      if (grant.redirectUri !== form.get('redirect_uri'))
        return json(400, { error: 'invalid_grant', error_description: 'redirect_uri' })
      if (s256(form.get('code_verifier') ?? '') !== grant.challenge) {
        return json(400, { error: 'invalid_grant', error_description: 'PKCE verification failed' })
      }
      return json(200, {
        access_token: `AT-${randomBytes(12).toString('hex')}`,
        refresh_token: `RT-${randomBytes(12).toString('hex')}`,
        expires_in: 43_199,
        refresh_token_expires_in: 7_775_999,
        token_type: 'Bearer',
        scope: 'cjp:config_read cjp:config_write',
        ...(grant.openid && options.idToken !== 'none' && { id_token: idTokenAnswer(grant.nonce) }),
      })
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    deviceIdp: {
      issuer: `${base}/v1`,
      authorizationEndpoint: `${base}/v1/authorize`,
      tokenEndpoint: `${base}/v1/device/token`,
      deviceAuthorizationEndpoint: `${base}/v1/device/authorize`,
    },
    /** From now on, the token endpoints refuse by echoing the request (or stop doing so). */
    echoRefusals(on: boolean) {
      echoing = on
    },
    /** The agent, on the verification page, accepts or declines the code. */
    decide(userCode: string, decision: 'accept' | 'deny') {
      for (const device of devices.values()) if (device.userCode === userCode) device.decision = decision
    },
    idp: {
      issuer: `${base}/v1`,
      authorizationEndpoint: `${base}/v1/authorize`,
      tokenEndpoint: `${base}/v1/access_token`,
    },
    authorizeRequests,
    tokenRequests,
    setConsent: (next: Consent) => void (consent = next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The system browser, as far as a sign-in needs one: it follows the authorization server's redirect. */
export async function browserThatFollows(url: URL): Promise<void> {
  const answer = await fetch(url, { redirect: 'manual' })
  const location = answer.headers.get('location')
  if (location) await fetch(location)
}
