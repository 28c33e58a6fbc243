import * as zlib from 'node:zlib'

/**
 * One journal line: `<byte length> <crc32, 8 lowercase hex> <UTF-8 JSON>\n`.
 * The length and CRC cover the JSON bytes only. JSON.stringify never emits a raw newline, so a
 * line break can only end a record; a record whose line is incomplete, the wrong length, or fails
 * its CRC is detected rather than parsed.
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

export function encodeRecord(value: unknown): Buffer {
  return frameJson(JSON.stringify(value))
}

/** Frames JSON text that is already serialized (one line: JSON.stringify output). */
export function frameJson(json: string): Buffer {
  const payload = Buffer.from(json, 'utf8')
  const prefix = `${payload.byteLength} ${crc32(payload).toString(16).padStart(8, '0')} `
  const line = Buffer.allocUnsafe(prefix.length + payload.byteLength + 1)
  line.write(prefix, 0, 'latin1')
  payload.copy(line, prefix.length)
  line[line.length - 1] = NEWLINE
  return line
}

export type DecodedLine =
  /** A complete, intact record; `end` is the offset just past its newline. */
  | { kind: 'record'; value: unknown; end: number }
  /** No newline before the end of the file: the last write was cut short. */
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
  try {
    return { kind: 'record', value: JSON.parse(payload.toString('utf8')), end }
  } catch {
    return { kind: 'bad', why: 'intact frame around invalid JSON', end }
  }
}
