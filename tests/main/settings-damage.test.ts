import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Result } from '../../shared/ipc/result'
import type { ProfileSummary } from '../../shared/schemas/credentials'
import type { OutboxEntry, QueueItem } from '../../shared/schemas/outbox'
import { startWebexSimulator } from '../../electron/main/providers/webex/webex-simulator'
import { drafts, secrets } from '../shared/fixtures'
import { createTestServices } from './test-app-services'
import type { Message } from '../../shared/i18n/message'
import { inEnglish } from '../shared/in-english'

// Trust issue A1: whatever happens to settings.json, no queued task is refused because of it.
// Two Webex profiles point at a Webex simulator; four outdials wait in the queue (sending paused,
// as if offline) when the app stops. The settings file is then damaged in each way the evaluation
// found, and the app starts again with sending on: every task is either sent (its profile came
// back from the last good copy) or held, visibly and unsent, until its profile is back — never
// refused.

type Services = Awaited<ReturnType<typeof createTestServices>>['services']
const call = async <T>(services: Services, channel: string, input?: unknown) =>
  (await services.dispatch(channel, input)) as Result<T>
const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** A first run: two profiles with credentials, four outdials queued while sending is paused. */
async function firstRun() {
  const sim = await startWebexSimulator({ ...secrets.webex, orgId: drafts.webex.orgId, rateLimit: null })
  cleanups.push(() => sim.close())
  const userDataDir = mkdtempSync(join(tmpdir(), 'callboard-settings-damage-'))
  const { services, store } = await createTestServices({ userDataDir })
  const profile = async (label: string) => {
    const saved = value(
      await call<ProfileSummary>(services, 'profiles:save', {
        ...drafts.webex,
        label,
        endpoint: { kind: 'custom', baseUrl: sim.url },
        identityUrl: sim.identityUrl,
      }),
    )
    value(await call(services, 'credentials:set', { profileId: saved.profile.id, secret: secrets.webex }))
    return saved.profile.id
  }
  const a = await profile('Sales A')
  const b = await profile('Sales B')
  services.outbox!.pause()
  const tasks: { id: string; profileId: string }[] = []
  for (const [profileId, n] of [
    [a, 1],
    [a, 2],
    [b, 3],
    [b, 4],
  ] as const) {
    const queued = value(
      await call<QueueItem>(services, 'tasks:submit', {
        intent: {
          kind: 'outdial',
          profileId,
          destination: `+1415555010${n}`,
          entryPointId: 'EP-outbound-1',
          origin: '+14085550100',
        },
      }),
    )
    tasks.push({ id: queued.id, profileId })
  }
  await services.close()
  const settingsFile = join(userDataDir, 'settings.json')
  return { sim, userDataDir, store, settingsFile, good: readFileSync(settingsFile, 'utf8'), a, b, tasks }
}

/** Start again on the same folder and keychain, with sending on, and let every lane look once. */
async function restart({ userDataDir, store }: Awaited<ReturnType<typeof firstRun>>) {
  const { services } = await createTestServices({ userDataDir, secrets: store })
  cleanups.push(() => services.close())
  await services.outbox!.idle()
  return services
}

const states = (services: Services, tasks: { id: string }[]): (OutboxEntry['state'] | 'missing')[] =>
  tasks.map((t) => services.outbox!.get(t.id)?.state ?? 'missing')

/** Wait (on events, not a clock) until every task is in one of the given states. */
const settle = (services: Services, tasks: { id: string }[], allowed: OutboxEntry['state'][]) =>
  vi.waitFor(() => expect(states(services, tasks).every((s) => s !== 'missing' && allowed.includes(s))).toBe(true), {
    timeout: 20_000,
    interval: 10,
  })

