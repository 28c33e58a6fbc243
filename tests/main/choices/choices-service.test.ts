import { readFile, readdir } from 'node:fs/promises'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Clock } from '../../../electron/main/core/clock'
import { startWebexSimulator, WEBEX_SIM_IDENTITY_PREFIX } from '../../../electron/main/providers/webex/webex-simulator'
import type { Result } from '../../../shared/ipc/result'
import type { ChoiceList } from '../../../shared/schemas/choices'
import type { ProfileSummary } from '../../../shared/schemas/credentials'
import { renderMessage } from '../../../shared/i18n/render-message'
import { drafts, secrets } from '../../shared/fixtures'
import { inEnglish } from '../../shared/in-english'
import { createTestServices } from '../test-app-services'

// `choices:list` through the contract, as the window calls it: a profile of the agent's own against
// the Webex simulator over loopback HTTP, the list kept on disk with the time fetched, a refresh, and
// a failed refresh that keeps what was fetched; the sandbox's Connect profile through its simulator.

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

/** A wall clock the test moves by hand; the monotonic one is real. */
function handClock(start: string): Clock & { set(iso: string): void } {
  let now = Date.parse(start)
  return {
    now: () => new Date(now),
    monotonicMs: () => performance.now(),
    set: (iso) => void (now = Date.parse(iso)),
  }
}

