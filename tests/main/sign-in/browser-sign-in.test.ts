import { networkInterfaces } from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import { signInWithBrowser, SignInRefused } from '../../../electron/main/sign-in/browser-sign-in'
import { signInWithDeviceCode } from '../../../electron/main/sign-in/device-sign-in'
import { fromThisComputer, startLoopbackRedirect } from '../../../electron/main/sign-in/loopback-redirect'
import { systemClock } from '../../../electron/main/core/clock'
import { browserThatFollows, startIdp } from './idp-simulator'
import * as oauth from 'oauth4webapi'
import { WEBEX_SIGN_IN_SCOPE } from '../../../electron/main/providers/webex/webex-sign-in'
import { EGAIN_SCOPES } from '../../../shared/providers/egain/profile'

// Sign-in in the system browser (sign-in issue, items 1 and 5; the desktop half): Authorization
// Code with PKCE S256 through oauth4webapi, the redirect on a single-use loopback listener, against
// an authorization server over real HTTP that checks PKCE itself.

const CLIENT_ID = 'C-integration-0001'
let idp: Awaited<ReturnType<typeof startIdp>> | null = null
afterEach(async () => {
  await idp?.close()
  idp = null
})

const signIn = (over: Partial<Parameters<typeof signInWithBrowser>[0]> = {}) =>
  signInWithBrowser({
    idp: idp!.idp,
    clientId: CLIENT_ID,
    scope: 'cjp:config_read cjp:config_write spark:people_read',
    openBrowser: browserThatFollows,
    clock: systemClock,
    loopbackIdp: true,
    ...over,
  })

describe('signing in through the browser', () => {
  it('PKCE S256 and state on the way out, the code exchanged once with its verifier, tokens back', async () => {
    idp = await startIdp({ clientId: CLIENT_ID })
    const tokens = await signIn()
    expect(tokens.accessToken).toMatch(/^AT-/)
    expect(tokens.refreshToken).toMatch(/^RT-/)
    expect(Date.parse(tokens.expiresAt) - Date.now()).toBeGreaterThan(43_000_000)
    const [authorize] = idp.authorizeRequests
    expect(authorize!.get('code_challenge_method')).toBe('S256')
    expect(authorize!.get('state')!.length).toBeGreaterThanOrEqual(32)
    expect(authorize!.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/)
    const [token] = idp.tokenRequests
    expect(token!.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43,128}$/)
    // No secret in the authorization URL, which the browser and its history keep.
    expect([...authorize!.keys()]).not.toContain('client_secret')
  })

  it('an integration that still needs its client secret at the token endpoint: sent there, and only there', async () => {
    idp = await startIdp({ clientId: CLIENT_ID, clientSecret: 'S-integration-secret-77' })
    await expect(signIn()).rejects.toMatchObject({
      code: 'invalid_client',
      said: { key: expect.stringMatching(/^signInEnded\.refused/), params: { code: 'invalid_client' } },
    })
    const tokens = await signIn({ clientSecret: 'S-integration-secret-77' })
    expect(tokens.accessToken).toMatch(/^AT-/)
    expect(idp.tokenRequests.at(-1)!.get('client_secret')).toBe('S-integration-secret-77')
    expect(idp.authorizeRequests.every((q) => !q.toString().includes('S-integration-secret-77'))).toBe(true)
  })

  it('a refusal that echoes the request: the client secret, the verifier and the code are redacted from what the agent sees', async () => {
    const secret = 'S-echo secret&7+x'
    idp = await startIdp({ clientId: CLIENT_ID, clientSecret: secret, echoRefusals: true })
    const refused = (await signIn({ clientSecret: secret }).catch((error: unknown) => error)) as SignInRefused
    expect(refused).toBeInstanceOf(SignInRefused)
    const sent = idp.tokenRequests.at(-1)!
    const exposed = [secret, sent.get('code_verifier')!, sent.get('code')!]
    // The echo did reach the message (form-encoded, as the request carried them), redacted.
    expect(refused.message).toMatch(
      /^The identity provider refused the sign-in \(its code: request_refused; it said: refused /,
    )
    expect(refused.message).toContain('[redacted]')
    for (const value of exposed) {
      expect(refused.message).not.toContain(value)
      expect(refused.message).not.toContain(new URLSearchParams({ v: value }).toString().slice(2))
    }
  })

  it('declined consent: a plain explanation, nothing exchanged', async () => {
    idp = await startIdp({ clientId: CLIENT_ID, consent: 'deny' })
    const refused = await signIn().catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(SignInRefused)
    // The window words a code it knows itself (signIn.problems); main's message names the code.
    expect(refused).toMatchObject({ code: 'access_denied', said: { params: { code: 'access_denied' } } })
    expect(idp.tokenRequests).toEqual([])
  })

  it('an answer with another state is not this sign-in’s: ignored, nothing exchanged', async () => {
    idp = await startIdp({ clientId: CLIENT_ID, consent: 'other_state' })
    await expect(signIn()).rejects.toMatchObject({ code: 'state' })
    expect(idp.tokenRequests).toEqual([])
  })

  it('nobody finishes in the browser: the listener gives up at its time limit; the answer that comes after is refused, its code never exchanged', async () => {
    idp = await startIdp({ clientId: CLIENT_ID })
    let authorize: URL | null = null
    const waiting = signIn({
      timeoutMs: 200,
      openBrowser: async (url) => void (authorize = url),
    })
    await expect(waiting).rejects.toMatchObject({ name: 'SignInError', reason: 'timeout' })
    // The agent finishes in the browser after all: the provider redirects back with a real code and
    // the right state, and Callboard's listener is no longer there to take it.
    const late = await fetch(authorize!, { redirect: 'manual' })
    const callback = new URL(late.headers.get('location')!)
    expect(callback.searchParams.get('code')).toMatch(/^[0-9a-f]{32}$/)
    expect(callback.searchParams.get('state')).toBe(authorize!.searchParams.get('state'))
    await expect(fetch(callback)).rejects.toThrow()
    expect(idp.tokenRequests).toEqual([])
  })
})

