/**
 * Durable append-only record journal for the outbox (issue #5).
 *
 * Why this and not a database or a JSON store:
 * - better-sqlite3 is a native addon. Electron needs it rebuilt against its own ABI, which requires
 *   Electron's headers, and those cannot be fetched on this build box; it would also ship a second
 *   SQLite beside the one inside Chromium, for what is a queue of a few thousand small records.
 * - node:sqlite does not exist in Node 20 and is still flagged experimental in the Node that
 *   Electron embeds; betting the one durability-critical file on an experimental API is the wrong
 *   trade.
 * - electron-store, lowdb and similar whole-file JSON stores rewrite the entire document on every
 *   change (cost grows with the queue), cannot tell a torn or bit-flipped file from a valid one
 *   (they either throw or silently start empty), and assume one process.
 * - An append-only file of length- and CRC-framed lines needs only Node's fs: an append is one
 *   write plus one fsync (shared by concurrent appends), recovery is a linear scan that can say
 *   exactly which bytes were torn off, and the whole thing fits in a few hundred lines that the
 *   crash and disk-fault tests can cover completely.
 *
 * On disk (`<dir>/<name>`, default `outbox.journal`): UTF-8 lines, each framed by
 * `record-codec.ts` as `<byte length> <crc32 hex> <json>\n`. Line 1 is the header
 * `{"format":"callboard-journal","version":2,"content":...,"createdAt":...}`; every later line is
 * one caller record. A file is always created whole (temp file, fsync, rename, directory fsync), so
 * a journal without a complete header was not written by us.
 *
 * The watermark (version 2): every record is written with `countedBefore`, how many records of the
 * kind the owner counts (the outbox counts its queued tasks) this file holds before it. It is put
 * in when the record is written, in file order, so compaction and recovery, which write a new file,
 * number it afresh. On reading, a record after a damaged stretch tells exactly how many counted
 * records the stretch held, and a record whose count runs ahead of what was kept shows records cut
 * out of a file that looks intact. It lives in the records themselves, so keeping it costs no write
 * of its own. Version 1 files (no watermark) are read and rewritten as version 2 at open.
 *
 * Recovery (`journal-scan.ts`): a damaged stretch never hides the records after it. The file is
 * kept as it was beside the journal (quarantine), every intact record is written into a fresh
 * journal, and the result says which stretches were lost and what the watermark counts in them.
 *
 * Concurrency: one writer per folder (lock, `journal-lock.ts`); inside the process all writes go
 * through one queue. Appends waiting together are written with one write and one fsync (group
 * commit) in call order. `compact()` takes its turn in the same queue: appends called after it
 * wait, and are written to the new file once the rename is durable; none are lost.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { z } from 'zod'
import { issueText } from '@shared/i18n/issue-message'
import { quarantineName } from '../core/atomic-file'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'
import { crashPoint } from './crash-points'
import { errorCode, nodeJournalFs, type JournalFileHandle, type JournalFs } from '../core/fs-facade'
import { acquireJournalLock, type HeldLock } from '../core/journal-lock'
import type { DamagedStretch, JournalDamageCode, JournalLoss, JournalScan, JournalTornTail } from './journal-scan'
import { describeIssues, scanJournal } from './journal-scan'
import { addLine, encodeRecord, LineBuffer } from './record-codec'

export { JournalLockedError } from '../core/journal-lock'
export type { DamagedStretch, JournalDamageCode, JournalLoss, JournalTornTail } from './journal-scan'

export const JOURNAL_FORMAT = 'callboard-journal'
export const JOURNAL_VERSION = 2

export interface JournalOptions<T> {
  /** Folder holding the journal and its lock, normally under userData. Created if missing. */
  dir: string
  /**
   * Every record is validated with it on replay, and on append (after a JSON round trip, or with
   * `appendCheck` when given). Records are stored as JSON as given, so the schema should describe
   * plain JSON data (no transforms). The append check is always on, packaged builds included: a
   * record written that replay cannot read would be found damaged at the next start.
   */
  schema: z.ZodType<T>
  /**
   * When given, what a record must satisfy to be appended, checked on the record as it is, with no
   * JSON round trip (null when it may be written): for an owner whose records are JSON data by their
   * type (no Date, Map or undefined where a value is required), who has already checked part of each
   * record where it came in (the outbox's task intents, parsed at the IPC boundary), and who checks
   * the rest for no more than `schema` would refuse. Replay still reads every record with `schema`.
   * Such a record is framed from the object itself when its batch is written, so it must not change
   * until its append settles (the outbox's entries are never changed in place).
   */
  appendCheck?: (record: T) => { path: PropertyKey[]; message: string }[] | null
  clock: Clock
  logger: Logger
  /** File name of the journal. Default `outbox.journal`. */
  name?: string
  /** Base name of the lock files. Default `outbox.lock`. */
  lockName?: string
  /** Written into the header and checked on open, so two kinds of journal are never mixed up. */
  content?: string
  /** File operations; tests pass the recording facade. */
  fs?: JournalFs
  /** Which records the watermark counts (see above); default every record. */
  counted?: (record: T) => boolean
}

