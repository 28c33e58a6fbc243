import type { OutboxEvent } from '../../../electron/main/outbox/outbox-events'
import type { OutboxLog } from '../../../electron/main/outbox/outbox'

/** An OutboxLog in memory, for dispatcher and state tests that are not about the disk. */
export function memoryLog(initial: OutboxEvent[] = []): OutboxLog & { events: OutboxEvent[] } {
  const events = [...initial]
  return {
    events,
    replay: () => [...events],
    append: async (event) => {
      events.push(structuredClone(event))
    },
  }
}
