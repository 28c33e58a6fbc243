import { networkInterfaces } from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import { signInWithBrowser, SignInRefused } from '../../../electron/main/sign-in/browser-sign-in'
import { signInWithDeviceCode } from '../../../electron/main/sign-in/device-sign-in'
import { SignInError, startLoopbackRedirect } from '../../../electron/main/sign-in/loopback-redirect'
import { systemClock } from '../../../electron/main/core/clock'
import { browserThatFollows, startIdp } from './idp-simulator'

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
    expect(authorize!.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback\/[0-9a-f]{24}$/)
    const [token] = idp.tokenRequests
    expect(token!.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43,128}$/)
    // No secret in the authorization URL, which the browser and its history keep.
    expect([...authorize!.keys()]).not.toContain('client_secret')
  })

  it('an integration that still needs its client secret at the token endpoint: sent there, and only there', async () => {
    idp = await startIdp({ clientId: CLIENT_ID, clientSecret: 'S-integration-secret-77' })
    await expect(signIn()).rejects.toMatchObject({
      code: 'invalid_client',
      message: expect.stringMatching(/client id/),
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
    expect(refused.message).toMatch(/^The identity provider refused the sign-in: request_refused \(refused /)
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
    expect(refused).toMatchObject({ code: 'access_denied', message: expect.stringMatching(/^You declined/) })
    expect(idp.tokenRequests).toEqual([])
  })

  it('an answer with another state is not this sign-in’s: ignored, nothing exchanged', async () => {
    idp = await startIdp({ clientId: CLIENT_ID, consent: 'other_state' })
    await expect(signIn()).rejects.toMatchObject({ code: 'state' })
    expect(idp.tokenRequests).toEqual([])
  })

  it('nobody finishes in the browser: the listener gives up at its time limit and is gone', async () => {
    idp = await startIdp({ clientId: CLIENT_ID })
    let redirect = ''
    const waiting = signIn({
      timeoutMs: 200,
      openBrowser: async (url) => void (redirect = url.searchParams.get('redirect_uri')!),
    })
    await expect(waiting).rejects.toBeInstanceOf(SignInError)
    await expect(fetch(redirect)).rejects.toThrow()
  })
})

describe('the loopback listener', () => {
  it('answers its own path once, on 127.0.0.1 only; any other path or a second visit gets nothing', async () => {
    const listener = await startLoopbackRedirect({ timeoutMs: 60_000 })
    const url = new URL(listener.redirectUri)
    expect(url.hostname).toBe('127.0.0.1')
    expect((await fetch(new URL('/callback/guess', url))).status).toBe(404)
    const page = await fetch(`${listener.redirectUri}?code=abc&state=xyz`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('You can go back to Callboard')
    expect((await listener.callback).searchParams.get('code')).toBe('abc')
    await expect(fetch(`${listener.redirectUri}?code=again`)).rejects.toThrow()
  })

  it('bound to loopback only: the same port on this computer’s other addresses refuses the connection', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a): a is NonNullable<typeof a> => a !== undefined && !a.internal && a.family === 'IPv4')
      .map((a) => a.address)
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
    await expect(done).rejects.toMatchObject({ code: 'access_denied', message: expect.stringMatching(/^You declined/) })
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
