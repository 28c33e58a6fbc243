import { ParseError, isSupportedCountry, isValidPhoneNumber, parsePhoneNumberWithError } from 'libphonenumber-js/core'
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core'
// Max metadata, the one set the whole app judges numbers with: shared/phone/dialable.ts (the outdial form, the
// shortcut's number finder) and shared/schemas/settings.ts use `libphonenumber-js/max`, and this import resolves
// to the same module (`metadata.max.json.js`), so the list and the single-number field agree on every number a
// list can hold (a test holds them together). With `min`, isValid() mostly checks each country's general pattern
// and lengths, so a list could carry numbers that cannot exist, and that the outdial form refuses. In max every country has its number types
// (fixed line, mobile, toll free, ...), and valid means the national number fits one of them.
import metadataJson from 'libphonenumber-js/metadata.max.json'
import { bidiControlSpans } from './bidi-spans'
import { foldPhoneText } from './fold-text'

/**
 * The voice-broadcast wire limit (`MAX_NUMBER_LIST` in shared/providers/voice-broadcast/wire.ts). Repeated, not
 * imported: that module builds zod schemas at load time and would pull zod into the parsing worker's bundle. A
 * test pins the two together.
 */
export const DEFAULT_MAX_NUMBERS = 200_000

/** Closed set: the form maps each to a message. */
export type InvalidReason =
  | 'missing' // a CSV row without a value in the phone column
  | 'not_a_number'
  | 'too_short'
  | 'too_long'
  | 'invalid_length'
  | 'invalid_country'
  | 'invalid_number'
  | 'extension' // a broadcast cannot dial an extension
  | 'not_dialable' // valid, but not the 7–15 digits the broadcast platform takes
  | 'bidi_control' // under a direction override or isolate: the digits shown are not the digits read

export interface InvalidEntry {
  /** 1-based physical line where the value starts, as an editor shows it. */
  line: number
  /** The value as written, cut to RAW_MAX characters. */
  raw: string
  reason: InvalidReason
}

export interface NumberListOptions {
  defaultRegion: CountryCode
  /** Distinct valid numbers kept; later ones are counted in `overLimitCount`. */
  maxNumbers?: number
  /** `done` and `total` are physical lines, so they mean the same with or without quoted newlines. */
  onProgress?: (done: number, total: number) => void
  /** Lines between two progress calls. */
  progressEvery?: number
  /** Skips detection when the caller knows (e.g. from the file extension). */
  format?: 'csv' | 'txt'
}

export interface NumberListResult {
  /** Country code + number, digits only: the wire's `numberList` format. Unique, in first-seen order. */
  numbers: string[]
  /** Valid entries whose number was already seen, whatever its written form. */
  duplicates: number
  /** The first INVALID_LISTED invalid entries. */
  invalid: InvalidEntry[]
  invalidCount: number
  /** Entries looked at: CSV data rows, or values in a TXT list. Header and empty lines are not entries. */
  totalRows: number
  /** More distinct valid numbers than `maxNumbers`: the first `maxNumbers` are kept. */
  overLimit: boolean
  /** Distinct valid numbers left out by the limit. */
  overLimitCount: number
  format: 'csv' | 'txt'
  /** The CSV column the numbers were read from (0-based) and its header, if there was one. */
  column?: { index: number; header?: string }
}

/** Enough to show the agent what to fix, without holding 200,000 strings for a wrong file. */
export const INVALID_LISTED = 1000
const RAW_MAX = 64
const DEFAULT_PROGRESS_EVERY = 10_000
const SAMPLE_ROWS = 50
/** The wire's `^\d{7,15}$`. */
const CALLEE_MIN = 7
const CALLEE_MAX = 15

