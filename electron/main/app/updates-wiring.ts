import type { UpdatesOffReason } from '@shared/schemas/updates'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'
import type { Queue } from '../outbox/open-queue'
import type { UpdateKeeper, UpdaterPort } from '../updates/update-keeper'
import { createUpdateKeeper } from '../updates/update-keeper'
import type { EventHub } from './event-hub'

export interface UpdatesWiringDeps {
  /** The update library behind its port (the packaged app), or why there is none. */
  updates?: { port: UpdaterPort | null; offReason?: UpdatesOffReason }
  queue: Queue
  clock: Clock
  logger: Logger
  events: EventHub
}

/** Update checks and the restart to update, which waits for the queue's requests on the wire. */
export function wireUpdates({ updates, queue, clock, logger, events }: UpdatesWiringDeps): UpdateKeeper {
  const outbox = queue.writable
  return createUpdateKeeper({
    updater: updates?.port ?? null,
    offReason: updates?.offReason ?? 'no_feed',
    // A restart to update waits for the answers of the requests on the wire, and starts no other.
    sends: outbox
      ? { sending: outbox.sending, hold: outbox.holdSends, release: outbox.releaseSends }
      : { sending: () => 0, hold: () => Promise.resolve(), release: () => undefined },
    clock,
    logger: logger.child('updates'),
    onChange: (status) => events.emit('updates:changed', status),
  })
}
