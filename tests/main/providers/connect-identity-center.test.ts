import { afterEach, describe, expect, it } from 'vitest'
import { inEnglish, said } from '../../shared/in-english'
import type { ConnectStartTaskContactInput } from '../../../shared/providers/connect/wire'
import type { ConnectSsoSecret } from '../../../shared/providers/connect/secret'
import { ConnectSecret } from '../../../shared/schemas/credentials'
import { ConnectProfile } from '../../../shared/schemas/profiles'
import type { DeviceCodePrompt } from '../../../electron/main/sign-in/device-sign-in'
import type { Clock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import {
  classifyCredentialsProblem,
  createConnectClient,
} from '../../../electron/main/providers/connect/connect-client'
import { CredentialsUnavailable } from '../../../electron/main/providers/connect/connect-credentials'
import { connectChoices } from '../../../electron/main/providers/connect/connect-choices'
import { createConnectProbe } from '../../../electron/main/providers/connect/connection-probe'
import type { ConnectSimulator } from '../../../electron/main/providers/connect/connect-simulator'
import { startConnectSimulator } from '../../../electron/main/providers/connect/connect-simulator'
import type {
  IdentityCenterSimulator,
  IdentityCenterSimulatorOptions,
  IssuedRoleCredentials,
} from '../../../electron/main/providers/connect/identity-center-simulator'
import { startIdentityCenterSimulator } from '../../../electron/main/providers/connect/identity-center-simulator'
import {
  identityCenterHosts,
  signInWithIdentityCenter,
} from '../../../electron/main/providers/connect/identity-center-sign-in'
import { checkExternalUrl } from '../../../electron/main/security/external-links'
import { SignInRefused } from '../../../electron/main/sign-in/browser-sign-in'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'

// IAM Identity Center for an Amazon Connect profile, end to end over loopback HTTP: the official
// SSO OIDC and portal SDK clients against a simulator of both APIs (written from AWS's API
// reference: restJson1, `x-amzn-errortype`, OIDC `{error, error_description}`), and the official
// Connect client against the SigV4-checking Connect simulator, which accepts exactly the role
// credentials the portal handed out. Time is a hand-moved clock: polling waits and credential ends
// are judged on it, never on the wall clock.

const ID = '9c1e7d2a-3b4f-4a5e-8d6c-1f2e3a4b5c6d'
const KEY = 'c0ffee00-2222-4e2b-9c3d-5e6f7a8b9c0d'
const START_URL = 'https://d-9067c1d2e3.awsapps.com/start'
const ACCOUNT = '123456789012'
const ROLE = 'ConnectAgent'
const MINUTE = 60_000

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const task: ConnectStartTaskContactInput = {
  InstanceId: drafts.connect.instanceId,
  Name: 'Call back Ms Example',
  ContactFlowId: 'flow-1',
}

/** A clock the test moves; it starts at the real time, so the SDK's SigV4 dates stay current. */
function handClock() {
  let at = Date.now()
  const clock: Clock = { now: () => new Date(at), monotonicMs: () => at }
  return { clock, now: () => at, advance: (ms: number) => void (at += ms) }
}

const profileFor = (settings: Record<string, unknown> = {}) =>
  ConnectProfile.parse({
    ...drafts.connect,
    id: ID,
    credentialSource: 'sso',
    ssoStartUrl: START_URL,
    ssoRegion: 'us-east-1',
    ssoAccountId: ACCOUNT,
    ssoRoleName: ROLE,
    ...settings,
  })

interface World {
  connect: ConnectSimulator
  idc: IdentityCenterSimulator
  time: ReturnType<typeof handClock>
}

/** A Connect instance and an Identity Center whose role credentials it accepts (or as `accept` says). */
async function world(
  options: Partial<IdentityCenterSimulatorOptions> = {},
  accept: (issued: IssuedRoleCredentials, count: number) => number = (issued) => issued.expiresAtMs,
): Promise<World> {
  const time = handClock()
  const connect = await startConnectSimulator({
    accessKeyId: secrets.connect.accessKeyId,
    secretAccessKey: secrets.connect.secretAccessKey,
    region: drafts.connect.region,
    instances: [{ id: drafts.connect.instanceId, alias: 'acme-support' }],
    rateLimit: null,
  })
  cleanups.push(connect.close)
  let count = 0
  const idc = await startIdentityCenterSimulator({
    startUrl: START_URL,
    accounts: [{ accountId: ACCOUNT, accountName: 'contact-center', roles: [ROLE, 'ReadOnly'] }],
    clock: time.now,
    onRoleCredentials: (issued) => connect.acceptCredentials({ ...issued, expiresAtMs: accept(issued, ++count) }),
    ...options,
  })
  cleanups.push(idc.close)
  return { connect, idc, time }
}

/** Signs in as the agent would: the code is allowed in the browser after `pendingPolls` polls. */
async function signIn(w: World, pendingPolls = 1) {
  const prompts: DeviceCodePrompt[] = []
  const waits: number[] = []
  const secret = await signInWithIdentityCenter({
    profile: profileFor(),
    endpoint: w.idc.url,
    clock: w.time.clock,
    show: (prompt) => prompts.push(prompt),
    sleep: async (ms) => {
      waits.push(ms)
      w.time.advance(ms)
      if (waits.length === pendingPolls + 1) w.idc.approve(prompts[0]!.userCode)
    },
  })
  return { secret, prompts, waits }
}

function sender(w: World, secret: ConnectSsoSecret, settings: Record<string, unknown> = {}) {
  const tokens = createTokenCache({
    secrets: memorySecretStore(),
    clock: w.time.clock,
    logger: createLogger(() => {}, w.time.clock),
  })
  const client = createConnectClient({ endpointFor: () => w.connect.url, identityCenterEndpoint: w.idc.url })
  const profile = profileFor(settings)
  return {
    tokens,
    send: () =>
      client.send(
        {
          profile,
          secret: ConnectSecret.parse(secret),
          tokens,
          clock: w.time.clock,
          fetch,
          signal: AbortSignal.timeout(20_000),
          idempotencyKey: KEY,
        },
        task,
      ),
  }
}

const operations = (w: World, name: string) => w.idc.requests.filter((r) => r.operation === name)

describe('IAM Identity Center sign-in: the SSO OIDC device authorization flow', () => {
  it('registers Callboard, shows the code and the address, polls at the pace asked, and keeps the tokens', async () => {
    const w = await world()
    w.idc.slowDown(1)
    const { secret, prompts, waits } = await signIn(w, 2)
    expect(prompts).toHaveLength(1)
    expect(prompts[0]).toMatchObject({
      userCode: expect.stringMatching(/^[0-9A-F]{4}-[0-9A-F]{4}$/),
      verificationUri: `${w.idc.url}/device`,
      verificationUriComplete: `${w.idc.url}/device?user_code=${prompts[0]!.userCode}`,
    })
    // 1 s asked; slow_down adds 5 s for every poll after it (RFC 8628 §3.5).
    expect(waits).toEqual([1000, 6000, 6000])
    expect(w.idc.requests.map((r) => r.errorType ?? r.operation)).toEqual([
      'RegisterClient',
      'StartDeviceAuthorization',
      'SlowDownException',
      'AuthorizationPendingException',
      'CreateToken',
    ])
    expect(ConnectSecret.parse(secret)).toEqual(secret)
    expect(secret).toMatchObject({ provider: 'connect', kind: 'sso', refreshToken: expect.any(String) })
    expect(Date.parse(secret.accessTokenExpiresAt) - w.time.now()).toBe(8 * 3600_000)
  })

  it('the agent denies: refused with a plain explanation, nothing kept', async () => {
    const w = await world()
    const error = await signInWithIdentityCenter({
      profile: profileFor(),
      endpoint: w.idc.url,
      clock: w.time.clock,
      show: (prompt) => w.idc.deny(prompt.userCode),
      sleep: async (ms) => w.time.advance(ms),
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SignInRefused)
    expect(error).toMatchObject({ code: 'access_denied', said: { params: { code: 'access_denied' } } })
  })

  it('the code is not used in time: expired, and the agent is told to start again', async () => {
    const w = await world({ deviceCodeLifetimeS: 10, intervalS: 4 })
    const error = await signInWithIdentityCenter({
      profile: profileFor(),
      endpoint: w.idc.url,
      clock: w.time.clock,
      show: () => {},
      sleep: async (ms) => w.time.advance(ms),
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'expired_token', message: expect.stringContaining('expired') })
    // Polls at 4 s and 8 s; the third wait ends past the code's 10 s.
    expect(operations(w, 'CreateToken').length).toBeLessThanOrEqual(3)
  })

  it('an access portal URL the Identity Center does not know is refused, its secrets hidden from the words', async () => {
    const w = await world()
    const error = await signInWithIdentityCenter({
      profile: profileFor({ ssoStartUrl: 'https://d-0000000000.awsapps.com/start' }),
      endpoint: w.idc.url,
      clock: w.time.clock,
      show: () => {},
      sleep: async (ms) => w.time.advance(ms),
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('Invalid start URL') })
  })
})

describe('the hosts a Connect sign-in opens in the browser', () => {
  it('are the access portal and the region device page, and nothing else passes the link helper', () => {
    const hosts = identityCenterHosts(profileFor())
    expect(hosts).toEqual([
      'd-9067c1d2e3.awsapps.com',
      'device.sso.us-east-1.amazonaws.com',
      'oidc.us-east-1.amazonaws.com',
    ])
    expect(checkExternalUrl('https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH', hosts)).toMatchObject({
      allowed: true,
    })
    expect(checkExternalUrl('https://d-9067c1d2e3.awsapps.com/start/#/device', hosts)).toMatchObject({ allowed: true })
    expect(checkExternalUrl('https://device.sso.eu-west-1.amazonaws.com/', hosts)).toMatchObject({ allowed: false })
  })
})

describe('Amazon Connect with IAM Identity Center: role credentials for the chosen account and role', () => {
  it('a signed-in profile sends its task signed with the role credentials the portal gave', async () => {
    const w = await world()
    const { secret } = await signIn(w)
    const outcome = await sender(w, secret).send()
    expect(outcome).toMatchObject({ kind: 'sent', providerId: w.connect.tasks[0]!.contactId })
    const [issued] = w.idc.issued
    expect(issued).toMatchObject({ accountId: ACCOUNT, roleName: ROLE })
    expect(w.connect.requests).toEqual([
      expect.objectContaining({ operation: 'StartTaskContact', accessKeyId: issued!.accessKeyId, verdict: 'ok' }),
    ])
    expect(w.connect.requests[0]!.headers['x-amz-security-token']).toBe(issued!.sessionToken)
  })

  it('renews the role credentials five minutes before they end, not earlier, and the access token with its refresh token', async () => {
    const w = await world()
    const { secret } = await signIn(w)
    const { send } = sender(w, secret)
    expect((await send()).kind).toBe('sent')
    w.time.advance(50 * MINUTE)
    expect((await send()).kind).toBe('sent')
    expect(operations(w, 'GetRoleCredentials')).toHaveLength(1)
    w.time.advance(6 * MINUTE) // 56 min: within five minutes of the hour
    expect((await send()).kind).toBe('sent')
    expect(operations(w, 'GetRoleCredentials')).toHaveLength(2)
    expect(new Set(w.connect.requests.map((r) => r.accessKeyId)).size).toBe(2)
    // The 8-hour access token: renewed with the refresh token (CreateToken) four minutes before it ends.
    const refreshesBefore = operations(w, 'CreateToken').length
    w.time.advance(8 * 60 * MINUTE - 56 * MINUTE - 4 * MINUTE)
    expect((await send()).kind).toBe('sent')
    expect(operations(w, 'CreateToken')).toHaveLength(refreshesBefore + 1)
    expect(operations(w, 'GetRoleCredentials')).toHaveLength(3)
    // Identity Center rotated the refresh token; the next renewal uses the new one (the old is spent).
    w.time.advance(8 * 60 * MINUTE)
    expect((await send()).kind).toBe('sent')
    expect(operations(w, 'CreateToken').filter((r) => r.errorType === 'InvalidGrantException')).toEqual([])
    expect(operations(w, 'CreateToken')).toHaveLength(refreshesBefore + 2)
  })

  it('role credentials belong to the sign-in that earned them: a new sign-in never sends with the old ones', async () => {
    const w = await world()
    const { secret } = await signIn(w)
    const tokens = createTokenCache({
      secrets: memorySecretStore(),
      clock: w.time.clock,
      logger: createLogger(() => {}, w.time.clock),
    })
    // One client, as the app keeps one per profile, across two sign-ins of the same registration.
    const client = createConnectClient({ endpointFor: () => w.connect.url, identityCenterEndpoint: w.idc.url })
    const sendWith = (signedIn: ConnectSsoSecret) =>
      client.send(
        {
          profile: profileFor(),
          secret: signedIn,
          tokens,
          clock: w.time.clock,
          fetch,
          signal: AbortSignal.timeout(20_000),
          idempotencyKey: KEY,
        },
        task,
      )
    expect((await sendWith(secret)).kind).toBe('sent')
    const { secret: again } = await signIn(w)
    await tokens.forget(profileFor().id)
    expect((await sendWith({ ...again, clientId: secret.clientId, clientSecret: secret.clientSecret })).kind).toBe(
      'sent',
    )
    expect(operations(w, 'GetRoleCredentials')).toHaveLength(2)
    expect(w.connect.requests.map((r) => r.accessKeyId)).toEqual(w.idc.issued.map((i) => i.accessKeyId))
  })

  it('AWS calls the role credentials expired: new ones once, silently, and the same ClientToken sends the task', async () => {
    const w = await world({}, (issued, count) => (count === 1 ? Date.now() - 1000 : issued.expiresAtMs))
    const { secret } = await signIn(w)
    const outcome = await sender(w, secret).send()
    expect(outcome.kind).toBe('sent')
    expect(w.connect.requests.map((r) => r.verdict)).toEqual(['expired_token', 'ok'])
    expect(w.connect.tasks.map((t) => t.clientToken)).toEqual([KEY])
    expect(operations(w, 'GetRoleCredentials')).toHaveLength(2)
  })

  it('expired again after the renewal: needs_auth, after exactly one renewal', async () => {
    const w = await world({}, () => Date.now() - 1000)
    const { secret } = await signIn(w)
    const outcome = await sender(w, secret).send()
    expect(outcome).toMatchObject({
      kind: 'needs_auth',
      providerMessage: expect.stringContaining('ExpiredTokenException'),
    })
    expect(w.connect.requests).toHaveLength(2)
    expect(w.connect.tasks).toHaveLength(0)
    // The role credentials are secrets: AWS's words carry none of them.
    for (const issued of w.idc.issued) expect(JSON.stringify(outcome)).not.toContain(issued.sessionToken)
  })

  it('the refresh token is refused when the access token ends: needs_auth, "sign in again", nothing sent', async () => {
    const w = await world()
    const { secret } = await signIn(w)
    const { send } = sender(w, secret)
    expect((await send()).kind).toBe('sent')
    w.idc.revokeRefreshTokens()
    w.time.advance(8 * 60 * MINUTE)
    const outcome = await send()
    expect(inEnglish(outcome)).toMatchObject({
      kind: 'needs_auth',
      message: expect.stringContaining('Sign in again'),
      providerMessage: expect.stringContaining('InvalidGrantException'),
    })
    expect(w.connect.requests).toHaveLength(1)
  })

  it('a sign-in without a refresh token lasts as long as its access token, then asks to sign in again', async () => {
    const w = await world({ refreshTokens: false })
    const { secret } = await signIn(w)
    expect(secret.refreshToken).toBeUndefined()
    const { send } = sender(w, secret)
    expect((await send()).kind).toBe('sent')
    const tokenRequests = operations(w, 'CreateToken').length
    w.time.advance(8 * 60 * MINUTE)
    expect(inEnglish(await send())).toMatchObject({
      kind: 'needs_auth',
      message: expect.stringContaining('Sign in again'),
    })
    expect(operations(w, 'CreateToken')).toHaveLength(tokenRequests)
  })

  it('the portal stops taking the access token (signed out elsewhere): renewed once, then sign in again', async () => {
    const w = await world()
    const { secret } = await signIn(w)
    w.idc.revokeAccessTokens()
    // The refresh token still works: a new access token, and the task goes.
    expect((await sender(w, secret).send()).kind).toBe('sent')
    expect(operations(w, 'GetRoleCredentials').map((r) => r.status)).toEqual([401, 200])
  })

  it('a profile that names no account and role takes the only one there is, and asks when there are several', async () => {
    const w = await world({ accounts: [{ accountId: ACCOUNT, accountName: 'contact-center', roles: [ROLE] }] })
    const { secret } = await signIn(w)
    expect((await sender(w, secret, { ssoAccountId: '', ssoRoleName: '' }).send()).kind).toBe('sent')
    expect(operations(w, 'ListAccounts')).toHaveLength(1)
    expect(operations(w, 'ListAccountRoles')).toHaveLength(1)

    const several = await world()
    const signedIn = await signIn(several)
    expect(
      inEnglish(await sender(several, signedIn.secret, { ssoAccountId: '', ssoRoleName: '' }).send()),
    ).toMatchObject({
      kind: 'needs_auth',
      message: expect.stringContaining('choose the account and role'),
    })
    expect(several.connect.requests).toHaveLength(0)
  })

  it('the sign-in ends just as the role credentials are renewed: needs_auth, no second request', async () => {
    let idc: IdentityCenterSimulator | null = null
    const w = await world({}, (issued, count) => {
      if (count === 1) {
        idc!.revokeAccessTokens()
        idc!.revokeRefreshTokens()
      }
      return count === 1 ? Date.now() - 1000 : issued.expiresAtMs
    })
    idc = w.idc
    const { secret } = await signIn(w)
    expect(inEnglish(await sender(w, secret).send())).toMatchObject({
      kind: 'needs_auth',
      message: expect.stringContaining('Sign in again'),
    })
    expect(w.connect.requests.map((r) => r.verdict)).toEqual(['expired_token'])
  })

  it('pasted temporary keys that AWS calls expired: needs_auth at once (nothing to renew them from)', async () => {
    const w = await world()
    const ended = {
      accessKeyId: 'ASIAENDEDKEY00000001',
      secretAccessKey: 'ended-secret-access-key',
      sessionToken: 'ended-session-token-0001',
    }
    w.connect.acceptCredentials({ ...ended, expiresAtMs: Date.now() - 1000 })
    const outcome = await createConnectClient({ endpointFor: () => w.connect.url }).send(
      {
        profile: profileFor({ credentialSource: 'access_keys' }),
        secret: ConnectSecret.parse({ provider: 'connect', ...ended }),
        tokens: createTokenCache({
          secrets: memorySecretStore(),
          clock: w.time.clock,
          logger: createLogger(() => {}, w.time.clock),
        }),
        clock: w.time.clock,
        fetch,
        signal: AbortSignal.timeout(20_000),
        idempotencyKey: KEY,
      },
      task,
    )
    expect(inEnglish(outcome)).toMatchObject({ kind: 'needs_auth', message: expect.stringContaining('expired') })
    expect(w.connect.requests).toHaveLength(1)
  })

  it('a retryable Identity Center failure reads as retry', () => {
    expect(
      inEnglish(
        classifyCredentialsProblem(
          new CredentialsUnavailable('provider_error', said('busy'), 'TooManyRequestsException'),
        ),
      ),
    ).toEqual({
      kind: 'retry',
      delayMs: null,
      reason: 'busy',
      httpStatus: null,
    })
  })

  it('the lists of a profile whose sign-in ended, or whose Identity Center is unreachable, say so', async () => {
    const w = await world()
    const { secret } = await signIn(w)
    const context = {
      profile: profileFor(),
      secret: ConnectSecret.parse(secret),
      tokens: createTokenCache({
        secrets: memorySecretStore(),
        clock: w.time.clock,
        logger: createLogger(() => {}, w.time.clock),
      }),
      clock: w.time.clock,
      fetch,
      signal: AbortSignal.timeout(20_000),
      endpoint: w.idc.url,
    }
    w.idc.revokeAccessTokens()
    w.idc.revokeRefreshTokens()
    await expect(connectChoices.fetch(context, 'connect_contact_flows')).rejects.toMatchObject({
      problem: 'auth_rejected',
    })
    await w.idc.close()
    await expect(connectChoices.fetch(context, 'connect_contact_flows')).rejects.toMatchObject({ problem: 'offline' })
  })

  it('Identity Center unreachable: retry, nothing sent to Connect', async () => {
    const w = await world()
    const { secret } = await signIn(w)
    await w.idc.close()
    expect(inEnglish(await sender(w, secret).send())).toMatchObject({
      kind: 'retry',
      reason: expect.stringContaining('Nothing was sent'),
    })
    expect(w.connect.requests).toHaveLength(0)
  })

  it('Test connection proves the sign-in, the role and the instance', async () => {
    const w = await world()
    const { secret } = await signIn(w)
    const probe = createConnectProbe({ endpointFor: () => w.connect.url, identityCenterEndpoint: w.idc.url })
    const context = {
      profile: profileFor(),
      secret: ConnectSecret.parse(secret),
      tokens: createTokenCache({
        secrets: memorySecretStore(),
        clock: w.time.clock,
        logger: createLogger(() => {}, w.time.clock),
      }),
      clock: w.time.clock,
      fetch,
      signal: AbortSignal.timeout(20_000),
    }
    expect(inEnglish(await probe(context))).toMatchObject({
      outcome: 'connected',
      message: expect.stringContaining('acme-support'),
    })
    w.idc.revokeAccessTokens()
    w.idc.revokeRefreshTokens()
    expect(inEnglish(await probe(context))).toMatchObject({
      outcome: 'auth_rejected',
      message: expect.stringContaining('Sign in again'),
    })
  })
})
