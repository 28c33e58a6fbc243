import { describe, expect, it } from 'vitest'
import type { Clock } from '../../../electron/main/core/clock'
import { createRepeatGuard } from '../../../electron/main/outbox/repeat-guard'
import type { TaskIntent } from '../../../shared/schemas/intents'
import type { QueueItem } from '../../../shared/schemas/outbox'
import { REPEAT_WINDOW_MS, type TaskWindow } from '../../../shared/schemas/repeat'
import { taskIdentity } from '../../../shared/providers/registry'

// Issue 16 item 2, in main: a second identical task within 30 s, from any window, is answered with
// how long ago and from where instead of being queued, unless the agent confirmed it. Identical: same
// kind, same profile, same customer or subject (each provider's `identity`).

const P1 = '5a4db0c5-0000-4000-8000-000000000001'
const P2 = '5a4db0c5-0000-4000-8000-000000000002'
const callback = (over: Partial<Extract<TaskIntent, { kind: 'callback'; provider: 'webex' }>> = {}): TaskIntent => ({
  kind: 'callback',
  provider: 'webex',
  profileId: P1,
  when: { kind: 'now' },
  destination: '+447911123458',
  customerName: 'Ana',
  reason: '',
  entryPointId: 'EP',
  ...over,
})
const outdial = (destination: string, profileId = P1): TaskIntent => ({
  kind: 'outdial',
  profileId,
  destination,
  entryPointId: 'EP',
  origin: '+14085550100',
})

/** A clock that moves only when the test says (monotonic time is what the guard reads). */
function fakeClock(startMs = 1_000_000) {
  let ms = startMs
  const clock: Clock = { now: () => new Date(ms), monotonicMs: () => ms }
  return { clock, advance: (by: number) => void (ms += by) }
}

const accepts = async () => {}

function setup(check: (intent: TaskIntent) => Promise<void> = accepts) {
  const time = fakeClock()
  const queued: TaskIntent[] = []
  const guard = createRepeatGuard({
    clock: time.clock,
    submit: async (task) => {
      queued.push(task)
      return { id: `task-${queued.length}` } as QueueItem
    },
    check,
  })
  const submit = (intent: TaskIntent, window: TaskWindow = 'main', confirmedRepeat = false) =>
    guard.submit({ intent, window, confirmedRepeat })
  return { ...time, guard, queued, submit }
}

