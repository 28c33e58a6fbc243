import { afterEach, describe, expect, it } from 'vitest'
import type { ProviderSecret } from '@shared/providers/registry'
import { ProviderSecret as ProviderSecretSchema } from '@shared/providers/registry'
import type { ConnectStartTaskContactInput } from '@shared/providers/connect/wire'
import type { SignInStatus } from '@shared/schemas/sign-in'
import { SignInStatus as SignInStatusSchema } from '@shared/schemas/sign-in'
import { ConnectSecret } from '@shared/schemas/credentials'
import { ConnectProfile } from '@shared/schemas/profiles'
import type { Clock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import { createConnectClient } from '../../../electron/main/providers/connect/connect-client'
import { startConnectSimulator } from '../../../electron/main/providers/connect/connect-simulator'
import { startIdentityCenterSimulator } from '../../../electron/main/providers/connect/identity-center-simulator'
import { signInPlanFor } from '../../../electron/main/providers/registry'
import { secretAccount, tokenAccount } from '../../../electron/main/secrets/credentials-service'
import { memorySecretStore } from '../../../electron/main/secrets/memory-secret-store'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import { createSignInService } from '../../../electron/main/sign-in/sign-in-service'
import { drafts, secrets as sample } from '../../shared/fixtures'

// "Sign in" for an Amazon Connect profile whose credential source is IAM Identity Center, through
// the generic sign-in service (the provider's custom plan): the SSO OIDC device flow against the
// Identity Center simulator, polling on a clock the test moves (the service's `sleep`), the
// sign-in kept in the keychain only, a task sent with the role credentials it earns (the Connect
// simulator checks SigV4), sign-out and a refused renewal deleting the keychain entries.

const PROFILE_ID = '9c1e7d2a-3b4f-4a5e-8d6c-1f2e3a4b5c6d'
const START_URL = 'https://d-9067c1d2e3.awsapps.com/start'
const ACCOUNT = '123456789012'
const ROLE = 'ConnectAgent'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

function handClock() {
  let at = Date.now()
  const clock: Clock = { now: () => new Date(at), monotonicMs: () => at }
  return { clock, now: () => at, advance: (ms: number) => void (at += ms) }
}

const profile = ConnectProfile.parse({
  ...drafts.connect,
  id: PROFILE_ID,
  credentialSource: 'sso',
  ssoStartUrl: START_URL,
  ssoRegion: 'us-east-1',
  ssoAccountId: ACCOUNT,
  ssoRoleName: ROLE,
})

const task: ConnectStartTaskContactInput = {
  InstanceId: drafts.connect.instanceId,
  Name: 'Call back Ms Example',
  ContactFlowId: 'flow-1',
}

async function setup() {
  const time = handClock()
  const connect = await startConnectSimulator({
    accessKeyId: sample.connect.accessKeyId,
    secretAccessKey: sample.connect.secretAccessKey,
    region: drafts.connect.region,
    instances: [{ id: drafts.connect.instanceId, alias: 'acme-support' }],
    rateLimit: null,
  })
  cleanups.push(connect.close)
  const idc = await startIdentityCenterSimulator({
    startUrl: START_URL,
    accounts: [{ accountId: ACCOUNT, accountName: 'contact-center', roles: [ROLE] }],
    clock: time.now,
    onRoleCredentials: (issued) => connect.acceptCredentials(issued),
  })
  cleanups.push(idc.close)
  const store = memorySecretStore()
  const logLines: string[] = []
  const events: SignInStatus[] = []
  const signedIn: string[] = []
  const waits: number[] = []
  const opened: string[] = []
  const logger = createLogger((line) => logLines.push(line), time.clock)
  const tokens = createTokenCache({ secrets: store, clock: time.clock, logger })
  const read = async (id: string): Promise<ProviderSecret | null> => {
    const raw = await store.get(secretAccount(id))
    return raw === null ? null : ProviderSecretSchema.parse(JSON.parse(raw))
  }
  let decide: (userCode: string) => void = (code) => idc.approve(code)
  const service = createSignInService({
    findProfile: (id) => (id === PROFILE_ID ? profile : undefined),
    planFor: signInPlanFor,
    endpointFor: () => idc.url,
    credentials: {
      read,
      set: async (id, secret) => {
        await store.set(secretAccount(id), JSON.stringify(secret))
        return { profileId: id, state: 'stored', hint: null }
      },
      clear: async (id) => {
        await store.delete(secretAccount(id))
        return { profileId: id, state: 'missing', hint: null }
      },
    },
    tokens,
    fetch,
    clock: time.clock,
    logger,
    openBrowser: async (url) => void opened.push(url),
    changed: (status) => events.push(SignInStatusSchema.parse(status)),
    signedIn: (id) => signedIn.push(id),
    // The polling waits: the clock moves by what Identity Center asked; the agent decides after one pending poll.
    sleep: async (ms) => {
      waits.push(ms)
      time.advance(ms)
      const shown = events.find((e) => e.device)?.device
      if (waits.length === 2 && shown) decide(shown.userCode)
    },
  })
  const ended = async () => {
    await expect.poll(() => events.some((e) => e.state !== 'signing_in'), { timeout: 10_000 }).toBe(true)
    return events.find((e) => e.state !== 'signing_in')!
  }
  const send = async () =>
    createConnectClient({ endpointFor: () => connect.url, identityCenterEndpoint: idc.url }).send(
      {
        profile,
        secret: ConnectSecret.parse(await read(PROFILE_ID)),
        tokens,
        clock: time.clock,
        fetch,
        signal: AbortSignal.timeout(20_000),
        idempotencyKey: 'c0ffee00-2222-4e2b-9c3d-5e6f7a8b9c0d',
      },
      task,
    )
  return {
    service,
    idc,
    connect,
    store,
    read,
    tokens,
    events,
    signedIn,
    waits,
    opened,
    logLines,
    send,
    ended,
    setDecision: (d: (code: string) => void) => (decide = d),
  }
}

describe('signing an Amazon Connect profile in with IAM Identity Center (sign-in service)', () => {
  it('offers the device code only; the code is shown, approved, kept in the keychain, and a task is sent with the role credentials', async () => {
    const w = await setup()
    const before = await w.service.status(PROFILE_ID)
    expect(before).toMatchObject({ state: 'signed_out', methods: ['device'] })

    const started = await w.service.start(PROFILE_ID, 'device')
    expect(started.state).toBe('signing_in')
    const end = await w.ended()
    const prompt = w.events.find((e) => e.device)!.device!
    expect(prompt.verificationUri).toBe(`${w.idc.url}/device`)
    expect(prompt.userCode).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/)
    // The device page, with the code in it, in the system browser.
    expect(w.opened).toEqual([`${w.idc.url}/device?user_code=${prompt.userCode}`])
    expect(end).toMatchObject({ state: 'signed_in', renews: true, problem: null })
    expect(Date.parse(end.expiresAt!)).toBeGreaterThan(Date.now())
    // Polled at the pace Identity Center asked (1 s in the simulator): one pending poll, then the token.
    expect(w.waits).toEqual([1000, 1000])
    expect(w.signedIn).toEqual([PROFILE_ID])

    const secret = ConnectSecret.parse(await w.read(PROFILE_ID))
    expect(secret).toMatchObject({ provider: 'connect', kind: 'sso', refreshToken: expect.any(String) })
    expect(await w.tokens.peek(PROFILE_ID)).toMatchObject({ refreshToken: expect.any(String) })

    const outcome = await w.send()
    expect(outcome.kind).toBe('sent')
    expect(w.connect.requests.filter((r) => r.operation === 'StartTaskContact')).toHaveLength(1)

    // Nothing secret in what the window and the log see.
    const seen = JSON.stringify(w.events) + w.logLines.join('\n')
    const hidden = secret.kind === 'sso' ? [secret.clientSecret, secret.accessToken, secret.refreshToken!] : []
    expect(hidden).toHaveLength(3)
    for (const value of hidden) expect(seen).not.toContain(value)
    for (const issued of w.idc.issued) {
      expect(seen).not.toContain(issued.secretAccessKey)
      expect(seen).not.toContain(issued.sessionToken)
    }
  })

  it('signs out: the sign-in and its tokens leave the keychain', async () => {
    const w = await setup()
    await w.service.start(PROFILE_ID, 'device')
    expect((await w.ended()).state).toBe('signed_in')
    const out = await w.service.signOut(PROFILE_ID)
    expect(out).toMatchObject({ state: 'signed_out', methods: ['device'] })
    expect(await w.store.get(secretAccount(PROFILE_ID))).toBeNull()
    expect(await w.store.get(tokenAccount(PROFILE_ID))).toBeNull()
  })

  it('a refused renewal (a task parked on needs_auth) signs out and asks to sign in again', async () => {
    const w = await setup()
    await w.service.start(PROFILE_ID, 'device')
    expect((await w.ended()).state).toBe('signed_in')
    w.events.length = 0
    await w.service.renewalRefused(PROFILE_ID)
    expect(w.events.at(-1)).toMatchObject({ state: 'signed_out', problem: { code: 'renewal_refused' } })
    expect(await w.store.get(secretAccount(PROFILE_ID))).toBeNull()
    expect(await w.store.get(tokenAccount(PROFILE_ID))).toBeNull()
  })

  it('the agent denies: the problem is told, nothing is kept; the browser way is not offered', async () => {
    const w = await setup()
    w.setDecision((code) => w.idc.deny(code))
    await w.service.start(PROFILE_ID, 'device')
    expect(await w.ended()).toMatchObject({ state: 'signed_out', problem: { code: 'access_denied' } })
    expect(await w.store.get(secretAccount(PROFILE_ID))).toBeNull()
    expect(w.signedIn).toEqual([])

    w.events.length = 0
    await w.service.start(PROFILE_ID, 'browser')
    expect(await w.ended()).toMatchObject({ state: 'signed_out', problem: { code: 'not_offered' } })
  })
})