export interface JournalQuarantine {
  /** Where the damaged file now is (`<journal>.corrupt-<ISO time>`), beside the journal. */
  quarantinedTo: string
  code: JournalDamageCode
  /** Plain words for the UI and the log, e.g. "record 12 (byte 3456) fails its CRC". */
  reason: string
  /** Intact records, rewritten into the fresh journal and returned by open. */
  recordsKept: number
  /** 1-based record number (header excluded) and byte offset of the first damage, when it is a record. */
  damagedAt: { record: number; offset: number } | null
  /** Every unreadable stretch; empty when the file was set aside whole (not a journal, say). */
  damaged: DamagedStretch[]
}

export interface JournalSyncStats {
  /** Records appended since open. */
  appends: number
  /** fsyncs of the journal made for appends (one per group commit). */
  fsyncs: number
  compactions: number
}

export interface Journal<T> {
  readonly path: string
  /**
   * Resolves once the record is on stable storage (fsync done), with its size in the file (bytes,
   * framing included). Rejects if it is invalid.
   */
  append(record: T): Promise<number>
  /**
   * Replaces the file with a header plus `liveRecords`, atomically. `liveRecords` must describe the
   * state after every append called before `compact` (the owner's in-memory state at that call).
   */
  compact(liveRecords: readonly T[]): Promise<void>
  /** Current file size in bytes, including appends that are written but still awaiting fsync. */
  sizeBytes(): number
  syncStats(): JournalSyncStats
  /** Why the journal stopped taking writes (a write or fsync failed), or null. */
  failure(): JournalFailedError | null
  /**
   * After a failure: replace the file, atomically, with `liveRecords` (the owner's state, which has
   * only what was acknowledged), and take writes again. What the failed write left in the file
   * (a record written but never confirmed) goes with it. Rejects, and stays stopped, if the disk
   * still refuses.
   */
  recover(liveRecords: readonly T[]): Promise<void>
  /** Waits for queued work, closes the file and releases the folder lock. */
  close(): Promise<void>
}

export interface JournalOpenResult<T> {
  journal: Journal<T>
  /** Records replayed from disk, in append order. */
  records: T[]
  tornTail: JournalTornTail | null
  quarantine: JournalQuarantine | null
  /** What the watermark says is missing (nothing, for a file that had none of it to lose). */
  loss: JournalLoss
}

/**
 * A record refused on append because replay could not read it back (it fails the schema after a
 * JSON round trip, or is not JSON data). Nothing was written. `issues` say which fields, by path.
 */
export class JournalRecordRejectedError extends TypeError {
  readonly code = 'journal_record_rejected'
  constructor(
    readonly issues: { path: PropertyKey[]; message: string }[],
    what = 'Journal record',
  ) {
    super(`${what} rejected: ${describeIssues(issues)}`)
    this.name = 'JournalRecordRejectedError'
  }
}

/** The journal cannot take more writes until reopened (a write or fsync failed mid-way). */
export class JournalFailedError extends Error {
  readonly code = 'journal_failed'
  constructor(override readonly cause: unknown) {
    super(`The outbox journal could not be written and was stopped: ${String(cause)}`)
    this.name = 'JournalFailedError'
  }
}

export class JournalClosedError extends Error {
  readonly code = 'journal_closed'
  constructor() {
    super('The outbox journal is closed.')
    this.name = 'JournalClosedError'
  }
}

/** Bytes a journal holding exactly `records` takes (header included): the compacted size. */
export function liveSizeBytes<T>(
  records: readonly T[],
  content = 'records',
  counted: (record: T) => boolean = () => true,
): number {
  let total = headerLine(content, new Date(0)).byteLength
  let before = 0
  for (const record of records) {
    total += encodeRecord(record, before).byteLength
    if (counted(record)) before++
  }
  return total
}