export function parseNumberList(text: string, options: NumberListOptions): NumberListResult {
  const region = options.defaultRegion
  if (!isSupportedCountry(region, metadata)) throw new RangeError(`Unknown region ${region}`)
  const ctx = regionContext(region)
  const maxNumbers = options.maxNumbers ?? DEFAULT_MAX_NUMBERS
  const every = Math.max(1, options.progressEvery ?? DEFAULT_PROGRESS_EVERY)
  const onProgress = options.onProgress
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)

  const totalLines = onProgress ? countLines(text) : 0
  const layout = detectLayout(text, ctx, options.format)

  const numbers: string[] = []
  const seen = new Set<string>()
  const invalid: InvalidEntry[] = []
  let invalidCount = 0
  let duplicates = 0
  let totalRows = 0
  let overLimitCount = 0

  const take = (raw: string, line: number) => {
    totalRows++
    const value = raw.trim()
    const result = value === '' ? 'missing' : normalize(value, ctx)
    if (result.length > 0 && isDigit(result.charCodeAt(0))) {
      if (seen.has(result)) duplicates++
      else {
        seen.add(result)
        if (numbers.length < maxNumbers) numbers.push(result)
        else overLimitCount++
      }
      return
    }
    invalidCount++
    if (invalid.length < INVALID_LISTED) {
      invalid.push({
        line,
        raw: value.length > RAW_MAX ? value.slice(0, RAW_MAX) : value,
        reason: result as InvalidReason,
      })
    }
  }

  const reader = new RowReader(text, layout.delimiters)
  let lastReported = 0
  // The header is the first row with content, as in detectLayout; blank lines before it are not it.
  let headerPending = layout.header
  while (reader.next()) {
    const { fields, lines, count } = reader
    if (headerPending && rowHasContent(fields, count)) {
      headerPending = false
      continue
    }
    if (layout.format === 'csv') {
      if (!rowHasContent(fields, count)) continue
      const col = layout.column
      take(col < count ? fields[col]! : '', col < count ? lines[col]! : lines[0]!)
    } else {
      for (let i = 0; i < count; i++) {
        const field = fields[i]!
        // Trailing commas and blank lines in a pasted list are layout, not entries.
        if (field.length === 0 || field.trim().length === 0) continue
        take(field, lines[i]!)
      }
    }
    if (onProgress && reader.line - lastReported >= every) {
      lastReported = Math.min(reader.line, totalLines)
      onProgress(lastReported, totalLines)
    }
  }
  if (onProgress) onProgress(totalLines, totalLines)

  const result: NumberListResult = {
    numbers,
    duplicates,
    invalid,
    invalidCount,
    totalRows,
    overLimit: overLimitCount > 0,
    overLimitCount,
    format: layout.format,
  }
  if (layout.format === 'csv') {
    result.column =
      layout.headerName === undefined ? { index: layout.column } : { index: layout.column, header: layout.headerName }
  }
  return result
}

/** One value against the default region: the wire form of the number, or why it is refused. */
export function normalizeNumber(
  raw: string,
  defaultRegion: CountryCode,
): { ok: true; number: string } | { ok: false; reason: InvalidReason } {
  if (!isSupportedCountry(defaultRegion, metadata)) throw new RangeError(`Unknown region ${defaultRegion}`)
  const value = raw.trim()
  const result = value === '' ? 'missing' : normalize(value, regionContext(defaultRegion))
  return isDigit(result.charCodeAt(0)) ? { ok: true, number: result } : { ok: false, reason: result as InvalidReason }
}

// ——— Layout: TXT or CSV, delimiter, header, phone column ———

interface Layout {
  format: 'csv' | 'txt'
  delimiters: string
  header: boolean
  column: number
  headerName?: string
}

const TXT_DELIMITERS = ',;\t'

