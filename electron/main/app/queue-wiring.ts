import type { Message } from '@shared/i18n/message'
import type { OutboxEntry } from '@shared/schemas/outbox'
import { msg } from '@shared/i18n/message'
import type { Note } from '../core/note'
import type { SendOutcome } from '@shared/schemas/send-outcome'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'
import type { Queue } from '../outbox/open-queue'
import { openQueue } from '../outbox/open-queue'
import type { OutboxDeps } from '../outbox/outbox'
import { attentionNotice, expiringNotice } from '../outbox/queue-views'
import type { ClockSkew } from '../providers/clock-skew'
import type { EventHub } from './event-hub'
import { createNotificationBatcher } from './notification-batcher'
import type { ProfileDirectory } from './profile-directory'

export interface QueueWiringDeps {
  userDataDir: string
  clock: Clock
  logger: Logger
  newId: () => string
  notOwner: Message | null
  events: EventHub
  directory: ProfileDirectory
  skew: ClockSkew
  send: (entry: OutboxEntry) => Promise<SendOutcome>
  notify?: (notification: Note) => void
  /** Timers and randomness for the outbox's dispatcher (tests move time themselves). */
  outbox?: OutboxDeps['dispatcher'] & { historyMs?: number }
}

/**
 * The task queue, told to the window and the desktop: every change as a `queue:changed` event, and
 * what needs the agent as an OS notification (batched by kind: a damaged file holds many at once).
 */
export async function wireQueue(deps: QueueWiringDeps): Promise<{ queue: Queue; dispose(): void }> {
  const { events, notify } = deps
  const notes = createNotificationBatcher((note) => notify?.(note))
  const queue = await openQueue({
    userDataDir: deps.userDataDir,
    clock: deps.clock,
    logger: deps.logger,
    newId: deps.newId,
    notOwner: deps.notOwner,
    onChanged: (entry, outbox) => {
      events.emit('queue:changed', { item: outbox.item(entry), counts: outbox.counts(), lanes: outbox.lanes() })
      const note = attentionNotice(entry)
      if (note) notes.notify(note)
    },
    outbox: {
      findProfile: deps.directory.find,
      send: deps.send,
      onExpiringSoon: (entry, blocker) => notes.notify(expiringNotice(entry, blocker)),
      onStorageChanged: (stopped) => {
        events.emit('queue:stopped', { stopped })
        if (stopped) notify?.({ title: msg('notice.queueStopped'), body: stopped })
      },
      skew: deps.skew,
      ...(deps.outbox ? { dispatcher: deps.outbox } : {}),
      ...(deps.outbox?.historyMs !== undefined ? { historyMs: deps.outbox.historyMs } : {}),
    },
  })
  return { queue, dispose: () => notes.dispose() }
}
