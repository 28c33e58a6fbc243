import { isSupportedCountry, searchPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max'
import { bidiControlSpans, type Span } from './bidi-spans'
import {
  judgeNumber,
  judgeWholeNumber,
  NUMBER_REFUSAL_REASONS,
  type DialableNumber,
  type NumberRefusal,
  type NumberRefusalReason,
} from './dialable'
import { foldPhoneText } from './fold-text'
import { findLookAlikes, LOOK_ALIKE_REASONS, type LookAlike } from './look-alikes'
import { labelBefore } from './reference-labels'

// The one extraction, text → numbers, for every path that reads text: the desktop shortcut, tel:
// and callto: links, the confirm window and the quick callback's prefill (through
// electron/main/desktop/dial-desk.ts), and the form field (read-number.ts). Whether a number is
// dialable is dialable.ts's one rule.

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
  type?: DialableNumber['type']
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
  /** Under a direction override, embedding or isolate: the digits shown are not the digits read. */
  'bidi_control',
  /** Right after a reference label (order, invoice, IBAN, pedido, Rechnung, facture...) or a `#`. */
  'reference',
  /** Right after another digit group: it may be the tail of a longer number, or of two run together. */
  'runs_into_digits',
  /** A date, a payment-card number or map coordinates (look-alikes.ts). */
  ...LOOK_ALIKE_REASONS,
] as const
export type FindRefusalReason = (typeof FIND_REFUSAL_REASONS)[number]