/** Compared after lower-casing and dropping accents, spaces and punctuation. */
const PHONE_HEADERS = new Set([
  'phone',
  'phones',
  'phonenumber',
  'phonenumbers',
  'phoneno',
  'number',
  'numbers',
  'mobile',
  'mobilephone',
  'mobilenumber',
  'cell',
  'cellphone',
  'tel',
  'telephone',
  'telefono',
  'telefonos',
  'telefone',
  'telefon',
  'movil',
  'celular',
  'msisdn',
  'numero',
  'numeros',
  'numerodetelefono',
  'callee',
  'calleenumber',
  'handy',
  'whatsapp',
  'contactnumber',
  'dn',
])
const PHONE_HEADER_PARTS = ['phone', 'mobile', 'msisdn', 'telef', 'celular', 'movil', 'numero', 'number', 'tel']

function headerScore(field: string): number {
  const key = field
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
  if (key === '') return 0
  if (PHONE_HEADERS.has(key)) return 2
  return PHONE_HEADER_PARTS.some((part) => key.includes(part)) ? 1 : 0
}

function detectLayout(text: string, ctx: RegionContext, forced: 'csv' | 'txt' | undefined): Layout {
  const txt: Layout = { format: 'txt', delimiters: TXT_DELIMITERS, header: false, column: 0 }
  const guessed = guessDelimiter(text)
  const asTxt = forced === 'txt' || (forced !== 'csv' && guessed === undefined)
  const delimiter = asTxt ? TXT_DELIMITERS : (guessed ?? ',')
  const rows = sampleRows(text, delimiter)
  if (rows.length === 0) return asTxt ? txt : { format: 'csv', delimiters: delimiter, header: false, column: 0 }

  const valid = (field: string | undefined) =>
    field !== undefined && isDigit(normalize(field.trim(), ctx).charCodeAt(0))
  const first = rows[0]!
  const scores = first.map(headerScore)
  const firstHasNumber = first.some(valid)
  const named = !firstHasNumber && scores.some((s) => s > 0)
  const wordy = !firstHasNumber && first.some((f) => /\p{L}/u.test(f)) && rows.slice(1).some((r) => r.some(valid))
  const header = named || wordy
  if (asTxt) return { ...txt, header }

  if (!header && forced !== 'csv') {
    // A pasted list may mix `,` and `;`, so it is judged split on both. It is a CSV only if some column is
    // mostly not numbers (names, cities, ids); otherwise every value is an entry, and the bad ones are reported.
    const wide = sampleRows(text, TXT_DELIMITERS)
    const stats = columnStats(wide, valid)
    const otherColumn = stats.filled.some((n, col) => n > 0 && n * 2 >= wide.length && stats.hits[col]! * 5 <= n)
    if (!otherColumn) return txt
  }
  const { hits } = columnStats(header ? rows.slice(1) : rows, valid)
  let column = 0
  let best = -1
  for (let col = 0; col < hits.length; col++) {
    // A matching header name outranks content, so "mobile" beats an "id" column that happens to parse.
    const score = (header ? (scores[col] ?? 0) : 0) * 1_000_000 + hits[col]!
    if (score > best) {
      best = score
      column = col
    }
  }
  const layout: Layout = { format: 'csv', delimiters: delimiter, header, column }
  if (header) layout.headerName = first[column]?.trim() ?? ''
  return layout
}

function columnStats(rows: string[][], valid: (field: string | undefined) => boolean) {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0)
  const hits = Array.from({ length: width }, (_, col) => rows.filter((r) => valid(r[col])).length)
  const filled = Array.from({ length: width }, (_, col) => rows.filter((r) => (r[col] ?? '').trim() !== '').length)
  return { hits, filled }
}

/** The separator used most in the first non-empty line, outside quotes. */
function guessDelimiter(text: string): string | undefined {
  const counts = [0, 0, 0]
  let quoted = false
  let sawContent = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) quoted = !quoted
    else if (quoted) continue
    else if (c === 10 || c === 13) {
      if (sawContent) break
    } else if (c === 44) counts[0]!++
    else if (c === 59) counts[1]!++
    else if (c === 9) counts[2]!++
    else if (c !== 32) sawContent = true
  }
  const max = Math.max(...counts)
  return max === 0 ? undefined : ',;\t'[counts.indexOf(max)]
}

