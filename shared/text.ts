import { z } from 'zod'

// Byte counts for limits that providers state in UTF-8 bytes rather than characters. shared/ runs in
// the renderer too (no Buffer, no node:*). Counted from the UTF-16 code units rather than by
// encoding: these checks run on every field of every task, several times on its way to the
// journal, and encoding allocated a buffer each time.

/**
 * How many bytes `s` takes as UTF-8, which is how it goes on the wire. A lone surrogate (not
 * valid Unicode) counts as U+FFFD, three bytes, exactly as TextEncoder would send it.
 */
export function utf8Bytes(s: string): number {
  let bytes = s.length
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i)
    if (unit < 0x80) continue
    if (unit < 0x800) {
      bytes += 1
      continue
    }
    // A high surrogate followed by a low one is one code point: 4 bytes for the 2 units.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2
        i++
        continue
      }
    }
    // The rest of the BMP, and a lone surrogate (sent as U+FFFD): 3 bytes for 1 unit.
    bytes += 2
  }
  return bytes
}

/** The UTF-8 bytes of every key and every value of a string map, added up. */
export function utf8BytesOfEntries(map: Readonly<Record<string, string>>): number {
  let total = 0
  for (const [key, value] of Object.entries(map)) total += utf8Bytes(key) + utf8Bytes(value)
  return total
}

/**
 * The zod checks for a string of at most `max` characters, counted as UTF-16 code units:
 * `z.string().check(...maxChars(255, '…'))`. zod's own `.max` counts code points, so an emoji
 * is one character there and two here. A Java server's `String.length()` counts units, and units are
 * never fewer than the code points another server may count, so a string within this fits either
 * way. zod's check stays first (it gives the schema its `maxLength`, and reports an overflow of code
 * points); the second reports only what the first lets through, so no overflow is reported twice.
 */
export function maxChars(max: number, message: string) {
  return [
    z.maxLength(max, { error: message }),
    // Spreading a string splits it into code points; only a string already over in units gets here.
    z.refine<string>((s) => s.length <= max || [...s].length > max, { error: message }),
  ] as const
}
