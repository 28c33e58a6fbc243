import type { Message } from '../../../shared/i18n/message'
import { inEnglish } from '../../shared/in-english'
import { readdirSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Result } from '../../../shared/ipc/result'
import type { ProfileSummary } from '../../../shared/schemas/credentials'
import type { HistoryPage } from '../../../shared/schemas/list-pages'
import type { QueueItem, QueueSnapshot } from '../../../shared/schemas/outbox'
import { drafts } from '../../shared/fixtures'
import { createTestServices } from '../test-app-services'
import type { SmallDisk } from './small-disk'
import { mountSmallDisk, smallDiskAvailable } from './small-disk'

// Trust issue A4 on a real filesystem that fills up and goes read-only (a small tmpfs): the agent
// is told plainly, the queue view and every refusal say why, queued tasks are kept and listed,
// nothing is left behind, and the queue carries on by itself once it can write again.

type Services = Awaited<ReturnType<typeof createTestServices>>['services']
const call = async <T>(services: Services, channel: string, input?: unknown) =>
  (await services.dispatch(channel, input)) as Result<T>

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function onDisk(disk: SmallDisk, store?: Awaited<ReturnType<typeof createTestServices>>['store']) {
  const made = await createTestServices({ userDataDir: disk.dir, ...(store ? { secrets: store } : {}) })
  cleanups.push(() => made.services.close())
  return made
}

const outdial = (profileId: string, n: number) => ({
  intent: {
    kind: 'outdial',
    profileId,
    destination: `+1415555010${n}`,
    entryPointId: 'EP-outbound-1',
    origin: '+14085550100',
  },
})

const leftovers = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tmp'))

