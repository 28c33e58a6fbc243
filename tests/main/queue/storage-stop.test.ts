import { renderMessage } from '../../../shared/i18n/render-message'
import type { Message } from '../../../shared/i18n/message'
import { inEnglish } from '../../shared/in-english'
import { describe, expect, it } from 'vitest'
import type { OutboxLog } from '../../../electron/main/outbox/outbox'
import { createOutbox } from '../../../electron/main/outbox/outbox'
import type { OutboxEvent } from '../../../electron/main/outbox/outbox-events'
import { trayMenu, trayState } from '../../../electron/main/desktop/tray-state'
import { createLogger } from '../../../electron/main/core/logger'
import { Profile } from '../../../shared/schemas/profiles'
import { drafts } from '../../shared/fixtures'
import { virtualTime } from './virtual-time'

// Trust issue A4 on virtual time: when the log refuses a write the queue stops (nothing is sent,
// since no change could be recorded), says so, and starts again by itself once a retry can write.
// The same on a real full disk is tests/main/storage/disk-full.test.ts.

const WEBEX = Profile.parse({ ...drafts.webex, id: '11111111-1111-4111-8111-111111111111' })

/** A log on a disk that can fill up: writes fail with ENOSPC while `full`, as the journal's do. */
function diskLog() {
  let events: OutboxEvent[] = []
  let full = false
  let failure: NodeJS.ErrnoException | null = null
  const log: OutboxLog & { fill(): void; free(): void; events: () => OutboxEvent[] } = {
    replay: () => [...events],
    async append(event) {
      if (failure) throw failure
      if (full) {
        failure = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
        throw failure
      }
      events.push(structuredClone(event))
    },
    failure: () => failure,
    async recover(snapshot) {
      if (full) throw Object.assign(new Error('ENOSPC: no space left on device, open'), { code: 'ENOSPC' })
      events = snapshot()
      failure = null
    },
    fill: () => (full = true),
    free: () => (full = false),
    events: () => events,
  }
  return log
}

describe('a queue whose disk fills up (A4)', () => {
  it('stops, says so, sends nothing meanwhile, and starts again by itself once it can write', async () => {
    const time = virtualTime()
    const log = diskLog()
    const changes: (Message | null)[] = []
    const sent: string[] = []
    let ids = 0
    const outbox = createOutbox({
      log,
      clock: time.clock,
      logger: createLogger(() => undefined, time.clock),
      newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
      findProfile: (id) => (id === WEBEX.id ? WEBEX : undefined),
      send: async (entry) => {
        sent.push(entry.id)
        return { kind: 'sent', providerId: 'p', httpStatus: 201 }
      },
      onChanged: () => undefined,
      onStorageChanged: (problem) => changes.push(problem),
      dispatcher: { timers: time.timers, random: () => 0.5 },
    })
    await outbox.start()
    outbox.pause()
    const intent = (n: number) => ({
      kind: 'outdial' as const,
      profileId: WEBEX.id,
      destination: `+1415555010${n}`,
      entryPointId: 'EP-outbound-1',
      origin: '+14085550100',
    })
    const kept = await outbox.submit(intent(1))

    log.fill()
    await expect(outbox.submit(intent(2))).rejects.toMatchObject({
      code: 'disk_full',
      message: expect.stringMatching(/^The disk that holds Callboard's data is full/),
    })
    expect(inEnglish(outbox.storageProblem())).toMatch(
      /task queue is stopped: the disk that holds Callboard's data is full/,
    )
    expect(inEnglish(changes)).toEqual([expect.stringMatching(/stopped/)])
    // Still full: a later submit is refused the same way, without touching the log.
    await expect(outbox.submit(intent(3))).rejects.toMatchObject({ code: 'disk_full' })
    // Sending resumed by the agent: nothing goes out while no change can be recorded.
    await outbox.resume()
    await time.advance(10_000)
    expect(sent).toEqual([])
    expect(outbox.get(kept.id)!.state).toBe('queued')

    // Space comes back; nobody does anything. The retry (2 s, then 4 s, ...) finds it.
    log.free()
    await time.advance(30_000)
    expect(inEnglish(changes)).toEqual([expect.stringMatching(/stopped/), null])
    expect(outbox.storageProblem()).toBeNull()
    expect(sent).toEqual([kept.id])
    // The log was rewritten from what was acknowledged: the refused tasks are not in it.
    expect(log.events().filter((e) => e.t === 'queued')).toHaveLength(1)
    outbox.stop()
  })

  it('the tray shows a stopped queue as needing the agent, with why', () => {
    expect(trayState({ waiting: 0, attention: 0 }, [], true)).toBe('attention')
    const menu = trayMenu('attention', { waiting: 1, attention: 0 }, false, true)
    expect(renderMessage(menu.tooltip)).toBe('Callboard: the task queue is stopped (its disk refuses writes)')
    expect(menu.items.map((item) => (item.kind === 'separator' ? '' : renderMessage(item.label)))).toContain(
      'Task queue stopped: open Callboard to see why',
    )
  })
})