function sampleRows(text: string, delimiters: string): string[][] {
  const reader = new RowReader(text, delimiters)
  const rows: string[][] = []
  while (rows.length < SAMPLE_ROWS && reader.next()) {
    if (rowHasContent(reader.fields, reader.count)) rows.push(reader.fields.slice(0, reader.count))
  }
  return rows
}

function rowHasContent(fields: string[], count: number): boolean {
  for (let i = 0; i < count; i++) if (fields[i]!.trim() !== '') return true
  return false
}

/** Physical lines: `\r\n`, `\n` and a lone `\r` each end one; a final line break does not start another. */
function countLines(text: string): number {
  if (text.length === 0) return 0
  let lines = 1
  let i = text.indexOf('\n')
  while (i !== -1) {
    lines++
    i = text.indexOf('\n', i + 1)
  }
  if (text.indexOf('\r') !== -1) {
    for (let j = text.indexOf('\r'); j !== -1; j = text.indexOf('\r', j + 1)) if (text.charCodeAt(j + 1) !== 10) lines++
  }
  const last = text.charCodeAt(text.length - 1)
  if (last === 10 || last === 13) lines--
  return lines
}

/**
 * RFC 4180 rows, leniently: quoted fields may hold delimiters, `""` and line breaks; text after a closing
 * quote is kept. Walks the string once with indexes (no split, no regex) and reuses its arrays, because a
 * 200,000-row file must not allocate per character.
 */
class RowReader {
  fields: string[] = []
  /** Line on which each field starts. */
  lines: number[] = []
  count = 0
  /** Lines consumed so far. */
  line = 0
  private pos = 0
  // Up to three delimiters, compared inline: a per-character callback was a third of the parse time.
  private readonly d1: number
  private readonly d2: number
  private readonly d3: number

  constructor(
    private readonly text: string,
    delimiters: string,
  ) {
    this.d1 = delimiters.charCodeAt(0)
    this.d2 = delimiters.length > 1 ? delimiters.charCodeAt(1) : this.d1
    this.d3 = delimiters.length > 2 ? delimiters.charCodeAt(2) : this.d1
  }

  next(): boolean {
    const text = this.text
    const end = text.length
    if (this.pos >= end) return false
    const { d1, d2, d3 } = this
    let pos = this.pos
    let line = this.line + 1
    this.count = 0
    for (;;) {
      const fieldLine = line
      let value: string
      if (text.charCodeAt(pos) === 34) {
        value = ''
        let from = pos + 1
        for (;;) {
          const q = text.indexOf('"', from)
          const stop = q === -1 ? end : q
          line += breaksIn(text, from, stop)
          if (q === -1) {
            value += text.slice(from)
            pos = end
            break
          }
          if (text.charCodeAt(q + 1) === 34) {
            value += text.slice(from, q + 1)
            from = q + 2
            continue
          }
          value += text.slice(from, q)
          pos = q + 1
          break
        }
        const start = pos
        while (pos < end) {
          const c = text.charCodeAt(pos)
          if (c === 10 || c === 13 || c === d1 || c === d2 || c === d3) break
          pos++
        }
        if (pos > start) value += text.slice(start, pos)
      } else {
        const start = pos
        while (pos < end) {
          const c = text.charCodeAt(pos)
          if (c === 10 || c === 13 || c === d1 || c === d2 || c === d3) break
          pos++
        }
        value = text.slice(start, pos)
      }
      this.fields[this.count] = value
      this.lines[this.count] = fieldLine
      this.count++
      if (pos >= end) break
      const c = text.charCodeAt(pos)
      if (c === 13) {
        pos += text.charCodeAt(pos + 1) === 10 ? 2 : 1
        break
      }
      if (c === 10) {
        pos++
        break
      }
      pos++ // a delimiter
    }
    this.pos = pos
    this.line = line
    return true
  }
}

