import { inEnglish } from '../shared/in-english'
import type { Message } from '../../shared/i18n/message'
import { renderMessage } from '../../shared/i18n/render-message'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Clock } from '../../electron/main/core/clock'
import { secretAccount, tokenAccount } from '../../electron/main/secrets/credentials-service'
import type { EventChannel } from '../../shared/ipc/channels'
import { drafts, providerKeys, secrets } from '../shared/fixtures'
import { createTestServices } from './test-app-services'

let tick = 0
const clock: Clock = { now: () => new Date('2026-11-23T10:00:00.000Z'), monotonicMs: () => (tick += 10_000) }

async function setup() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'callboard-profiles-'))
  const { services, store, lines } = await createTestServices({ userDataDir, clock })
  const events: [EventChannel, unknown][] = []
  services.events.subscribe((channel, payload) => events.push([channel, payload]))
  const call = async (channel: string, input?: unknown) => services.dispatch(channel, input)
  const value = async <T = unknown>(channel: string, input?: unknown): Promise<T> => {
    const result = await call(channel, input)
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${inEnglish(result.error.message)}`)
    return result.value as T
  }
  return { userDataDir, store, lines, services, events, call, value }
}

type Summary = {
  profile: { id: string; provider: string; label: string }
  credentials: { state: string; hint: string | null }
}

describe('profiles and credentials through the contract', () => {
  it('adds one profile per provider, persists them, and stores each secret only in the keychain', async () => {
    const { value, store, userDataDir, events, lines } = await setup()
    for (const provider of providerKeys) {
      const saved = await value<Summary>('profiles:save', drafts[provider])
      expect(saved.profile.provider).toBe(provider)
      expect(saved.credentials).toMatchObject({ state: 'missing', hint: null })
      const status = await value<{ state: string; hint: string | null }>('credentials:set', {
        profileId: saved.profile.id,
        secret: secrets[provider],
      })
      expect(status.state).toBe('stored')
      expect(JSON.parse(store.entries.get(secretAccount(saved.profile.id))!)).toEqual(secrets[provider])
    }
    const list = await value<Summary[]>('profiles:list')
    expect(list.map((s) => s.profile.provider)).toEqual(providerKeys)
    expect(Object.fromEntries(list.map((s) => [s.profile.provider, s.credentials.hint]))).toEqual({
      webex: '9876',
      egain: null,
      connect: '4567',
      aiccs: '8899',
      voice_broadcast: '5566',
    })
    const file = readFileSync(join(userDataDir, 'settings.json'), 'utf8')
    expect(JSON.parse(file).profiles).toHaveLength(5)
    const everything = file + lines.join('\n') + JSON.stringify(events) + JSON.stringify(list)
    for (const secret of Object.values(secrets)) {
      for (const [key, v] of Object.entries(secret)) {
        if (key === 'provider' || key === 'kind' || typeof v !== 'string' || v.length < 8) continue
        expect(everything, key).not.toContain(v)
      }
    }
    expect(events.filter(([c]) => c === 'profiles:changed')).toHaveLength(5)
  })

  it('updates in place, refuses a provider change, a duplicate label and an unknown id', async () => {
    const { value, call } = await setup()
    const { profile } = await value<Summary>('profiles:save', drafts.connect)
    const renamed = await value<Summary>('profiles:save', { ...drafts.connect, id: profile.id, label: 'Connect EU' })
    expect(renamed.profile).toMatchObject({ id: profile.id, label: 'Connect EU' })
    expect(await value<Summary[]>('profiles:list')).toHaveLength(1)
    expect(await call('profiles:save', { ...drafts.aiccs, id: profile.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
    expect(inEnglish(await call('profiles:save', { ...drafts.connect, label: 'connect eu' }))).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('Connect EU') },
    })
    expect(
      await call('profiles:save', { ...drafts.connect, id: '11111111-2222-4333-8444-555555555555' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })

  it('refuses credentials of the wrong provider or the wrong kind for the profile', async () => {
    const { value, call } = await setup()
    const webex = (await value<Summary>('profiles:save', drafts.webex)).profile
    const egain = (
      await value<Summary>('profiles:save', {
        ...drafts.egain,
        grantType: 'password',
        username: 'agent1',
        scope: 'https://api.egain.cloud/auth/core.casemgr.manage',
      })
    ).profile
    expect(inEnglish(await call('credentials:set', { profileId: webex.id, secret: secrets.connect }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('Amazon Connect credentials') },
    })
    expect(
      inEnglish(
        await call('credentials:set', {
          profileId: webex.id,
          secret: { provider: 'webex', kind: 'access_token', accessToken: 'tok-123' },
        }),
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('OAuth') } })
    // On behalf of a user, eGain takes the client secret alone (no user password).
    expect(await call('credentials:set', { profileId: egain.id, secret: secrets.egain })).toMatchObject({ ok: true })
    expect(
      await call('credentials:set', { profileId: '11111111-2222-4333-8444-555555555555', secret: secrets.egain }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })

  it('new credentials drop a cached access token; clearing removes both', async () => {
    const { value, store } = await setup()
    const { profile } = await value<Summary>('profiles:save', drafts.webex)
    await value('credentials:set', { profileId: profile.id, secret: secrets.webex })
    store.entries.set(tokenAccount(profile.id), '{"accessToken":"cached"}')
    await value('credentials:set', { profileId: profile.id, secret: secrets.webex })
    expect(store.entries.has(tokenAccount(profile.id))).toBe(false)
    store.entries.set(tokenAccount(profile.id), '{"accessToken":"cached"}')
    expect(await value('credentials:clear', { profileId: profile.id })).toMatchObject({ state: 'missing' })
    expect(store.entries.size).toBe(0)
  })

  it('removing a profile removes its secrets first', async () => {
    const { value, store } = await setup()
    const { profile } = await value<Summary>('profiles:save', drafts.aiccs)
    await value('credentials:set', { profileId: profile.id, secret: secrets.aiccs })
    await value('profiles:remove', { profileId: profile.id })
    expect(store.entries.size).toBe(0)
    expect(await value<Summary[]>('profiles:list')).toEqual([])
  })

  it.each([
    ['locked', 'keychain_locked', /locked/],
    ['unavailable', 'keychain_unavailable', /Secret Service provider/],
  ] as const)(
    'keychain %s: status says so, writes are refused with the fix, nothing is stored elsewhere',
    async (state, code, fix) => {
      const { value, call, store, userDataDir } = await setup()
      const { profile } = await value<Summary>('profiles:save', drafts.voice_broadcast)
      await value('credentials:set', { profileId: profile.id, secret: secrets.voice_broadcast })
      store.setState(state)
      expect(await value('credentials:status', { profileId: profile.id })).toMatchObject({ state: code, hint: null })
      expect((await value<Summary[]>('profiles:list'))[0]?.credentials.state).toBe(code)
      expect(await value('keychain:health')).toMatchObject({ state })
      const refused = await call('credentials:set', {
        profileId: profile.id,
        secret: { ...secrets.voice_broadcast, apiSecret: 'NEW-secret-value-zz' },
      })
      expect(inEnglish(refused)).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(fix) } })
      // The keychain's fix travels as a key, for the window to say in the agent's language.
      const said = (refused as { error: { message: Message } }).error.message
      expect(said.key).toMatch(/^keychainProblem\./)
      expect(renderMessage(said, 'es')).toMatch(/llavero/)
      expect(await call('credentials:clear', { profileId: profile.id })).toMatchObject({ ok: false, error: { code } })
      // Removing is refused too: the secret would be orphaned in the keychain.
      expect(await call('profiles:remove', { profileId: profile.id })).toMatchObject({ ok: false, error: { code } })
      expect(await value<Summary[]>('profiles:list')).toHaveLength(1)
      expect(readFileSync(join(userDataDir, 'settings.json'), 'utf8')).not.toContain('NEW-secret-value-zz')
      store.setState('available')
      expect(await value('credentials:status', { profileId: profile.id })).toMatchObject({ state: 'stored' })
    },
  )

  it('a corrupt keychain entry reads as missing, and is said in the log without its content', async () => {
    const { value, store, lines } = await setup()
    const { profile } = await value<Summary>('profiles:save', drafts.egain)
    store.entries.set(secretAccount(profile.id), 'not json but sensitive-ish-XYZ')
    expect(await value('credentials:status', { profileId: profile.id })).toMatchObject({ state: 'missing' })
    expect(lines.some((l) => l.includes('stored credentials unreadable'))).toBe(true)
    expect(lines.join('\n')).not.toContain('sensitive-ish-XYZ')
  })
})
