import { describe, expect, it } from 'vitest'
import { inEnglish } from '../../shared/in-english'
import { said } from '../../shared/in-english'
import type { Outbox } from '../../../electron/main/outbox/outbox'
import { createOutbox } from '../../../electron/main/outbox/outbox'
import { createLogger } from '../../../electron/main/core/logger'
import type { OutboxEntry } from '../../../shared/schemas/outbox'
import { QueueItem } from '../../../shared/schemas/outbox'
import type { Profile } from '../../../shared/schemas/profiles'
import { Profile as ProfileSchema } from '../../../shared/schemas/profiles'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import type { TaskIntent } from '../../../shared/schemas/intents'
import { drafts } from '../../shared/fixtures'
import type { memoryLog as MemoryLog } from './memory-log'
import { memoryLog } from './memory-log'
import { virtualTime } from './virtual-time'

// Tasks that wait on something on this computer rather than on the provider (trust issue A1, A6,
// A7): a profile that cannot be found, a clock that moved back across a restart, an earlier task
// of the same customer. None of them is ever sent while it waits, none is refused for it, each
// expires at its deadline like any other, and the agent hears before it does.

const WEBEX = ProfileSchema.parse({ ...drafts.webex, id: '11111111-1111-4111-8111-111111111111' })
const OTHER = ProfileSchema.parse({ ...drafts.webex, label: 'Webex EU', id: '22222222-2222-4222-8222-222222222222' })

const outdial = (to: string, profileId = WEBEX.id): TaskIntent => ({
  kind: 'outdial',
  profileId,
  destination: to,
  entryPointId: 'EP-outbound-1',
  origin: '+14085550100',
})

type Script = (entry: OutboxEntry) => SendOutcome | Promise<SendOutcome>
const sent: Script = () => ({ kind: 'sent', providerId: 'p-1', httpStatus: 201 })

function setup(
  script: Script = sent,
  options: { log?: ReturnType<typeof MemoryLog>; time?: ReturnType<typeof virtualTime> } = {},
) {
  const time = options.time ?? virtualTime()
  const log = options.log ?? memoryLog()
  const profiles = new Map<string, Profile>([WEBEX, OTHER].map((p) => [p.id, p]))
  const sends: string[] = []
  const warnings: { id: string; blocker: string | null; at: number }[] = []
  let ids = 0
  const outbox: Outbox = createOutbox({
    log,
    clock: time.clock,
    logger: createLogger(() => undefined, time.clock),
    newId: () => `00000000-0000-4000-8000-${String(++ids + log.events.length).padStart(12, '0')}`,
    findProfile: (id) => profiles.get(id),
    send: async (entry) => {
      sends.push(entry.id)
      return script(entry)
    },
    onChanged: () => undefined,
    onExpiringSoon: (entry, blocker) => warnings.push({ id: entry.id, blocker: blocker?.id ?? null, at: time.nowMs() }),
    dispatcher: { timers: time.timers, random: () => 0.5, tickMs: 30_000 },
  })
  return { time, log, outbox, profiles, sends, warnings }
}

