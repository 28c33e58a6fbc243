import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ProfileOf } from '../../../shared/providers/registry'
import type { Result } from '../../../shared/ipc/result'
import type { QueueItem } from '../../../shared/schemas/outbox'
import type { ProxySignInState } from '../../../shared/schemas/proxy-sign-in'
import { mainProviders } from '../../../electron/main/providers/registry'
import { sampleIntent } from '../providers/attempt-harness'
import { createTestServices } from '../test-app-services'
import { startVoiceBroadcastSandbox } from '../../../electron/main/providers/voice-broadcast/voice-broadcast-sandbox-sim'
import type { ForwardProxy } from './forward-proxy'
import { startForwardProxy } from './forward-proxy'

// Issue #15, proxy authentication in the app: the OS or a PAC file names the proxy and never its
// password, so an agent whose proxy asks for a sign-in gives it in Settings. Here the proxy comes
// from HTTPS_PROXY without credentials (as a system proxy would come); it demands Basic
// authentication; the task is parked as network_blocked (proxy_auth) until the sign-in is stored
// through the contract, then goes through the proxy with it, at once.

const USER = 'agent-7'
const PASSWORD = 'pr0xy-Pa55word:with/odd é'
const closers: (() => Promise<void>)[] = []
let proxy: ForwardProxy

beforeEach(async () => {
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY']) {
    vi.stubEnv(name, '')
    vi.stubEnv(name.toLowerCase(), '')
  }
  proxy = await startForwardProxy({ credentials: `${USER}:${PASSWORD}` })
  closers.push(() => proxy.close())
  vi.stubEnv('HTTPS_PROXY', proxy.url)
  vi.stubEnv('HTTP_PROXY', proxy.url)
})
afterEach(async () => {
  vi.unstubAllEnvs()
  while (closers.length) await closers.pop()!()
})

async function until<T>(probe: () => T | undefined, what: string): Promise<T> {
  const end = Date.now() + 10_000
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/**
 * The app's real services whose voice-broadcast sandbox profile points at a name only the proxy
 * resolves: reaching the simulator by it proves the task went through the proxy.
 */
async function appBehindProxy() {
  const kit = mainProviders.voice_broadcast.sandbox
  vi.spyOn(kit, 'start').mockImplementation(async (secret) => {
    const simulator = await startVoiceBroadcastSandbox(secret)
    closers.push(() => simulator.close())
    const profile: ProfileOf<'voice_broadcast'> = JSON.parse(
      JSON.stringify(simulator.profile).replaceAll('127.0.0.1', 'voice_broadcast.sim.internal'),
    )
    return { ...simulator, profile }
  })
  closers.push(async () => void vi.restoreAllMocks())
  const { services, store, lines } = await createTestServices({ sandbox: true })
  closers.push(() => services.close())
  await services.sandbox!.ready(kit.profileId)
  const profile = services.sandbox!.profile(kit.profileId) as ProfileOf<'voice_broadcast'>
  expect(profile.baseUrl).toContain('voice_broadcast.sim.internal')
  const answers: string[] = []
  const changes: QueueItem[] = []
  const events: string[] = []
  services.events.subscribe((channel, payload) => {
    events.push(JSON.stringify(payload))
    const item = (payload as { item?: QueueItem }).item
    if (channel === 'queue:changed' && item) changes.push(item)
  })
  const call = async <T>(channel: string, input?: unknown): Promise<T> => {
    const result = (await services.dispatch(channel, input)) as Result<T>
    answers.push(JSON.stringify(result))
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
    return result.value
  }
  return { services, store, lines, answers, events, changes, call, profile }
}

describe('proxy sign-in stored in Settings', () => {
  it('a proxy asking for a sign-in parks the task; the sign-in stored through the contract sends it through the proxy', async () => {
    const app = await appBehindProxy()
    const address = new URL(proxy.url).host
    const queued = await app.call<QueueItem>('tasks:submit', { intent: sampleIntent(app.profile) })

    const blocked = await until(
      // Nothing was sent, so the attempt does not count: the refusal is what shows.
      () => app.changes.find((c) => c.id === queued.id && c.state === 'queued' && c.lastProblem),
      'the first attempt',
    )
    expect(blocked).toMatchObject({ state: 'queued', lastProblem: { network: 'proxy_auth' } })
    expect(proxy.connects.length).toBeGreaterThan(0)
    expect(proxy.connects.every((c) => c.credentials === null)).toBe(true)
    // The window learns which proxy to sign in to.
    expect(await app.call<ProxySignInState>('proxy:state')).toEqual({ proxy: address, signIns: [] })

    const state = await app.call<ProxySignInState>('proxy:setSignIn', {
      proxy: address,
      username: USER,
      password: PASSWORD,
    })
    expect(state.signIns).toEqual([{ proxy: address, username: USER, passwordStored: true }])
    // No "Retry now", no waiting out the lane's network hold: the new sign-in releases it.
    const sent = await until(
      () => app.changes.find((c) => c.id === queued.id && c.state === 'sent'),
      'the task sent with the sign-in',
    )
    expect(sent.state).toBe('sent')
    expect(proxy.connects.at(-1)).toEqual({
      target: expect.stringMatching(/^voice_broadcast\.sim\.internal:\d+$/),
      credentials: `${USER}:${PASSWORD}`,
    })
    // In the keychain, and nowhere the app writes words: log, answers, events.
    expect([...app.store.entries.values()].some((v) => v.includes(PASSWORD))).toBe(true)
    for (const text of [app.lines.join('\n'), app.answers.join('\n'), app.events.join('\n')]) {
      expect(text).not.toContain(PASSWORD)
      expect(text).not.toContain(encodeURIComponent(PASSWORD))
      expect(text).not.toContain(Buffer.from(`${USER}:${PASSWORD}`).toString('base64'))
    }
  })

  it('a removed sign-in is no longer sent, and a refused keychain says so', async () => {
    const app = await appBehindProxy()
    const address = new URL(proxy.url).host
    await app.call('proxy:setSignIn', { proxy: address, username: USER, password: PASSWORD })
    expect(await app.call<ProxySignInState>('proxy:clearSignIn', { proxy: address })).toMatchObject({ signIns: [] })
    expect([...app.store.entries.keys()].some((account) => account.startsWith('proxy:'))).toBe(false)

    app.store.setState('locked')
    const refused = await app.services.dispatch('proxy:setSignIn', { proxy: address, username: USER, password: 'x' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'keychain_locked' } })
  })

  it('refuses a malformed proxy address or a user name Basic cannot carry', async () => {
    const app = await appBehindProxy()
    for (const input of [
      { proxy: 'http://proxy:8080', username: USER, password: 'p' },
      { proxy: 'proxy.example.com', username: USER, password: 'p' },
      { proxy: 'proxy.example.com:8080', username: 'a:b', password: 'p' },
      { proxy: 'proxy.example.com:8080', username: USER, password: '' },
    ]) {
      expect(await app.services.dispatch('proxy:setSignIn', input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      })
    }
  })
})
