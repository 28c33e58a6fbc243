import { join } from 'node:path'
import type { OutboxEntry } from '@shared/schemas/outbox'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'
import { isReadOnly } from '../core/storage-errors'
import { JournalLockedError } from './journal'
import type { Outbox, OutboxDeps, OutboxLog } from './outbox'
import { createOutbox } from './outbox'
import type { DurableOutboxLog } from './outbox-log'
import { openOutboxLog, readOutboxLog } from './outbox-log'
import { queueFileNotice } from './queue-file-notice'
import { msg, type Message } from '@shared/i18n/message'

export interface QueueOptions {
  userDataDir: string
  clock: Clock
  logger: Logger
  newId: () => string
  /** Why this process may only show the queue (another Callboard owns the data folder), or null. */
  notOwner: Message | null
  /** Every change, after it is on disk, with the outbox it happened in. */
  onChanged: (entry: OutboxEntry, outbox: Outbox) => void
  /** The rest of what the outbox is given (how to send, whose profile, timers in tests). */
  outbox: Omit<OutboxDeps, 'log' | 'clock' | 'logger' | 'newId' | 'readOnly' | 'onChanged'>
}

/** The task queue as the app runs it: its outbox (when it could be opened), and what to say about it. */
export interface Queue {
  outbox: Outbox | null
  /** The outbox when this process may change it and send from it (not only show it), else null. */
  writable: Outbox | null
  /** Why the queue cannot take tasks at all (another Callboard holds it, it could not be read), or null. */
  unavailable: Message | null
  /** What the agent is told about the queue file (it was damaged and set aside, say): known once started. */
  notice(): Message[] | null
  /** Replays and starts sending (recovery may send at once, so everything else must exist first). */
  start(): Promise<void>
  close(): Promise<void>
}

/**
 * Opens the queue under `<userData>/outbox`: the journal for writing when this process owns the data
 * folder and the disk takes writes; read as it is otherwise (shown, never changed); or not at all,
 * with the reason, when it cannot be read.
 */
export async function openQueue(options: QueueOptions): Promise<Queue> {
  const { clock, logger, notOwner } = options
  const dir = join(options.userDataDir, 'outbox')
  let durable: DurableOutboxLog | null = null
  let log: OutboxLog | null = null
  let unavailable: Message | null = null
  /** Why the queue may only be shown here (another owner, a read-only folder), or null. */
  // Another owner's words are not keyed yet (data-folder.ts): shown as they are.
  let readOnly: Message | null = notOwner
  if (!notOwner) {
    try {
      log = durable = await openOutboxLog({ dir, clock, logger: logger.child('journal') })
    } catch (error) {
      if (isReadOnly(error)) {
        readOnly = msg('queueFile.readOnly', {
          code: String((error as NodeJS.ErrnoException).code),
          dir: options.userDataDir,
        })
      } else {
        unavailable =
          error instanceof JournalLockedError
            ? msg('queueFile.otherCopy', { pid: String(error.pid) })
            : msg('queueFile.cannotOpen', { detail: error instanceof Error ? error.message : String(error) })
      }
      logger.error('outbox unavailable for writing', { error: String(error), readOnly: readOnly !== null })
    }
  }
  if (readOnly) {
    try {
      log = await readOutboxLog(dir)
    } catch (error) {
      unavailable = msg('queueFile.cannotRead', { detail: error instanceof Error ? error.message : String(error) })
    }
  }
  let outbox: Outbox | null = null
  if (log) {
    const made: Outbox = createOutbox({
      ...options.outbox,
      log,
      clock,
      logger: logger.child('outbox'),
      newId: options.newId,
      onChanged: (entry) => options.onChanged(entry, made),
      ...(readOnly ? { readOnly } : {}),
    })
    outbox = made
  }
  let notice: Message[] | null = null
  return {
    outbox,
    writable: readOnly ? null : outbox,
    unavailable,
    notice: () => notice,
    async start() {
      if (!outbox) return
      const started = await outbox.start()
      if (durable) notice = queueFileNotice(durable.notice, started.skipped)
    },
    async close() {
      outbox?.stop()
      await outbox?.idle()
      await durable?.close()
    },
  }
}