describe('OpenID Connect: the nonce', () => {
  it('no flow of ours asks for an ID token: no `openid` in the scope, no nonce sent', async () => {
    idp = await startIdp({ clientId: CLIENT_ID })
    await signIn({ scope: WEBEX_SIGN_IN_SCOPE })
    await signIn({ scope: EGAIN_SCOPES.authorization_code })
    for (const authorize of idp.authorizeRequests) {
      expect(authorize.get('scope')!.split(' ')).not.toContain('openid')
      expect(authorize.has('nonce')).toBe(false)
    }
  })

  it('a scope that asks for `openid`: a fresh nonce is sent, and the ID token must come back carrying it', async () => {
    idp = await startIdp({ clientId: CLIENT_ID })
    const tokens = await signIn({ scope: 'openid spark:people_read' })
    expect(tokens.accessToken).toMatch(/^AT-/)
    await signIn({ scope: 'openid spark:people_read' })
    const [first, second] = idp.authorizeRequests.map((q) => q.get('nonce'))
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(second).not.toBe(first)
  })

  it.each([
    ['another nonce', 'other_nonce'],
    ['no nonce', 'no_nonce'],
    ['no ID token at all', 'none'],
  ] as const)('an ID token with %s is refused: nothing signed in', async (_what, idToken) => {
    idp = await startIdp({ clientId: CLIENT_ID, idToken })
    await expect(signIn({ scope: 'openid spark:people_read' })).rejects.toBeInstanceOf(oauth.OperationProcessingError)
  })
})

describe('the loopback listener', () => {
  it('answers its own path once, on 127.0.0.1 only; any other path or a second visit gets nothing', async () => {
    const listener = await startLoopbackRedirect({ timeoutMs: 60_000 })
    const url = new URL(listener.redirectUri)
    expect(url.hostname).toBe('127.0.0.1')
    // The path an administrator registers; only the port changes from one sign-in to the next.
    expect(url.pathname).toBe('/callback')
    expect((await fetch(new URL('/callback/guess', url))).status).toBe(404)
    expect((await fetch(new URL('/', url))).status).toBe(404)
    const page = await fetch(`${listener.redirectUri}?code=abc&state=xyz`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('You can go back to Callboard')
    expect((await listener.callback).searchParams.get('code')).toBe('abc')
    await expect(fetch(`${listener.redirectUri}?code=again`)).rejects.toThrow()
  })

  const others = Object.values(networkInterfaces())
    .flat()
    .filter((a): a is NonNullable<typeof a> => a !== undefined && !a.internal && a.family === 'IPv4')
    .map((a) => a.address)
  // A computer with no other address cannot send from one: said, not passed in silence.
  it.skipIf(others.length === 0)(
    'bound to loopback only: a request to the same port from this computer’s other addresses is refused',
    async () => {
      const listener = await startLoopbackRedirect({ timeoutMs: 60_000 })
      try {
        const { port, pathname } = new URL(listener.redirectUri)
        for (const address of others) {
          await expect(fetch(`http://${address}:${port}${pathname}?code=x&state=y`)).rejects.toThrow()
        }
        // Still waiting for its one answer: nothing from elsewhere counted.
        const settled = await Promise.race([listener.callback.then(() => 'answered'), Promise.resolve('waiting')])
        expect(settled).toBe('waiting')
      } finally {
        listener.close()
      }
    },
  )

  it('takes an answer only from a loopback source address, whatever it is bound to', () => {
    for (const address of ['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1'])
      expect(fromThisComputer(address)).toBe(true)
    for (const address of ['192.0.2.2', '::ffff:192.0.2.2', 'fd00::2', '10.0.0.1', '', undefined]) {
      expect(fromThisComputer(address)).toBe(false)
    }
  })

  it('a second callback, even at once beside the first, is refused; the first answer stands', async () => {
    const listener = await startLoopbackRedirect({ timeoutMs: 60_000 })
    const answers = await Promise.allSettled([
      fetch(`${listener.redirectUri}?code=first&state=s`),
      fetch(`${listener.redirectUri}?code=second&state=s`),
    ])
    const statuses = answers.map((a) => (a.status === 'fulfilled' ? a.value.status : 'refused'))
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s !== 200)).toHaveLength(1)
    const taken = (await listener.callback).searchParams.get('code')
    expect(taken).toBe(statuses[0] === 200 ? 'first' : 'second')
    await expect(fetch(`${listener.redirectUri}?code=third&state=s`)).rejects.toThrow()
  })

  it('cancelled by the agent: the wait ends with its reason', async () => {
    const listener = await startLoopbackRedirect({ timeoutMs: 60_000 })
    listener.close()
    await expect(listener.callback).rejects.toMatchObject({ reason: 'cancelled' })
  })
})

