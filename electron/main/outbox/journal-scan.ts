import type { z } from 'zod'
import { issueInEnglish } from '@shared/i18n/render-message'
import { decodeLine, isCutShortRecord, recordAt } from './record-codec'

/**
 * Reading a journal file back (journal.ts describes the format): every intact record, wherever
 * damage lies, and an exact account of what could not be read.
 *
 * Finding records again after damage. Records are length + CRC framed lines, so the scan picks up
 * again at the first position after the damage where a whole intact frame starts: a length prefix
 * whose count of bytes ends exactly on a line break, with no line break before it, a CRC that
 * matches and JSON that parses (`recordAt`); it must then pass the schema like any record. Every
 * byte position is tried, not only those after a line break, because the damage may have eaten the
 * line break that ended the damaged record, and the next record then starts right after garbage.
 * Garbage is never taken for a record: it would need a matching CRC-32 and a line break exactly
 * where its own length says, and JSON can never hold a raw line break, so no text inside a record
 * (whatever the agent typed) can pass for one. The line break is what makes the length check
 * bite: it marks where each record ends, not where to look for the next.
 *
 * The header is a record like the others: if it is damaged, the records after it are still found
 * and kept (an intact header of another format or a newer version still sets the file aside whole,
 * as those records may not mean what this version would read).
 *
 * The tail. A last record whose write was cut short (the file ends inside its frame, before the
 * bytes its length promises) is a torn write: it was never confirmed, since a record is confirmed
 * only once its write is complete and synced. Anything else at the end (a complete line that fails
 * its CRC, a full-length record whose line break was changed) was complete once: it is damage.
 */

/** Why a file could not be used as it was. */
export type JournalDamageCode =
  | 'empty'
  | 'truncated-header'
  | 'not-a-journal'
  | 'foreign-format'
  | 'newer-version'
  | 'damaged-header'
  | 'corrupt-record'
  | 'invalid-record'
  | 'missing-records'

/** Bytes between two intact records (or the file's ends) that could not be read as records. */
export interface DamagedStretch {
  /** Byte offset in the file as it was read, and length in bytes. */
  offset: number
  length: number
  /** Why its first bytes are not a record, e.g. "CRC mismatch". */
  why: string
  /** Records kept before it: it lies between kept record `keptBefore` and the next (1-based). */
  keptBefore: number
  /** It starts with the header line. */
  header: boolean
  /** Its frame is intact (length and CRC right) but what it holds fails the schema. */
  invalidRecord: boolean
  /** Its bytes (a view of the file as read), for the owner to read what it can from them. */
  bytes: Buffer
}

export interface JournalTornTail {
  /** Byte offset where the dropped tail started (the file's new length). */
  offset: number
  bytesDropped: number
  why: string
}

/**
 * What the watermark says was lost. Every record is written with how many records of the counted
 * kind (the outbox's tasks) the file holds before it, so a record read after damage tells exactly
 * how many counted records are missing before it.
 */
export interface JournalLoss {
  /** Counted records missing before the last intact record that carries the watermark. */
  counted: number
  /**
   * Whether `counted` is all there is to know: the last intact record carries the watermark and no
   * damage follows it. False when damage reaches the end of the file (nothing after it can count
   * what it held) or when the records were written without a watermark (an older Callboard).
   */
  complete: boolean
  /** Of `counted`, those missing where no damage was seen: whole records cut out of the file. */
  withoutDamage: number
}

export interface FileDamage {
  code: JournalDamageCode
  reason: string
}

export interface JournalScan<T> {
  records: T[]
  /** The header's version, or null when the header could not be read. */
  version: number | null
  /** Unreadable stretches, in file order. */
  damaged: DamagedStretch[]
  tornTail: JournalTornTail | null
  loss: JournalLoss
  /** Set when the file cannot be used at all (not a journal, another format, a newer version). */
  unusable: FileDamage | null
}

export interface ScanOptions<T> {
  schema: z.ZodType<T>
  format: string
  /** Newest header version this code reads; older ones are read too. */
  version: number
  content: string
  /** Which records the watermark counts. */
  counted: (record: T) => boolean
}

export function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) =>
      i.path.length ? `${i.path.map(String).join('.')}: ${issueInEnglish(i.message)}` : issueInEnglish(i.message),
    )
    .join('; ')
}

function wholeFileIsJson(bytes: Buffer): boolean {
  try {
    JSON.parse(bytes.toString('utf8'))
    return true
  } catch {
    return false
  }
}

const noLoss: JournalLoss = { counted: 0, complete: true, withoutDamage: 0 }