function breaksIn(text: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++
  }
  return n
}

// ——— One number ———
//
// libphonenumber-js takes 4–8 µs per parse, mostly in argument handling and object copies, which alone
// would spend the whole 1 s budget on 200,000 numbers. For the common input (ASCII digits, usual separators,
// an optional leading +), `fastParse` runs the same steps as the library's `parse()` + `isValid()` (the
// same regular expressions, from the same metadata, compiled once) and only answers when the number is
// valid. Everything else, including every refusal, goes to the library itself, which also names the
// reason. With max metadata `isValid()` is `getNumberType() !== undefined`: the national number matches the
// country's general pattern and one number type's pattern, among that type's possible lengths; `hasNumberType`
// is that check. A differential property test holds the two together across all regions.

const metadata = metadataJson as MetadataJson
type RawPlan = unknown[]
const countries = metadata.countries as Record<string, RawPlan | undefined>
const callingCodes = metadata.country_calling_codes as Record<string, string[] | undefined>
const nonGeographic = (metadata.nonGeographic ?? {}) as Record<string, RawPlan | undefined>
/** The fast path reads the metadata arrays by position, as the library does for this version. */
const FAST_PATH = metadata.version === 4

interface TypeRule {
  re: RegExp
  lengths: number[] | undefined
}

interface Plan {
  callingCode: string
  idd: RegExp
  national: RegExp
  lengths: number[] | undefined
  nationalPrefixForParsing: RegExp | undefined
  transform: string | undefined
  leading: RegExp | undefined
  /** Undefined when the metadata has no number types for the country. */
  types: TypeRule[] | undefined
}

const plans = new Map<string, Plan>()

function planOf(country: string): Plan {
  let plan = plans.get(country)
  if (plan) return plan
  const m = countries[country]!
  const lengths = (m[3] || undefined) as number[] | undefined
  const npfp = (m[7] || m[5] || undefined) as string | undefined
  const rawTypes = m[11] as Array<[string, number[]?] | 0 | undefined> | 0 | undefined
  let types: TypeRule[] | undefined
  if (rawTypes && rawTypes.length > 0) {
    types = []
    for (const t of rawTypes) {
      if (t && t[0]) types.push({ re: new RegExp('^(?:' + t[0] + ')$'), lengths: t[1] || lengths })
    }
  }
  plan = {
    callingCode: m[0] as string,
    idd: new RegExp(m[1] as string),
    national: new RegExp('^(?:' + (m[2] as string) + ')$'),
    lengths,
    nationalPrefixForParsing: npfp ? new RegExp('^(?:' + npfp + ')') : undefined,
    transform: (m[8] || undefined) as string | undefined,
    leading: m[10] ? new RegExp(m[10] as string) : undefined,
    types,
  }
  plans.set(country, plan)
  return plan
}

interface RegionContext {
  region: CountryCode
  plan: Plan
}

function regionContext(region: CountryCode): RegionContext {
  return { region, plan: planOf(region) }
}

const isDigit = (c: number) => c >= 48 && c <= 57

/** The wire number (digits), or an InvalidReason. */
function normalize(value: string, ctx: RegionContext): string {
  if (FAST_PATH && value.length <= 40) {
    const fast = fastParse(value, ctx)
    if (fast !== undefined) return fast
  }
  // As the single-number field reads it (dialable.ts, fold-text.ts): invisible characters and odd
  // spaces folded, nothing read under a direction control. Only here, off the fast path, which
  // takes ASCII alone.
  if (!isAscii(value)) {
    if (bidiControlSpans(value).length > 0) return 'bidi_control'
    const folded = foldPhoneText(value).trim()
    if (FAST_PATH && folded.length <= 40) {
      const fast = fastParse(folded, ctx)
      if (fast !== undefined) return fast
    }
    return slowParse(folded, ctx)
  }
  return slowParse(value, ctx)
}