describe('the repeat guard', () => {
  it('asks about the same callback 4 s later, with how long ago and the window it came from', async () => {
    const { submit, advance, queued } = setup()
    await submit(callback(), 'quickCallback')
    advance(4000)
    // A note or a name typed differently is still the same callback to the same number.
    expect(await submit(callback({ customerName: 'Ana Pérez', reason: 'again' }), 'main')).toEqual({
      repeat: { agoMs: 4000, kind: 'callback', window: 'quickCallback' },
    })
    expect(queued).toHaveLength(1)
  })

  it('queues it once more when the agent confirmed, and counts from that one', async () => {
    const { submit, advance, queued } = setup()
    await submit(callback())
    advance(4000)
    expect(await submit(callback(), 'quickCallback', true)).toEqual({ id: 'task-2' })
    advance(1000)
    expect(await submit(callback())).toEqual({ repeat: { agoMs: 1000, kind: 'callback', window: 'quickCallback' } })
    expect(queued).toHaveLength(2)
  })

  it('forgets each task as its own window passes, the later ones still asked about', async () => {
    const { submit, advance, guard } = setup()
    await submit(outdial('+14155550100'))
    advance(10_000)
    await submit(outdial('+14155550111'))
    advance(REPEAT_WINDOW_MS - 10_000)
    await submit(outdial('+14155550122'))
    expect(guard.size()).toBe(2)
    expect(await submit(outdial('+14155550111'))).toHaveProperty('repeat')
    advance(10_000)
    await submit(outdial('+14155550133'))
    expect(guard.size()).toBe(2)
    expect(await submit(outdial('+14155550122'))).toHaveProperty('repeat')
  })

  it('lets it through once the window has passed, and forgets what it held', async () => {
    const { submit, advance, guard, queued } = setup()
    await submit(outdial('+14155550100'))
    advance(REPEAT_WINDOW_MS - 1)
    expect(await submit(outdial('+14155550100'))).toHaveProperty('repeat')
    advance(1)
    expect(await submit(outdial('+14155550100'))).toEqual({ id: 'task-2' })
    advance(REPEAT_WINDOW_MS)
    await submit(outdial('+14155550199'))
    expect(guard.size()).toBe(1)
    expect(queued).toHaveLength(3)
  })

  it('tells apart another number, another profile and another kind', async () => {
    const { submit, advance, queued } = setup()
    await submit(outdial('+14155550100'))
    advance(1000)
    expect(await submit(outdial('+14155550101'))).toEqual({ id: 'task-2' })
    expect(await submit(outdial('+14155550100', P2))).toEqual({ id: 'task-3' })
    expect(await submit(callback({ destination: '+14155550100' }))).toEqual({ id: 'task-4' })
    expect(await submit(outdial('+14155550100'))).toEqual({
      repeat: { agoMs: 1000, kind: 'outdial', window: 'main' },
    })
    expect(queued).toHaveLength(4)
  })

  it('asks about the second of two presses that race (the first not answered yet)', async () => {
    const time = fakeClock()
    let finish: (item: QueueItem) => void = () => {}
    let calls = 0
    const guard = createRepeatGuard({
      clock: time.clock,
      submit: () => {
        calls += 1
        return calls === 1
          ? new Promise<QueueItem>((resolve) => (finish = resolve))
          : Promise.reject(new Error('must not be queued'))
      },
      check: accepts,
    })
    const first = guard.submit({ intent: outdial('+14155550100'), window: 'main', confirmedRepeat: false })
    const second = await guard.submit({ intent: outdial('+14155550100'), window: 'main', confirmedRepeat: false })
    expect(second).toEqual({ repeat: { agoMs: 0, kind: 'outdial', window: 'main' } })
    finish({ id: 'task-1' } as QueueItem)
    expect(await first).toEqual({ id: 'task-1' })
  })

  it('a refused task is not remembered: the corrected one is not asked about', async () => {
    const { clock } = fakeClock()
    let full = true
    const guard = createRepeatGuard({
      clock,
      submit: async () => {
        if (full) throw new Error('disk full')
        return { id: 'task-1' } as QueueItem
      },
      check: accepts,
    })
    const request = { intent: outdial('+14155550100'), window: 'main' as const, confirmedRepeat: false }
    await expect(guard.submit(request)).rejects.toThrow('disk full')
    full = false
    expect(await guard.submit(request)).toEqual({ id: 'task-1' })
  })

  it('a repeat the queue would refuse is refused with its reason, not asked about', async () => {
    let refuse = false
    const { submit, advance, queued } = setup(async () => {
      if (refuse) throw new Error('too soon on the provider’s clock')
    })
    await submit(callback())
    advance(4000)
    refuse = true
    await expect(submit(callback())).rejects.toThrow('too soon')
    refuse = false
    expect(await submit(callback())).toEqual({ repeat: { agoMs: 4000, kind: 'callback', window: 'main' } })
    expect(queued).toHaveLength(1)
  })

  it('identifies follow-ups by customer and subject', () => {
    const egain = (value: string, subject: string): TaskIntent => ({
      kind: 'followUp',
      provider: 'egain',
      profileId: P1,
      department: '',
      subtype: 'Call back',
      subject,
      lookup: { attribute: 'email.emailAddress', value },
      createCustomer: true,
    })
    expect(taskIdentity(egain('ana@example.com', 'Contract'))).toBe(taskIdentity(egain('ANA@example.com ', 'Contract')))
    expect(taskIdentity(egain('ana@example.com', 'Contract'))).not.toBe(
      taskIdentity(egain('ana@example.com', 'Refund')),
    )
  })
})
