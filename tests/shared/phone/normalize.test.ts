import { isValidPhoneNumber, type CountryCode } from 'libphonenumber-js/max'
import { describe, expect, it } from 'vitest'
import {
  E164_PATTERN,
  foldPhoneText,
  formatAsYouType,
  normalizeNumber,
  NUMBER_REFUSAL_REASONS,
} from '@shared/phone/normalize'

describe('normalizeNumber', () => {
  it.each<[string, CountryCode, string, string, string | undefined]>([
    ['020 7946 0958', 'GB', '+442079460958', '020 7946 0958', undefined],
    ['+44 20 7946 0958 ext. 12', 'US', '+442079460958', '020 7946 0958', '12'],
    ['(415) 555-0132', 'US', '+14155550132', '(415) 555-0132', undefined],
    ['415.555.0132 x7', 'US', '+14155550132', '(415) 555-0132', '7'],
    ['030 123456', 'DE', '+4930123456', '030 123456', undefined],
    ['01 23 45 67 89', 'FR', '+33123456789', '01 23 45 67 89', undefined],
    ['912 345 678', 'ES', '+34912345678', '912 34 56 78', undefined],
    ['0912 345 678', 'VN', '+84912345678', '0912 345 678', undefined],
    ['＋４４ ２０ ７９４６ ０９５８', 'US', '+442079460958', '020 7946 0958', undefined],
    ['\u200f+44 20 7946 0958\u200f', 'US', '+442079460958', '020 7946 0958', undefined],
    ['Tel: 020 7946 0958', 'GB', '+442079460958', '020 7946 0958', undefined],
  ])('%j in %s is %s', (input, region, e164, national, extension) => {
    const result = normalizeNumber(input, region)
    expect(result).toMatchObject({ ok: true, e164, national })
    if (!result.ok) return
    expect(result.extension).toBe(extension)
    expect(result.international.startsWith('+')).toBe(true)
    // The extension lives in its own field, never inside the display formats.
    expect(result.national).not.toMatch(/x|ext/i)
    expect(result.international).not.toMatch(/x|ext/i)
  })

  it('gives the region and type (max metadata)', () => {
    expect(normalizeNumber('+49 170 1234567', 'US')).toMatchObject({ ok: true, region: 'DE', type: 'MOBILE' })
    expect(normalizeNumber('+33 1 23 45 67 89', 'US')).toMatchObject({ ok: true, region: 'FR', type: 'FIXED_LINE' })
    // Non-geographic: valid, no region.
    const freephone = normalizeNumber('+800 1234 5678', 'US')
    expect(freephone).toMatchObject({ ok: true, e164: '+80012345678', type: 'TOLL_FREE' })
    expect(freephone).not.toHaveProperty('region')
  })

  it.each<[string, CountryCode, (typeof NUMBER_REFUSAL_REASONS)[number]]>([
    ['', 'US', 'empty'],
    ['   \u200e ', 'US', 'empty'],
    ['hello', 'US', 'not_a_number'],
    ['1', 'US', 'too_short'],
    ['+44 1', 'US', 'too_short'],
    ['+999 123 456 789', 'US', 'invalid_country'],
    ['+44 20 7946 0958 1234 5678', 'US', 'too_long'],
    ['1'.repeat(300), 'US', 'too_long'],
    ['+1 555 555 0100', 'US', 'invalid_for_region'],
    ['0171 946 0958', 'GB', 'invalid_for_region'],
    // Ofcom's drama range: reserved, so libphonenumber (rightly) calls it invalid.
    ['07700 900123', 'GB', 'invalid_for_region'],
    // Valid to libphonenumber, outside what the wire's E.164 rule accepts (6 and 16 digits).
    ['+43 1114', 'US', 'not_e164'],
    ['+49 6155 4422559330', 'US', 'not_e164'],
  ])('%j in %s is refused: %s', (input, region, reason) => {
    expect(normalizeNumber(input, region)).toEqual({ ok: false, reason })
  })

  it('the not_e164 examples really are valid to libphonenumber, so the guard is needed', () => {
    expect(isValidPhoneNumber('+431114')).toBe(true)
    expect(isValidPhoneNumber('+4961554422559330')).toBe(true)
    expect(E164_PATTERN.test('+431114')).toBe(false)
    expect(E164_PATTERN.test('+4961554422559330')).toBe(false)
  })
})

describe('foldPhoneText', () => {
  it('maps full-width and Arabic-Indic digits to ASCII and direction marks to spaces', () => {
    expect(foldPhoneText('＋４４（０）２０－７９４６')).toBe('+44(0)20-7946')
    expect(foldPhoneText('٠٢٠ ۷۹۴۶')).toBe('020 7946')
    expect(foldPhoneText('+44\u200e20\u200f\u202a7946\u2069')).toBe('+44 20  7946 ')
  })

  it('keeps every offset: one code unit in, one out', () => {
    const all = Array.from({ length: 0x10000 }, (_, i) => String.fromCharCode(i)).join('')
    const folded = foldPhoneText(all)
    expect(folded.length).toBe(all.length)
  })
})

describe('formatAsYouType', () => {
  it.each<[string, CountryCode, string]>([
    ['02079', 'GB', '020 79'],
    ['02079460958', 'GB', '020 7946 0958'],
    ['4155550132', 'US', '(415) 555-0132'],
    ['+4420794', 'US', '+44 20 794'],
    ['４１５５５５', 'US', '(415) 555'],
  ])('%j in %s shows %j', (input, region, shown) => {
    expect(formatAsYouType(input, region)).toBe(shown)
  })
})
