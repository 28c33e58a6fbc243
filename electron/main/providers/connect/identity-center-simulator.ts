import { randomBytes, randomUUID } from 'node:crypto'
import type { SimRequest, SimResponse, RunningSimulator } from '../simulator-kit/loopback-server'
import { startLoopbackServer } from '../simulator-kit/loopback-server'
import type { EchoFault } from '../simulator-kit/faults'
import { echoOfRequest } from '../simulator-kit/faults'

// AWS IAM Identity Center as Callboard meets it, on 127.0.0.1: the SSO OIDC API (RegisterClient,
// StartDeviceAuthorization, CreateToken; the OAuth 2.0 device authorization grant, RFC 8628) and the
// AWS access portal API (ListAccounts, ListAccountRoles, GetRoleCredentials), both restJson1 as AWS
// documents them: JSON bodies, the error type in `x-amzn-errortype`, OIDC errors as
// `{error, error_description}`, portal errors as `{message}`, the portal's bearer token in the
// `x-amz-sso_bearer_token` header, `expiration` in epoch milliseconds. The device page the agent
// opens (verificationUri) is served too, with Allow and Deny, as the real one asks.

export interface IdentityCenterAccount {
  accountId: string
  accountName: string
  roles: string[]
}

export interface IdentityCenterSimulatorOptions {
  /** The AWS access portal URL the device authorization must name. */
  startUrl: string
  accounts: IdentityCenterAccount[]
  /** How long a device code lasts (expiresIn); default 600 s. */
  deviceCodeLifetimeS?: number
  /** The polling interval it asks for; default 1 s. */
  intervalS?: number
  /** Access token life (expiresIn); default 8 h, as Identity Center's default session. */
  accessTokenLifetimeS?: number
  /** Role credentials life; default 1 h. */
  roleCredentialsLifetimeS?: number
  /** Whether CreateToken gives a refresh token to a client registered with scopes (default true). */
  refreshTokens?: boolean
  /** The simulator's clock (default Date.now): token and credential ends are judged on it. */
  clock?: () => number
  /** Told of every role credential handed out, so a Connect simulator can accept it. */
  onRoleCredentials?: (credentials: IssuedRoleCredentials) => void
}

export interface IssuedRoleCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken: string
  expiresAtMs: number
  accountId: string
  roleName: string
}

export interface IdentityCenterRequest {
  operation: string
  status: number
  errorType?: string
}

export interface IdentityCenterSimulator extends RunningSimulator {
  requests: IdentityCenterRequest[]
  /** The agent allows the device with this user code (as on the device page). */
  approve(userCode: string): void
  /** The agent denies it. */
  deny(userCode: string): void
  /** The next CreateToken polls answer slow_down this many times. */
  slowDown(times: number): void
  /** Every access token stops being accepted (the agent signed out in the portal). */
  revokeAccessTokens(): void
  /** Refresh tokens stop being accepted (the session ended). */
  revokeRefreshTokens(): void
  /** The portal accepts this access token until `expiresAtMs` (a sign-in made before this simulator ran). */
  acceptAccessToken(accessToken: string, expiresAtMs: number): void
  /** The user codes shown so far, newest last. */
  userCodes(): string[]
  /** The device codes handed out so far (secrets of the sign-in: the sweep looks for them). */
  deviceCodes(): string[]
  /** Every access and refresh token CreateToken handed out, oldest first (secrets too). */
  tokensIssued(): string[]
  /**
   * This client registration and refresh token are known (a sign-in made before this simulator
   * ran), as `acceptAccessToken` for the portal.
   */
  acceptSignIn(sso: { clientId: string; clientSecret: string; refreshToken: string; expiresAtMs: number }): void
  /**
   * An echo (the secret sweep): the answer copies the whole request, bearer token and body
   * included. `at: 'token'` plays on SSO OIDC (RegisterClient, StartDeviceAuthorization,
   * CreateToken), `at: 'api'` on the access portal. An error status answers in that API's error
   * shape with the request as its words; a 2xx answers as usual with the request beside it.
   */
  setFault(fault: EchoFault | null): Promise<void>
  issued: IssuedRoleCredentials[]
}

interface Client {
  clientSecret: string
  expiresAtMs: number
  scopes: string[]
}

interface DeviceGrant {
  clientId: string
  userCode: string
  expiresAtMs: number
  state: 'pending' | 'approved' | 'denied' | 'used'
}

