import fc from 'fast-check'
import {
  getCountries,
  getCountryCallingCode,
  isValidPhoneNumber,
  parsePhoneNumberWithError,
} from 'libphonenumber-js/core'
import type { CountryCode } from 'libphonenumber-js/core'
import examples from 'libphonenumber-js/examples.mobile.json'
import metadata from 'libphonenumber-js/metadata.max.json'
import { isValidPhoneNumber as isValidInMax } from 'libphonenumber-js/max'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_MAX_NUMBERS,
  INVALID_LISTED,
  normalizeNumber,
  parseNumberList,
  type NumberListResult,
} from '@shared/phone/number-list'
import { judgeWholeNumber } from '@shared/phone/dialable'
import { foldPhoneText } from '@shared/phone/fold-text'
import { MAX_NUMBER_LIST, VoiceNumberList } from '@shared/providers/voice-broadcast/wire'

const ES = { defaultRegion: 'ES' as const }
const parse = (text: string, options: Partial<Parameters<typeof parseNumberList>[1]> = {}) =>
  parseNumberList(text, { ...ES, ...options })

/** Every entry is accounted for exactly once. */
const balanced = (r: NumberListResult) =>
  expect(r.numbers.length + r.duplicates + r.invalidCount + r.overLimitCount).toBe(r.totalRows)

/** The library alone, as the app reads one number; a list entry must also be valid as bare E.164. */
function oracle(raw: string, region: CountryCode): string | undefined {
  try {
    const phone = parsePhoneNumberWithError(raw, { defaultCountry: region, extract: false }, metadata)
    if (phone.ext || !phone.isValid()) return undefined
    if (!isValidPhoneNumber(phone.number, metadata)) return undefined
    if (parsePhoneNumberWithError(phone.number, metadata).number !== phone.number) return undefined
    const digits = phone.number.slice(1)
    return /^\d{7,15}$/.test(digits) ? digits : undefined
  } catch {
    return undefined
  }
}

const esMobile = (i: number) => `6${String(i).padStart(8, '0')}`

describe('parseNumberList: CSV', () => {
  it('finds the phone column by its header among other columns', () => {
    const r = parse('id,name,Phone,city\n1,Ana,612 345 678,Madrid\n2,Luis,+34 712 345 678,Sevilla\n')
    expect(r.format).toBe('csv')
    expect(r.column).toEqual({ index: 2, header: 'Phone' })
    expect(r.numbers).toEqual(['34612345678', '34712345678'])
    expect(r.totalRows).toBe(2)
    expect(r.invalid).toEqual([])
    balanced(r)
  })

  it.each(['TELÉFONO', 'Teléfono móvil', 'Móvil', 'MSISDN', 'numero', 'Número', 'mobile_number', 'tel'])(
    'recognizes the header %j',
    (header) => {
      const r = parse(`name;${header};notes\nAna;612345678;x\nLuis;abc;y\n`)
      expect(r.column).toEqual({ index: 1, header })
      expect(r.numbers).toEqual(['34612345678'])
      expect(r.invalid).toEqual([{ line: 3, raw: 'abc', reason: 'not_a_number' }])
    },
  )

  it('picks the column where numbers parse when no header name says so', () => {
    const r = parse('Cliente,Contacto,Ciudad\nAna,612345678,Madrid\nLuis,612345679,Bilbao\n')
    expect(r.column).toEqual({ index: 1, header: 'Contacto' })
    expect(r.numbers).toEqual(['34612345678', '34612345679'])
  })

  it('reads a CSV without a header by content', () => {
    const r = parse('Ana García,612345678\nLuis Pérez,612345679\nEva Díaz,612345680\n')
    expect(r.format).toBe('csv')
    expect(r.column).toEqual({ index: 1 })
    expect(r.numbers).toHaveLength(3)
  })

  it('handles quoted fields with delimiters, escaped quotes and line breaks, keeping line numbers', () => {
    const text = [
      'name,phone,note',
      '"García, Ana",612345678,"she said ""call me"""',
      '"Multi',
      'line, name",612345679,"x',
      'y"',
      'Bob,12,z',
      '"Eve","+34 612 345 680",w',
      'Zed,"61234",q',
    ].join('\n')
    const r = parse(text)
    expect(r.numbers).toEqual(['34612345678', '34612345679', '34612345680'])
    expect(r.invalid).toEqual([
      { line: 6, raw: '12', reason: 'too_short' },
      { line: 8, raw: '61234', reason: 'too_short' },
    ])
    expect(r.totalRows).toBe(5)
  })

  it('reports the line where a multi-line phone cell starts', () => {
    const r = parse('name,phone\nAna,"612\n345"\nBob,nope\n')
    expect(r.invalid.map((i) => [i.line, i.reason])).toEqual([
      [2, 'not_a_number'],
      [4, 'not_a_number'],
    ])
  })

  it('accepts ; and tab delimiters', () => {
    expect(parse('nombre;teléfono\n"Pérez; Ana";612345678\nLuis;0034 612 345 679\n').numbers).toEqual([
      '34612345678',
      '34612345679',
    ])
    expect(parse('name\tphone\tcity\nAna\t612345678\tMadrid\n').numbers).toEqual(['34612345678'])
  })

  it('strips a BOM and reads CRLF and lone-CR line endings', () => {
    const crlf = parse('\uFEFFphone,name\r\n612345678,Ana\r\n1234,Bob\r\n\r\n612345679,Eva\r\n')
    expect(crlf.column).toEqual({ index: 0, header: 'phone' })
    expect(crlf.numbers).toEqual(['34612345678', '34612345679'])
    expect(crlf.invalid).toEqual([{ line: 3, raw: '1234', reason: 'too_short' }])
    const cr = parse('phone,name\r612345678,Ana\r1234,Bob\r')
    expect(cr.numbers).toEqual(['34612345678'])
    expect(cr.invalid).toEqual([{ line: 3, raw: '1234', reason: 'too_short' }])
  })

  it('finds the header after leading blank lines', () => {
    const r = parse('\n\nname,phone\nAna,612345678\n')
    expect([r.numbers, r.invalidCount, r.column]).toEqual([['34612345678'], 0, { index: 1, header: 'phone' }])
  })

  it('counts a row without a phone value as missing, and skips empty lines', () => {
    const r = parse('name,phone\nAna,\n\n,,\nBob\nEva,612345678\n')
    expect(r.invalid).toEqual([
      { line: 2, raw: '', reason: 'missing' },
      { line: 5, raw: '', reason: 'missing' },
    ])
    expect(r.totalRows).toBe(3)
    balanced(r)
  })
})

