import { afterEach, describe, expect, it } from 'vitest'
import type { AppServices } from '../../electron/main/app/app-services'
import { NOT_LISTENING_HOST, NOT_LISTENING_URL } from '../../electron/main/providers/simulator-kit/sandbox-kit'
import type { Result } from '../../shared/ipc/result'
import type { ProfileSummary } from '../../shared/schemas/credentials'
import type { ConnectionTestResult } from '../../shared/schemas/connection-test'
import type { SettingsState } from '../../shared/schemas/settings'
import { drafts } from '../shared/fixtures'
import { createTestServices } from './test-app-services'

// The sandbox is the agent's choice (a setting, on for a first run) and costs nothing until it is
// used: its profiles are listed at once, each simulator starts when its profile is first used.

let services: AppServices | undefined
afterEach(async () => {
  await services?.close()
  services = undefined
})

const call = async <T>(channel: string, input?: unknown): Promise<T> => {
  const result = (await services!.dispatch(channel, input)) as Result<T>
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.value
}
const sandboxIn = (list: ProfileSummary[]) => list.filter((s) => s.sandbox)

describe('the sandbox setting', () => {
  it('is on for a first run; off, no sandbox profile is listed or found, and on again they are back', async () => {
    const events: string[] = []
    ;({ services } = await createTestServices({ sandbox: true }))
    services.events.subscribe((channel) => events.push(channel))
    const mine = await call<{ profile: { id: string } }>('profiles:save', drafts.webex)
    expect((await call<SettingsState>('settings:get')).settings.sandbox).toBe(true)
    const before = sandboxIn(await call<ProfileSummary[]>('profiles:list'))
    // One ready profile per provider, and a sign-in profile for Webex, eGain and Connect.
    expect(before).toHaveLength(8)

    await call('settings:update', { sandbox: false })
    const off = await call<ProfileSummary[]>('profiles:list')
    expect(sandboxIn(off)).toEqual([])
    expect(off.map((s) => s.profile.id)).toEqual([mine.profile.id])
    expect(services.sandbox).toBeNull()
    expect(events).toContain('profiles:changed')
    // A sandbox profile cannot be used while the sandbox is off.
    const tested = await services.dispatch('profiles:test', { profileId: before[0]!.profile.id })
    expect(tested).toMatchObject({ ok: false, error: { code: 'not_found' } })

    await call('settings:update', { sandbox: true })
    const on = sandboxIn(await call<ProfileSummary[]>('profiles:list'))
    expect(on.map((s) => s.profile.id)).toEqual(before.map((s) => s.profile.id))
  })

  it('where the sandbox is not allowed (service tests, later an admin policy), the setting lists nothing', async () => {
    ;({ services } = await createTestServices({ sandbox: false }))
    expect((await call<SettingsState>('settings:get')).settings.sandbox).toBe(true)
    expect(sandboxIn(await call<ProfileSummary[]>('profiles:list'))).toEqual([])
    expect(services.sandbox).toBeNull()
  })
})

describe('the sandbox simulators', () => {
  /** Whether a sandbox profile (or, for Connect, the address it is reached at) points nowhere yet. */
  const pointsNowhere = (sandbox: NonNullable<AppServices['sandbox']>, id: string) => {
    const profile = sandbox.profile(id)!
    return sandbox.endpointFor(profile) === NOT_LISTENING_URL || JSON.stringify(profile).includes(NOT_LISTENING_HOST)
  }

  it('start one at a time, when their profile is first used', async () => {
    ;({ services } = await createTestServices({ sandbox: true }))
    const sandbox = services.sandbox!
    const ids = sandbox.profiles().map((p) => [p.provider, p.id] as const)
    // Listed at once, pointing nowhere: no simulator runs yet.
    for (const [provider, id] of ids) expect(pointsNowhere(sandbox, id), provider).toBe(true)

    const [, webex] = ids.find(([provider]) => provider === 'webex')!
    const result = await call<ConnectionTestResult>('profiles:test', { profileId: webex })
    expect(result.outcome).toBe('connected')
    for (const [provider, id] of ids) expect(pointsNowhere(sandbox, id), provider).toBe(provider !== 'webex')
  })
})

describe('an administrator policy', () => {
  it('can turn the sandbox off for good: no sandbox profile, and the setting cannot be changed', async () => {
    ;({ services } = await createTestServices({
      sandbox: true,
      policy: { source: 'test policy', policy: { version: 1, settings: { sandbox: false } }, problem: null },
    }))
    expect((await call<SettingsState>('settings:get')).settings.sandbox).toBe(false)
    expect(sandboxIn(await call<ProfileSummary[]>('profiles:list'))).toEqual([])
    expect(await services.dispatch('settings:update', { sandbox: true })).toMatchObject({
      ok: false,
      error: { code: 'managed' },
    })
    expect(services.sandbox).toBeNull()
  })
})