describe.skipIf(!smallDiskAvailable())('a full or read-only disk (A4)', () => {
  it('a full disk: refused with a plain reason, the queue says it is stopped, and it carries on by itself once there is space', async () => {
    const disk = mountSmallDisk(4096)
    cleanups.push(() => disk.close())
    const { services, store } = await onDisk(disk)
    const stoppedEvents: (Message | null)[] = []
    services.events.subscribe((channel, payload) => {
      if (channel === 'queue:stopped') stoppedEvents.push((payload as { stopped: Message | null }).stopped)
    })
    const saved = await call<ProfileSummary>(services, 'profiles:save', drafts.webex)
    if (!saved.ok) throw new Error(inEnglish(saved.error.message))
    const profileId = saved.value.profile.id
    services.outbox!.pause()
    const before = await call<QueueItem>(services, 'tasks:submit', outdial(profileId, 1))
    expect(before.ok).toBe(true)

    disk.fill()
    // The journal's last page may still hold a record or two: submit until the disk says no.
    const acked = ['+14155550101']
    let refused: Result<QueueItem> | null = null
    for (let n = 2; n < 9 && !refused; n++) {
      const answer = await call<QueueItem>(services, 'tasks:submit', outdial(profileId, n))
      if (answer.ok) acked.push(`+1415555010${n}`)
      else refused = answer
    }
    expect(inEnglish(refused)).toMatchObject({
      ok: false,
      error: {
        code: 'disk_full',
        message: expect.stringMatching(/^The disk that holds Callboard's data is full\./),
      },
    })
    const snapshot = await call<QueueSnapshot>(services, 'queue:list')
    expect(snapshot.ok && inEnglish(snapshot.value.stopped)).toMatch(
      /task queue is stopped: the disk that holds Callboard's data is full/,
    )
    expect(snapshot.ok && snapshot.value.items.map((i) => inEnglish(i.subject)).sort()).toEqual(acked)
    expect(inEnglish(stoppedEvents)).toEqual([expect.stringMatching(/disk that holds Callboard's data is full/)])
    // Settings too: said plainly, and no half-written file left behind.
    expect(inEnglish(await call(services, 'settings:update', { theme: 'dark' }))).toMatchObject({
      ok: false,
      error: { code: 'disk_full', message: expect.stringMatching(/disk that holds Callboard's data is full/) },
    })
    expect(leftovers(disk.dir)).toEqual([])

    // Space is back: the queue notices by itself (its retry), nobody presses anything.
    disk.free()
    await vi.waitFor(() => expect(stoppedEvents.at(-1)).toBeNull(), { timeout: 60_000, interval: 50 })
    expect(services.outbox!.storageProblem()).toBeNull()
    const after = await call<QueueItem>(services, 'tasks:submit', outdial(profileId, 9))
    expect(after.ok).toBe(true)
    acked.push('+14155550109')
    expect(await call(services, 'settings:update', { theme: 'dark' })).toMatchObject({ ok: true })

    // What was acknowledged is exactly what a restart finds: the refused task nowhere.
    await services.close()
    cleanups.pop()
    const again = await onDisk(disk, store)
    const found = again.services.outbox!.list().map((e) => (e.intent.kind === 'outdial' ? e.intent.destination : ''))
    expect(found.sort()).toEqual(acked)
  })

  it('a submit after space returns works at once, before the retry comes round', async () => {
    const disk = mountSmallDisk(4096)
    cleanups.push(() => disk.close())
    const { services } = await onDisk(disk)
    const saved = await call<ProfileSummary>(services, 'profiles:save', drafts.webex)
    if (!saved.ok) throw new Error(inEnglish(saved.error.message))
    services.outbox!.pause()
    disk.fill()
    let refused = false
    for (let n = 1; n < 8 && !refused; n++) {
      refused = !(await call(services, 'tasks:submit', outdial(saved.value.profile.id, n))).ok
    }
    expect(refused).toBe(true)
    disk.free()
    expect(await call(services, 'tasks:submit', outdial(saved.value.profile.id, 9))).toMatchObject({ ok: true })
    expect(services.outbox!.storageProblem()).toBeNull()
  })

  it('a read-only data folder: the queued tasks and the settings are shown as they were, with the reason; nothing can change', async () => {
    const disk = mountSmallDisk(4096)
    cleanups.push(() => disk.close())
    const first = await onDisk(disk)
    const saved = await call<ProfileSummary>(first.services, 'profiles:save', drafts.webex)
    if (!saved.ok) throw new Error(inEnglish(saved.error.message))
    first.services.outbox!.pause()
    for (const n of [1, 2])
      expect((await call(first.services, 'tasks:submit', outdial(saved.value.profile.id, n))).ok).toBe(true)
    await first.services.close()
    cleanups.pop()

    disk.readOnly(true)
    cleanups.push(() => disk.readOnly(false))
    const { services } = await onDisk(disk, first.store)
    const snapshot = await call<QueueSnapshot>(services, 'queue:list')
    expect(snapshot.ok && snapshot.value.items.map((i) => inEnglish(i.subject)).sort()).toEqual([
      '+14155550101',
      '+14155550102',
    ])
    expect(snapshot.ok && inEnglish(snapshot.value.stopped)).toMatch(/cannot be written \(EROFS\)/)
    const history = await call<HistoryPage>(services, 'history:list', {})
    expect(history.ok && history.value.items).toHaveLength(2)
    const state = await call<{ readOnly: Message | null }>(services, 'settings:get')
    expect(state.ok && state.value.readOnly && inEnglish(state.value.readOnly)).toMatch(/cannot be written \(EROFS\)/)
    const profiles = await call<ProfileSummary[]>(services, 'profiles:list')
    expect(profiles.ok && profiles.value.map((p) => p.profile.label)).toEqual(['Webex US'])
    expect(inEnglish(await call(services, 'tasks:submit', outdial(saved.value.profile.id, 3)))).toMatchObject({
      ok: false,
      error: { code: 'read_only', message: expect.stringMatching(/cannot be written \(EROFS\)/) },
    })
  })
})