describe('parseNumberList: TXT and pasted lists', () => {
  it('reads one number per line, ignoring empty lines', () => {
    const r = parse('612345678\n\n  \n+34 712 345 678\r\n0034 612 345 679\n')
    expect(r.format).toBe('txt')
    expect(r.numbers).toEqual(['34612345678', '34712345678', '34612345679'])
    expect(r.totalRows).toBe(3)
    expect(r.invalidCount).toBe(0)
  })

  it('reads numbers separated by commas and semicolons on a line', () => {
    const r = parse('612345678, 612345679;612345680,\n712345678 ; nope, 612 345 681')
    expect(r.format).toBe('txt')
    expect(r.numbers).toEqual(['34612345678', '34612345679', '34612345680', '34712345678', '34612345681'])
    expect(r.invalid).toEqual([{ line: 2, raw: 'nope', reason: 'not_a_number' }])
    balanced(r)
  })

  it('skips a header line on a single-column list', () => {
    const r = parse('Teléfonos\n612345678\n612345679\n')
    expect(r.numbers).toHaveLength(2)
    expect(r.invalidCount).toBe(0)
  })

  it('honours a forced format', () => {
    expect(parse('612345678,612345679\n', { format: 'txt' }).numbers).toHaveLength(2)
    const csv = parse('612345678,612345679\n', { format: 'csv' })
    expect([csv.format, csv.numbers.length]).toEqual(['csv', 1])
  })
})