describe('a task whose profile cannot be found (A1)', () => {
  it('is held, never sent or refused, and goes on by itself when the profile is back', async () => {
    const { outbox, profiles, sends, time } = setup()
    await outbox.start()
    outbox.pause()
    const entry = await outbox.submit(outdial('+14155550100'))
    // The settings are damaged: the profile is gone while the task waits.
    profiles.delete(WEBEX.id)
    await outbox.profilesChanged()
    await outbox.resume()
    await time.advance(60_000)
    expect(inEnglish(outbox.get(entry.id))).toMatchObject({ state: 'held', hold: 'no_profile' })
    expect(inEnglish(outbox.get(entry.id)!.lastProblem!.message)).toMatch(/profile cannot be found/)
    expect(inEnglish(outbox.counts())).toEqual({ waiting: 0, attention: 1 })
    expect(inEnglish(sends)).toEqual([])
    // Restored: it goes out without anyone pressing anything.
    profiles.set(WEBEX.id, WEBEX)
    await outbox.profilesChanged()
    await time.advance(10)
    expect(inEnglish(outbox.get(entry.id))).toMatchObject({ state: 'sent' })
    expect(outbox.get(entry.id)!.hold).toBeUndefined()
    expect(inEnglish(sends)).toEqual([entry.id])
  })

  it('is held, not refused, when the profile is missing at the moment it would be sent', async () => {
    const { outbox, profiles, sends, time } = setup()
    await outbox.start()
    outbox.pause()
    const entry = await outbox.submit(outdial('+14155550100'))
    profiles.delete(WEBEX.id) // gone, and nobody said so
    await outbox.resume()
    await time.advance(10)
    expect(inEnglish(outbox.get(entry.id))).toMatchObject({ state: 'held', hold: 'no_profile' })
    expect(inEnglish(sends)).toEqual([])
  })

  it('is held from the start when the profile is missing after a restart, and still expires at its deadline, with a warning first', async () => {
    const first = setup()
    await first.outbox.start()
    first.outbox.pause()
    const entry = await first.outbox.submit(outdial('+14155550100'))
    first.outbox.stop()

    const second = setup(sent, { log: first.log, time: first.time })
    second.profiles.delete(WEBEX.id)
    await second.outbox.start()
    expect(inEnglish(second.outbox.get(entry.id))).toMatchObject({ state: 'held', hold: 'no_profile' })
    // The agent cannot send it: the profile must come back first.
    await expect(second.outbox.retry(entry.id)).rejects.toThrow(/waits for its profile/)
    // 3 minutes before the 15-minute deadline, a warning; then it expires, unsent.
    await second.time.advance(11 * 60_000)
    expect(inEnglish(second.warnings)).toEqual([])
    await second.time.advance(60_000 + 1)
    expect(inEnglish(second.warnings.map((w) => w.id))).toEqual([entry.id])
    await second.time.advance(4 * 60_000)
    expect(second.outbox.get(entry.id)!.state).toBe('expired')
    expect(second.warnings).toHaveLength(1)
    expect(inEnglish(second.sends)).toEqual([])
  })

  it('can be cancelled while it is held', async () => {
    const { outbox, profiles } = setup()
    await outbox.start()
    outbox.pause()
    const entry = await outbox.submit(outdial('+14155550100'))
    profiles.delete(WEBEX.id)
    await outbox.profilesChanged()
    expect((await outbox.cancel(entry.id)).state).toBe('cancelled')
  })
})

