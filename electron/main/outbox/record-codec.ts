import * as zlib from 'node:zlib'

/**
 * One journal line: `<byte length> <crc32, 8 lowercase hex> <UTF-8 JSON>\n`.
 * The length and CRC cover the JSON bytes only. JSON.stringify never emits a raw newline, so a
 * line break can only end a record; a record whose line is incomplete, the wrong length, or fails
 * its CRC is detected rather than parsed.
 *
 * A record's JSON may start with the journal's watermark, `{"countedBefore":<n>,…`: how many
 * records of the counted kind the file holds before this one (journal.ts). It is the journal's, not
 * the caller's: decoding takes it off again, so callers never see it.
 */

const zlibCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32

let table: Uint32Array | null = null
function tableCrc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      table[n] = c >>> 0
    }
  }
  let crc = 0xffffffff
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/** CRC-32 (IEEE): node:zlib's native one where present (Node ≥ 20.15), else a table version. */
export const crc32: (data: Uint8Array) => number = zlibCrc32 ? (data) => zlibCrc32(data) : tableCrc32
export { tableCrc32 as crc32Portable }

const NEWLINE = 0x0a
const MAX_PREFIX = 20 // 10 digits, space, 8 hex, space
const PREFIX = /^(0|[1-9]\d{0,9}) ([0-9a-f]{8}) /

const STAMP_PREFIX = '{"countedBefore":'

/** `value` framed as one line, with the watermark when `countedBefore` is given. */
export function encodeRecord(value: unknown, countedBefore?: number): Buffer {
  return frameJson(JSON.stringify(value), countedBefore)
}

/** The watermark taken off a record's JSON text, or null for a record written without one. */
function unstampJson(json: string): { json: string; countedBefore: number | null } {
  if (!json.startsWith(STAMP_PREFIX)) return { json, countedBefore: null }
  let i = STAMP_PREFIX.length
  let n = 0
  while (i < json.length && i - STAMP_PREFIX.length < 15) {
    const digit = json.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) break
    n = n * 10 + digit
    i++
  }
  if (i === STAMP_PREFIX.length) return { json, countedBefore: null }
  if (json[i] === ',') return { json: `{${json.slice(i + 1)}`, countedBefore: n }
  if (json[i] === '}') return { json: `{${json.slice(i)}`, countedBefore: n }
  return { json, countedBefore: null }
}

/** Frames JSON text that is already serialized (one line: JSON.stringify output). */
/**
 * `json` framed as one line, with the watermark when `countedBefore` is given. Written straight
 * into the one buffer the line needs: every task queued passes here, and an intermediate copy of
 * the JSON (as a stamped string, then as a payload buffer) was most of what framing allocated.
 */
export function frameJson(json: string, countedBefore?: number): Buffer {
  const stamp = countedBefore === undefined || !json.startsWith('{') ? '' : stampOf(json, countedBefore)
  const rest = stamp === '' ? json : json.slice(1)
  const payloadBytes = stamp.length + Buffer.byteLength(rest, 'utf8')
  const prefixBytes = String(payloadBytes).length + 10 // ' ' + 8 hex + ' '
  const line = Buffer.allocUnsafe(prefixBytes + payloadBytes + 1)
  let at = prefixBytes + line.write(stamp, prefixBytes, 'latin1')
  at += line.write(rest, at, 'utf8')
  const crc = crc32(line.subarray(prefixBytes, at))
  line.write(`${payloadBytes} ${crc.toString(16).padStart(8, '0')} `, 0, 'latin1')
  line[at] = NEWLINE
  return line
}

/** The watermark's opening text for a record whose JSON is `json`, in place of its `{`. */
function stampOf(json: string, countedBefore: number): string {
  return json === '{}' ? `${STAMP_PREFIX}${countedBefore}` : `${STAMP_PREFIX}${countedBefore},`
}

export type DecodedLine =
  /**
   * A complete, intact record; `end` is the offset just past its newline; `countedBefore` is its
   * watermark (null when it was written without one).
   */
  | { kind: 'record'; value: unknown; end: number; countedBefore: number | null }
  /** No newline before the end of the file. */
  | { kind: 'incomplete' }
  /** A complete line that is not an intact record (`end` is past its newline). */
  | { kind: 'bad'; why: string; end: number }

export function decodeLine(buf: Buffer, start: number): DecodedLine {
  const nl = buf.indexOf(NEWLINE, start)
  if (nl < 0) return { kind: 'incomplete' }
  const end = nl + 1
  const head = PREFIX.exec(buf.toString('latin1', start, Math.min(nl, start + MAX_PREFIX)))
  if (!head) return { kind: 'bad', why: 'no length/CRC frame', end }
  const length = Number(head[1])
  const payloadStart = start + head[0].length
  if (nl - payloadStart !== length) {
    return { kind: 'bad', why: `length ${nl - payloadStart} where the frame says ${length}`, end }
  }
  const payload = buf.subarray(payloadStart, nl)
  if (crc32(payload) !== parseInt(head[2]!, 16)) return { kind: 'bad', why: 'CRC mismatch', end }
  return parsePayload(payload, end) ?? { kind: 'bad', why: 'intact frame around invalid JSON', end }
}

function parsePayload(payload: Buffer, end: number): Extract<DecodedLine, { kind: 'record' }> | null {
  const { json, countedBefore } = unstampJson(payload.toString('utf8'))
  try {
    return { kind: 'record', value: JSON.parse(json), end, countedBefore }
  } catch {
    return null
  }
}

/**
 * The intact record whose frame starts exactly at `start`, or null: the position where a scan can
 * pick up again after damage. Its length must end on a line break, with no line break before it,
 * and its CRC and JSON must be right. Most positions fail on the first bytes, so trying every
 * position of a damaged stretch costs little.
 */
export function recordAt(buf: Buffer, start: number): Extract<DecodedLine, { kind: 'record' }> | null {
  const first = buf[start]
  if (first === undefined || first < 0x30 || first > 0x39) return null
  const head = PREFIX.exec(buf.toString('latin1', start, Math.min(buf.byteLength, start + MAX_PREFIX)))
  if (!head) return null
  const payloadStart = start + head[0].length
  const nl = payloadStart + Number(head[1])
  if (buf[nl] !== NEWLINE || buf.indexOf(NEWLINE, payloadStart) !== nl) return null
  const payload = buf.subarray(payloadStart, nl)
  if (crc32(payload) !== parseInt(head[2]!, 16)) return null
  return parsePayload(payload, nl + 1)
}

/**
 * Whether `tail` (the file's last bytes, with no line break) is the beginning of a record whose
 * write was cut short: part of a frame prefix, or a prefix that promises more bytes than follow.
 * Only that is a torn write. A tail holding at least as many bytes as its frame promises, or
 * bytes no frame starts with, was complete once and is damage. Zero bytes at the very end are
 * left out first: a filesystem may grow the file before the data of an unsynced write lands, and
 * shows zeros where it did not.
 */
export function isCutShortRecord(tail: Buffer): boolean {
  if (tail.includes(NEWLINE)) return false
  let end = tail.byteLength
  while (end > 0 && tail[end - 1] === 0) end--
  const text = tail.toString('latin1', 0, Math.min(end, MAX_PREFIX))
  const head = PREFIX.exec(text)
  if (head) return end - head[0].length <= Number(head[1])
  return end < MAX_PREFIX && /^(0|[1-9]\d{0,9})?( [0-9a-f]{0,8})?$/.test(text)
}