function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return false
  return true
}

function fastParse(value: string, ctx: RegionContext): string | undefined {
  let digits = ''
  let plus = false
  let runStart = -1
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (isDigit(c)) {
      if (runStart === -1) runStart = i
      continue
    }
    if (runStart !== -1) {
      digits += value.slice(runStart, i)
      runStart = -1
    }
    // space - . / ( ): punctuation the library drops. Anything else, the library decides.
    if (c === 32 || c === 45 || c === 46 || c === 47 || c === 40 || c === 41) continue
    if (c === 43 && i === 0) {
      plus = true
      continue
    }
    return undefined
  }
  digits = runStart === 0 ? value : runStart > 0 ? digits + value.slice(runStart) : digits
  if (digits.length < 3) return undefined
  const e164 = parseDigits(digits, plus, ctx)
  return e164 !== undefined && e164.length >= CALLEE_MIN && e164.length <= CALLEE_MAX ? e164 : undefined
}

/** `parse()` from libphonenumber-js on `[+]digits`, then `isValid()`: `cc + nn` when valid, else undefined. */
function parseDigits(digits: string, plus: boolean, ctx: RegionContext): string | undefined {
  let number = digits
  let callingCode: string | undefined
  let country: string | undefined
  let plan: Plan

  const fromPlus = plus
  if (!plus) {
    const stripped = stripIddPrefix(number, ctx.plan)
    if (stripped !== undefined && stripped !== '' && stripped !== number) {
      plus = true
      number = stripped
    } else {
      const own = ctx.plan.callingCode
      if (number.startsWith(own)) {
        const shorter = number.slice(own.length)
        const shortNational = extractNationalNumber(shorter, ctx.plan)
        const fullNational = extractNationalNumber(number, ctx.plan)
        if (
          (!ctx.plan.national.test(fullNational) && ctx.plan.national.test(shortNational)) ||
          lengthCheck(fullNational, ctx.plan.lengths) === 'TOO_LONG'
        ) {
          callingCode = own
          number = shorter
        }
      }
    }
  }
  if (plus) {
    if (number.charCodeAt(0) === 48) return undefined
    for (let i = 1; i <= 3 && i <= number.length; i++) {
      const code = number.slice(0, i)
      if (callingCodes[code]) {
        callingCode = code
        number = number.slice(i)
        break
      }
      if (nonGeographic[code]) return undefined
    }
    if (callingCode === undefined) return undefined
  }
  if (callingCode !== undefined) {
    plan = planOf(callingCodes[callingCode]![0]!)
  } else {
    country = ctx.region
    plan = ctx.plan
    callingCode = plan.callingCode
  }
  if (number === '') return undefined

  const national = extractNationalNumber(number, plan)
  const exact = countryFor(callingCode, national)
  if (exact !== undefined) country = exact
  if (national.length < 2 || national.length > 17) return undefined
  const validPlan = country !== undefined ? planOf(country) : planOf(callingCodes[callingCode]![0]!)
  const valid = validPlan.types ? hasNumberType(national, validPlan) : validPlan.national.test(national)
  if (!valid) return undefined
  const e164 = callingCode + national
  // The list holds bare E.164, so it must stand on its own: read back with no region, it must be the same valid
  // number. It may not be when the region decided (an AG-only range under +1 is invalid as +1, which means US)
  // or when the remainder starts like a national prefix. Written with + and nothing stripped, it is that reading.
  if (fromPlus && national === number) return e164
  return parseDigits(e164, true, ctx) === e164 ? e164 : undefined
}

function stripIddPrefix(number: string, plan: Plan): string | undefined {
  const match = plan.idd.exec(number)
  if (!match || match.index !== 0) return undefined
  const rest = number.slice(match[0].length)
  return rest.charCodeAt(0) === 48 ? undefined : rest
}

