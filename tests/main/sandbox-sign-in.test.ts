import { afterEach, describe, expect, it } from 'vitest'
import type { AppServices } from '../../electron/main/app/app-services'
import { secretAccount, tokenAccount } from '../../electron/main/secrets/credentials-service'
import type { Result } from '../../shared/ipc/result'
import { sampleTasks } from '../../shared/providers/registry'
import type { Profile } from '../../shared/providers/registry'
import type { CredentialStatus } from '../../shared/schemas/credentials'
import type { SignInStatus } from '../../shared/schemas/sign-in'
import { SANDBOX_SIGN_IN_PROFILE_IDS } from './simulators'
import { createTestServices } from './test-app-services'

// The sandbox's Amazon Connect sign-in profile, through the app's services and plain HTTP (the
// Chromium test, tests/e2e/sandbox-sign-in.test.ts, drives all three in a browser): it starts
// signed out, its simulator and Identity Center start on the sign-in, the device page's Allow signs
// it in, a task goes out with the role's credentials, and what the sign-in stored lives in the
// sandbox's memory only, never the keychain, and is gone after Sign out.

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

describe('the sandbox’s Amazon Connect sign-in profile', () => {
  it('signs in on the simulated Identity Center’s device page, sends with the role’s keys, and signs out', async () => {
    const opened: string[] = []
    const created = await createTestServices({ sandbox: true, openBrowser: async (url) => void opened.push(url) })
    services = created.services
    const profileId = SANDBOX_SIGN_IN_PROFILE_IDS.connect!
    const changes: SignInStatus[] = []
    services.events.subscribe((channel, payload) => {
      if (channel === 'signin:changed') changes.push(payload as SignInStatus)
    })

    expect(await call<CredentialStatus>('credentials:status', { profileId })).toMatchObject({ state: 'missing' })
    const started = await call<SignInStatus>('signin:start', { profileId, method: 'device' })
    expect(started.state).toBe('signing_in')

    // The system browser: the device page with the code in it, on this computer; Allow.
    await expect.poll(() => opened.length).toBe(1)
    const page = new URL(opened[0]!)
    expect(page.hostname).toBe('127.0.0.1')
    expect(page.pathname).toBe('/device')
    const allowed = await fetch(new URL('/device/decide', page), {
      method: 'POST',
      body: new URLSearchParams({ user_code: page.searchParams.get('user_code')!, decision: 'allow' }),
    })
    expect(allowed.status).toBe(200)
    await expect.poll(() => changes.at(-1)?.state, { timeout: 15_000 }).toBe('signed_in')
    expect(changes.at(-1)).toMatchObject({ renews: true, user: null })
    expect(await call<CredentialStatus>('credentials:status', { profileId })).toMatchObject({ state: 'stored' })

    // A task goes out with the role credentials the simulated access portal handed out.
    const profile = services.sandbox!.profile(profileId) as Profile
    const { intent } = sampleTasks(profile, new Date(), 'UTC').find((sample) => sample.id === 'follow-up')!
    await call('tasks:submit', { intent })
    await expect.poll(() => services!.sandbox!.ledger('connect').length, { timeout: 15_000 }).toBe(1)

    // Kept in the sandbox's memory, never in the keychain.
    expect(await created.store.get(secretAccount(profileId))).toBeNull()
    expect(await created.store.get(tokenAccount(profileId))).toBeNull()

    const out = await call<SignInStatus>('signin:signOut', { profileId })
    expect(out.state).toBe('signed_out')
    expect(services.sandbox!.secret(profileId)).toBeNull()
    expect(await call<CredentialStatus>('credentials:status', { profileId })).toMatchObject({ state: 'missing' })
  })
})
