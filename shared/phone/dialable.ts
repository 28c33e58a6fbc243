// The one rule for "is this a number an outdial can dial, and which one", for every path: the
// shortcut and tel: links (find-numbers.ts), the form field (read-number.ts) and the schema main
// applies when a task is queued (DialableE164 in shared/schemas/intents.ts). Valid means what
// libphonenumber-js's isValid() says with `max` metadata, never a regular expression: `+999 1234567`
// has the shape of E.164 and no country.
//
// `max` metadata, everywhere in the app (settings, region lists and number lists use it too). With
// `min`, isValid() mostly checks length and leading digits: over 200,000 random digit strings
// across all regions, `min` called 23,842 valid and `max` 12,664 (every `max`-valid one also
// `min`-valid), so `min` would offer numbers that cannot exist, and getType() is blank for DE, FR,
// ES... `mobile` is no option: it calls landlines (+44 20 ...) invalid. The cost is ~157 KB of JSON
// against ~83 KB, read from the app package, never the network.
import {
  ParseError,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
  type CountryCode,
  type NumberType,
  type PhoneNumber,
} from 'libphonenumber-js/max'
import metadataJson from 'libphonenumber-js/metadata.max.json'

export type { CountryCode } from 'libphonenumber-js/max'

/** What the wire accepts as a destination: +, country code, 7 to 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/

export interface DialableNumber {
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
  /**
   * The country the number itself names (from its country code), not the agent's default region:
   * `+1 234 567 8` read with GB as default is a (too short) US number, and a message about it says US.
   */
  country?: CountryCode
}

const PARSE_REASONS: Record<string, NumberRefusalReason> = {
  NOT_A_NUMBER: 'not_a_number',
  TOO_SHORT: 'too_short',
  TOO_LONG: 'too_long',
  INVALID_LENGTH: 'invalid_length',
  INVALID_COUNTRY: 'invalid_country',
}

// The main country of each calling code is listed first (+1 → US, +7 → RU, +44 → GB), which an
// alphabetical walk over getCountries() would get wrong (AG, KZ).
const callingCodes = (metadataJson as { country_calling_codes: Record<string, string[] | undefined> })
  .country_calling_codes

function countryOf(number: PhoneNumber): CountryCode | undefined {
  return number.country ?? (callingCodes[number.countryCallingCode]?.[0] as CountryCode | undefined)
}

/** Why libphonenumber calls a parsed number invalid, as precisely as it can say. */
function whyInvalid(number: PhoneNumber): NumberRefusal {
  const country = countryOf(number)
  const length = validatePhoneNumberLength(number.number)
  const reason = (length && PARSE_REASONS[length]) || 'invalid_for_region'
  return country ? { ok: false, reason, country } : { ok: false, reason }
}

/** A parsed number as the app shows and sends it, or why it cannot be dialled. */
export function judgeNumber(number: PhoneNumber): DialableNumber | NumberRefusal {
  if (!number.isValid()) return whyInvalid(number)
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
 * `text` read as exactly one number (nothing extracted from around it), national numbers in
 * `region`; without a region only +numbers can be read. The text must already be folded.
 */
export function judgeWholeNumber(text: string, region: CountryCode | undefined): DialableNumber | NumberRefusal {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, reason: 'empty' }
  if (region === undefined && !trimmed.startsWith('+')) return { ok: false, reason: 'invalid_country' }
  let number: PhoneNumber
  try {
    number = parsePhoneNumberWithError(trimmed, { defaultCountry: region, extract: false })
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, reason: PARSE_REASONS[error.message] ?? 'not_a_number' }
    throw error
  }
  return judgeNumber(number)
}

export type E164Refusal = NumberRefusal | { ok: false; reason: 'not_international' | 'not_canonical' }

/**
 * A destination as a task holds it: E.164 that libphonenumber calls valid, written exactly as
 * libphonenumber writes that number. `+4402079460958` is valid to libphonenumber (it drops the
 * national 0) but a provider would dial the 0, so it is refused rather than silently rewritten.
 */
export function judgeE164(value: string): DialableNumber | E164Refusal {
  if (!E164_PATTERN.test(value)) return { ok: false, reason: 'not_international' }
  const judged = judgeWholeNumber(value, undefined)
  if (judged.ok && judged.e164 !== value) return { ok: false, reason: 'not_canonical' }
  return judged
}