const PORTAL_OPERATIONS: Record<string, string> = {
  '/assignment/accounts': 'ListAccounts',
  '/assignment/roles': 'ListAccountRoles',
  '/federation/credentials': 'GetRoleCredentials',
}

/** The error type an echo answers with, by status (as each API names its errors). */
const ECHO_ERROR_TYPES: Record<number, string> = {
  400: 'InvalidRequestException',
  401: 'UnauthorizedException',
  403: 'AccessDeniedException',
  429: 'TooManyRequestsException',
  500: 'InternalServerException',
}

const token = (prefix: string, bytes = 24) => `${prefix}${randomBytes(bytes).toString('base64url')}`

export async function startIdentityCenterSimulator(
  options: IdentityCenterSimulatorOptions,
): Promise<IdentityCenterSimulator> {
  const now = options.clock ?? Date.now
  const requests: IdentityCenterRequest[] = []
  const issued: IssuedRoleCredentials[] = []
  const clients = new Map<string, Client>()
  const devices = new Map<string, DeviceGrant>()
  const accessTokens = new Map<string, number>()
  const refreshTokens = new Map<string, string>()
  let slowDowns = 0
  let echo: EchoFault | null = null
  const handedOut: string[] = []

  /** The answer under an echo at `at`, or `answer` as it is. */
  function echoed(at: EchoFault['at'], request: SimRequest, answer: () => SimResponse): SimResponse {
    if (echo?.at !== at) return answer()
    const words = echoOfRequest(request)
    if (echo.status >= 200 && echo.status < 300) {
      const usual = answer()
      return { ...usual, status: echo.status, body: { ...(usual.body as object), request: words } }
    }
    const type = ECHO_ERROR_TYPES[echo.status] ?? 'InternalServerException'
    return at === 'token'
      ? oidcError(echo.status, type, 'invalid_request', words)
      : portalError(echo.status, type, words)
  }

  const record = (operation: string, answer: SimResponse): SimResponse => {
    const errorType = answer.headers?.['x-amzn-errortype']
    requests.push({ operation, status: answer.status, ...(errorType ? { errorType } : {}) })
    return answer
  }
  const oidcError = (status: number, type: string, error: string, description: string): SimResponse => ({
    status,
    headers: { 'x-amzn-errortype': type, 'x-amzn-requestid': randomUUID() },
    body: { error, error_description: description },
  })
  const portalError = (status: number, type: string, message: string): SimResponse => ({
    status,
    headers: { 'x-amzn-errortype': type, 'x-amzn-requestid': randomUUID() },
    body: { message },
  })
  const ok = (body: object): SimResponse => ({ status: 200, headers: { 'x-amzn-requestid': randomUUID() }, body })

  function jsonBody(request: SimRequest): Record<string, unknown> | null {
    try {
      const parsed: unknown = JSON.parse(request.body.toString('utf8') || '{}')
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null
    } catch {
      return null
    }
  }
  const text = (body: Record<string, unknown>, key: string) => (typeof body[key] === 'string' ? body[key] : '')

  function client(body: Record<string, unknown>): Client | null {
    const found = clients.get(text(body, 'clientId'))
    return found && found.clientSecret === text(body, 'clientSecret') && found.expiresAtMs > now() ? found : null
  }

  function registerClient(body: Record<string, unknown>): SimResponse {
    if (!text(body, 'clientName') || text(body, 'clientType') !== 'public') {
      return oidcError(
        400,
        'InvalidClientMetadataException',
        'invalid_client_metadata',
        'clientName and clientType public are required',
      )
    }
    const clientId = token('sim-client-', 12)
    const clientSecret = token('sim-client-secret-', 48)
    const issuedAt = Math.floor(now() / 1000)
    const expiresAt = issuedAt + 90 * 24 * 3600
    const scopes = Array.isArray(body['scopes']) ? body['scopes'].filter((s): s is string => typeof s === 'string') : []
    clients.set(clientId, { clientSecret, expiresAtMs: expiresAt * 1000, scopes })
    return ok({ clientId, clientSecret, clientIdIssuedAt: issuedAt, clientSecretExpiresAt: expiresAt })
  }

  function startDeviceAuthorization(body: Record<string, unknown>, base: string): SimResponse {
    if (!client(body)) return oidcError(401, 'InvalidClientException', 'invalid_client', 'Invalid client')
    if (text(body, 'startUrl') !== options.startUrl) {
      return oidcError(400, 'InvalidRequestException', 'invalid_request', 'Invalid start URL')
    }
    const deviceCode = token('sim-device-code-', 32)
    const userCode = `${randomBytes(2).toString('hex').toUpperCase()}-${randomBytes(2).toString('hex').toUpperCase()}`
    const lifetime = options.deviceCodeLifetimeS ?? 600
    devices.set(deviceCode, {
      clientId: text(body, 'clientId'),
      userCode,
      expiresAtMs: now() + lifetime * 1000,
      state: 'pending',
    })
    return ok({
      deviceCode,
      userCode,
      verificationUri: `${base}/device`,
      verificationUriComplete: `${base}/device?user_code=${userCode}`,
      expiresIn: lifetime,
      interval: options.intervalS ?? 1,
    })
  }

  function tokens(scopes: string[]): object {
    const accessToken = token('sim-sso-access-', 48)
    const lifetime = options.accessTokenLifetimeS ?? 8 * 3600
    accessTokens.set(accessToken, now() + lifetime * 1000)
    const refresh = options.refreshTokens !== false && scopes.length > 0 ? token('sim-sso-refresh-', 48) : null
    if (refresh) refreshTokens.set(refresh, accessToken)
    handedOut.push(accessToken, ...(refresh ? [refresh] : []))
    return { accessToken, tokenType: 'Bearer', expiresIn: lifetime, ...(refresh ? { refreshToken: refresh } : {}) }
  }

  function createToken(body: Record<string, unknown>): SimResponse {
    const registered = client(body)
    if (!registered) return oidcError(401, 'InvalidClientException', 'invalid_client', 'Invalid client')
    const grantType = text(body, 'grantType')
    if (grantType === 'refresh_token') {
      const refresh = text(body, 'refreshToken')
      if (!refreshTokens.has(refresh))
        return oidcError(400, 'InvalidGrantException', 'invalid_grant', 'Invalid refresh token')
      // Identity Center rotates the refresh token: the old one is spent.
      refreshTokens.delete(refresh)
      return ok(tokens(registered.scopes))
    }
    if (grantType !== 'urn:ietf:params:oauth:grant-type:device_code') {
      return oidcError(400, 'UnsupportedGrantTypeException', 'unsupported_grant_type', 'Unsupported grant type')
    }
    const device = devices.get(text(body, 'deviceCode'))
    if (!device || device.clientId !== text(body, 'clientId') || device.state === 'used') {
      return oidcError(400, 'InvalidGrantException', 'invalid_grant', 'Invalid device code provided')
    }
    if (now() >= device.expiresAtMs)
      return oidcError(400, 'ExpiredTokenException', 'expired_token', 'Device code has expired')
    if (slowDowns > 0) {
      slowDowns--
      return oidcError(400, 'SlowDownException', 'slow_down', 'Client is polling too fast')
    }
    if (device.state === 'denied')
      return oidcError(400, 'AccessDeniedException', 'access_denied', 'Access denied by the user')
    if (device.state === 'pending') {
      return oidcError(400, 'AuthorizationPendingException', 'authorization_pending', 'Authorization is still pending')
    }
    device.state = 'used'
    return ok(tokens(registered.scopes))
  }

  /** The portal's bearer token: known and not past its end. */
  function bearer(request: SimRequest): boolean {
    const value = request.headers['x-amz-sso_bearer_token']
    const expiresAt = typeof value === 'string' ? accessTokens.get(value) : undefined
    return expiresAt !== undefined && now() < expiresAt
  }

  /** The access portal's operation a request names, or null when it is not the portal's. */
  function portalOperation(request: SimRequest): string | null {
    if (request.method !== 'GET') return null
    return PORTAL_OPERATIONS[request.url.pathname] ?? null
  }

  function portal(request: SimRequest, operation: string): { operation: string; answer: SimResponse } {
    const query = request.url.searchParams
    if (!bearer(request)) {
      return { operation, answer: portalError(401, 'UnauthorizedException', 'Session token not found or invalid') }
    }
    if (operation === 'ListAccounts') {
      return {
        operation,
        answer: ok({
          accountList: options.accounts.map((a) => ({
            accountId: a.accountId,
            accountName: a.accountName,
            emailAddress: `${a.accountName}@example.com`,
          })),
        }),
      }
    }
    const account = options.accounts.find((a) => a.accountId === query.get('account_id'))
    if (operation === 'ListAccountRoles') {
      if (!account) return { operation, answer: portalError(404, 'ResourceNotFoundException', 'Account not found') }
      return {
        operation,
        answer: ok({ roleList: account.roles.map((roleName) => ({ roleName, accountId: account.accountId })) }),
      }
    }
    const roleName = query.get('role_name') ?? ''
    if (!account || !account.roles.includes(roleName)) {
      return { operation, answer: portalError(403, 'ForbiddenException', 'No access') }
    }
    const credentials: IssuedRoleCredentials = {
      accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
      secretAccessKey: token('sim-role-secret-', 30),
      sessionToken: token('sim-role-session-', 96),
      expiresAtMs: now() + (options.roleCredentialsLifetimeS ?? 3600) * 1000,
      accountId: account.accountId,
      roleName,
    }
    issued.push(credentials)
    options.onRoleCredentials?.(credentials)
    const { accessKeyId, secretAccessKey, sessionToken, expiresAtMs } = credentials
    return {
      operation,
      answer: ok({ roleCredentials: { accessKeyId, secretAccessKey, sessionToken, expiration: expiresAtMs } }),
    }
  }

  /** The device page: the code to confirm, Allow and Deny (what the agent's browser shows). */
  function devicePage(request: SimRequest): SimResponse {
    const code = request.url.searchParams.get('user_code') ?? ''
    const escaped = code.replace(/[^A-Z0-9-]/g, '')
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorize request</title></head><body>
<main><h1>Authorize request</h1>
<form method="post" action="/device/decide">
<label for="user_code">Code</label> <input id="user_code" name="user_code" value="${escaped}" autocomplete="off">
<p>Callboard asks to access your AWS accounts.</p>
<button name="decision" value="allow">Allow access</button> <button name="decision" value="deny">Deny</button>
</form></main></body></html>`
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html }
  }

  function decide(userCode: string, state: 'approved' | 'denied'): boolean {
    for (const device of devices.values()) {
      if (device.userCode === userCode && device.state === 'pending') {
        device.state = state
        return true
      }
    }
    return false
  }

  const server = await startLoopbackServer(
    (request) => {
      const path = request.url.pathname
      if (request.method === 'GET' && path === '/device') return devicePage(request)
      if (request.method === 'POST' && path === '/device/decide') {
        const form = new URLSearchParams(request.body.toString('utf8'))
        const done = decide(form.get('user_code') ?? '', form.get('decision') === 'allow' ? 'approved' : 'denied')
        const words = !done
          ? 'That code is not valid or was already used.'
          : form.get('decision') === 'allow'
            ? 'Request approved. You can close this page and return to Callboard.'
            : 'Request denied. You can close this page.'
        return {
          status: done ? 200 : 400,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorize request</title></head><body><main><p role="status">${words}</p></main></body></html>`,
        }
      }
      const operation = portalOperation(request)
      if (operation)
        return record(
          operation,
          echoed('api', request, () => portal(request, operation).answer),
        )
      const body = jsonBody(request)
      const base = `http://${request.headers.host ?? '127.0.0.1'}`
      if (request.method === 'POST' && body) {
        const oidc = (name: string, handle: (b: Record<string, unknown>) => SimResponse) =>
          record(
            name,
            echoed('token', request, () => handle(body)),
          )
        if (path === '/client/register') return oidc('RegisterClient', registerClient)
        if (path === '/device_authorization')
          return oidc('StartDeviceAuthorization', (b) => startDeviceAuthorization(b, base))
        if (path === '/token') return oidc('CreateToken', createToken)
      }
      return record('Unknown', portalError(404, 'UnknownOperationException', 'Unknown operation'))
    },
    { now },
  )

  return {
    url: server.url,
    host: server.host,
    close: server.close,
    requests,
    issued,
    approve: (userCode) => void decide(userCode, 'approved'),
    deny: (userCode) => void decide(userCode, 'denied'),
    slowDown: (times) => void (slowDowns = times),
    revokeAccessTokens: () => accessTokens.clear(),
    revokeRefreshTokens: () => refreshTokens.clear(),
    acceptAccessToken: (accessToken, expiresAtMs) => void accessTokens.set(accessToken, expiresAtMs),
    userCodes: () => [...devices.values()].map((d) => d.userCode),
    deviceCodes: () => [...devices.keys()],
    tokensIssued: () => [...handedOut],
    acceptSignIn(sso) {
      clients.set(sso.clientId, {
        clientSecret: sso.clientSecret,
        expiresAtMs: sso.expiresAtMs,
        scopes: ['sso:account:access'],
      })
      refreshTokens.set(sso.refreshToken, '')
    },
    setFault: async (fault) => void (echo = fault && { ...fault }),
  }
}