async function app(overrides: Parameters<typeof createTestServices>[0] = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'callboard-choices-'))
  const made = await createTestServices({ userDataDir, ...overrides })
  cleanups.push(() => made.services.close())
  const call = async <T>(channel: string, input?: unknown): Promise<T> => {
    const result = (await made.services.dispatch(channel, input)) as Result<T>
    if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error.message}`), { code: result.error.code })
    return result.value
  }
  return { ...made, call, userDataDir }
}

async function webexSim() {
  const s = await startWebexSimulator({
    clientId: secrets.webex.clientId,
    clientSecret: secrets.webex.clientSecret,
    refreshToken: secrets.webex.refreshToken,
    orgId: drafts.webex.orgId,
    lists: {
      entryPoints: [
        { id: 'ep-sales', name: 'Sales outbound', entryPointType: 'OUTBOUND' },
        { id: 'ep-care', name: 'Care inbound', entryPointType: 'INBOUND' },
      ],
    },
  })
  cleanups.push(s.close)
  return s
}

async function webexProfile(call: <T>(channel: string, input?: unknown) => Promise<T>, baseUrl: string) {
  const saved = await call<ProfileSummary>('profiles:save', {
    ...drafts.webex,
    endpoint: { kind: 'custom', baseUrl },
    identityUrl: `${baseUrl}${WEBEX_SIM_IDENTITY_PREFIX}`,
  })
  await call('credentials:set', { profileId: saved.profile.id, secret: secrets.webex })
  return saved.profile.id
}

describe('choices:list', () => {
  it('a removed profile takes its lists with it', async () => {
    const { call, userDataDir } = await app()
    const s = await webexSim()
    const profileId = await webexProfile(call, s.url)
    await call<ChoiceList>('choices:list', { profileId, kind: 'webex_entry_points' })
    const file = join(userDataDir, 'choices', `${profileId}.json`)
    expect(existsSync(file)).toBe(true)
    await call('profiles:remove', { profileId })
    expect(existsSync(file)).toBe(false)
  })

  it('fetches once, keeps the list on disk with its time, and fetches again only on refresh', async () => {
    const clock = handClock('2026-12-07T10:00:00.000Z')
    const { call, userDataDir } = await app({ clock })
    const s = await webexSim()
    const profileId = await webexProfile(call, s.url)

    const first = await call<ChoiceList>('choices:list', { profileId, kind: 'webex_entry_points' })
    expect(first).toEqual({
      profileId,
      kind: 'webex_entry_points',
      choices: [
        { value: 'ep-sales', name: 'Sales outbound', detail: 'OUTBOUND' },
        { value: 'ep-care', name: 'Care inbound', detail: 'INBOUND' },
      ],
      fetchedAt: '2026-12-07T10:00:00.000Z',
      truncated: false,
      problem: null,
    })
    const onDisk = JSON.parse(await readFile(join(userDataDir, 'choices', `${profileId}.json`), 'utf8'))
    expect(onDisk.lists.webex_entry_points.fetchedAt).toBe('2026-12-07T10:00:00.000Z')

    clock.set('2026-12-07T11:00:00.000Z')
    const listed = () => s.ledger.filter((l) => l.verdict === 'listed').length
    expect(await call<ChoiceList>('choices:list', { profileId, kind: 'webex_entry_points' })).toEqual(first)
    expect(listed()).toBe(1)
    const again = await call<ChoiceList>('choices:list', { profileId, kind: 'webex_entry_points', refresh: true })
    expect(again.fetchedAt).toBe('2026-12-07T11:00:00.000Z')
    expect(listed()).toBe(2)
  })

  it('a profile that now points elsewhere (another host or organization) gets its own list, not the cached one', async () => {
    const { call } = await app()
    const first = await webexSim()
    const profileId = await webexProfile(call, first.url)
    await call<ChoiceList>('choices:list', { profileId, kind: 'webex_entry_points' })
    const second = await startWebexSimulator({
      ...secrets.webex,
      orgId: drafts.webex.orgId,
      lists: { entryPoints: [{ id: 'ep-elsewhere', name: 'Elsewhere', entryPointType: 'OUTBOUND' }] },
    })
    cleanups.push(second.close)
    await call('profiles:save', {
      ...drafts.webex,
      id: profileId,
      endpoint: { kind: 'custom', baseUrl: second.url },
      identityUrl: `${second.url}${WEBEX_SIM_IDENTITY_PREFIX}`,
    })
    const moved = await call<ChoiceList>('choices:list', { profileId, kind: 'webex_entry_points' })
    expect(moved.choices.map((c) => c.value)).toEqual(['ep-elsewhere'])
    // Another organization on that host, which cannot be reached: nothing cached is its list.
    await second.close()
    await call('profiles:save', {
      ...drafts.webex,
      id: profileId,
      orgId: 'another-org',
      endpoint: { kind: 'custom', baseUrl: second.url },
      identityUrl: `${second.url}${WEBEX_SIM_IDENTITY_PREFIX}`,
    })
    expect(await call<ChoiceList>('choices:list', { profileId, kind: 'webex_entry_points' })).toMatchObject({
      choices: [],
      fetchedAt: null,
      problem: { kind: 'offline' },
    })
  })

  it('a refresh that fails keeps the cached list and says why', async () => {
    const { call } = await app()
    const s = await webexSim()
    const profileId = await webexProfile(call, s.url)
    const first = await call<ChoiceList>('choices:list', { profileId, kind: 'webex_entry_points' })
    await s.close()
    const offline = await call<ChoiceList>('choices:list', { profileId, kind: 'webex_entry_points', refresh: true })
    expect(inEnglish(offline)).toEqual({
      ...first,
      problem: { kind: 'offline', message: 'Webex could not be reached.' },
    })
    // A message key, not English: a Spanish window says it in Spanish.
    expect(renderMessage(offline.problem!.message, 'es')).toBe('No se pudo contactar con Webex.')
  })

  it('without credentials nothing is fetched, and the reason is given', async () => {
    const { call } = await app()
    const saved = await call<ProfileSummary>('profiles:save', drafts.connect)
    expect(
      inEnglish(
        await call<ChoiceList>('choices:list', { profileId: saved.profile.id, kind: 'connect_task_templates' }),
      ),
    ).toEqual({
      profileId: saved.profile.id,
      kind: 'connect_task_templates',
      choices: [],
      fetchedAt: null,
      truncated: false,
      problem: { kind: 'missing_credentials', message: 'Store this profile’s credentials to fetch its lists.' },
    })
  })

  it("a list the profile's provider does not offer, and an unknown profile, are refused", async () => {
    const { call } = await app()
    const saved = await call<ProfileSummary>('profiles:save', drafts.egain)
    await expect(
      call('choices:list', { profileId: saved.profile.id, kind: 'webex_entry_points' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    })
    await expect(
      call('choices:list', { profileId: '00000000-0000-4000-8000-000000000000', kind: 'webex_entry_points' }),
    ).rejects.toMatchObject({ code: 'not_found' })
  })

  it('two asks at once share one fetch', async () => {
    const { call } = await app()
    const s = await webexSim()
    const profileId = await webexProfile(call, s.url)
    const [a, b] = await Promise.all([
      call<ChoiceList>('choices:list', { profileId, kind: 'webex_entry_points' }),
      call<ChoiceList>('choices:list', { profileId, kind: 'webex_entry_points', refresh: true }),
    ])
    expect(a).toEqual(b)
    expect(s.ledger.filter((l) => l.verdict === 'listed')).toHaveLength(1)
  })

  it("the sandbox's Connect profile lists its simulator's flows, quick connects and active templates", async () => {
    const { call, userDataDir } = await app({ sandbox: true })
    const profiles = await call<ProfileSummary[]>('profiles:list')
    const connect = profiles.find((p) => p.sandbox && p.profile.provider === 'connect')!.profile.id
    const values = async (kind: string) =>
      (await call<ChoiceList>('choices:list', { profileId: connect, kind })).choices.map((c) => c.value)
    expect(await values('connect_contact_flows')).toEqual(['sandbox-task-flow', 'sandbox-escalation-flow'])
    expect(await values('connect_quick_connects')).toEqual(['sandbox-quick-connect', 'sandbox-supervisor'])
    expect(await values('connect_task_templates')).toEqual(['sandbox-task-template'])
    expect(await readdir(join(userDataDir, 'choices'))).toEqual([`${connect}.json`])
  })
})