describe('parseNumberList: normalization and reasons', () => {
  it('counts one number written three ways once', () => {
    const r = parse('+34 612 345 678\n612345678\n0034612345678\n(612) 34-56-78\n')
    expect(r.numbers).toEqual(['34612345678'])
    expect(r.duplicates).toBe(3)
    balanced(r)
  })

  it('writes numbers as the wire wants them: country code and number, digits only', () => {
    const r = parseNumberList('+1 (415) 555-2671\n020 7946 0018\n+44 (0) 20 7946 0019\n', { defaultRegion: 'GB' })
    expect(r.numbers).toEqual(['14155552671', '442079460018', '442079460019'])
    expect(VoiceNumberList.safeParse(r.numbers).success).toBe(true)
  })

  it('names why each bad entry was refused, with its 1-based line', () => {
    const r = parse(
      ['612345678', '12', '6123456789012345678', 'call me', '+999 612345678', '412 345 678', '612345678 ext 5'].join(
        '\n',
      ),
    )
    expect(r.invalid).toEqual([
      { line: 2, raw: '12', reason: 'too_short' },
      { line: 3, raw: '6123456789012345678', reason: 'too_long' },
      { line: 4, raw: 'call me', reason: 'not_a_number' },
      { line: 5, raw: '+999 612345678', reason: 'invalid_country' },
      { line: 6, raw: '412 345 678', reason: 'invalid_number' },
      { line: 7, raw: '612345678 ext 5', reason: 'extension' },
    ])
    expect(r.invalidCount).toBe(6)
  })

  it('refuses a number valid only because of the default region', () => {
    // 891 is an Antigua range, but +1 891… read without a region is a US number, and an invalid one.
    expect(normalizeNumber('891 234 5678', 'AG')).toEqual({ ok: false, reason: 'invalid_number' })
    expect(normalizeNumber('268 464 1234', 'AG')).toEqual({ ok: true, number: '12684641234' })
  })

  it('keeps the first invalid entries and counts the rest', () => {
    const text = Array.from({ length: INVALID_LISTED + 500 }, () => 'x').join('\n')
    const r = parse(text)
    expect(r.invalid).toHaveLength(INVALID_LISTED)
    expect(r.invalidCount).toBe(INVALID_LISTED + 500)
    expect(r.invalid.at(-1)!.line).toBe(INVALID_LISTED)
  })

  it('refuses an unknown region', () => {
    expect(() => parseNumberList('612345678', { defaultRegion: 'XX' as CountryCode })).toThrow(RangeError)
  })
})

describe('parseNumberList: limits and progress', () => {
  it('uses the wire limit by default', () => {
    expect(DEFAULT_MAX_NUMBERS).toBe(MAX_NUMBER_LIST)
  })

  it('keeps exactly the first 200,000 distinct numbers of 200,001 and flags the rest', () => {
    const lines = Array.from({ length: 200_001 }, (_, i) => esMobile(i))
    lines.splice(10, 0, lines[5]!) // a duplicate is a duplicate, not an over-limit number
    const r = parse(lines.join('\n'))
    expect(r.overLimit).toBe(true)
    expect(r.overLimitCount).toBe(1)
    expect(r.duplicates).toBe(1)
    expect(r.numbers).toHaveLength(200_000)
    expect(r.numbers[0]).toBe('34600000000')
    expect(r.numbers.at(-1)).toBe(`34${esMobile(199_999)}`)
    balanced(r)
  })

  it('is not over the limit at exactly the limit', () => {
    const r = parse('612345678\n612345679\n612345678\n', { maxNumbers: 2 })
    expect([r.overLimit, r.numbers.length, r.duplicates]).toEqual([false, 2, 1])
  })

  it('reports progress in lines, monotonically, ending at the total', () => {
    const text = 'name,phone\n' + Array.from({ length: 25_000 }, (_, i) => `n${i},"${esMobile(i)}"`).join('\r\n')
    const calls: Array<[number, number]> = []
    parse(text, { onProgress: (done, total) => calls.push([done, total]), progressEvery: 1000 })
    expect(calls.length).toBeGreaterThanOrEqual(25)
    expect(calls.at(-1)).toEqual([25_001, 25_001])
    for (let i = 1; i < calls.length; i++) {
      expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0])
      expect(calls[i]![1]).toBe(25_001)
    }
  })
})