describe('signing in with a device code', () => {
  const deviceSignIn = (
    over: Partial<Parameters<typeof signInWithDeviceCode>[0]> & { onPrompt?: (code: string) => void } = {},
  ) => {
    const waits: number[] = []
    const done = signInWithDeviceCode({
      idp: idp!.deviceIdp,
      clientId: CLIENT_ID,
      scope: 'spark:people_read',
      clock: systemClock,
      loopbackIdp: true,
      show: (prompt) => over.onPrompt?.(prompt.userCode),
      // No real waiting: each wait is counted.
      sleep: async (ms) => void waits.push(ms),
      ...over,
    })
    return { done, waits }
  }

  it('shows the code, polls at the pace the provider sets (slower after slow_down), and signs in once accepted', async () => {
    idp = await startIdp({ clientId: CLIENT_ID, clientSecret: 'S-device-secret-1', slowDownFirst: true })
    let code = ''
    let waitsSoFar = 0
    const { done, waits } = deviceSignIn({
      clientSecret: 'S-device-secret-1',
      onPrompt: (c) => (code = c),
      sleep: async (ms) => {
        waits.push(ms)
        waitsSoFar += 1
        if (waitsSoFar === 3) idp!.decide(code, 'accept')
      },
    })
    const tokens = await done
    expect(code).toMatch(/^[0-9A-F]{8}$/)
    expect(tokens.accessToken).toMatch(/^AT-/)
    // interval 2 s; slow_down on the first poll adds 5 s to every later wait (RFC 8628 §3.5).
    expect(waits).toEqual([2000, 7000, 7000])
  })

  it('declined on the verification page: a plain explanation', async () => {
    idp = await startIdp({ clientId: CLIENT_ID })
    let code = ''
    const { done } = deviceSignIn({
      onPrompt: (c) => (code = c),
      sleep: async () => idp!.decide(code, 'deny'),
    })
    await expect(done).rejects.toMatchObject({ code: 'access_denied', said: { params: { code: 'access_denied' } } })
  })

  it('a refusal that echoes the request: the client secret (in its Basic header too) and the device code are redacted', async () => {
    const secret = 'S-device-echo-secret-2'
    idp = await startIdp({ clientId: CLIENT_ID, clientSecret: secret })
    let code = ''
    const { done } = deviceSignIn({
      clientSecret: secret,
      onPrompt: (c) => (code = c),
      // The agent approves; then the provider turns careless and echoes the next poll.
      sleep: async () => {
        idp!.decide(code, 'accept')
        idp!.echoRefusals(true)
      },
    })
    const refused = (await done.catch((error: unknown) => error)) as SignInRefused
    expect(refused).toBeInstanceOf(SignInRefused)
    const poll = idp.tokenRequests.at(-1)!
    const basic = Buffer.from(`${CLIENT_ID}:${secret}`).toString('base64')
    expect(refused.message).toContain('[redacted]')
    for (const value of [secret, basic, poll.get('device_code')!]) expect(refused.message).not.toContain(value)
  })

  it('a code nobody used before it expired: said so, and polling stops', async () => {
    idp = await startIdp({ clientId: CLIENT_ID, deviceExpiresInS: 0 })
    const { done, waits } = deviceSignIn()
    await expect(done).rejects.toMatchObject({ code: 'expired_token', message: expect.stringMatching(/expired/) })
    expect(waits).toEqual([])
  })
})
