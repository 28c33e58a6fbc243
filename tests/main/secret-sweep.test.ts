import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ProfileOf, ProviderName, SecretOf } from '../../shared/providers/registry'
import { sampleTasks } from '../../shared/providers/registry'
import type { Result } from '../../shared/ipc/result'
import type { QueueItem } from '../../shared/schemas/outbox'
import { systemClock } from '../../electron/main/core/clock'
import type { SandboxKit, SandboxSimulator } from '../../electron/main/providers/provider-module'
import { mainProviders } from '../../electron/main/providers/registry'
import type { EchoFault } from '../../electron/main/providers/simulator-kit/faults'
import { NOT_LISTENING_HOST, NOT_LISTENING_URL } from '../../electron/main/providers/simulator-kit/sandbox-kit'
import type { IssuedRoleCredentials } from '../../electron/main/providers/connect/identity-center-simulator'
import { startIdentityCenterSimulator } from '../../electron/main/providers/connect/identity-center-simulator'
import type { AiccsStsCredentials } from '../../electron/main/providers/aiccs/aiccs-simulator'
import { startAiccsSimulator } from '../../electron/main/providers/aiccs/aiccs-simulator'
import { aiccsSandboxProfile } from '../../electron/main/providers/aiccs/aiccs-sandbox'
import { startConnectSimulator } from '../../electron/main/providers/connect/connect-simulator'
import { CONNECT_SANDBOX_INSTANCE, connectSandboxProfile } from '../../electron/main/providers/connect/connect-sandbox'
import { startEgainSimulator } from '../../electron/main/providers/egain/egain-simulator'
import { EGAIN_SANDBOX_CLIENT_ID, egainSandboxProfile } from '../../electron/main/providers/egain/egain-sandbox'
import { startVoiceBroadcastSimulator } from '../../electron/main/providers/voice-broadcast/voice-broadcast-simulator'
import { voiceBroadcastSandboxProfile } from '../../electron/main/providers/voice-broadcast/voice-broadcast-sandbox'
import { startWebexSimulator } from '../../electron/main/providers/webex/webex-simulator'
import { WEBEX_SANDBOX_ORG, webexSandboxProfile } from '../../electron/main/providers/webex/webex-sandbox'
import { createTestServices } from './test-app-services'
import { oneAddressFor } from './providers/identity-center-front'
import { EGAIN_SCOPES } from '../../shared/providers/egain/profile'

// The secret sweep (issue #13): every provider's simulator echoes the whole request back (headers,
// Authorization included, query and body), and the app's real services send a task through the
// outbox or test the connection against it. Afterwards no spelling of any secret (the profile's,
// the tokens obtained with them, the AWS session token) may be anywhere the app puts provider
// words: the data folder's files (the journal), the log, the answers over IPC, the pushed events.
//
// The sandbox is the only way the app reaches Amazon Connect somewhere other than AWS, so every
// provider runs as a sandbox profile whose kit is swapped for one holding these secrets: secrets
// with the characters every encoding treats differently, so each form is a distinct string.

/** A secret carried in a body or form: every character class an encoding changes. */
const bodySecret = (tag: string) => `${tag}+Se/cr=et "q" \\ 50%&k=v é!*'()~${tag}`
/** A secret carried in a header: printable ASCII only (Node refuses the rest in a header value). */
const headerSecret = (tag: string) => `${tag}+Hd/r=tk "q" \\ 50%&k=v!*'()~${tag}`

