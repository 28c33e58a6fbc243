import fc from 'fast-check'
import { isValidPhoneNumber, type CountryCode } from 'libphonenumber-js/max'
import mobileExamples from 'libphonenumber-js/examples.mobile.json'
import { describe, expect, it } from 'vitest'
import { E164_PATTERN, judgeE164, judgeWholeNumber, type NumberRefusal } from '@shared/phone/dialable'
import { isDialableE164 } from '@shared/schemas/intent-fields'

describe('judgeWholeNumber: the one rule', () => {
  it.each<[string, CountryCode, string, string, string | undefined]>([
    ['020 7946 0958', 'GB', '+442079460958', '020 7946 0958', undefined],
    ['+44 20 7946 0958 ext. 12', 'US', '+442079460958', '020 7946 0958', '12'],
    ['(415) 555-0132', 'US', '+14155550132', '(415) 555-0132', undefined],
    ['415.555.0132 x7', 'US', '+14155550132', '(415) 555-0132', '7'],
    ['030 123456', 'DE', '+4930123456', '030 123456', undefined],
    ['01 23 45 67 89', 'FR', '+33123456789', '01 23 45 67 89', undefined],
    ['912 345 678', 'ES', '+34912345678', '912 34 56 78', undefined],
    ['0912 345 678', 'VN', '+84912345678', '0912 345 678', undefined],
  ])('%j in %s is %s', (input, region, e164, national, extension) => {
    const result = judgeWholeNumber(input, region)
    expect(result).toMatchObject({ ok: true, e164, national })
    if (!result.ok) return
    expect(result.extension).toBe(extension)
    expect(result.international.startsWith('+')).toBe(true)
    // The extension lives in its own field, never inside the display formats.
    expect(result.national).not.toMatch(/x|ext/i)
    expect(result.international).not.toMatch(/x|ext/i)
  })

  it('gives the region and type (max metadata)', () => {
    expect(judgeWholeNumber('+49 170 1234567', 'US')).toMatchObject({ ok: true, region: 'DE', type: 'MOBILE' })
    expect(judgeWholeNumber('+33 1 23 45 67 89', 'US')).toMatchObject({ ok: true, region: 'FR', type: 'FIXED_LINE' })
    // Non-geographic: valid, no region.
    const freephone = judgeWholeNumber('+800 1234 5678', 'US')
    expect(freephone).toMatchObject({ ok: true, e164: '+80012345678', type: 'TOLL_FREE' })
    expect(freephone).not.toHaveProperty('region')
  })

  // Each refusal as precisely as libphonenumber can say it, naming the number's own country (not
  // the agent's default region) where the reason is about that country's numbers.
  it.each<[string, CountryCode, NumberRefusal]>([
    ['', 'US', { ok: false, reason: 'empty' }],
    ['hello', 'US', { ok: false, reason: 'not_a_number' }],
    ['1', 'US', { ok: false, reason: 'too_short' }],
    ['+44 1', 'US', { ok: false, reason: 'too_short' }],
    ['+999 123 456 789', 'US', { ok: false, reason: 'invalid_country' }],
    ['+999 1234567', 'GB', { ok: false, reason: 'invalid_country' }],
    ['+44 20 7946 0958 1234 5678', 'US', { ok: false, reason: 'too_long' }],
    ['1'.repeat(300), 'US', { ok: false, reason: 'too_long' }],
    ['+1 555 555 0100', 'US', { ok: false, reason: 'invalid_for_region', country: 'US' }],
    ['0171 946 0958', 'GB', { ok: false, reason: 'invalid_for_region', country: 'GB' }],
    // Ofcom's drama range: reserved, so libphonenumber (rightly) calls it invalid.
    ['07700 900123', 'GB', { ok: false, reason: 'invalid_for_region', country: 'GB' }],
    // The evaluation's examples: too short, and a +1 number read with GB as default is a US one.
    ['+1 555', 'US', { ok: false, reason: 'too_short', country: 'US' }],
    ['+1 234 567 8', 'GB', { ok: false, reason: 'too_short', country: 'US' }],
    ['12345', 'US', { ok: false, reason: 'too_short', country: 'US' }],
    ['+44 20 0000 000', 'US', { ok: false, reason: 'invalid_for_region', country: 'GB' }],
    ['+7 999', 'GB', { ok: false, reason: 'too_short', country: 'RU' }],
    // Valid to libphonenumber, outside what the wire's E.164 rule accepts (6 and 16 digits).
    ['+43 1114', 'US', { ok: false, reason: 'not_e164' }],
    ['+49 6155 4422559330', 'US', { ok: false, reason: 'not_e164' }],
  ])('%j in %s is refused: %j', (input, region, refusal) => {
    expect(judgeWholeNumber(input, region)).toEqual(refusal)
  })

  it('reads only +numbers without a region', () => {
    expect(judgeWholeNumber('+44 20 7946 0958', undefined)).toMatchObject({ ok: true, e164: '+442079460958' })
    expect(judgeWholeNumber('020 7946 0958', undefined)).toEqual({ ok: false, reason: 'invalid_country' })
  })

  it('the not_e164 examples really are valid to libphonenumber, so the guard is needed', () => {
    expect(isValidPhoneNumber('+431114')).toBe(true)
    expect(isValidPhoneNumber('+4961554422559330')).toBe(true)
    expect(E164_PATTERN.test('+431114')).toBe(false)
    expect(E164_PATTERN.test('+4961554422559330')).toBe(false)
  })
})