describe('parseNumberList: a full-size list', () => {
  it('round-trips a generated 200,000-row CSV', () => {
    const expected: string[] = []
    const rows = ['customer;telefono;notes']
    for (let i = 0; i < 200_000; i++) {
      const n = `${i % 2 ? 6 : 7}${String(i * 37 + 11).padStart(8, '0')}`
      expected.push(`34${n}`)
      const written = [
        n,
        `+34 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
        `0034${n}`,
        `"${n.slice(0, 3)}-${n.slice(3)}"`,
      ]
      rows.push(`"Cliente ${i}";${written[i % 4]};${i % 7 ? '' : '"a; b"'}`)
    }
    const r = parse(rows.join('\r\n'))
    expect(r.format).toBe('csv')
    expect(r.numbers).toEqual(expected)
    expect([r.duplicates, r.invalidCount, r.overLimit, r.totalRows]).toEqual([0, 0, false, 200_000])
    expect(VoiceNumberList.safeParse(r.numbers).success).toBe(true)
  })
})

// ——— Properties ———

const regions = getCountries(metadata)
const examplesByRegion = examples as Record<string, string>

/** A number as an agent might write it: examples of any region, mutated, in national, + or IDD form, with separators. */
const writtenNumber = fc
  .record({
    region: fc.constantFrom(...regions),
    other: fc.constantFrom(...regions),
    ownRegion: fc.boolean(),
    mutation: fc.constantFrom('none', 'none', 'last', 'append', 'drop', 'random'),
    digit: fc.integer({ min: 0, max: 9 }),
    random: fc.stringMatching(/^\d{3,17}$/),
    style: fc.constantFrom('national', 'prefix', 'plus', 'idd', 'bare-cc', 'plus-prefix'),
    prefix: fc.constantFrom('0', '1', '8', '06'),
    idd: fc.constantFrom('00', '011', '810', '0011'),
    separators: fc.array(fc.constantFrom(' ', '-', '.', '(', ') ', '/'), { maxLength: 4 }),
  })
  .map((g) => {
    const country = (g.ownRegion ? g.region : g.other) as CountryCode
    const example = examplesByRegion[country] ?? g.random
    const nn =
      g.mutation === 'last'
        ? example.slice(0, -1) + g.digit
        : g.mutation === 'append'
          ? example + g.digit
          : g.mutation === 'drop'
            ? example.slice(0, -1)
            : g.mutation === 'random'
              ? g.random
              : example
    const cc = getCountryCallingCode(country, metadata)
    const raw = {
      national: nn,
      prefix: g.prefix + nn,
      plus: `+${cc}${nn}`,
      idd: g.idd + cc + nn,
      'bare-cc': cc + nn,
      'plus-prefix': `+${cc}${g.prefix}${nn}`,
    }[g.style]
    let text = raw
    g.separators.forEach((sep, i) => {
      const at = 1 + ((i * 3 + g.digit) % Math.max(1, text.length - 1))
      text = text.slice(0, at) + sep + text.slice(at)
    })
    return { text, region: g.region as CountryCode }
  })

describe('properties', () => {
  it('normalizes exactly as libphonenumber-js does, in every region', () => {
    fc.assert(
      fc.property(writtenNumber, ({ text, region }) => {
        const got = normalizeNumber(text, region)
        expect(got.ok ? got.number : undefined).toBe(oracle(text, region))
      }),
      { numRuns: 20_000 },
    )
  })

  it('accepts what the one rule accepts, as the same number', () => {
    // One rule across the app (shared/phone/dialable.ts, max metadata): the list agrees with it on every number a
    // list can hold, i.e. valid, without extension, and the same number read back as bare E.164.
    fc.assert(
      fc.property(writtenNumber, ({ text, region }) => {
        const list = normalizeNumber(text, region)
        const one = judgeWholeNumber(foldPhoneText(text), region)
        const standsAlone =
          one.ok &&
          one.extension === undefined &&
          isValidPhoneNumber(one.e164, metadata) &&
          parsePhoneNumberWithError(one.e164, metadata).number === one.e164
        expect(list.ok ? `+${list.number}` : undefined).toBe(standsAlone ? one.e164 : undefined)
      }),
      { numRuns: 5_000 },
    )
  })

  it('outputs only valid, unique, wire-ready numbers, and accounts for every entry', () => {
    const entry = fc.oneof(
      writtenNumber.map((w) => w.text),
      fc.string({ maxLength: 12 }),
      fc.constantFrom('612345678', '+34 612 345 678', '0034612345678', ''),
    )
    fc.assert(
      fc.property(
        fc.constantFrom<CountryCode>('ES', 'US', 'GB', 'FR', 'DE', 'MX', 'IN', 'AG', 'RU', 'BR'),
        fc.array(entry, { maxLength: 60 }),
        fc.constantFrom('\n', '\r\n', ',', ';'),
        (region, entries, separator) => {
          const r = parseNumberList(entries.join(separator), { defaultRegion: region, maxNumbers: 40 })
          expect(new Set(r.numbers).size).toBe(r.numbers.length)
          expect(r.numbers.length).toBeLessThanOrEqual(40)
          for (const n of r.numbers) {
            expect(n).toMatch(/^\d{7,15}$/)
            expect(isValidInMax(`+${n}`)).toBe(true)
          }
          expect(r.invalid.length).toBe(Math.min(r.invalidCount, INVALID_LISTED))
          balanced(r)
        },
      ),
      { numRuns: 1_000 },
    )
  })
})
