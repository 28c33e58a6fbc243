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

/**
 * Where the journal lays out the lines of one write: one buffer, grown when a batch needs more and
 * kept for the next, so framing a record allocates nothing on the JavaScript heap. The caller must
 * not start a batch while the previous one's write is still in flight (the journal writes one batch
 * at a time).
 */
export class LineBuffer {
  bytes = Buffer.allocUnsafeSlow(16 * 1024)
  /** Bytes of the batch so far, from 0. */
  length = 0

  /** The batch so far; valid until the next line is added. */
  batch(): Buffer {
    return this.bytes.subarray(0, this.length)
  }

  reserve(more: number): void {
    const need = this.length + more
    if (need <= this.bytes.byteLength) return
    const grown = Buffer.allocUnsafeSlow(Math.max(need, this.bytes.byteLength * 2))
    this.bytes.copy(grown, 0, 0, this.length)
    this.bytes = grown
  }
}

/**
 * Adds `value` framed as one line (with the watermark when `countedBefore` is given) to `out`, and
 * returns the line's size in bytes: the same bytes as `frameJson(JSON.stringify(value), …)`,
 * written straight into the batch's buffer rather than through a JSON string as large as the record.
 * `json`, when the caller already has the record's text, is framed as it is. Throws what
 * JSON.stringify throws (a cycle, a BigInt); undefined when the value is not JSON data at all.
 */
export function addLine(out: LineBuffer, value: unknown, countedBefore?: number, json?: string): number | undefined {
  const start = out.length
  // The payload goes after room for the longest frame prefix; it is moved back once its length,
  // and so the prefix's, is known.
  out.length = start + MAX_PREFIX
  const stamped = countedBefore !== undefined
  const direct = json === undefined && writeTop(out, value, stamped ? countedBefore : -1)
  if (!direct) {
    out.length = start + MAX_PREFIX
    let text: string | undefined
    try {
      text = json ?? JSON.stringify(value)
    } finally {
      if (text === undefined) out.length = start
    }
    if (text === undefined) return undefined
    const stamp = !stamped || !text.startsWith('{') ? '' : stampOf(text, countedBefore)
    const rest = stamp === '' ? text : text.slice(1)
    writeLatin1(out, stamp)
    out.reserve(rest.length * 3)
    out.length += out.bytes.write(rest, out.length, 'utf8')
  }
  const payloadStart = start + MAX_PREFIX
  const payloadBytes = out.length - payloadStart
  const crc = crc32(out.bytes.subarray(payloadStart, out.length))
  const prefixBytes = digitsOf(payloadBytes) + 10
  const at = start + prefixBytes
  if (at !== payloadStart) out.bytes.copyWithin(at, payloadStart, out.length)
  out.length = at + payloadBytes
  // `<length> <crc, 8 hex> `, written digit by digit.
  writeDigits(out.bytes, start, payloadBytes)
  let p = start + prefixBytes - 10
  out.bytes[p++] = SPACE
  for (let shift = 28; shift >= 0; shift -= 4) out.bytes[p++] = HEX[(crc >>> shift) & 0xf]!
  out.bytes[p] = SPACE
  out.reserve(1)
  out.bytes[out.length++] = NEWLINE
  return out.length - start
}

const SPACE = 0x20
const QUOTE = 0x22
const HEX = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0))
/** Characters JSON.stringify writes escaped, and surrogates (escaped when alone): left to it. */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/
/** Deeper than any record: a cycle, or something odd, goes the JSON.stringify way. */
const MAX_DEPTH = 64

const digitsOf = (n: number) => (n < 10 ? 1 : Math.floor(Math.log10(n)) + 1)

function writeDigits(bytes: Buffer, at: number, n: number): number {
  const end = at + digitsOf(n)
  for (let p = end - 1; p >= at; p--) {
    bytes[p] = 0x30 + (n % 10)
    n = Math.floor(n / 10)
  }
  return end
}

function writeLatin1(out: LineBuffer, text: string): void {
  out.reserve(text.length)
  out.length += out.bytes.write(text, out.length, 'latin1')
}

function writeByte(out: LineBuffer, byte: number): void {
  out.reserve(1)
  out.bytes[out.length++] = byte
}

/** A plain object or array whose JSON is its members' (no toJSON, no class): what writeValue writes. */
function isPlain(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null && proto !== Array.prototype) return false
  return typeof (value as { toJSON?: unknown }).toJSON !== 'function'
}

/** Writes the record, with the watermark first when `countedBefore` ≥ 0; false to leave it to JSON.stringify. */
function writeTop(out: LineBuffer, value: unknown, countedBefore: number): boolean {
  if (countedBefore < 0 || typeof value !== 'object' || value === null || Array.isArray(value)) {
    return writeValue(out, value, 0)
  }
  if (!isPlain(value)) return false
  writeLatin1(out, STAMP_PREFIX)
  out.reserve(16)
  out.length = writeDigits(out.bytes, out.length, countedBefore)
  return writeMembers(out, value as Record<string, unknown>, 0, true)
}

function writeValue(out: LineBuffer, value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
      writeString(out, value)
      return true
    case 'number':
      if (!Number.isFinite(value)) writeLatin1(out, 'null')
      else if (Number.isSafeInteger(value) && value >= 0) {
        out.reserve(16)
        out.length = writeDigits(out.bytes, out.length, value)
      } else writeLatin1(out, String(value))
      return true
    case 'boolean':
      writeLatin1(out, value ? 'true' : 'false')
      return true
    case 'object':
      break
    default:
      // undefined, a function or a symbol where a value is written: JSON.stringify's own rules.
      return false
  }
  if (value === null) {
    writeLatin1(out, 'null')
    return true
  }
  if (depth >= MAX_DEPTH || !isPlain(value)) return false
  if (!Array.isArray(value)) {
    writeByte(out, 0x7b) // {
    return writeMembers(out, value as Record<string, unknown>, depth + 1, false)
  }
  writeByte(out, 0x5b) // [
  for (let i = 0; i < value.length; i++) {
    if (i > 0) writeByte(out, 0x2c)
    const item: unknown = value[i]
    const kind = typeof item
    if (kind === 'undefined' || kind === 'function' || kind === 'symbol') writeLatin1(out, 'null')
    else if (!writeValue(out, item, depth + 1)) return false
  }
  writeByte(out, 0x5d) // ]
  return true
}

/** The members and the closing brace, after `{` (or after the watermark, which counts as one). */
function writeMembers(out: LineBuffer, object: Record<string, unknown>, depth: number, afterOne: boolean): boolean {
  let first = !afterOne
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue
    const member = object[key]
    const kind = typeof member
    if (kind === 'undefined' || kind === 'function' || kind === 'symbol') continue
    if (!first) writeByte(out, 0x2c)
    first = false
    writeString(out, key)
    writeByte(out, 0x3a) // :
    if (!writeValue(out, member, depth)) return false
  }
  writeByte(out, 0x7d) // }
  return true
}

function writeString(out: LineBuffer, text: string): void {
  // Text JSON writes as it is (nearly all of a record) goes straight in; text it escapes goes
  // through JSON.stringify, whose escaping is the reference (its output is ASCII around well-formed
  // UTF-16, so UTF-8 holds it as it is).
  if (NEEDS_ESCAPE.test(text)) {
    const literal = JSON.stringify(text)
    out.reserve(literal.length * 3)
    out.length += out.bytes.write(literal, out.length, 'utf8')
    return
  }
  out.reserve(text.length * 3 + 2)
  out.bytes[out.length++] = QUOTE
  out.length += out.bytes.write(text, out.length, 'utf8')
  out.bytes[out.length++] = QUOTE
}