describe('judgeE164: a destination as a task holds it', () => {
  it('takes E.164 that libphonenumber calls valid, written as libphonenumber writes it', () => {
    expect(judgeE164('+442079460958')).toMatchObject({ ok: true, e164: '+442079460958', region: 'GB' })
    expect(judgeE164('+12684601234')).toMatchObject({ ok: true, region: 'AG' })
  })

  it.each([
    ['+9991234567', 'invalid_country'],
    ['+15555550100', 'invalid_for_region'],
    ['+1555', 'not_international'],
    ['+44 20 7946 0958', 'not_international'],
    ['442079460958', 'not_international'],
    // Valid to libphonenumber, which drops the national 0; a provider would dial it.
    ['+4402079460958', 'not_canonical'],
  ])('%j is refused: %s', (value, reason) => {
    expect(judgeE164(value)).toMatchObject({ ok: false, reason })
  })
})

describe('isDialableE164: the same rule, read by the fast list reader', () => {
  // Main judges every destination queued with isDialableE164 (it allocates a fraction of what
  // judgeE164 does); the two must never disagree on a number of E.164 shape.
  const examples = Object.entries(mobileExamples as Record<string, string>).flatMap(([region, national]) => {
    const judged = judgeWholeNumber(national, region as CountryCode)
    return judged.ok ? [judged.e164] : []
  })
  const e164Shaped = fc.oneof(
    fc.stringMatching(/^\+[1-9]\d{6,14}$/),
    // Valid numbers, and the ones a typo away from them (a digit changed, dropped or added).
    fc.constantFrom(...examples),
    fc
      .tuple(
        fc.constantFrom(...examples),
        fc.nat(),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom('set', 'drop', 'add'),
      )
      .map(([number, at, digit, how]) => {
        const i = 2 + (at % (number.length - 2))
        const rest = how === 'add' ? number.slice(i) : number.slice(i + 1)
        return number.slice(0, i) + (how === 'drop' ? '' : String(digit)) + rest
      })
      .filter((value) => E164_PATTERN.test(value)),
  )

  it('accepts exactly what judgeE164 accepts', () => {
    expect(examples.length).toBeGreaterThan(200)
    fc.assert(
      fc.property(e164Shaped, (value) => {
        expect(isDialableE164(value)).toBe(judgeE164(value).ok)
      }),
      { numRuns: 20_000 },
    )
  })
})