export interface FindRefusal {
  raw: string
  offset: number
  reason: FindRefusalReason
  /** The country the number names, when the reason is about that country's numbers. */
  country?: CountryCode
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
  | { offset: number; raw: string; source: CandidateSource; result: DialableNumber | NumberRefusal }
  | { offset: number; raw: string; refusal: FindRefusalReason }

// `tel:` inside a word (hotel:) is not a URI; `//` is how Skype-era callto: links were written.
const URI = /(?<![\p{L}\p{N}])(tel|callto):(\/\/)?([^\s"'<>,]+)/giu
// The number continues after a space: "Tel:+44 20 7946 0958" is a label, left to the text search.
const LABEL_CONTINUES = /^[ \t\u00a0]+[\d(]/
const URI_NUMBER = /^\+?[\d.()-]+$/
const VISUAL_SEPARATORS = /[.()-]/g
// Digit runs that leniency VALID still lets through and that are skipped without a word: IPv4
// ("64.0.64.121" is a valid German number), amounts and decimals, and, behind look-alikes.ts,
// which names them, dates and card numbers as libphonenumber cut them out of their context.
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
 * "30 2026 1123"), ends right before `:<digit>` (a time), or has one of the shapes above. Not `-`
 * or `/` before: "020 7946 0958/020 7946 0959" is two real numbers.
 */
function partOfSomethingElse(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start)
  const after = text.slice(end, end + 2)
  return (
    /\d[:.]?$/.test(before) || /^:\d/.test(after) || OTHER_SHAPES.some((shape) => shape.test(text.slice(start, end)))
  )
}

/**
 * Whether the match starts right after a digit group and a space, so libphonenumber may have read
 * the tail of what was written: "030 123456 030 654321" gave the German local number 654321 alone.
 * A + starts a number whatever precedes it, and a tab is a cell boundary in a pasted table.
 */
function runsIntoDigits(masked: string, start: number): boolean {
  return masked[start] !== '+' && /\d $/.test(masked.slice(Math.max(0, start - 2), start))
}

/**
 * Whether the match is a labelled reference: it follows `#` ("Order #123456789" is valid in
 * France) or a reference label (reference-labels.ts). A number written with `+` is a phone number
 * whatever precedes it: nobody writes an order number that way.
 */
function isReference(folded: string, start: number): boolean {
  if (folded[start] === '+') return false
  return /#\s*$/.test(folded.slice(Math.max(0, start - 3), start)) || labelBefore(folded, start) === 'reference'
}

// The loose pass reports only what an agent would read as a phone number: an international
// (+, 00), trunk-prefixed (0) or bracketed form of at least 7 digits. Bare digit runs (postcodes,
// amounts, references) would otherwise all come back as "invalid number".
const DIALLED_ISLAND = /(?<![\p{L}\p{N}])[+(0][\d\s()./\u002d\u2010-\u2015\u2212]{6,}/gu
const looksDialled = (raw: string) => /^[+(0]/.test(raw) && (raw.match(/\d/g)?.length ?? 0) >= 7

/**
 * Phone numbers and tel:/callto: URIs in free text, in text order, each distinct E.164 once.
 * National numbers are read in `defaultRegion`. Candidates are only numbers dialable.ts's rule
 * calls dialable, found with leniency VALID (which already skips some dates, times and digit runs
 * inside longer ones), minus what reads as something else: labelled references, dates, card
 * numbers, coordinates, and anything under a direction override. Those are refusals, with a reason.
 */
export function findNumbers(text: string, defaultRegion: CountryCode, options: { max?: number } = {}): FindResult {
  const max = Number.isFinite(options.max) ? Math.max(0, Math.floor(options.max!)) : DEFAULT_MAX_CANDIDATES
  // An unknown region (a hand-edited settings file) must not throw: only +numbers are then read.
  const region = isSupportedCountry(defaultRegion) ? defaultRegion : undefined
  const truncated = text.length > MAX_TEXT_CHARS
  const head = truncated ? text.slice(0, MAX_TEXT_CHARS) : text
  const folded = foldPhoneText(head)

  const { found: uris, masked: withoutUris } = findUris(head, folded, region)
  const lookAlikes = findLookAlikes(withoutUris)
  const masked = splitListsAtCommas(maskOpeningHours(maskLookAlikes(withoutUris, lookAlikes)))
  const inText = findInText(head, folded, masked, region)
  let found: Found[] = [
    ...uris,
    ...lookAlikes.map((l) => ({ offset: l.start, raw: head.slice(l.start, l.end), refusal: l.reason })),
    ...inText.found,
  ]
  // Nothing in the text even looked like a number to libphonenumber, but the whole text may be
  // one (too short, an unknown country code): say what is wrong with it rather than "no number".
  if (found.length === 0 && !inText.sawMatch && !truncated) found = readWholeText(head, folded, region)
  found = refuseBidiSpans(head, folded, found)
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
): DialableNumber | NumberRefusal | FindRefusalReason {
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
  return judgeWholeNumber(withExt, region)
}

// libphonenumber drops a number followed by another digit group: it retries only the text after
// the first space, never "the number minus its last group", so "020 7946 0958 24/7" gives nothing.
// Opening hours are the common case in signatures; letters (not spaces, which would join the
// neighbours) stand in for them. "(415) 555-0132 48213" is still missed.
const OPENING_HOURS =
  /(?<![\p{L}\p{N}])(?:24\/7|\d{1,2}(?::\d{2})?\s?(?:am|pm)?\s?[-\u2013]\s?\d{1,2}(?::\d{2})?\s?(?:am|pm)|\d{1,2}:\d{2}\s?[-\u2013]\s?\d{1,2}:\d{2})(?![\p{L}\p{N}])/giu
const maskOpeningHours = (text: string) => text.replace(OPENING_HOURS, (hours) => 'z'.repeat(hours.length))

// libphonenumber reads a comma or semicolon after a number as a pause before an extension, so a
// list lost its second number and offered a wrong one: "415-555-0132, 202-555-0143" gave
// +1 415 555 0132 extension 202, and "030 123456;030 654321" in Germany the local number 654321
// as +49 654321. Before a space, a +, a bracket, seven digits or a digit group, the comma or
// semicolon separates numbers; before a few digits alone ("415-555-0132,22", how phones dial an
// extension) it is still read as one.
const LIST_COMMA = /(?<=\d)[ \t]*[,;](?=[ \t]|[+(]|\d{7}|\d+[ ./-]\d)/g
const splitListsAtCommas = (text: string) => text.replace(LIST_COMMA, (comma) => comma.replace(/[,;]/, '\n'))

function findInText(head: string, folded: string, masked: string, region: CountryCode | undefined) {
  const found: Found[] = []
  const taken: Array<[number, number]> = []
  let sawMatch = false
  for (const match of searchPhoneNumbersInText(masked, { defaultCountry: region })) {
    // Seen, even when skipped below as part of something else: the whole text is then not read
    // as one number either (readWholeText).
    sawMatch = true
    if (partOfSomethingElse(masked, match.startsAt, match.endsAt)) continue
    const raw = head.slice(match.startsAt, match.endsAt)
    const offset = match.startsAt
    found.push(
      isReference(folded, offset)
        ? { offset, raw, refusal: 'reference' }
        : runsIntoDigits(masked, offset)
          ? { offset, raw, refusal: 'runs_into_digits' }
          : { offset, raw, source: 'text', result: judgeNumber(match.number) },
    )
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
      if (!looksDialled(masked.slice(startsAt, endsAt))) continue
      sawMatch = true
      if (partOfSomethingElse(masked, startsAt, endsAt)) continue
      const raw = head.slice(startsAt, endsAt)
      if (isReference(folded, startsAt)) {
        found.push({ offset: startsAt, raw, refusal: 'reference' })
        continue
      }
      if (runsIntoDigits(masked, startsAt)) {
        found.push({ offset: startsAt, raw, refusal: 'runs_into_digits' })
        continue
      }
      const result = judgeNumber(match.number)
      // Valid yet skipped by VALID: libphonenumber judged the context suspect; neither offer nor refuse.
      if (result.ok) continue
      found.push({ offset: startsAt, raw, source: 'text', result })
    }
  }
  return { found, sawMatch }
}

/** Letters, not spaces, so the digits on either side of a date are not joined into one number. */
function maskLookAlikes(text: string, lookAlikes: LookAlike[]): string {
  let masked = ''
  let from = 0
  for (const { start, end } of lookAlikes) {
    masked += text.slice(from, start) + 'z'.repeat(end - start)
    from = end
  }
  return masked + text.slice(from)
}

// One number and nothing else (what the agent types into the number field, or copies alone):
// digits, the punctuation numbers are written with, an optional extension.
const SINGLE_NUMBER =
  /^\+?[\d\s()./\u002d\u2010-\u2015\u2212]*\d[\d\s()./\u002d\u2010-\u2015\u2212]*(?:\s*(?:ext\.?|extension|x|#)\s*\d+)?$/i

/** The whole text read as one number, when that is all it holds (and not an IP, amount or decimal). */
function readWholeText(head: string, folded: string, region: CountryCode | undefined): Found[] {
  const token = folded.trim()
  if (!SINGLE_NUMBER.test(token) || OTHER_SHAPES.some((shape) => shape.test(token))) return []
  const offset = folded.length - folded.trimStart().length
  const raw = head.slice(offset, offset + token.length)
  return [{ offset, raw, source: 'text', result: judgeWholeNumber(token, region) }]
}

// Around a span, the characters a number is written with: a number that starts or ends inside
// the span is refused whole, not cut at the span's edge into a shorter, valid one.
const NUMBER_CHAR = /[\d+()./ \t\u002d\u2010-\u2015\u2212]/

function widen(folded: string, span: Span): Span {
  let { start, end } = span
  while (start > 0 && NUMBER_CHAR.test(folded[start - 1]!)) start--
  while (end < folded.length && NUMBER_CHAR.test(folded[end]!)) end++
  while (start < end && /\s/.test(folded[start]!)) start++
  while (end > start && /\s/.test(folded[end - 1]!)) end--
  return { start, end }
}

/**
 * Every number in or touching a span under a direction control is replaced by one refusal of the
 * span. A span without digits is left alone: an isolate around an Arabic name, which is what
 * isolates are for, does not move the digits after it.
 */
function refuseBidiSpans(head: string, folded: string, found: Found[]): Found[] {
  const spans = bidiControlSpans(head)
    .filter((span) => /\d/.test(folded.slice(span.start, span.end)))
    .map((span) => widen(folded, span))
  if (spans.length === 0) return found
  const outside = found.filter(
    (item) => !spans.some((span) => item.offset < span.end && item.offset + item.raw.length > span.start),
  )
  const refused: Found[] = spans.map((span) => ({
    offset: span.start,
    raw: head.slice(span.start, span.end),
    refusal: 'bidi_control',
  }))
  return [...outside, ...refused]
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
  const refuse = (item: Found, reason: FindRefusalReason, country?: CountryCode) => {
    if (refusals.length < max)
      refusals.push({ raw: item.raw, offset: item.offset, reason, ...(country && { country }) })
    else limited = true
  }
  for (const item of found) {
    if ('refusal' in item) refuse(item, item.refusal)
    else if (!item.result.ok) refuse(item, item.result.reason, item.result.country)
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
