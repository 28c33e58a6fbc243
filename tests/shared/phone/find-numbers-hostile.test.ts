import fc from 'fast-check'
import { isValidPhoneNumber, type CountryCode } from 'libphonenumber-js/max'
import { describe, expect, it } from 'vitest'
import { FIND_REFUSAL_REASONS, findNumbers, MAX_TEXT_CHARS, type FindResult } from '@shared/phone/find-numbers'
import { E164_PATTERN, judgeE164, judgeWholeNumber } from '@shared/phone/dialable'

// Whatever the clipboard holds, nothing reaches the confirm window that is not a valid number in
// wire E.164, so no outdial can be created from anything else.

const WIRE_E164 = /^\+[1-9]\d{6,14}$/
const regions: CountryCode[] = ['US', 'GB', 'DE', 'FR', 'ES', 'VN', 'JP', 'IN', 'BR', 'AU', 'CN', 'MX']
const reasons = new Set<string>(FIND_REFUSAL_REASONS)

const real = [
  '+44 20 7946 0958',
  '020 7946 0958',
  '(415) 555-0132',
  '+1 415 555 0132 ext. 12',
  '030 123456',
  '01 23 45 67 89',
  '0912 345 678',
  'tel:+44-20-7946-0958;ext=12',
  'callto://+14155550132',
  '＋４４ ２０ ７９４６ ０９５８',
]
const pieces = [
  ...'0123456789',
  ...' -.()/+#x:;,\t\n',
  'ext',
  'ext. ',
  ';ext=',
  ';phone-context=',
  'tel:',
  'TEL:',
  'callto:',
  'callto://',
  '%',
  '%2B',
  '%2',
  '00',
  '011',
  '+44',
  '+1',
  '\u00a0',
  '\u2013',
  '\u2212',
  '\u00ad',
  '\u200b',
  '\u200e',
  '\u200f',
  '\u202e',
  '\u2066',
  '\u061c',
  '＋',
  '０',
  '９',
  '٣',
  '۷',
  '\u0000',
  '\u001b',
  '\u007f',
  '\ud83d',
  '😀',
  'é',
  'א',
  '"',
  '<',
  '>',
]

const junk = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 120 }),
  fc.string({ unit: fc.constantFrom(...pieces), maxLength: 60 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
)
const text = fc.oneof(
  junk,
  fc.tuple(junk, fc.constantFrom(...real), junk).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom('tel:', 'callto:', 'callto://', 'Tel:'), junk).map((parts) => parts.join('')),
  fc.array(fc.oneof(junk, fc.constantFrom(...real)), { maxLength: 8 }).map((parts) => parts.join(' ')),
)

function checkResult(input: string, region: CountryCode, max: number, result: FindResult) {
  expect(result.truncated).toBe(input.length > MAX_TEXT_CHARS)
  expect(result.candidates.length).toBeLessThanOrEqual(max)
  expect(result.refusals.length).toBeLessThanOrEqual(max)
  expect(new Set(result.candidates.map((c) => c.e164)).size).toBe(result.candidates.length)
  let previous = -1
  for (const candidate of result.candidates) {
    expect(candidate.e164).toMatch(WIRE_E164)
    expect(E164_PATTERN.test(candidate.e164)).toBe(true)
    expect(isValidPhoneNumber(candidate.e164)).toBe(true)
    // The schema's rule takes it as it is; read back in the agent's region and in another, it is
    // the same number either way.
    expect(judgeE164(candidate.e164)).toMatchObject({ ok: true, e164: candidate.e164 })
    expect(judgeWholeNumber(candidate.e164, region)).toMatchObject({ ok: true, e164: candidate.e164 })
    expect(judgeWholeNumber(candidate.e164, region === 'US' ? 'GB' : 'US')).toMatchObject({ e164: candidate.e164 })
    expect(['tel_uri', 'callto_uri', 'text']).toContain(candidate.source)
    expect(input.slice(candidate.offset, candidate.offset + candidate.raw.length)).toBe(candidate.raw)
    expect(candidate.offset).toBeGreaterThan(previous)
    previous = candidate.offset
    if (candidate.extension !== undefined) expect(candidate.extension).toMatch(/^\d{1,20}$/)
  }
  for (const refusal of result.refusals) {
    expect(reasons.has(refusal.reason)).toBe(true)
    expect(input.slice(refusal.offset, refusal.offset + refusal.raw.length)).toBe(refusal.raw)
  }
}

describe('findNumbers on hostile input', () => {
  // CPU work, not a time margin: a few seconds on a quiet machine, several times that beside a
  // browser suite on two cores.
  it('never throws, and offers only valid E.164 numbers (10,000 strings)', { timeout: 180_000 }, () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...regions), fc.integer({ min: 0, max: 12 }), (input, region, max) => {
        checkResult(input, region, max, findNumbers(input, region, { max }))
      }),
      { numRuns: 10_000 },
    )
  })

  // Huge input (the clipboard can hold megabytes) is read only up to MAX_TEXT_CHARS: what comes
  // after the cut changes nothing, so the work is bounded whatever the size. How long it takes is a
  // bench figure (find_numbers_megabytes_worst_ms), not a timed test.
  const readUpToTheCut = (input: string, region: (typeof regions)[number]) => {
    const whole = findNumbers(input, region)
    const cut = findNumbers(input.slice(0, MAX_TEXT_CHARS) + 'x'.repeat(input.length > MAX_TEXT_CHARS ? 5 : 0), region)
    expect(whole.candidates).toEqual(cut.candidates)
    expect(whole.truncated).toBe(input.length > MAX_TEXT_CHARS)
    return whole
  }

  it('on huge input, reads only up to the cut', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(
        fc.oneof(junk, fc.constantFrom(...real, '1 ext ', '12345x', '+', '(', 'tel:1', '\u200e1')),
        fc.integer({ min: 5_000, max: 2_000_000 }),
        fc.constantFrom(...regions),
        (unit, size, region) => {
          const input = unit.length === 0 ? '' : unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
          checkResult(input, region, 10, readUpToTheCut(input, region))
        },
      ),
      { numRuns: 60 },
    )
  })

  it.each([
    ['digit soup', () => Array.from({ length: 3_000_000 }, (_, i) => (i * 7919) % 10).join('')],
    ['separator soup', () => '1-2.3 (4)5/6+7#8x9'.repeat(200_000)],
    ['phone after phone', () => '+44 20 7946 0958 ext. 12, '.repeat(100_000)],
    ['tel: junk', () => 'tel:+%2B%2;ext=;phone-context=+'.repeat(100_000)],
    ['direction marks', () => '\u200f+\u200e4\u202e4\u2066 2'.repeat(500_000)],
  ])('%s of megabytes', (_name, make) => {
    const input = make()
    checkResult(input, 'GB', 10, readUpToTheCut(input, 'GB'))
  })
})
