import { describe, expect, it } from 'vitest'
import type { Clock } from '../../electron/main/core/clock'
import { systemClock } from '../../electron/main/core/clock'
import type { DialRequest } from '../../shared/schemas/dial'
import type { OutdialIntent } from '../../shared/schemas/intents'
import { REPEAT_WINDOW_MS } from '../../shared/schemas/repeat'
import { createTestServices } from './test-app-services'

// Issue 16 item 2 on the real services: main owns the queue, so it asks about the same task queued
// a moment ago whichever window queued it (tasks:submit from the main or quick-callback window,
// dial:confirm from the confirm window). The clock is the system's moved on by the test, never slept.

function movableClock() {
  let offset = 0
  // Monotonic time (what the repeat check reads) stands still but for the test's moves, so a slow
  // machine neither runs out the 30 s nor changes the seconds said; the wall clock runs on.
  const start = Math.round(systemClock.monotonicMs())
  const clock: Clock = {
    now: () => new Date(systemClock.now().getTime() + offset),
    monotonicMs: () => start + offset,
  }
  return { clock, advance: (ms: number) => void (offset += ms) }
}

async function setup() {
  const time = movableClock()
  const { services } = await createTestServices({ sandbox: true, clock: time.clock })
  const webex = services.sandbox!.profiles().find((p) => p.provider === 'webex')!
  if (webex.provider !== 'webex') throw new Error('no sandbox Webex profile')
  const outdial = (destination: string): OutdialIntent => ({
    kind: 'outdial',
    profileId: webex.id,
    destination,
    origin: webex.outdialAnis[0]!.number,
    entryPointId: webex.entryPoints.find((e) => e.direction === 'outbound')!.id,
  })
  return { services, outdial, ...time }
}

describe('the same task queued again from another window', () => {
  it('is asked about in the quick-callback window after the main one, and queued once more when confirmed', async () => {
    const { services, outdial, advance } = await setup()
    try {
      const intent = outdial('+14155550132')
      expect(await services.dispatch('tasks:submit', { intent })).toMatchObject({
        ok: true,
        value: { state: 'queued' },
      })
      advance(4000)
      const asked = await services.dispatch('tasks:submit', { intent, window: 'quickCallback' })
      expect(asked).toMatchObject({ ok: true, value: { repeat: { kind: 'outdial', window: 'main' } } })
      expect((asked as { value: { repeat: { agoMs: number } } }).value.repeat.agoMs).toBe(4000)
      expect(services.outbox!.list()).toHaveLength(1)
      const again = await services.dispatch('tasks:submit', { intent, window: 'quickCallback', confirmedRepeat: true })
      expect(again).toMatchObject({ ok: true, value: { state: 'queued', kind: 'outdial' } })
      expect(services.outbox!.list()).toHaveLength(2)
      // Once the window has passed, it goes without a question.
      advance(REPEAT_WINDOW_MS)
      expect(await services.dispatch('tasks:submit', { intent })).toMatchObject({
        ok: true,
        value: { state: 'queued' },
      })
      expect(services.outbox!.list()).toHaveLength(3)
    } finally {
      await services.close()
    }
  })

  it('is asked about in the dial confirm window, which keeps the request until the agent says yes', async () => {
    const { services, outdial, advance } = await setup()
    try {
      await services.dispatch('tasks:submit', { intent: outdial('+442079460958') })
      advance(2000)
      const outcome = await services.desk.fromText('+44 20 7946 0958', 'clipboard')
      const request = (outcome as { request: DialRequest }).request
      const asked = await services.dispatch('dial:confirm', { requestId: request.id, index: 0 })
      expect(asked).toMatchObject({ ok: true, value: { repeat: { kind: 'outdial', window: 'main' } } })
      expect(await services.dispatch('dial:pending', undefined)).toMatchObject({ value: { id: request.id } })
      const dialled = await services.dispatch('dial:confirm', {
        requestId: request.id,
        index: 0,
        confirmedRepeat: true,
      })
      expect(dialled).toMatchObject({ ok: true, value: { state: 'queued', kind: 'outdial' } })
      expect(await services.dispatch('dial:pending', undefined)).toEqual({ ok: true, value: null })
      expect(services.outbox!.list()).toHaveLength(2)
    } finally {
      await services.close()
    }
  })

  it('auto-dial of a number dialled a moment ago opens the confirm window instead of dialling', async () => {
    const { services } = await setup()
    try {
      await services.settings.update({ autoDial: true })
      expect(await services.desk.fromText('+1 415 555 0132', 'clipboard')).toMatchObject({ kind: 'dialled' })
      const again = await services.desk.fromText('+1 415 555 0132', 'clipboard')
      expect(again).toMatchObject({ kind: 'confirm' })
      expect(services.outbox!.list()).toHaveLength(1)
    } finally {
      await services.close()
    }
  })
})
