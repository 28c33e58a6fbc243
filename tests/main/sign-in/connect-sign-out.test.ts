import { afterEach, describe, expect, it } from 'vitest'
import type { Profile } from '@shared/providers/registry'
import { sampleTasks } from '@shared/providers/registry'
import type { Result } from '@shared/ipc/result'
import type { QueueItem } from '@shared/schemas/outbox'
import type { SignInStatus } from '@shared/schemas/sign-in'
import { startConnectSimulator } from '../../../electron/main/providers/connect/connect-simulator'
import { startIdentityCenterSimulator } from '../../../electron/main/providers/connect/identity-center-simulator'
import { secrets as sample } from '../../shared/fixtures'
import { allowDevice, oneAddressFor } from '../providers/identity-center-front'
import { createTestServices } from '../test-app-services'

// Signing out of IAM Identity Center ends the sign-in for what the app holds in memory too: the
// role's credentials the portal handed out (good for an hour) go with it, so the next task waits
// for a sign-in instead of being sent with them; signing in again earns new ones, and the parked
// task goes on with those. On the app's real services, over real HTTP to the simulators.

const START_URL = 'https://d-9067c1d2e3.awsapps.com/start'
const ACCOUNT = '123456789012'
const ROLE = 'ConnectAgent'
const INSTANCE = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  while (closers.length) await closers.pop()!()
})

/** Real HTTP to loopback: wait for what is pushed, however long the machine takes. */
async function until(probe: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (!probe()) {
    if (Date.now() > end) throw new Error(`never happened: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

async function setup() {
  const connect = await startConnectSimulator({
    accessKeyId: sample.connect.accessKeyId,
    secretAccessKey: sample.connect.secretAccessKey,
    region: 'us-east-1',
    instances: [{ id: INSTANCE, alias: 'acme-support' }],
    rateLimit: null,
  })
  closers.push(connect.close)
  const idc = await startIdentityCenterSimulator({
    startUrl: START_URL,
    accounts: [{ accountId: ACCOUNT, accountName: 'contact-center', roles: [ROLE] }],
    onRoleCredentials: (issued) => connect.acceptCredentials(issued),
  })
  closers.push(idc.close)
  const front = await oneAddressFor(connect.url, idc.url)
  closers.push(front.close)
  const { services, lines } = await createTestServices({
    sandbox: false,
    endpointFor: (profile) => (profile.provider === 'connect' ? front.url : undefined),
    openBrowser: allowDevice,
  })
  closers.push(() => services.close())
  const signIns: SignInStatus[] = []
  const items = new Map<string, QueueItem>()
  services.events.subscribe((channel, payload) => {
    if (channel === 'signin:changed') signIns.push(payload as SignInStatus)
    const item = (payload as { item?: QueueItem }).item
    if (channel === 'queue:changed' && item) items.set(item.id, item)
  })
  const call = async <T>(channel: string, input?: unknown): Promise<T> => {
    const result = (await services.dispatch(channel, input)) as Result<T>
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
    return result.value
  }
  const { profile } = await call<{ profile: Profile }>('profiles:save', {
    provider: 'connect',
    label: 'Connect · Identity Center',
    region: 'us-east-1',
    instanceId: INSTANCE,
    contactFlows: [{ id: 'flow-1', label: 'Tasks' }],
    taskTemplates: [],
    quickConnects: [],
    endpointUrl: '',
    fips: false,
    dualStack: false,
    credentialSource: 'sso',
    awsProfile: '',
    ssoStartUrl: START_URL,
    ssoRegion: 'us-east-1',
    ssoAccountId: ACCOUNT,
    ssoRoleName: ROLE,
  })
  const signIn = async () => {
    signIns.length = 0
    await call('signin:start', { profileId: profile.id, method: 'device' })
    await until(() => signIns.some((s) => s.state === 'signed_in'), 'signed in')
  }
  const submit = async () => {
    const { intent } = sampleTasks(profile, new Date(), 'Europe/Madrid').find((s) => s.id === 'follow-up')!
    // The same follow-up on each step: confirmed as a repeat, as an agent would.
    return (await call<QueueItem>('tasks:submit', { intent, confirmedRepeat: true })).id
  }
  const stateOf = (id: string) => items.get(id)?.state
  const roleCredentialRequests = () => idc.requests.filter((r) => r.operation === 'GetRoleCredentials').length
  const startTaskRequests = () => connect.requests.filter((r) => r.operation === 'StartTaskContact')
  return { connect, idc, call, profile, signIn, submit, stateOf, roleCredentialRequests, startTaskRequests, lines }
}

describe('signing out of IAM Identity Center (Amazon Connect)', () => {
  it('drops the role credentials held in memory: the next task waits for a sign-in, nothing reaches Connect', async () => {
    const w = await setup()
    await w.signIn()
    const first = await w.submit()
    await until(() => w.stateOf(first) === 'sent', 'the first task sent')
    expect(w.roleCredentialRequests()).toBe(1)
    expect(w.startTaskRequests()).toHaveLength(1)

    await w.call('signin:signOut', { profileId: w.profile.id })
    const second = await w.submit()
    await until(() => w.stateOf(second) === 'needs_auth', 'the second task parked on the sign-in')
    // Neither Connect nor the portal heard of it: the held credentials were not used or renewed.
    expect(w.startTaskRequests()).toHaveLength(1)
    expect(w.roleCredentialRequests()).toBe(1)

    // Signed in again: new role credentials, and the parked task goes on with them.
    await w.signIn()
    await until(() => w.stateOf(second) === 'sent', 'the parked task sent after signing in again')
    expect(w.roleCredentialRequests()).toBe(2)
    const [before, after] = w.idc.issued
    expect(w.startTaskRequests().map((r) => r.accessKeyId)).toEqual([before!.accessKeyId, after!.accessKeyId])
    for (const issued of w.idc.issued) {
      expect(w.lines.join('\n')).not.toContain(issued.secretAccessKey)
      expect(w.lines.join('\n')).not.toContain(issued.sessionToken)
    }
  })
})