export function scanJournal<T>(bytes: Buffer, options: ScanOptions<T>): JournalScan<T> {
  const unusable = (code: JournalDamageCode, reason: string): JournalScan<T> => ({
    records: [],
    version: null,
    damaged: [],
    tornTail: null,
    loss: noLoss,
    unusable: { code, reason },
  })
  if (bytes.byteLength === 0) return unusable('empty', 'the file is empty (no journal header)')
  const head = decodeLine(bytes, 0)
  if (head.kind !== 'record') {
    // Records that pass the schema after a damaged header are ours: keep them.
    const body = scanRecords(bytes, 0, options, true)
    if (body.records.length > 0) return { ...body, version: null, unusable: null }
    if (wholeFileIsJson(bytes)) return unusable('not-a-journal', 'it holds plain JSON, not a Callboard journal')
    const text = bytes.toString('latin1', 0, 60)
    if (head.kind === 'incomplete' && /^\d{1,10} [0-9a-f]{8} \{"format"/.test(text)) {
      return unusable('truncated-header', 'its header line is cut short')
    }
    if (/^\d{1,10} [0-9a-f]{8} \{"format":"callboard-journal"/.test(text)) {
      return unusable('damaged-header', 'its header is damaged and no record after it could be read')
    }
    return unusable('not-a-journal', 'it has no Callboard journal header')
  }
  const header = head.value as { format?: unknown; version?: unknown; content?: unknown } | null
  if (typeof header !== 'object' || header === null || header.format !== options.format) {
    const format = typeof header === 'object' && header !== null ? header.format : undefined
    return unusable(
      'foreign-format',
      `it is a file of another format (${typeof format === 'string' ? format : 'unknown'})`,
    )
  }
  if (typeof header.version !== 'number' || !Number.isInteger(header.version) || header.version < 1) {
    return unusable('foreign-format', `its journal version (${String(header.version)}) is invalid`)
  }
  if (header.version > options.version) {
    return unusable(
      'newer-version',
      `it was written by a newer Callboard (journal version ${header.version}, this one reads up to ${options.version})`,
    )
  }
  if (header.content !== options.content) {
    return unusable('foreign-format', `it is a journal of "${String(header.content)}", not "${options.content}"`)
  }
  return { ...scanRecords(bytes, head.end, options, false), version: header.version, unusable: null }
}

/** The first position at or after `from` where an intact record starts, or null. */
function nextRecordStart(bytes: Buffer, from: number): number | null {
  for (let at = from; at < bytes.byteLength; at++) if (recordAt(bytes, at)) return at
  return null
}

function scanRecords<T>(
  bytes: Buffer,
  start: number,
  options: ScanOptions<T>,
  headerDamaged: boolean,
): Omit<JournalScan<T>, 'version' | 'unusable'> {
  const records: T[] = []
  const watermarks: (number | null)[] = []
  const damaged: DamagedStretch[] = []
  let tornTail: JournalTornTail | null = null
  const markDamaged = (offset: number, end: number, why: string, invalidRecord = false) =>
    damaged.push({
      offset,
      length: end - offset,
      why,
      keptBefore: records.length,
      header: headerDamaged && offset === 0,
      invalidRecord,
      bytes: bytes.subarray(offset, end),
    })

  let pos = start
  while (pos < bytes.byteLength) {
    // A damaged header is not a record: it is looked at as damage from the first byte.
    const line = headerDamaged && pos === 0 ? null : decodeLine(bytes, pos)
    if (line?.kind === 'record') {
      const parsed = options.schema.safeParse(line.value)
      if (parsed.success) {
        records.push(parsed.data)
        watermarks.push(line.countedBefore)
      } else {
        // An intact frame (CRC right) whose content is not a record: its bounds are sure, skip it.
        markDamaged(pos, line.end, `not a valid record (${describeIssues(parsed.error.issues)})`, true)
      }
      pos = line.end
      continue
    }
    if (line?.kind === 'incomplete' && isCutShortRecord(bytes.subarray(pos))) {
      tornTail = { offset: pos, bytesDropped: bytes.byteLength - pos, why: 'the last record is incomplete' }
      break
    }
    const why =
      line === null ? 'the header is damaged' : line.kind === 'bad' ? line.why : 'damaged bytes at the end of the file'
    const next = nextRecordStart(bytes, pos + 1)
    if (next !== null) {
      markDamaged(pos, next, why)
      pos = next
      continue
    }
    // Nothing intact follows. A write cut short may still end the file after the damage.
    const lastBreak = bytes.lastIndexOf(0x0a, bytes.byteLength - 1)
    const tailStart = lastBreak + 1
    if (lastBreak >= pos && tailStart < bytes.byteLength && isCutShortRecord(bytes.subarray(tailStart))) {
      markDamaged(pos, tailStart, why)
      tornTail = { offset: tailStart, bytesDropped: bytes.byteLength - tailStart, why: 'the last record is incomplete' }
    } else {
      markDamaged(pos, bytes.byteLength, why)
    }
    break
  }
  return { records, damaged, tornTail, loss: accountLoss(records, watermarks, damaged, options.counted) }
}

/**
 * Compares each watermark with the counted records actually kept before it. The difference that
 * first shows after a damaged stretch is what that stretch held; a difference with no damage before
 * it means whole records are missing from a file that looks intact.
 */
function accountLoss<T>(
  records: readonly T[],
  watermarks: readonly (number | null)[],
  damaged: readonly DamagedStretch[],
  counted: (record: T) => boolean,
): JournalLoss {
  let kept = 0
  let missing = 0
  let withoutDamage = 0
  let stretch = 0
  let damageSinceWatermark = false
  for (const [i, record] of records.entries()) {
    while (stretch < damaged.length && damaged[stretch]!.keptBefore <= i) {
      damageSinceWatermark = true
      stretch++
    }
    const watermark = watermarks[i]
    if (watermark !== null && watermark !== undefined) {
      const newlyMissing = watermark - kept - missing
      if (newlyMissing > 0) {
        if (!damageSinceWatermark) withoutDamage += newlyMissing
        missing += newlyMissing
      }
      damageSinceWatermark = false
    }
    if (counted(record)) kept++
  }
  const damageAtEnd = stretch < damaged.length || damageSinceWatermark
  const lastHasWatermark = records.length === 0 ? damaged.length === 0 : watermarks[records.length - 1] !== null
  return { counted: missing, complete: !damageAtEnd && lastHasWatermark, withoutDamage }
}