/**
 * Compaction policy: compact once the file is more than `factor` times what its live records need
 * (and above a floor, so a tiny journal is not rewritten all the time). Right after `compact` the
 * file is exactly the live size, so Q12's "≤ 2× live" holds at all times with factor 2.
 */
export function shouldCompact(fileBytes: number, liveBytes: number, factor = 2, minBytes = 64 * 1024): boolean {
  return fileBytes > minBytes && fileBytes > factor * liveBytes
}

function headerLine(content: string, at: Date): Buffer {
  return encodeRecord({ format: JOURNAL_FORMAT, version: JOURNAL_VERSION, content, createdAt: at.toISOString() })
}

interface AppendOp<T> {
  kind: 'append'
  record: T
  /** The record's JSON when the append check already made it; otherwise it is framed from `record`. */
  json: string | undefined
  counted: boolean
  /** Its line's size once framed, or -1 when it could not be (then it was refused). */
  size: number
  resolve: (size: number) => void
  reject: (e: unknown) => void
  /** The operation called after it (the queue is a chain of its operations: nothing made to hold them). */
  next: Op<T> | null
}

/** The append check's answer for a record it passed, framed later from the record itself. */
const CHECKED = { ok: true, json: undefined } as const

interface CompactOp<T> {
  kind: 'compact'
  records: readonly T[]
  resolve: () => void
  reject: (e: unknown) => void
  next: Op<T> | null
}

type Op<T> = AppendOp<T> | CompactOp<T>

/**
 * Why a record cannot be written as JSON (`error` from JSON.stringify, or undefined when it gave no
 * text), as an issue: keyed, since the outbox passes its issues on to the window (taskNotStorable).
 */
function notJsonIssue(error: unknown): { path: PropertyKey[]; message: string } {
  const message =
    error === undefined
      ? issueText('failure.recordNotJson')
      : issueText('failure.recordNotSerializable', { detail: (error as Error).message })
  return { path: [], message }
}

/** The refusal of a record that cannot be written as JSON, in the words the append check uses. */
function unserializable(error: unknown): JournalRecordRejectedError {
  return new JournalRecordRejectedError([notJsonIssue(error)])
}

/**
 * Whether the file must be set aside, and in what words: unusable as a whole, damaged stretches, or
 * records missing that the watermark counts although nothing looks damaged. A torn tail alone is not
 * damage: it is cut off in place.
 */
function damageOf(
  scan: JournalScan<unknown>,
): Omit<JournalQuarantine, 'quarantinedTo' | 'recordsKept' | 'damaged'> | null {
  if (scan.unusable) return { ...scan.unusable, damagedAt: null }
  const first = scan.damaged[0]
  if (first) {
    const code = first.header ? 'damaged-header' : first.invalidRecord ? 'invalid-record' : 'corrupt-record'
    const where = (d: DamagedStretch) =>
      d.header ? `the header (${d.length} bytes)` : `record ${d.keptBefore + 1} (byte ${d.offset}, ${d.length} bytes)`
    const list = scan.damaged.slice(0, 3).map((d) => `${where(d)}: ${d.why}`)
    const more = scan.damaged.length > 3 ? `; ${scan.damaged.length - 3} more` : ''
    const stretches = scan.damaged.length === 1 ? 'one stretch is' : `${scan.damaged.length} stretches are`
    return {
      code,
      reason: `${stretches} damaged: ${list.join('; ')}${more}; every intact record was kept`,
      damagedAt: first.header ? null : { record: first.keptBefore + 1, offset: first.offset },
    }
  }
  if (scan.loss.withoutDamage > 0) {
    return {
      code: 'missing-records',
      reason: `${scan.loss.withoutDamage} counted records are missing though no damage can be seen (the file's watermark counts them)`,
      damagedAt: null,
    }
  }
  return null
}