/** Every spelling of `value` a text could carry (written here, apart from the redactor under test). */
function spellings(value: string, pairedWith: readonly string[]): Record<string, string> {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')
  const lowerHex = (text: string) => text.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())
  const json = JSON.stringify(value).slice(1, -1)
  const forms: Record<string, string> = {
    raw: value,
    percent: encodeURIComponent(value),
    percentLower: lowerHex(encodeURIComponent(value)),
    form: new URLSearchParams({ v: value }).toString().slice(2),
    formLower: lowerHex(new URLSearchParams({ v: value }).toString().slice(2)),
    base64: b64(value),
    base64NoPad: b64(value).replace(/=+$/, ''),
    base64url: b64(value).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
    json,
    jsonTwice: JSON.stringify(json).slice(1, -1),
    jsonAscii: json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  }
  for (const id of pairedWith) {
    forms[`basic(${id}:…)`] = b64(`${id}:${value}`)
    forms[`basicUrl(${id}:…)`] = b64(`${id}:${value}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  }
  return forms
}

/**
 * `send`: a task through the outbox; `test`: Test connection; `renew`: a task is sent, and the next
 * one finds its token due for renewal (the provider gives tokens a short life), so the renewal with
 * the cached (rotated) refresh token is the first request of its attempt and meets the echo.
 */
type Path = 'send' | 'test' | 'renew'

/** One provider set-up: its secret, its sandbox profile and simulator, the ids a Basic pair could hold. */
interface Variant<P extends ProviderName> {
  provider: P
  name: string
  secret: SecretOf<P>
  /** Non-secret ids a client may pair with a secret (`id:secret`, as in HTTP Basic). */
  ids: string[]
  hasTokenEndpoint: boolean
  /** Whether Test connection asks more than the token endpoint (eGain's asks only for a token). */
  testAsksApi: boolean
  start(secret: SecretOf<P>): Promise<{ sim: SandboxSimulator<P>; setFault(fault: EchoFault | null): Promise<void> }>
  profile?: (secret: SecretOf<P>) => ProfileOf<P>
  /** Secrets obtained during the case without the app's fetch (an SDK's): read after it, by name. */
  obtained?: () => Record<string, string>
  /**
   * The profile signs in through its identity provider first (its tokens, the PKCE verifier, the
   * authorization or device code are secrets too): in the browser, or with a device code.
   */
  signsIn?: 'browser' | 'device'
}

const simulatorOf = <P extends ProviderName>(
  sim: { url: string; close(): Promise<void> },
  profile: ProfileOf<P>,
  endpoint?: string,
): SandboxSimulator<P> => ({
  profile,
  ...(endpoint ? { endpoint } : {}),
  play: async () => {},
  created: () => 0,
  ledger: () => [],
  close: sim.close,
})

/** A token life that is due for renewal as soon as it is cached (the cache renews 5 minutes ahead). */
const SHORT_LIFE_S = 60

const webexOAuthSecret: Extract<SecretOf<'webex'>, { kind: 'oauth' }> = {
  provider: 'webex',
  kind: 'oauth',
  clientId: 'sweep-webex-client',
  clientSecret: bodySecret('wxcs'),
  refreshToken: bodySecret('wxrt'),
}
const webexOAuth: Variant<'webex'> = {
  provider: 'webex',
  name: 'webex (OAuth)',
  secret: webexOAuthSecret,
  ids: [webexOAuthSecret.clientId],
  hasTokenEndpoint: true,
  testAsksApi: true,
  async start() {
    const sim = await startWebexSimulator({
      ...webexOAuthSecret,
      orgId: WEBEX_SANDBOX_ORG,
      tokenLifetimeS: SHORT_LIFE_S,
      rotateRefreshToken: true,
    })
    return { sim: simulatorOf(sim, webexSandboxProfile(sim, webexOAuthSecret)), setFault: sim.setFault }
  },
}

const pastedToken = headerSecret('wxat')
const webexToken: Variant<'webex'> = {
  provider: 'webex',
  name: 'webex (access token)',
  secret: { provider: 'webex', kind: 'access_token', accessToken: pastedToken },
  ids: [],
  hasTokenEndpoint: false,
  testAsksApi: true,
  profile: () => ({
    ...webexSandboxProfile(
      { url: NOT_LISTENING_URL, identityUrl: NOT_LISTENING_URL, orgId: WEBEX_SANDBOX_ORG },
      webexOAuthSecret,
    ),
    authMethod: 'access_token',
  }),
  async start() {
    const sim = await startWebexSimulator({
      clientId: 'unused',
      clientSecret: 'unused-secret',
      refreshToken: 'unused-refresh',
      accessTokens: [pastedToken],
      orgId: WEBEX_SANDBOX_ORG,
    })
    const profile = webexSandboxProfile(sim, webexOAuthSecret)
    return { sim: simulatorOf(sim, { ...profile, authMethod: 'access_token' }), setFault: sim.setFault }
  },
}

// Signed in with Webex in the browser (issue #14): the integration's client secret, and the access
// and refresh tokens of the sign-in and of every renewal (recorded as obtained).
const webexSignInSecret: Extract<SecretOf<'webex'>, { kind: 'sign_in' }> = {
  provider: 'webex',
  kind: 'sign_in',
  clientSecret: bodySecret('wxsics'),
}
const webexSignedInProfile = (at: { url: string; identityUrl: string; orgId: string }): ProfileOf<'webex'> => ({
  ...webexSandboxProfile(at, webexOAuthSecret),
  authMethod: 'sign_in',
  clientId: 'sweep-webex-integration',
})
const webexSignedIn: Variant<'webex'> = {
  provider: 'webex',
  name: 'webex (signed in)',
  secret: webexSignInSecret,
  ids: ['sweep-webex-integration'],
  hasTokenEndpoint: true,
  testAsksApi: true,
  signsIn: 'browser',
  profile: () =>
    webexSignedInProfile({ url: NOT_LISTENING_URL, identityUrl: NOT_LISTENING_URL, orgId: WEBEX_SANDBOX_ORG }),
  async start() {
    const sim = await startWebexSimulator({
      clientId: 'sweep-webex-integration',
      clientSecret: webexSignInSecret.clientSecret,
      refreshToken: 'unused-pasted-refresh',
      orgId: WEBEX_SANDBOX_ORG,
      tokenLifetimeS: SHORT_LIFE_S,
      rotateRefreshToken: true,
      signInNeedsSecret: true,
    })
    return { sim: simulatorOf(sim, webexSignedInProfile(sim)), setFault: sim.setFault }
  },
}

// Signed in with Webex's device grant (where a loopback redirect is blocked): the device code too.
const webexDevice: Variant<'webex'> = { ...webexSignedIn, name: 'webex (signed in with a code)', signsIn: 'device' }

// Signed in with eGain in the browser (its Authorization Code flow with PKCE for agents).
const egainSignInSecret: SecretOf<'egain'> = { provider: 'egain', clientSecret: bodySecret('egsics') }
const egainSignedInProfile = (at: { url: string; tokenUrl: string }): ProfileOf<'egain'> => ({
  ...egainSandboxProfile(at),
  grantType: 'authorization_code',
  scope: EGAIN_SCOPES.authorization_code,
})
const egainSignedIn: Variant<'egain'> = {
  provider: 'egain',
  name: 'egain (signed in)',
  secret: egainSignInSecret,
  ids: [EGAIN_SANDBOX_CLIENT_ID],
  hasTokenEndpoint: true,
  testAsksApi: false,
  signsIn: 'browser',
  profile: () => egainSignedInProfile({ url: NOT_LISTENING_URL, tokenUrl: NOT_LISTENING_URL }),
  async start(secret) {
    const sim = await startEgainSimulator({
      clientId: EGAIN_SANDBOX_CLIENT_ID,
      clientSecret: secret.clientSecret,
      tokenLifetimeS: SHORT_LIFE_S,
      signInNeedsSecret: true,
    })
    return { sim: simulatorOf(sim, egainSignedInProfile(sim)), setFault: sim.setFault }
  },
}

/** The system browser on the simulated identity page: Accept, and back to Callboard's listener. */
async function acceptSignIn(url: string): Promise<void> {
  const html = await (await fetch(url)).text()
  const txn = /name="txn" value="([0-9a-f]+)"/.exec(html)?.[1] ?? ''
  const decided = await fetch(new URL('authorize', url), {
    method: 'POST',
    body: new URLSearchParams({ txn, decision: 'accept' }),
    redirect: 'manual',
  })
  await fetch(decided.headers.get('location')!)
}

/** The agent on the device page: the code Callboard shows (pushed to the window), Accept. */
async function acceptDevice(events: string[]): Promise<void> {
  let device: { userCode: string; verificationUri: string } | null = null
  await until(() => {
    for (const e of events) {
      const { channel, payload } = JSON.parse(e) as { channel: string; payload: { device?: typeof device } }
      if (channel === 'signin:changed' && payload.device) device = payload.device
    }
    return device !== null
  })
  const { userCode, verificationUri } = device!
  await fetch(verificationUri, {
    method: 'POST',
    body: new URLSearchParams({ user_code: userCode, decision: 'accept' }),
  })
}

const egainUser = 'sweep.agent'
const egainUserId = 'sweep-agent-7'
// On behalf of an agent (eGain's on-behalf-of flow): no user password exists anymore, so the
// client secret is the one secret of this grant.
const egainPassword: Variant<'egain'> = {
  provider: 'egain',
  name: 'egain (on behalf of a user)',
  secret: { provider: 'egain', clientSecret: bodySecret('egcs') },
  ids: [EGAIN_SANDBOX_CLIENT_ID, egainUser],
  hasTokenEndpoint: true,
  testAsksApi: false,
  profile: () => ({
    ...egainSandboxProfile({ url: NOT_LISTENING_URL, tokenUrl: NOT_LISTENING_URL }),
    grantType: 'password',
    scope: EGAIN_SCOPES.password,
    username: egainUser,
  }),
  async start(secret) {
    const sim = await startEgainSimulator({
      clientId: EGAIN_SANDBOX_CLIENT_ID,
      clientSecret: secret.clientSecret,
      users: { [egainUser]: egainUserId },
      tokenLifetimeS: SHORT_LIFE_S,
    })
    const profile = {
      ...egainSandboxProfile(sim),
      grantType: 'password' as const,
      scope: EGAIN_SCOPES.password,
      username: egainUser,
    }
    return { sim: simulatorOf(sim, profile), setFault: sim.setFault }
  },
}

const connectKeySecret = {
  provider: 'connect',
  accessKeyId: 'ASIASWEEP0123456789',
  secretAccessKey: bodySecret('awssk'),
  sessionToken: headerSecret('awsst'),
} as const
const connectKeys: Variant<'connect'> = {
  provider: 'connect',
  name: 'connect (temporary credentials)',
  secret: connectKeySecret,
  ids: ['ASIASWEEP0123456789'],
  hasTokenEndpoint: false,
  testAsksApi: true,
  async start() {
    const sim = await startConnectSimulator({
      accessKeyId: connectKeySecret.accessKeyId,
      secretAccessKey: connectKeySecret.secretAccessKey,
      sessionToken: connectKeySecret.sessionToken,
      region: 'us-east-1',
      instances: [{ id: CONNECT_SANDBOX_INSTANCE, alias: 'callboard-sandbox' }],
    })
    return { sim: simulatorOf(sim, connectSandboxProfile(), sim.url), setFault: sim.setFault }
  },
}

// IAM Identity Center: the sign-in's registration and tokens in the keychain, the tokens CreateToken
// renews them with, and the role credentials the portal hands out (their session token travels in
// every Connect request, echoed). Identity Center is where this provider's temporary credentials
// come from, so it plays the token endpoint's part: `oidc` echoes at SSO OIDC (the sign-in's access
// token is due, so CreateToken with the registration's secret and the refresh token is its first
// request), `portal` at the access portal (the bearer token in its header).
const ssoStartUrl = 'https://d-9067c1d2e3.awsapps.com/start'
const connectSso = (echoAt: 'oidc' | 'portal'): Variant<'connect'> => {
  let issued: IssuedRoleCredentials[] = []
  let handedOut: () => string[] = () => []
  const expiresAt = (ms: number) => new Date(Date.now() + ms).toISOString()
  const profile = (): ProfileOf<'connect'> => ({
    ...connectSandboxProfile(),
    credentialSource: 'sso',
    ssoStartUrl,
    ssoRegion: 'us-east-1',
    ssoAccountId: '123456789012',
    ssoRoleName: 'ConnectAgent',
  })
  // A short life everywhere: each task renews the access token (oidc) and asks for the role again.
  const life = echoAt === 'oidc' ? SHORT_LIFE_S : 8 * 3600
  return {
    provider: 'connect',
    name: `connect (IAM Identity Center, echo at ${echoAt})`,
    secret: {
      provider: 'connect',
      kind: 'sso',
      clientId: 'sweep-sso-client',
      clientSecret: bodySecret('ssocs'),
      clientSecretExpiresAt: expiresAt(90 * 24 * 3600_000),
      accessToken: headerSecret('ssoat'),
      accessTokenExpiresAt: expiresAt(life * 1000),
      refreshToken: bodySecret('ssort'),
    },
    ids: ['sweep-sso-client'],
    hasTokenEndpoint: true,
    testAsksApi: true,
    profile,
    obtained: () => ({
      ...Object.fromEntries(handedOut().map((token, i) => [`sso token ${i + 1}`, token])),
      ...Object.fromEntries(
        issued.flatMap((c, i) => [
          [`role secret access key ${i + 1}`, c.secretAccessKey],
          [`role session token ${i + 1}`, c.sessionToken],
        ]),
      ),
    }),
    async start(secret) {
      issued = []
      const connect = await startConnectSimulator({
        accessKeyId: 'AKIAUNUSEDSWEEPKEY00',
        secretAccessKey: 'unused-secret-access-key',
        region: 'us-east-1',
        instances: [{ id: CONNECT_SANDBOX_INSTANCE, alias: 'callboard-sandbox' }],
      })
      const idc = await startIdentityCenterSimulator({
        startUrl: ssoStartUrl,
        accounts: [{ accountId: '123456789012', accountName: 'sweep', roles: ['ConnectAgent'] }],
        accessTokenLifetimeS: life,
        roleCredentialsLifetimeS: SHORT_LIFE_S,
        onRoleCredentials: (c) => {
          issued.push(c)
          connect.acceptCredentials(c)
        },
      })
      handedOut = idc.tokensIssued
      if (secret.kind === 'sso') {
        // The Identity Center knows the sign-in (as if it had made it): its registration, tokens.
        idc.acceptAccessToken(secret.accessToken, Date.parse(secret.accessTokenExpiresAt))
        idc.acceptSignIn({ ...secret, refreshToken: secret.refreshToken ?? '', expiresAtMs: Date.now() + 3600_000 })
      }
      // The sandbox reaches Connect and Identity Center at one address: one port, routed by path.
      const front = await oneAddressFor(connect.url, idc.url)
      const close = async () => {
        await front.close()
        await idc.close()
        await connect.close()
      }
      const setFault = async (fault: EchoFault | null) => {
        if (fault?.at === 'token') {
          await idc.setFault({ ...fault, at: echoAt === 'oidc' ? 'token' : 'api' })
          await connect.setFault(null)
        } else {
          await idc.setFault(null)
          await connect.setFault(fault)
        }
      }
      return { sim: simulatorOf({ url: front.url, close }, profile(), front.url), setFault }
    },
  }
}

// A RAM role assumed with the AccessKey: the STS credentials sign every AICCS request, the
// security token travels in it (echoed).
const aiccsRole: Variant<'aiccs'> = (() => {
  let issued: AiccsStsCredentials[] = []
  const roleArn = 'acs:ram::1234567890123456:role/sweep-agent'
  const secret = { provider: 'aiccs', accessKeyId: 'LTAIsweeprole0123', accessKeySecret: bodySecret('alirk') } as const
  return {
    provider: 'aiccs',
    name: 'aiccs (RAM role)',
    secret,
    ids: [secret.accessKeyId],
    // STS plays the token endpoint's part: an echo at 'token' plays on AssumeRole.
    hasTokenEndpoint: true,
    testAsksApi: true,
    profile: () => ({
      ...aiccsSandboxProfile({ host: NOT_LISTENING_HOST }),
      credentialSource: 'sts_role',
      roleArn,
      stsEndpoint: NOT_LISTENING_HOST,
    }),
    obtained: () =>
      Object.fromEntries(
        issued.flatMap((c, i) => [
          [`sts secret ${i + 1}`, c.accessKeySecret],
          [`sts security token ${i + 1}`, c.securityToken],
        ]),
      ),
    async start() {
      issued = []
      const sim = await startAiccsSimulator({
        ...secret,
        sts: {
          roles: { [roleArn]: { assumableBy: [secret.accessKeyId] } },
          // Short-lived, so each task assumes the role again (the renewal meets the echo).
          lifetimeS: SHORT_LIFE_S,
          onStsCredentials: (c) => issued.push(c),
        },
      })
      const profile = {
        ...aiccsSandboxProfile(sim),
        credentialSource: 'sts_role' as const,
        roleArn,
        stsEndpoint: sim.host,
      }
      return { sim: simulatorOf(sim, profile), setFault: sim.setFault }
    },
  }
})()

const aiccsKeys: Variant<'aiccs'> = {
  provider: 'aiccs',
  name: 'aiccs',
  secret: { provider: 'aiccs', accessKeyId: 'LTAIsweep012345', accessKeySecret: bodySecret('alisk') },
  ids: ['LTAIsweep012345'],
  hasTokenEndpoint: false,
  testAsksApi: true,
  async start(secret) {
    const sim = await startAiccsSimulator({ ...secret })
    return { sim: simulatorOf(sim, aiccsSandboxProfile(sim)), setFault: sim.setFault }
  },
}

const voiceKeys: Variant<'voice_broadcast'> = {
  provider: 'voice_broadcast',
  name: 'voice_broadcast',
  secret: { provider: 'voice_broadcast', apiKey: headerSecret('vbkey'), apiSecret: bodySecret('vbsec') },
  ids: [],
  hasTokenEndpoint: false,
  testAsksApi: true,
  async start(secret) {
    const sim = await startVoiceBroadcastSimulator({ ...secret })
    return { sim: simulatorOf(sim, voiceBroadcastSandboxProfile(sim)), setFault: sim.setFault }
  },
}

const variants = [
  webexOAuth,
  webexToken,
  webexSignedIn,
  webexDevice,
  egainPassword,
  egainSignedIn,
  connectKeys,
  connectSso('oidc'),
  connectSso('portal'),
  aiccsKeys,
  aiccsRole,
  voiceKeys,
] as Variant<ProviderName>[]

interface Case {
  variant: Variant<ProviderName>
  path: Path
  echo: EchoFault
}

/** Send: the create endpoint echoes an error (401: after the refresh-and-resend); token: the token endpoint echoes. */
const cases: Case[] = variants.flatMap((variant) => [
  ...[400, 401, 500].map((status): Case => ({ variant, path: 'send', echo: { kind: 'echo', at: 'api', status } })),
  ...(variant.testAsksApi
    ? [401, 500].map((status): Case => ({ variant, path: 'test', echo: { kind: 'echo', at: 'api', status } }))
    : []),
  ...(variant.hasTokenEndpoint
    ? (['send', 'test', 'renew'] as const).flatMap((path) =>
        [400, 200].map((status): Case => ({ variant, path, echo: { kind: 'echo', at: 'token', status } })),
      )
    : []),
])

/** Every file under `dir`, as bytes read as UTF-8 (the journal among them). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [readFileSync(path).toString('utf8')]
  })
}

interface Hit {
  case: string
  where: string
  secret: string
  form: string
}

/** The echoed request's first field, in any escaping: the echo reached the agent's view. */
const ECHO_SHOWN = /method\\*"\s*:\s*\\*"(GET|POST|PUT)/

/**
 * Runs one case on the app's real services: where each spelling of each secret turned up, and
 * whether the echo (redacted) reached the IPC answers at all.
 */
async function sweep({ variant, path, echo }: Case): Promise<{ hits: Hit[]; shown: boolean }> {
  const kit = mainProviders[variant.provider].sandbox as SandboxKit<ProviderName>
  let setFault: ((fault: EchoFault | null) => Promise<void>) | null = null
  vi.spyOn(kit, 'newSecret').mockReturnValue(variant.secret)
  if (variant.profile) vi.spyOn(kit, 'profile').mockImplementation(variant.profile)
  vi.spyOn(kit, 'start').mockImplementation(async (secret) => {
    const started = await variant.start(secret)
    setFault = started.setFault
    return started.sim
  })

  // Tokens obtained during the case are secrets too: read from the token endpoint's answers.
  // So are the authorization code and the PKCE verifier the token request carries, and a device code.
  const obtained: string[] = []
  const recordingFetch: typeof fetch = async (input, init) => {
    const sent =
      init?.body instanceof URLSearchParams || typeof init?.body === 'string' ? new URLSearchParams(init.body) : null
    for (const key of ['code', 'code_verifier', 'device_code']) {
      const value = sent?.get(key)
      if (value) obtained.push(value)
    }
    const response = await fetch(input, init)
    try {
      const body = (await response.clone().json()) as Record<string, unknown>
      for (const key of ['access_token', 'refresh_token', 'device_code']) {
        if (typeof body[key] === 'string') obtained.push(body[key])
      }
    } catch {
      // not a token answer
    }
    return response
  }

  const userDataDir = mkdtempSync(join(tmpdir(), 'callboard-sweep-'))
  const { services, lines } = await createTestServices({
    userDataDir,
    sandbox: true,
    fetch: recordingFetch,
    outbox: { random: () => 0.999 },
    openBrowser: async (url) => void acceptSignIn(url),
  })
  const answers: string[] = []
  const events: string[] = []
  services.events.subscribe((channel, payload) => events.push(JSON.stringify({ channel, payload })))
  const call = async <T>(channel: string, input?: unknown): Promise<T> => {
    const result = (await services.dispatch(channel, input)) as Result<T>
    answers.push(JSON.stringify(result))
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
    return result.value
  }

  try {
    const profileId = kit.profileId
    await services.sandbox!.ready(profileId)
    /** Queue the provider's first sample task; resolves with its first attempt's outcome, as pushed. */
    const sendSample = async (): Promise<QueueItem> => {
      const profile = services.sandbox!.profile(profileId)!
      const sample = sampleTasks(profile, systemClock.now(), 'Europe/Madrid')[0]!
      // The same sample on every path: confirmed, as an agent asked about a repeat would.
      const queued = await call<QueueItem>('tasks:submit', { intent: sample.intent, confirmedRepeat: true })
      let done: QueueItem | undefined
      await until(() =>
        events.some((e) => {
          const { channel, payload } = JSON.parse(e) as { channel: string; payload: { item?: QueueItem } }
          const item = payload.item
          const attempted = item?.id === queued.id && item.attempts >= 1 && item.state !== 'sending'
          if (channel === 'queue:changed' && attempted) done = item
          return channel === 'queue:changed' && attempted
        }),
      )
      return done!
    }
    if (variant.signsIn) {
      await call('signin:start', { profileId, method: variant.signsIn })
      if (variant.signsIn === 'device') await acceptDevice(events)
      await until(() => events.some((e) => e.includes('"signin:changed"') && e.includes('"signed_in"')))
    }
    if (path === 'renew') expect((await sendSample()).state).toBe('sent')
    await setFault!(echo)
    if (path === 'test') {
      await call('profiles:test', { profileId })
    } else {
      await sendSample()
      await call('queue:list')
      await call('history:list', {})
    }
  } finally {
    await services.close()
    vi.restoreAllMocks()
  }

  const where: Record<string, string> = {
    files: filesUnder(userDataDir).join('\n'),
    log: lines.join('\n'),
    ipc: answers.join('\n'),
    events: events.join('\n'),
  }
  const secrets: Record<string, string> = Object.fromEntries(
    Object.entries(variant.secret).filter(
      ([key, value]) =>
        key !== 'provider' &&
        key !== 'kind' &&
        !['clientId', 'accessKeyId', 'clientSecretExpiresAt', 'accessTokenExpiresAt'].includes(key) &&
        typeof value === 'string' &&
        value !== '',
    ),
  )
  obtained.forEach((token, i) => (secrets[`obtained token ${i + 1}`] = token))
  Object.assign(secrets, variant.obtained?.() ?? {})
  const name = `${variant.name} ${path} echo@${echo.at} ${echo.status}`
  const hits: Hit[] = []
  for (const [secretName, value] of Object.entries(secrets)) {
    // A value with nothing to encode spells the same in several forms: counted once.
    const distinct = new Map<string, string>()
    for (const [form, spelled] of Object.entries(spellings(value, variant.ids))) {
      if (!distinct.has(spelled)) distinct.set(spelled, form)
    }
    for (const [spelled, form] of distinct) {
      for (const [place, text] of Object.entries(where)) {
        if (text.includes(spelled)) hits.push({ case: name, where: place, secret: secretName, form })
      }
    }
  }
  return { hits, shown: ECHO_SHOWN.test(where.ipc!) }
}

/** Real HTTP to loopback: wait for the outcome to be pushed, however long the machine takes. */
async function until(probe: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (!probe()) {
    if (Date.now() > end) throw new Error('no outcome was pushed')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('secret sweep: a provider that echoes the request reveals no secret', () => {
  const all: Hit[] = []
  const shown = new Set<string>()
  afterEach(() => vi.restoreAllMocks())

  it.each(cases.map((c) => [`${c.variant.name} ${c.path} echo@${c.echo.at} ${c.echo.status}`, c] as const))(
    '%s',
    async (_name, sweepCase) => {
      const { hits, shown: echoShown } = await sweep(sweepCase)
      if (echoShown) shown.add(`${sweepCase.variant.name} ${sweepCase.path} echo@${sweepCase.echo.at}`)
      all.push(...hits)
      expect(hits).toEqual([])
    },
    30_000,
  )

  it('counts every hit (the number the issue measures)', () => {
    console.info(`secret sweep: ${all.length} hits over ${cases.length} cases`)
    const bySource = new Map<string, number>()
    for (const hit of all)
      bySource.set(
        `${hit.case} · ${hit.where} · ${hit.secret}`,
        (bySource.get(`${hit.case} · ${hit.where} · ${hit.secret}`) ?? 0) + 1,
      )
    for (const [key, count] of bySource) console.info(`  ${count} ${key}`)
    expect(all.length).toBe(0)
  })

  it('is not vacuous: on every path of every provider the echo reached the answers, redacted', () => {
    const expected = variants.flatMap((variant) => [
      `${variant.name} send echo@api`,
      ...(variant.testAsksApi ? [`${variant.name} test echo@api`] : []),
      ...(variant.hasTokenEndpoint
        ? [`${variant.name} send echo@token`, `${variant.name} test echo@token`, `${variant.name} renew echo@token`]
        : []),
    ])
    expect([...shown].sort()).toEqual(expected.sort())
  })
})