describe('settings damage never refuses a queued task (A1)', () => {
  it.each([
    ['one flipped byte that breaks the JSON', (t: string) => t.replace('"version": 2', '"version"; 2')],
    ['an empty file', () => ''],
    ['a file from a newer version', () => JSON.stringify({ version: 9, profiles: 'elsewhere' })],
  ])('%s: the last good copy brings every profile back, and every task is sent', async (_name, damage) => {
    const run = await firstRun()
    writeFileSync(run.settingsFile, damage(run.good))
    const services = await restart(run)
    await settle(services, run.tasks, ['sent'])
    expect(run.sim.tasks).toHaveLength(4)
    expect(value(await call<{ recovery: unknown }>(services, 'settings:get')).recovery).toMatchObject({
      restoredFrom: 'last_good',
    })
  })

  it('a directory in place of the file: read-only, the last good copy used, every task sent', async () => {
    const run = await firstRun()
    rmSync(run.settingsFile)
    mkdirSync(run.settingsFile)
    const services = await restart(run)
    await settle(services, run.tasks, ['sent'])
    const state = inEnglish(value(await call<{ recovery: unknown; readOnly: Message }>(services, 'settings:get')))
    expect(state.recovery).toMatchObject({ restoredFrom: 'last_good' })
    expect(state.readOnly).toMatch(/could not be read/)
  })

  it('one invalid field in one profile, with a good copy of it: that profile alone comes from the copy', async () => {
    const run = await firstRun()
    const doc = JSON.parse(run.good) as { profiles: { id: string; label: string }[] }
    doc.profiles.find((p) => p.id === run.a)!.label = ''
    writeFileSync(run.settingsFile, JSON.stringify(doc))
    const services = await restart(run)
    await settle(services, run.tasks, ['sent'])
    const profiles = value(await call<ProfileSummary[]>(services, 'profiles:list')).map((s) => s.profile.label)
    expect(profiles.sort()).toEqual(['Sales A', 'Sales B'])
  })

  it('one profile damaged in the file and its copy: it is set aside, its tasks are held (not refused), the rest go; repaired, its tasks go too', async () => {
    const run = await firstRun()
    for (const path of [run.settingsFile, join(run.userDataDir, 'settings.last-good.json')]) {
      const doc = JSON.parse(readFileSync(path, 'utf8')) as { profiles: { id: string; endpoint: unknown }[] }
      doc.profiles.find((p) => p.id === run.a)!.endpoint = { kind: 'nowhere' }
      writeFileSync(path, JSON.stringify(doc))
    }
    const services = await restart(run)
    const ofA = run.tasks.filter((t) => t.profileId === run.a)
    const ofB = run.tasks.filter((t) => t.profileId === run.b)
    await settle(services, ofB, ['sent'])
    expect(states(services, ofA)).toEqual(['held', 'held'])
    expect(services.outbox!.get(ofA[0]!.id)!.hold).toBe('no_profile')
    const settings = value(
      await call<{ setAside: { id: string; label: string; data: unknown }[] }>(services, 'settings:get'),
    )
    expect(settings.setAside).toEqual([
      expect.objectContaining({ id: run.a, label: 'Sales A', data: expect.objectContaining({ label: 'Sales A' }) }),
    ])
    // Still held, not refused, after the lanes have looked again and again.
    await services.outbox!.poke('test')
    await services.outbox!.idle()
    expect(states(services, ofA)).toEqual(['held', 'held'])

    // The agent repairs it under its own id: its tasks go on by themselves.
    value(
      await call(services, 'profiles:save', {
        ...drafts.webex,
        id: run.a,
        label: 'Sales A',
        endpoint: { kind: 'custom', baseUrl: run.sim.url },
        identityUrl: run.sim.identityUrl,
      }),
    )
    await settle(services, ofA, ['sent'])
    expect(run.sim.tasks).toHaveLength(4)
    expect(value(await call<{ setAside: unknown[] }>(services, 'settings:get')).setAside).toEqual([])
  })

  it('no last good copy and an empty file: every task held until the file is restored, then every task sent', async () => {
    const run = await firstRun()
    rmSync(join(run.userDataDir, 'settings.last-good.json'))
    writeFileSync(run.settingsFile, '')
    const services = await restart(run)
    expect(states(services, run.tasks)).toEqual(['held', 'held', 'held', 'held'])
    const snapshot = value(await call<{ counts: unknown }>(services, 'queue:list'))
    expect(snapshot.counts).toEqual({ waiting: 0, attention: 4 })
    // Someone puts the file back (from a backup): read again, the tasks go.
    writeFileSync(run.settingsFile, run.good)
    expect(await services.reloadSettings()).toBe(true)
    await settle(services, run.tasks, ['sent'])
    expect(run.sim.tasks).toHaveLength(4)
  })
})