export async function openJournal<T>(options: JournalOptions<T>): Promise<JournalOpenResult<T>> {
  const { dir, schema, clock } = options
  const fs = options.fs ?? nodeJournalFs
  const name = options.name ?? 'outbox.journal'
  const content = options.content ?? 'records'
  const counted = options.counted ?? (() => true)
  const logger = options.logger.child('journal')
  const path = join(dir, name)
  const tmpPrefix = `.${name}.`

  await fs.mkdir(dir)
  const lock: HeldLock = await acquireJournalLock({
    fs,
    dir,
    name: options.lockName ?? 'outbox.lock',
    now: () => clock.now(),
  })

  /** Writes header + records to a temp file, fsyncs it, renames it over the journal, fsyncs the folder. */
  async function writeWholeFile(
    records: readonly T[],
    compaction: boolean,
  ): Promise<{ handle: JournalFileHandle; size: number; countedInFile: number }> {
    const tmp = join(dir, `${tmpPrefix}${randomBytes(6).toString('hex')}.tmp`)
    const lines = [headerLine(content, clock.now())]
    let countedInFile = 0
    for (const record of records) {
      lines.push(encodeRecord(record, countedInFile))
      if (counted(record)) countedInFile++
    }
    const data = Buffer.concat(lines)
    const handle = await fs.open(tmp, 'create-exclusive')
    let renamed = false
    try {
      await handle.write(data, 0)
      await handle.sync()
      if (compaction) crashPoint('compact:before-rename')
      await fs.rename(tmp, path)
      renamed = true
      if (compaction) crashPoint('compact:after-rename')
      await fs.fsyncDir(dir)
      return { handle, size: data.byteLength, countedInFile }
    } catch (error) {
      await handle.close().catch(() => undefined)
      if (!renamed) await fs.unlink(tmp).catch(() => undefined)
      throw Object.assign(error as Error, { renamed })
    }
  }

  /** Keeps the damaged file under a timestamped name; the journal name then gets a fresh file. */
  async function quarantine(bytes: Buffer): Promise<string> {
    const base = quarantineName(path, clock.now())
    for (let n = 0; ; n++) {
      const target = n === 0 ? base : `${base}-${n}`
      try {
        // A second name for the same file: the journal name is never missing, at any crash point.
        await fs.link(path, target)
      } catch (error) {
        const code = errorCode(error)
        if (code === 'EEXIST') continue
        // No hard links here (some filesystems): write a copy instead.
        let handle: JournalFileHandle
        try {
          handle = await fs.open(target, 'create-exclusive')
        } catch (copyError) {
          if (errorCode(copyError) === 'EEXIST') continue
          throw copyError
        }
        try {
          await handle.write(bytes, 0)
          await handle.sync()
        } finally {
          await handle.close()
        }
      }
      await fs.fsyncDir(dir)
      return target
    }
  }

  let handle: JournalFileHandle
  let size: number
  /** Counted records in the file: the next append's watermark. */
  let countedInFile: number
  let records: T[] = []
  let tornTail: JournalTornTail | null = null
  let quarantined: JournalQuarantine | null = null
  let loss: JournalLoss = { counted: 0, complete: true, withoutDamage: 0 }
  try {
    for (const file of await fs.readdir(dir)) {
      if (file.startsWith(tmpPrefix) && file.endsWith('.tmp')) await fs.unlink(join(dir, file))
    }
    let bytes: Buffer | null = null
    try {
      bytes = Buffer.from(await fs.readFile(path))
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error
    }
    if (bytes === null) {
      ;({ handle, size, countedInFile } = await writeWholeFile([], false))
    } else {
      const scan = scanJournal(bytes, { schema, format: JOURNAL_FORMAT, version: JOURNAL_VERSION, content, counted })
      records = scan.records
      tornTail = scan.tornTail
      loss = scan.loss
      const damage = damageOf(scan)
      if (damage) {
        const quarantinedTo = await quarantine(bytes)
        // Re-encoded under our own header (and numbered afresh), whatever the old file was.
        ;({ handle, size, countedInFile } = await writeWholeFile(records, false))
        quarantined = { quarantinedTo, recordsKept: records.length, damaged: scan.damaged, ...damage }
        logger.error('journal file damaged; kept a copy and every intact record', {
          file: path,
          ...quarantined,
          damaged: scan.damaged.map(({ bytes: _bytes, ...stretch }) => stretch),
          loss,
          tornTail,
        })
      } else if (scan.version !== JOURNAL_VERSION) {
        // A file from before the watermark: rewritten whole, so every record from now on has one.
        ;({ handle, size, countedInFile } = await writeWholeFile(records, false))
        logger.info('journal rewritten in the current format', { file: path, from: scan.version, tornTail })
      } else {
        handle = await fs.open(path, 'read-write')
        size = tornTail ? tornTail.offset : bytes.byteLength
        countedInFile = records.filter(counted).length
        if (tornTail) {
          await handle.truncate(size)
          await handle.sync()
          logger.warn('journal had a torn tail; dropped it', { file: path, ...tornTail })
        }
      }
    }
  } catch (error) {
    await lock.release()
    throw error
  }

  /** Operations waiting their turn, in call order: the first, and the last (where a new one goes). */
  let first: Op<T> | null = null
  let last: Op<T> | null = null
  /** Where each batch's lines are framed before its write (reused: one batch is written at a time). */
  const lines = new LineBuffer()
  let draining = false
  let failed: JournalFailedError | null = null
  let closed = false
  /** Resolves the promise `idle()` handed out while draining, if it handed one out. */
  let markIdle: (() => void) | null = null
  let idlePromise: Promise<void> | null = null
  /** Resolves once the queue of operations is drained; made only when asked (close, recover), not per append. */
  const idle = (): Promise<void> => {
    if (!draining) return Promise.resolve()
    return (idlePromise ??= new Promise((resolve) => (markIdle = resolve)))
  }
  const stats: JournalSyncStats = { appends: 0, fsyncs: 0, compactions: 0 }

  function enqueue(op: Op<T>): void {
    if (last) last.next = op
    else first = op
    last = op
    if (draining) return
    draining = true
    // A microtask, so appends made in the same tick share the first write and fsync.
    queueMicrotask(drain)
  }

  /**
   * The batch being written: its appends (a chain), how many counted records the file holds once it
   * is, and its bytes. The write and its fdatasync answer by callback (afterWrite, afterSync, made
   * once here rather than per batch): an async loop awaiting two promises per batch was a fifth of
   * what an append allocated. One batch is written at a time.
   */
  let batch: AppendOp<T> | null = null
  let batchCounted = 0
  let batchBytes = 0

  /** Takes the operations in order until one is under way; the last one's answer calls it again. */
  function drain(): void {
    while (first) {
      if (failed) {
        for (let op: Op<T> | null = first; op; op = op.next) op.reject(failed)
        first = last = null
        break
      }
      if (first.kind === 'compact') {
        const compaction = first
        first = compaction.next
        if (!first) last = null
        runCompaction(compaction.records).then(
          () => {
            compaction.resolve()
            drain()
          },
          (error: unknown) => {
            compaction.reject(error)
            drain()
          },
        )
        return
      }
      // Every append waiting, up to the next compaction: one write and one fsync.
      batch = first
      let end: AppendOp<T> = first
      while (end.next?.kind === 'append') end = end.next
      first = end.next
      if (!first) last = null
      end.next = null
      // The watermark is put in here, in file order, so it is right whatever was written before
      // (a compaction that ran or failed just ahead of this batch included). The lines are framed
      // into the journal's one buffer, free again now: the previous batch's write is done.
      let counting = countedInFile
      lines.length = 0
      for (let op = batch as AppendOp<T> | null; op; op = op.next as AppendOp<T> | null) {
        try {
          op.size = addLine(lines, op.record, counting, op.json) ?? -1
          if (op.size < 0) op.reject(unserializable(undefined))
        } catch (error) {
          op.reject(unserializable(error))
        }
        if (op.size >= 0 && op.counted) counting++
      }
      if (lines.length === 0) {
        batch = null
        continue
      }
      batchCounted = counting
      batchBytes = lines.length
      crashPoint('append:before-write')
      try {
        handle.writeThen(lines.bytes, lines.length, size, afterWrite)
      } catch (error) {
        writeFailed(error)
      }
      return
    }
    draining = false
    markIdle?.()
    markIdle = idlePromise = null
  }

  function afterWrite(error: Error | null): void {
    if (error) return writeFailed(error)
    size += batchBytes
    countedInFile = batchCounted
    crashPoint('append:after-write')
    try {
      handle.syncThen(afterSync)
    } catch (thrown) {
      writeFailed(thrown)
    }
  }

  function afterSync(error: Error | null): void {
    if (error) return writeFailed(error)
    stats.fsyncs++
    crashPoint('append:after-fsync')
    for (let op = batch; op; op = op.next as AppendOp<T> | null) {
      if (op.size < 0) continue
      stats.appends++
      op.resolve(op.size)
    }
    batch = null
    drain()
  }

  function writeFailed(error: unknown): void {
    // After a failed write or fsync the file's state is unknown (and a retried fsync can report
    // success for lost data), so stop here; reopening recovers from what is on disk.
    failed = new JournalFailedError(error)
    logger.error('journal write failed; journal stopped', { file: path, error: String(error) })
    for (let op = batch; op; op = op.next as AppendOp<T> | null) if (op.size >= 0) op.reject(failed)
    batch = null
    drain()
  }

  async function runCompaction(live: readonly T[]): Promise<void> {
    let next: Awaited<ReturnType<typeof writeWholeFile>>
    try {
      next = await writeWholeFile(live, true)
    } catch (error) {
      if ((error as { renamed?: boolean }).renamed) {
        failed = new JournalFailedError(error)
        logger.error('journal compaction failed after the rename; journal stopped', { error: String(error) })
      }
      throw error
    }
    const old = handle
    handle = next.handle
    size = next.size
    countedInFile = next.countedInFile
    stats.compactions++
    await old.close().catch(() => undefined)
    logger.info('journal compacted', { file: path, records: live.length, bytes: size })
  }

  /**
   * Validates the record as replay will see it: after a JSON round trip (a Date, a Map or an
   * undefined field would pass the schema in memory and then fail it at the next start), or, for an
   * owner that gives `appendCheck`, in memory with that.
   */
  function roundTrip(
    record: T,
    framedLater = false,
  ): { ok: true; json: string | undefined } | { ok: false; issues: JournalRecordRejectedError['issues'] } {
    const inMemory = options.appendCheck?.(record)
    if (inMemory) return { ok: false, issues: inMemory }
    // An append is framed straight from the record when its batch is written (addLine), which
    // refuses it then if it is not JSON data after all: building its JSON text here was the largest
    // allocation of an append.
    if (options.appendCheck && framedLater) return CHECKED
    let json: string | undefined
    try {
      json = JSON.stringify(record)
    } catch (error) {
      return { ok: false, issues: [notJsonIssue(error)] }
    }
    if (json === undefined) return { ok: false, issues: [notJsonIssue(undefined)] }
    if (options.appendCheck) return { ok: true, json }
    const parsed = schema.safeParse(JSON.parse(json))
    return parsed.success ? { ok: true, json } : { ok: false, issues: parsed.error.issues }
  }

  const journal: Journal<T> = {
    path,
    append(record) {
      if (closed) return Promise.reject(new JournalClosedError())
      if (failed) return Promise.reject(failed)
      const checked = roundTrip(record, true)
      if (!checked.ok) return Promise.reject(new JournalRecordRejectedError(checked.issues))
      const json = checked.json
      return new Promise<number>((resolve, reject) =>
        enqueue({ kind: 'append', record, json, counted: counted(record), size: -1, resolve, reject, next: null }),
      )
    },
    compact(liveRecords) {
      if (closed) return Promise.reject(new JournalClosedError())
      if (failed) return Promise.reject(failed)
      for (const [i, record] of liveRecords.entries()) {
        const checked = roundTrip(record)
        if (!checked.ok) return Promise.reject(new JournalRecordRejectedError(checked.issues, `Live record ${i + 1}`))
      }
      const records = [...liveRecords]
      return new Promise<void>((resolve, reject) => enqueue({ kind: 'compact', records, resolve, reject, next: null }))
    },
    sizeBytes: () => size,
    syncStats: () => ({ ...stats }),
    failure: () => failed,
    async recover(liveRecords) {
      if (closed) throw new JournalClosedError()
      if (!failed) return
      for (const [i, record] of liveRecords.entries()) {
        const checked = roundTrip(record)
        if (!checked.ok) throw new JournalRecordRejectedError(checked.issues, `Live record ${i + 1}`)
      }
      // Nothing else runs meanwhile: while stopped, every queued operation was refused.
      await idle()
      const next = await writeWholeFile(liveRecords, true)
      const old = handle
      handle = next.handle
      size = next.size
      countedInFile = next.countedInFile
      failed = null
      await old.close().catch(() => undefined)
      logger.info('journal writes again', { file: path, records: liveRecords.length })
    },
    async close() {
      if (closed) return
      closed = true
      await idle()
      await handle.close().catch(() => undefined)
      await lock.release()
    },
  }

  return { journal, records, tornTail, quarantine: quarantined, loss }
}
