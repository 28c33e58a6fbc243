import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'
import type { Journal } from './journal'
import { JOURNAL_FORMAT, JOURNAL_VERSION, liveSizeBytes, openJournal, shouldCompact } from './journal'
import { scanJournal } from './journal-scan'
import type { OutboxLog } from './outbox'
import { issuesToAppend, OutboxEvent } from './outbox-events'
import { journalNotice, type JournalNotice } from './queue-file-notice'

export interface DurableOutboxLog extends OutboxLog {
  notice: JournalNotice | null
  close(): Promise<void>
}

/** The journal's watermark counts tasks: how many `queued` records the file holds before each record. */
const isTask = (event: OutboxEvent) => event.t === 'queued'

/** The outbox's events in the journal under `<userData>/outbox`, compacted when it doubles. */
export async function openOutboxLog(options: {
  dir: string
  clock: Clock
  logger: Logger
  /** No compaction below this file size; default that of `shouldCompact`. The crash harness lowers it. */
  compactMinBytes?: number
}): Promise<DurableOutboxLog> {
  const opened = await openJournal({
    dir: options.dir,
    schema: OutboxEvent,
    appendCheck: issuesToAppend,
    clock: options.clock,
    logger: options.logger,
    content: 'outbox-events',
    counted: isTask,
  })
  const journal: Journal<OutboxEvent> = opened.journal
  const notice = journalNotice(opened)
  if (notice) options.logger.warn('outbox journal recovered', notice)
  // The live size as of the last compaction (or open); the journal is rewritten once it doubles.
  let liveBytes = journal.sizeBytes()

  return {
    notice,
    replay: () => opened.records,
    lostChanges: () => new Set(notice?.kind === 'damaged' ? notice.changedIds : []),
    append: (event) => journal.append(event),
    maybeCompact(snapshot, estimate) {
      // Asked after every change: nothing is made while there is nothing to do.
      if (!shouldCompact(journal.sizeBytes(), liveBytes, 2, options.compactMinBytes)) return
      // A queue that only grew has (almost) nothing to drop: rewriting it would stall every append
      // behind a copy of the whole file for nothing. Compact once a tenth of the file is dead;
      // otherwise look again when the file doubles from here (it stays within 2× the live size).
      // Decided on the outbox's estimate: serializing the whole queue just to decide was itself a
      // stall of several milliseconds, every time the file doubled.
      const estimated = estimate()
      if (!shouldCompact(journal.sizeBytes(), estimated, 1.1, options.compactMinBytes)) {
        liveBytes = estimated
        return
      }
      // Taken synchronously: every append called so far is reflected, as compact requires.
      const live = snapshot()
      liveBytes = liveSizeBytes(live, 'outbox-events', isTask)
      options.logger.info('outbox journal compacting', { fileBytes: journal.sizeBytes(), liveBytes })
      return journal.compact(live)
    },
    failure: () => journal.failure()?.cause ?? null,
    recover: (snapshot) => journal.recover(snapshot()),
    compactNow(snapshot) {
      const live = snapshot()
      liveBytes = liveSizeBytes(live, 'outbox-events', isTask)
      return journal.compact(live)
    },
    close: () => journal.close(),
  }
}

/**
 * The queue as it is on disk, for a Callboard that may not write there (a read-only disk, or
 * another Callboard owns the folder): every intact record, read without the lock and without
 * changing a byte (no torn tail cut, nothing set aside). Nothing can be appended.
 */
export async function readOutboxLog(dir: string): Promise<OutboxLog> {
  let bytes: Buffer
  try {
    bytes = await readFile(join(dir, 'outbox.journal'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    bytes = Buffer.alloc(0)
  }
  const scan =
    bytes.byteLength === 0
      ? null
      : scanJournal(bytes, {
          schema: OutboxEvent,
          format: JOURNAL_FORMAT,
          version: JOURNAL_VERSION,
          content: 'outbox-events',
          counted: isTask,
        })
  return {
    replay: () => scan?.records ?? [],
    append: () => Promise.reject(new Error('This queue is read-only here.')),
  }
}