/** The library's `extractNationalNumber`: drop a national prefix when what remains still fits. */
function extractNationalNumber(number: string, plan: Plan): string {
  const pattern = plan.nationalPrefixForParsing
  if (!pattern) return number
  const match = pattern.exec(number)
  if (!match) return number
  const groups = match.length - 1
  const hasGroups = groups > 0 && Boolean(match[groups])
  const national = plan.transform && hasGroups ? number.replace(pattern, plan.transform) : number.slice(match[0].length)
  if (national === number) return number
  if (plan.national.test(number) && !plan.national.test(national)) return number
  if (plan.lengths) {
    const country = countryFor(plan.callingCode, national)
    const lengths = country !== undefined ? planOf(country).lengths : plan.lengths
    const check = lengthCheck(national, lengths)
    if (check === 'TOO_SHORT' || check === 'INVALID_LENGTH') return number
  }
  return national
}

function lengthCheck(national: string, lengths: number[] | undefined) {
  if (!lengths) return 'IS_POSSIBLE'
  const n = national.length
  if (lengths[0] === n) return 'IS_POSSIBLE'
  if (lengths[0]! > n) return 'TOO_SHORT'
  if (lengths[lengths.length - 1]! < n) return 'TOO_LONG'
  return lengths.indexOf(n, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH'
}

/** `getCountryByCallingCode`: the one country, or the first of several whose leading digits or types fit. */
function countryFor(callingCode: string, national: string): string | undefined {
  const list = callingCodes[callingCode]
  if (!list) return undefined
  if (list.length === 1) return list[0]
  for (const candidate of list) {
    const plan = planOf(candidate)
    if (plan.leading) {
      if (national && plan.leading.exec(national)?.index === 0) return candidate
    } else if (hasNumberType(national, plan)) return candidate
  }
  return undefined
}

/**
 * `getNumberType(...) !== undefined`: the general pattern, then any type (fixed line first; the order does not
 * change whether one matches) whose lengths include the number's and whose pattern matches it whole. An empty
 * pattern (mobile folded into fixed line) is skipped, as the library skips it.
 */
function hasNumberType(national: string, plan: Plan): boolean {
  if (!plan.national.test(national) || !plan.types) return false
  for (const type of plan.types) {
    if (type.lengths && !type.lengths.includes(national.length)) continue
    if (type.re.test(national)) return true
  }
  return false
}

const PARSE_REASONS: Record<string, InvalidReason> = {
  NOT_A_NUMBER: 'not_a_number',
  TOO_SHORT: 'too_short',
  TOO_LONG: 'too_long',
  INVALID_COUNTRY: 'invalid_country',
}

/** The library itself, on the value as written (`extract: false`: a cell is one number, not prose). */
function slowParse(value: string, ctx: RegionContext): string {
  let phone
  try {
    phone = parsePhoneNumberWithError(value, { defaultCountry: ctx.region, extract: false }, metadata)
  } catch (error) {
    return error instanceof ParseError ? (PARSE_REASONS[error.message] ?? 'invalid_number') : 'not_a_number'
  }
  if (phone.ext) return 'extension'
  if (!phone.isValid()) {
    const lengths = planOf(phone.country ?? callingCodes[phone.countryCallingCode]?.[0] ?? ctx.region).lengths
    const check = lengthCheck(phone.nationalNumber, lengths)
    return check === 'TOO_SHORT'
      ? 'too_short'
      : check === 'TOO_LONG'
        ? 'too_long'
        : check === 'INVALID_LENGTH'
          ? 'invalid_length'
          : 'invalid_number'
  }
  const e164 = phone.number.slice(1)
  if (e164.length < CALLEE_MIN || e164.length > CALLEE_MAX) return 'not_dialable'
  // As in parseDigits: valid only because of the default region is not valid as a bare E.164 number.
  return isValidPhoneNumber(phone.number, metadata) &&
    phone.number === parsePhoneNumberWithError(phone.number, metadata).number
    ? e164
    : 'invalid_number'
}
