// Digit runs that libphonenumber can read as a valid phone number but that a person reads as
// something else: dates (`20261123` is a valid number in Wuppertal, `23.11.2026` one in
// Dortmund), payment-card numbers, map coordinates and IBANs. Each is found by its shape, before any
// number is searched for, so its digits are never offered, and the agent is told what it is.

import { isPhoneLabel } from './reference-labels'

export const LOOK_ALIKE_REASONS = ['date', 'card_number', 'coordinates'] as const
export type LookAlikeReason = (typeof LOOK_ALIKE_REASONS)[number]

export interface LookAlike {
  start: number
  /** Exclusive. */
  end: number
  /** An IBAN is a reference, as a number after "IBAN" is (reference-labels.ts). */
  reason: LookAlikeReason | 'reference'
}

const YEAR = '(?:19|20)\\d{2}'
const MONTH = '(?:0?[1-9]|1[0-2])'
const DAY = '(?:0?[1-9]|[12]\\d|3[01])'
const MONTH2 = '(?:0[1-9]|1[0-2])'
const DAY2 = '(?:0[1-9]|[12]\\d|3[01])'
// A date written with separators is one whatever surrounds it, unless the separator goes on into
// more digits: `06.12.20.19.88` is a French number, not 6 December 2020.
const NOT_AFTER_DIGITS = '(?<![\\d+]|\\d[./-])'
const NOT_BEFORE_DIGITS = '(?![./-]?\\d)'
// Without separators it takes more: 8 digits are a date only when no digit group sits next to
// them, since `030 20261123` is a Berlin number.
const ALONE_BEFORE = '(?<![\\d+(]|\\d[\\s./()-])'
const ALONE_AFTER = '(?![\\s./()-]?\\d)'

const DATES = [
  // 2026-11-23, 2026/11/23, 2026.11.23 (and 2026-11-23T10:30: the time is read apart).
  `${YEAR}([-./])${MONTH}\\1${DAY}`,
  // 23.11.2026, 23/11/2026, 11/23/2026, 23-11-2026.
  `${DAY}([-./])${DAY}\\2${YEAR}`,
  // 23.11.26, 23/11/26: two-digit years, with the separators dates use in the four regions.
  `${DAY}([./])${DAY}\\3\\d{2}`,
].map((shape) => `${NOT_AFTER_DIGITS}(?:${shape})${NOT_BEFORE_DIGITS}`)
// 20261123, 23112026, 11232026, and the same with spaces: 2026 11 23, 23 11 2026 (no national
// number in the five regions is written as two digit pairs and a year without its trunk 0).
const COMPACT_DATE = `${ALONE_BEFORE}(?:${YEAR}( ?)${MONTH2}\\1${DAY2}|${DAY2}( ?)${MONTH2}\\2${YEAR}|${MONTH2}( ?)${DAY2}\\3${YEAR})${ALONE_AFTER}`

const CARD_BEFORE = '(?<![\\d+]|\\d[\\s.-])'
const CARD_AFTER = '(?![\\s.-]?\\d)'
const CARDS = [
  // Back-references count groups across the joined alternatives: \1 in the first, \2 in the second.
  // 4111 1111 1111 1111, 4111.1111.1111.1111, 6304 0000 0000 0000 018 (19 digits), 4-4-4-1..4.
  '[1-9]\\d{3}([ .-])\\d{4}\\1\\d{4}\\1\\d{1,4}(?:\\1\\d{1,3})?',
  // American Express 4-6-5, Diners 4-6-4.
  '[1-9]\\d{3}([ -])\\d{6}\\2\\d{4,5}',
].map((shape) => `${CARD_BEFORE}(?:${shape})${CARD_AFTER}`)
// 13 to 19 digits in one run, starting as card numbers do, with a valid Luhn check digit.
const SOLID_CARD = /(?<![\d+])[2-6]\d{12,18}(?!\d)/g

// A degree sign and a hemisphere letter, each with the space before it only when it is there.
const HEMISPHERE_AFTER = '(?:\\s?°)?(?:\\s?[NSEWO](?!\\p{L}))?'
// Degrees without a leading zero and 3 to 7 decimals: `030.1234567, 040.7654321` are two German
// numbers written with dots.
const DECIMAL_DEGREES = `[-+\\u2212]?(?:0|[1-9]\\d{0,2})\\.\\d{3,7}`
const COORDINATES = [
  // 40.4168, -3.7038   48.8566° N, 2.3522° E   geo:40.4168,-3.7038
  `(?<![\\d.])${DECIMAL_DEGREES}${HEMISPHERE_AFTER}\\s*[,;/]?\\s*${DECIMAL_DEGREES}${HEMISPHERE_AFTER}(?![\\d.])`,
  // 48°51′24″N, 48° 51' N, 48°51.4'N
  `\\d{1,3}\\s?°\\s?\\d{1,2}(?:[.,]\\d+)?\\s?['′’](?:\\s?\\d{1,2}(?:[.,]\\d+)?\\s?(?:["″”]|''|′′))?\\s?[NSEWO]\\b`,
  // N 48° 51.4', E 2° 21.1'
  `\\b[NSEWO]\\s?\\d{1,3}\\s?°\\s?\\d{1,2}(?:[.,]\\d+)?\\s?['′’]?`,
  // 48.8566°
  `(?<![\\d.])${DECIMAL_DEGREES}\\s?°`,
]
// lat 51.5074, lon -0.1278 (each part on its own; also Spanish, German and French words).
const LABELLED_DEGREES =
  /\b(?:lat(?:itude|itud)?|lon(?:gitude|gitud)?|lng|breite|l[äa]nge)\s*[:=]?\s*[-+\u2212]?\d{1,3}[.,]\d+/giu

// GB82 WEST 1234 5698 7654 32, ES91 2100 0418 4502 0005 1332: country, check digits, then up to
// 30 letters and digits, in groups of four or not.
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g

const DATE_RE = new RegExp(DATES.join('|'), 'g')
const COMPACT_DATE_RE = new RegExp(COMPACT_DATE, 'g')
const CARD_RE = new RegExp(CARDS.join('|'), 'g')
const COORDINATES_RE = new RegExp(COORDINATES.join('|'), 'gu')

function luhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/**
 * The dates, card numbers, coordinates and IBANs in `text` (already folded), in text order, none
 * overlapping another. A compact date right after a phone label (`Tel: 20261123`) is left to be
 * read as the number the label says it is.
 */
export function findLookAlikes(text: string): LookAlike[] {
  const found: LookAlike[] = []
  const add = (re: RegExp, reason: LookAlike['reason'], keep: (match: RegExpExecArray) => boolean = () => true) => {
    for (const match of text.matchAll(re)) {
      if (keep(match)) found.push({ start: match.index, end: match.index + match[0].length, reason })
    }
  }
  add(IBAN, 'reference')
  add(COORDINATES_RE, 'coordinates')
  add(LABELLED_DEGREES, 'coordinates')
  add(DATE_RE, 'date')
  add(COMPACT_DATE_RE, 'date', (match) => !isPhoneLabel(text, match.index))
  add(CARD_RE, 'card_number')
  add(SOLID_CARD, 'card_number', (match) => luhn(match[0]))
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: LookAlike[] = []
  for (const item of found) {
    const last = kept.at(-1)
    if (!last || item.start >= last.end) kept.push(item)
  }
  return kept
}