describe('a task its profile no longer allows (A1: no state a repair can undo is terminal)', () => {
  it('is held, not refused, when its entry point was removed; it goes on once the profile has it again', async () => {
    const { outbox, profiles, sends, time } = setup()
    await outbox.start()
    outbox.pause()
    const entry = await outbox.submit(outdial('+14155550100'))
    // Edited (or restored from an older copy) without the entry point the task names.
    profiles.set(WEBEX.id, { ...WEBEX, entryPoints: [] } as Profile)
    await outbox.profilesChanged()
    await outbox.resume()
    await time.advance(60_000)
    expect(inEnglish(outbox.get(entry.id))).toMatchObject({ state: 'held', hold: 'profile_changed' })
    expect(inEnglish(outbox.get(entry.id)!.lastProblem!.message)).toMatch(
      /no longer allows this task \(That entry point is not configured/,
    )
    expect(inEnglish(sends)).toEqual([])
    // Another change that still lacks it: still held, not sent.
    profiles.set(WEBEX.id, { ...WEBEX, label: 'Renamed', entryPoints: [] } as Profile)
    await outbox.profilesChanged()
    await time.advance(10)
    expect(outbox.get(entry.id)!.state).toBe('held')
    // Put back: it goes.
    profiles.set(WEBEX.id, WEBEX)
    await outbox.profilesChanged()
    await time.advance(10)
    expect(outbox.get(entry.id)!.state).toBe('sent')
    expect(inEnglish(sends)).toEqual([entry.id])
  })
})

describe('a clock that moved back across a restart (A6)', () => {
  it('holds a task queued "later" than the clock now reads, and sends it only when the agent says so', async () => {
    const first = setup()
    await first.outbox.start()
    first.outbox.pause()
    const entry = await first.outbox.submit(outdial('+14155550100'))
    const other = await first.outbox.submit(outdial('+14155550111', OTHER.id))
    first.outbox.stop()

    // Restarted on a clock an hour behind: this task's age cannot be told.
    first.time.jumpWall(-3_600_000)
    const second = setup(sent, { log: first.log, time: first.time })
    await second.outbox.start()
    await second.time.advance(10)
    expect(inEnglish(second.outbox.get(entry.id))).toMatchObject({ state: 'held', hold: 'clock_moved_back' })
    expect(inEnglish(second.outbox.get(entry.id)!.lastProblem!.message)).toMatch(/clock now reads earlier/)
    expect(inEnglish(second.outbox.get(other.id))).toMatchObject({ state: 'held', hold: 'clock_moved_back' })
    expect(inEnglish(second.sends)).toEqual([])
    // The agent checked the clock and sends it.
    await second.outbox.retry(entry.id)
    await second.time.advance(10)
    expect(second.outbox.get(entry.id)!.state).toBe('sent')
    expect(inEnglish(second.sends)).toEqual([entry.id])
  })

  it('leaves a task alone when the clock moved forward or not at all', async () => {
    const first = setup()
    await first.outbox.start()
    first.outbox.pause()
    const entry = await first.outbox.submit(outdial('+14155550100'))
    first.outbox.stop()
    first.time.jumpWall(30_000) // restarted half a minute later
    const second = setup(sent, { log: first.log, time: first.time })
    await second.outbox.start()
    await second.time.advance(10)
    expect(second.outbox.get(entry.id)!.state).toBe('sent')
  })
})

describe('a task held behind an earlier one of the same customer (A7)', () => {
  it('says which task holds it, and warns before it expires', async () => {
    let first = true
    const { outbox, time, warnings } = setup(() => {
      if (first) {
        first = false
        return { kind: 'needs_review', message: said('The answer was lost.'), providerMessage: null }
      }
      return { kind: 'sent', providerId: 'p-2', httpStatus: 201 }
    })
    await outbox.start()
    const head = await outbox.submit(outdial('+14155550100'))
    await time.advance(10)
    expect(outbox.get(head.id)!.state).toBe('needs_review')
    const behind = await outbox.submit(outdial('+14155550100'))
    const elsewhere = await outbox.submit(outdial('+14155550111'))
    await time.advance(10)
    expect(outbox.get(elsewhere.id)!.state).toBe('sent')
    expect(outbox.get(behind.id)!.state).toBe('queued')

    const item = QueueItem.parse(outbox.item(outbox.get(behind.id)!))
    expect(inEnglish(item.waitingBehind)).toEqual({ id: head.id, subject: '+14155550100', state: 'needs_review' })
    expect(outbox.item(outbox.get(elsewhere.id)!).waitingBehind).toBeNull()

    // Its 15 minutes run out while the review waits: warned at 12 minutes, once, naming the holder.
    await time.advance(11 * 60_000)
    expect(inEnglish(warnings)).toEqual([])
    await time.advance(60_000)
    expect(inEnglish(warnings)).toEqual([{ id: behind.id, blocker: head.id, at: expect.any(Number) }])
    await time.advance(4 * 60_000)
    expect(outbox.get(behind.id)!.state).toBe('expired')
    expect(warnings).toHaveLength(1)
  })

  it('goes out once the task before it is settled, and then waits behind nothing', async () => {
    let first = true
    const { outbox, time, sends } = setup(() => {
      if (first) {
        first = false
        return { kind: 'needs_review', message: said('The answer was lost.'), providerMessage: null }
      }
      return { kind: 'sent', providerId: 'p-2', httpStatus: 201 }
    })
    await outbox.start()
    const head = await outbox.submit(outdial('+14155550100'))
    await time.advance(10)
    const behind = await outbox.submit(outdial('+14155550100'))
    await time.advance(10)
    await outbox.resolve(head.id, 'done')
    await time.advance(10)
    expect(outbox.get(behind.id)!.state).toBe('sent')
    expect(outbox.item(outbox.get(behind.id)!).waitingBehind).toBeNull()
    expect(inEnglish(sends)).toEqual([head.id, behind.id])
  })
})
