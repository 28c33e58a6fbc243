import { z } from 'zod'

// Byte counts for limits that providers state in UTF-8 bytes rather than characters. shared/ runs in
// the renderer too, so this uses the global TextEncoder (no Buffer, no node:*).

const encoder = new TextEncoder()

/**
 * How many bytes `s` takes as UTF-8, which is how it goes on the wire. A lone surrogate (not
 * valid Unicode) is encoded as U+FFFD, three bytes, exactly as TextEncoder would send it.
 */
export function utf8Bytes(s: string): number {
  return encoder.encode(s).length
}

/** The UTF-8 bytes of every key and every value of a string map, added up. */
export function utf8BytesOfEntries(map: Readonly<Record<string, string>>): number {
  let total = 0
  for (const [key, value] of Object.entries(map)) total += utf8Bytes(key) + utf8Bytes(value)
  return total
}

/**
 * A zod check for strings limited in UTF-8 bytes: `z.string().check(maxUtf8Bytes(200, '…'))`.
 * JSON Schema cannot express a byte limit, so the check does not show in `z.toJSONSchema`.
 */
export function maxUtf8Bytes(max: number, message: string) {
  return z.refine<string>((s) => utf8Bytes(s) <= max, { error: message })
}
