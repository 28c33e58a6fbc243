import { isSupportedCountry, searchPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max'
import {
  describeNumber,
  foldPhoneText,
  NUMBER_REFUSAL_REASONS,
  normalizeNumber,
  type NormalizedNumber,
  type NumberRefusal,
  type NumberRefusalReason,
} from './normalize'

/** The clipboard can hold megabytes; a phone number worth offering is near the top. */
export const MAX_TEXT_CHARS = 10_000
export const DEFAULT_MAX_CANDIDATES = 10
// A number that ends this close to the cut may have lost digits to it (`030 123456|78` would
// otherwise be offered as a shorter, valid German number), so it is refused, never offered.
const CUT_GUARD_CHARS = 100

export type CandidateSource = 'tel_uri' | 'callto_uri' | 'text'

export interface Candidate {
  e164: string
  national: string
  international: string
  region?: CountryCode
  extension?: string
  type?: NormalizedNumber['type']
  source: CandidateSource
  /** Exactly as it appears in the text (for a URI, the whole `tel:...`). */
  raw: string
  /** UTF-16 offset of `raw` in the text. */
  offset: number
}

export const FIND_REFUSAL_REASONS = [
  ...NUMBER_REFUSAL_REASONS,
  /** tel: number valid only inside a private dial plan (`;phone-context=example.com`). */
  'local_number',
  /** Bad percent-encoding or characters a tel:/callto: number cannot hold. */
  'malformed_uri',
  /** Ends where the text was cut at MAX_TEXT_CHARS, so it may be missing digits. */
  'cut_off',
] as const
export type FindRefusalReason = (typeof FIND_REFUSAL_REASONS)[number]

export interface FindRefusal {
  raw: string
  offset: number
  reason: FindRefusalReason
}

export interface FindResult {
  candidates: Candidate[]
  refusals: FindRefusal[]
  /** Only the first MAX_TEXT_CHARS were read. */
  truncated: boolean
  /** More distinct candidates (or refusals) were found than `max`; the first ones are kept. */
  limited: boolean
}

type Found =
  | { offset: number; raw: string; source: CandidateSource; result: NormalizedNumber | NumberRefusal }
  | { offset: number; raw: string; refusal: FindRefusalReason }

// `tel:` inside a word (hotel:) is not a URI; `//` is how Skype-era callto: links were written.
const URI = /(?<![\p{L}\p{N}])(tel|callto):(\/\/)?([^\s"'<>,]+)/giu
// The number continues after a space: "Tel:+44 20 7946 0958" is a label, left to the text search.
const LABEL_CONTINUES = /^[ \t\u00a0]+[\d(]/
const URI_NUMBER = /^\+?[\d.()-]+$/
const VISUAL_SEPARATORS = /[.()-]/g
// Digit runs that leniency VALID still lets through: ISO and dotted dates ("2026-11-23" is a valid
// German number, "23.11.2026 14:05" a British one), card numbers, IPv4, amounts and decimals.
const OTHER_SHAPES = [
  /^\d{4}([./-])\d{1,2}\1\d{1,2}(?![./-]?\d)/,
  /^\d{1,2}([./-])\d{1,2}\1\d{2,4}(?![./-]?\d)/,
  /^\d{4}([ -]?)\d{4}\1\d{4}\1\d{1,4}$/,
  /^\d{1,3}(\.\d{1,3}){3}$/,
  /^\d{1,3}([.,]\d{3})+([.,]\d{1,2})?$/,
  /^\d+[.,]\d+$/,
]

/**
 * Whether the match at [start, end) is part of something else: it starts right after `<digit>:`,
 * `<digit>.` or a digit (the tail of a time, IP or version: "10:30 2026-11-23" gives a valid UK
 * "30 2026 1123"), ends right before `:<digit>` (a time), follows `#` (an order or ticket number:
 * "Order #123456789" is valid in France), or has one of the shapes above. Not `-` or `/` before:
 * "020 7946 0958/020 7946 0959" is two real numbers.
 */
function partOfSomethingElse(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start)
  const after = text.slice(end, end + 2)
  return (
    /(\d[:.]?|#\s*)$/.test(before) ||
    /^:\d/.test(after) ||
    OTHER_SHAPES.some((shape) => shape.test(text.slice(start, end)))
  )
}

// The loose pass reports only what an agent would read as a phone number: an international
// (+, 00), trunk-prefixed (0) or bracketed form of at least 7 digits. Bare digit runs (postcodes,
// amounts, references) would otherwise all come back as "invalid number".
const DIALLED_ISLAND = /(?<![\p{L}\p{N}])[+(0][\d\s()./\u002d\u2010-\u2015\u2212]{6,}/gu
const looksDialled = (raw: string) => /^[+(0]/.test(raw) && (raw.match(/\d/g)?.length ?? 0) >= 7

/**
 * Phone numbers and tel:/callto: URIs in free text, in text order, each distinct E.164 once.
 * National numbers are read in `defaultRegion`. Candidates are only numbers libphonenumber calls
 * valid (leniency VALID, which already skips dates, times and digit runs inside longer ones).
 */
export function findNumbers(text: string, defaultRegion: CountryCode, options: { max?: number } = {}): FindResult {
  const max = Number.isFinite(options.max) ? Math.max(0, Math.floor(options.max!)) : DEFAULT_MAX_CANDIDATES
  // An unknown region (a hand-edited settings file) must not throw: only +numbers are then read.
  const region = isSupportedCountry(defaultRegion) ? defaultRegion : undefined
  const truncated = text.length > MAX_TEXT_CHARS
  const head = truncated ? text.slice(0, MAX_TEXT_CHARS) : text
  const folded = foldPhoneText(head)

  const { found: uris, masked } = findUris(head, folded, region)
  const found = [...uris, ...findInText(head, maskOpeningHours(masked), region)]
  if (truncated) guardCut(found, head.length)
  found.sort((a, b) => a.offset - b.offset)
  return collect(found, max, truncated)
}

function findUris(head: string, folded: string, region: CountryCode | undefined) {
  const found: Found[] = []
  const spans: Array<[number, number]> = []
  for (const match of folded.matchAll(URI)) {
    const offset = match.index
    // Sentence punctuation after a link ("call tel:+44...: ") is not part of it.
    const value = match[3]!.replace(/[.:;!?]+$/, '')
    const end = offset + match[0].length - (match[3]!.length - value.length)
    if (value === '' || LABEL_CONTINUES.test(folded.slice(end, end + 8))) continue
    const raw = head.slice(offset, end)
    const source = match[1]!.toLowerCase() === 'tel' ? 'tel_uri' : 'callto_uri'
    const result = parseUriNumber(value, region)
    found.push(typeof result === 'string' ? { offset, raw, refusal: result } : { offset, raw, source, result })
    spans.push([offset, end])
  }
  // Hidden from the text search, which would otherwise find the same digits a second time.
  let masked = ''
  let from = 0
  for (const [start, end] of spans) {
    masked += folded.slice(from, start) + ' '.repeat(end - start)
    from = end
  }
  return { found, masked: masked + folded.slice(from) }
}

/** RFC 3966 (`+44-20-7946-0958;ext=12`, `;phone-context=`), also callto:, percent-decoded. */
function parseUriNumber(
  value: string,
  region: CountryCode | undefined,
): NormalizedNumber | NumberRefusal | FindRefusalReason {
  let decoded: string
  try {
    decoded = decodeURIComponent(value)
  } catch {
    return 'malformed_uri'
  }
  const [numberPart = '', ...params] = decoded.replace(/\s/g, '').split(';')
  const param = (name: string) =>
    params.find((p) => p.toLowerCase().startsWith(`${name}=`))?.slice(name.length + 1) ?? undefined
  // callto:username and tel:*67 are not numbers an outdial can take.
  if (!/\d/.test(numberPart)) return { ok: false, reason: numberPart === '' ? 'empty' : 'not_a_number' }
  if (!URI_NUMBER.test(numberPart)) return 'malformed_uri'
  const ext = param('ext')
  if (ext !== undefined && !/^\d{1,20}$/.test(ext.replace(VISUAL_SEPARATORS, ''))) return 'malformed_uri'

  let number = numberPart.replace(VISUAL_SEPARATORS, '')
  if (!number.startsWith('+')) {
    const context = param('phone-context')
    if (context !== undefined) {
      if (!context.startsWith('+')) return 'local_number'
      number = `${context.replace(VISUAL_SEPARATORS, '')}${number}`
    }
    // Without a context the URI breaks the RFC, but `tel:02079460958` is common: read as national.
  }
  if (!/^\+?\d+$/.test(number)) return 'malformed_uri'
  const withExt = ext === undefined ? number : `${number} ext. ${ext.replace(VISUAL_SEPARATORS, '')}`
  if (region !== undefined) return normalizeNumber(withExt, region)
  // No region to read a national number in; for a +number the region argument is never consulted.
  return number.startsWith('+') ? normalizeNumber(withExt, 'US') : { ok: false, reason: 'invalid_country' }
}

// libphonenumber drops a number followed by another digit group: it retries only the text after
// the first space, never "the number minus its last group", so "020 7946 0958 24/7" gives nothing.
// Opening hours are the common case in signatures; letters (not spaces, which would join the
// neighbours) stand in for them. "(415) 555-0132 48213" is still missed.
const OPENING_HOURS =
  /(?<![\p{L}\p{N}])(?:24\/7|\d{1,2}(?::\d{2})?\s?(?:am|pm)?\s?[-\u2013]\s?\d{1,2}(?::\d{2})?\s?(?:am|pm)|\d{1,2}:\d{2}\s?[-\u2013]\s?\d{1,2}:\d{2})(?![\p{L}\p{N}])/giu
const maskOpeningHours = (text: string) => text.replace(OPENING_HOURS, (hours) => 'z'.repeat(hours.length))

function findInText(head: string, masked: string, region: CountryCode | undefined): Found[] {
  const found: Found[] = []
  const taken: Array<[number, number]> = []
  for (const match of searchPhoneNumbersInText(masked, { defaultCountry: region })) {
    if (partOfSomethingElse(masked, match.startsAt, match.endsAt)) continue
    const raw = head.slice(match.startsAt, match.endsAt)
    found.push({ offset: match.startsAt, raw, source: 'text', result: describeNumber(match.number) })
    taken.push([match.startsAt, match.endsAt])
  }
  // A second, looser pass finds what looked like a number but is not valid (`+1 555 555 0100`,
  // `0171 946 0958`), so the agent is told why it is not offered. It reads only stretches that
  // could be reported (see looksDialled): a whole-text pass doubled the time on long prose.
  // `extended` is the typed way to ask for leniency POSSIBLE (`leniency` works, but is not typed).
  for (const island of masked.matchAll(DIALLED_ISLAND)) {
    for (const match of searchPhoneNumbersInText(island[0], { defaultCountry: region, extended: true })) {
      const startsAt = island.index + match.startsAt
      const endsAt = island.index + match.endsAt
      if (taken.some(([s, e]) => startsAt < e && endsAt > s)) continue
      if (partOfSomethingElse(masked, startsAt, endsAt)) continue
      if (!looksDialled(masked.slice(startsAt, endsAt))) continue
      const result = describeNumber(match.number)
      // Valid yet skipped by VALID: libphonenumber judged the context suspect; neither offer nor refuse.
      if (result.ok) continue
      found.push({ offset: startsAt, raw: head.slice(startsAt, endsAt), refusal: result.reason })
    }
  }
  return found
}

function guardCut(found: Found[], cut: number) {
  for (const [i, item] of found.entries()) {
    if (item.offset + item.raw.length > cut - CUT_GUARD_CHARS) {
      found[i] = { offset: item.offset, raw: item.raw, refusal: 'cut_off' }
    }
  }
}

function collect(found: Found[], max: number, truncated: boolean): FindResult {
  const candidates: Candidate[] = []
  const refusals: FindRefusal[] = []
  const seen = new Set<string>()
  let limited = false
  const refuse = (item: Found, reason: FindRefusalReason) => {
    if (refusals.length < max) refusals.push({ raw: item.raw, offset: item.offset, reason })
    else limited = true
  }
  for (const item of found) {
    if ('refusal' in item) refuse(item, item.refusal)
    else if (!item.result.ok) refuse(item, item.result.reason)
    else if (seen.has(item.result.e164)) continue
    else if (candidates.length >= max) limited = true
    else {
      const { ok: _ok, ...number } = item.result
      seen.add(number.e164)
      candidates.push({ ...number, source: item.source, raw: item.raw, offset: item.offset })
    }
  }
  return { candidates, refusals, truncated, limited }
}

export type { NumberRefusalReason }
