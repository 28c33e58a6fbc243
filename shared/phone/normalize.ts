// `max` metadata, everywhere in the app (settings, region lists, number lists use it too, so a
// number is judged the same wherever it is typed or imported). With `min`, isValid() mostly checks
// length and leading digits: over 200,000 random digit strings across all regions, `min` called
// 23,842 valid and `max` 12,664 (every `max`-valid one also `min`-valid), so `min` would offer the
// agent numbers that cannot exist, and getType() is blank for DE, FR, ES... `mobile` is no option:
// it calls landlines (+44 20 ...) invalid. The cost is ~157 KB of JSON against ~83 KB, read from
// the app package, never the network.
import {
  AsYouType,
  ParseError,
  parsePhoneNumberWithError,
  type CountryCode,
  type NumberType,
  type PhoneNumber,
} from 'libphonenumber-js/max'

export type { CountryCode } from 'libphonenumber-js/max'

/** Same rule as E164 in shared/schemas/intents.ts: what the wire accepts as a destination. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/

export interface NormalizedNumber {
  ok: true
  e164: string
  national: string
  international: string
  /** Absent for non-geographic numbers (+800, +882, ...). */
  region?: CountryCode
  /** Digits only. An outdial dials `e164`; the extension is shown to the agent to key in. */
  extension?: string
  type?: Exclude<NumberType, undefined>
}

export const NUMBER_REFUSAL_REASONS = [
  'empty',
  'not_a_number',
  'too_short',
  'too_long',
  'invalid_length',
  'invalid_country',
  'invalid_for_region',
  // libphonenumber calls some numbers valid that the wire's E.164 rule refuses: Austrian +43 1114
  // has 6 digits (the rule wants 7 to 15), German ones with 14-15 national digits have 16-17.
  'not_e164',
] as const
export type NumberRefusalReason = (typeof NUMBER_REFUSAL_REASONS)[number]

export interface NumberRefusal {
  ok: false
  reason: NumberRefusalReason
}

const parseErrors: Record<string, NumberRefusalReason> = {
  NOT_A_NUMBER: 'not_a_number',
  TOO_SHORT: 'too_short',
  TOO_LONG: 'too_long',
  INVALID_LENGTH: 'invalid_length',
  INVALID_COUNTRY: 'invalid_country',
}

/**
 * Text copied from web pages, PDFs and RTL mail comes with full-width or Arabic-Indic digits and
 * invisible direction marks that libphonenumber's text search does not read (it misses
 * `＋４４ ２０ ７９４６ ０９５８` and splits `+44\u200E20 ...`). One code unit in, one out, so
 * offsets into the folded text are offsets into the original.
 */
export function foldPhoneText(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u0660-\u0669\u06F0-\u06F9\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0)
    if (code >= 0xff01) return String.fromCharCode(code - 0xfee0)
    if (code <= 0x0669 && code >= 0x0660) return String(code - 0x0660)
    if (code <= 0x06f9 && code >= 0x06f0) return String(code - 0x06f0)
    return ' '
  })
}

/** A parsed number as the app shows and sends it, or why it cannot be dialled. */
export function describeNumber(number: PhoneNumber): NormalizedNumber | NumberRefusal {
  if (!number.isValid()) return { ok: false, reason: 'invalid_for_region' }
  const e164 = number.format('E.164')
  if (!E164_PATTERN.test(e164)) return { ok: false, reason: 'not_e164' }
  // The extension has its own field; libphonenumber would otherwise append " x12" to both formats.
  const withoutExtension = { formatExtension: (formatted: string) => formatted }
  const type = number.getType()
  return {
    ok: true,
    e164,
    national: number.format('NATIONAL', withoutExtension),
    international: number.format('INTERNATIONAL', withoutExtension),
    ...(number.country ? { region: number.country } : {}),
    ...(number.ext ? { extension: number.ext } : {}),
    ...(type ? { type } : {}),
  }
}

/**
 * One number as typed or pasted; national numbers are read in `defaultRegion`. Surrounding text
 * is tolerated (libphonenumber extracts the number), so a pasted "Tel: 020 7946 0958" works.
 */
export function normalizeNumber(input: string, defaultRegion: CountryCode): NormalizedNumber | NumberRefusal {
  const folded = foldPhoneText(input).trim()
  if (folded === '') return { ok: false, reason: 'empty' }
  let number: PhoneNumber
  try {
    number = parsePhoneNumberWithError(folded, defaultRegion)
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, reason: parseErrors[error.message] ?? 'not_a_number' }
    throw error
  }
  return describeNumber(number)
}

/** Partial formatting while the agent types, e.g. "02079" → "020 79" for GB. */
export function formatAsYouType(input: string, region: CountryCode): string {
  return new AsYouType(region).input(foldPhoneText(input))
}
