import { isValidPhoneNumber, type CountryCode } from 'libphonenumber-js/max'
import { describe, expect, it } from 'vitest'
import { findNumbers, MAX_TEXT_CHARS } from '@shared/phone/find-numbers'

/** e164, or e164 + '#' + extension. */
const summary = (text: string, region: CountryCode) =>
  findNumbers(text, region).candidates.map((c) => (c.extension ? `${c.e164}#${c.extension}` : c.e164))

const signature = `
<p>Kind regards,<br>
<b>Jane Doe</b> | Customer Care<br>
T: +44 (0)20 7946 0958 &nbsp;|&nbsp; M: +44 7911 123456<br>
<a href="mailto:jane@example.com">jane@example.com</a></p>`

describe('findNumbers: real formats', () => {
  it.each<[string, CountryCode, string[]]>([
    // National formats read in the default region.
    ['020 7946 0958', 'GB', ['+442079460958']],
    ['(020) 7946 0958', 'GB', ['+442079460958']],
    ['07911 123456', 'GB', ['+447911123456']],
    ['0800 123 4567', 'GB', ['+448001234567']],
    ['(415) 555-0132', 'US', ['+14155550132']],
    ['1-800-555-0199', 'US', ['+18005550199']],
    ['1 (800) 555 0199', 'US', ['+18005550199']],
    ['030 123456', 'DE', ['+4930123456']],
    ['0170 1234567', 'DE', ['+491701234567']],
    ['030/123456', 'DE', ['+4930123456']],
    ['01 23 45 67 89', 'FR', ['+33123456789']],
    ['06 12 34 56 78', 'FR', ['+33612345678']],
    ['912 345 678', 'ES', ['+34912345678']],
    ['612 34 56 78', 'ES', ['+34612345678']],
    ['0912 345 678', 'VN', ['+84912345678']],
    ['024 3825 1234', 'VN', ['+842438251234']],
    ['0491 570 156', 'AU', ['+61491570156']],
    // International, including another country's number in a US agent's clipboard.
    ['+44 20 7946 0958', 'US', ['+442079460958']],
    ['+44 (0) 20 7946 0958', 'US', ['+442079460958']],
    ['+49 (0)30 123456', 'US', ['+4930123456']],
    ['00 44 20 7946 0958', 'DE', ['+442079460958']],
    ['0044 20 7946 0958', 'FR', ['+442079460958']],
    ['011 44 20 7946 0958', 'US', ['+442079460958']],
    ['+84 24 3825 1234', 'US', ['+842438251234']],
    ['+34 912 345 678', 'GB', ['+34912345678']],
    ['+800 1234 5678', 'US', ['+80012345678']],
    // Extensions, kept apart from the number.
    ['+44 20 7946 0958 ext. 12', 'US', ['+442079460958#12']],
    ['+44 20 7946 0958 x12', 'US', ['+442079460958#12']],
    ['+44 20 7946 0958 #12', 'US', ['+442079460958#12']],
    ['+44 20 7946 0958;ext=12', 'US', ['+442079460958#12']],
    ['(415) 555-0132 extension 4411', 'US', ['+14155550132#4411']],
    // Punctuation: dots, dashes, slashes, NBSP, unicode dashes, full-width and Arabic-Indic digits.
    ['415.555.0132', 'US', ['+14155550132']],
    ['415/555-0132', 'US', ['+14155550132']],
    ['+44\u00a020\u00a07946\u00a00958', 'US', ['+442079460958']],
    ['+44\u201320\u20137946\u20130958', 'US', ['+442079460958']],
    ['+44\u201020\u20117946\u22120958', 'US', ['+442079460958']],
    ['＋４４ ２０ ７９４６ ０９５８', 'US', ['+442079460958']],
    ['٠٢٠ ٧٩٤٦ ٠٩٥٨', 'GB', ['+442079460958']],
    ['\u200f+44 20 7946 0958\u200f', 'US', ['+442079460958']],
    ['+44\u200e20 7946 0958', 'US', ['+442079460958']],
    ['+44\u200b20\u200b7946\u200b0958', 'US', ['+442079460958']],
    // Several in one text: text order kept, duplicates merged (the first spelling wins).
    ['Call 020 7946 0958 or +1 415 555 0132, or +44 20 7946 0958 again', 'GB', ['+442079460958', '+14155550132']],
    ['020 7946 0958 / 020 7946 0959', 'GB', ['+442079460958', '+442079460959']],
    ['Mobile: 07911 123456\nOffice: 020 7946 0958', 'GB', ['+447911123456', '+442079460958']],
    // HTML and signatures; opening hours right after a number used to hide it.
    ['Call 020 7946 0958 24/7', 'GB', ['+442079460958']],
    ['Tel 020 7946 0958 8am-6pm', 'GB', ['+442079460958']],
    ['Tel 020 7946 0958 9:00-17:30', 'GB', ['+442079460958']],
    [signature, 'US', ['+442079460958', '+447911123456']],
    ['<a href="tel:+442079460958">020 7946 0958</a>', 'GB', ['+442079460958']],
    ['<td>Phone</td><td>(415) 555-0132</td>', 'US', ['+14155550132']],
    // URIs.
    ['tel:+44-20-7946-0958;ext=12', 'US', ['+442079460958#12']],
    ['tel:+1.415.555.0132', 'GB', ['+14155550132']],
    ['tel:%2B44%2020%207946%200958', 'US', ['+442079460958']],
    ['tel:7946-0958;phone-context=+44-20', 'US', ['+442079460958']],
    ['TEL:+14155550132', 'US', ['+14155550132']],
    ['tel:02079460958', 'GB', ['+442079460958']],
    ['callto://+442079460958', 'US', ['+442079460958']],
    ['callto:+14155550132', 'GB', ['+14155550132']],
    ['[call](tel:+14155550132).', 'GB', ['+14155550132']],
    ['Tel:+44 20 7946 0958', 'US', ['+442079460958']],
  ])('%j in %s', (text, region, expected) => {
    expect(summary(text, region)).toEqual(expected)
  })
})

describe('findNumbers: things that are not phone numbers', () => {
  it.each<[string, CountryCode]>([
    ['2026-11-23', 'US'],
    ['2026-11-23', 'DE'],
    ['23/11/2026', 'GB'],
    ['11/23/2026', 'US'],
    ['23.11.2026 14:05', 'GB'],
    ['23.11.2026 14:05', 'DE'],
    ['10:30 2026-11-23', 'GB'],
    ['2026-11-23T10:30:00Z', 'US'],
    ['Mon, 23 Nov 2026 14:05:33 +0100', 'DE'],
    ['14:05:33', 'US'],
    ['Order #123456789', 'US'],
    ['Order #123456789', 'FR'],
    ['Ticket # 4155550132', 'US'],
    ['GB82 WEST 1234 5698 7654 32', 'GB'],
    ['DE89 3704 0044 0532 0130 00', 'DE'],
    ['4111 1111 1111 1111', 'US'],
    ['4111-1111-1111-1111', 'GB'],
    ['5500 0000 0000 0004', 'DE'],
    ['192.168.100.200', 'US'],
    ['10.0.0.1', 'DE'],
    ['v1.13.16', 'US'],
    ['version 20.19.0', 'DE'],
    ['$1,234,567.89', 'US'],
    ['€ 1.234.567,89', 'DE'],
    ['94103', 'US'],
    ['SW1A 1AA', 'GB'],
    ['75008 Paris', 'FR'],
    ['555-0132', 'US'],
    ['+44 20', 'US'],
    ['lat 51.5074, lon -0.1278', 'DE'],
    ['+1 555 555 0100', 'US'],
    ['+44 20 0000 000', 'US'],
    ['0171 946 0958', 'GB'],
    ['07700 900123', 'GB'],
    // libphonenumber's IDD is per region: from the US "00" is not an international prefix.
    ['0044 20 7946 0958', 'US'],
    ['callto:jane.doe', 'US'],
    ['tel:1234;phone-context=example.com', 'US'],
    ['', 'US'],
    // Known gaps (libphonenumber's inner-match rule): a number followed by a bare digit group.
    ['Tel 020 7946 0958 9-5', 'GB'],
    ['(415) 555-0132 48213', 'US'],
  ])('%j in %s gives no candidate', (text, region) => {
    expect(findNumbers(text, region).candidates).toEqual([])
  })

  it.each<[string, CountryCode]>([
    ['192.168.100.200', 'DE'],
    ['$1,234,567.89', 'DE'],
    ['Order #123456789', 'GB'],
  ])('%j in %s is not even reported as a refusal', (text, region) => {
    expect(findNumbers(text, region).refusals).toEqual([])
  })

  // What libphonenumber would read as a valid number is named for what it is, so the agent is told
  // why nothing is offered; a bare digit run is judged as the number it would have to be.
  it.each<[string, CountryCode, string, string]>([
    ['2026-11-23', 'DE', '2026-11-23', 'date'],
    ['10:30 2026-11-23', 'GB', '2026-11-23', 'date'],
    ['4111 1111 1111 1111', 'JP', '4111 1111 1111 1111', 'card_number'],
    ['94103', 'DE', '94103', 'invalid_for_region'],
    ['94103', 'US', '94103', 'too_short'],
  ])('%j in %s: %j is refused as %s', (text, region, raw, reason) => {
    expect(findNumbers(text, region).refusals.map((r) => [r.raw, r.reason])).toEqual([[raw, reason]])
  })
})

describe('findNumbers: details', () => {
  it('the acceptance example: one candidate, extension apart', () => {
    const result = findNumbers('+44 20 7946 0958 ext. 12', 'US')
    expect(result.candidates).toHaveLength(1)
    expect(result.candidates[0]).toMatchObject({
      e164: '+442079460958',
      national: '020 7946 0958',
      international: '+44 20 7946 0958',
      region: 'GB',
      extension: '12',
      source: 'text',
      raw: '+44 20 7946 0958 ext. 12',
      offset: 0,
    })
    expect(result).toMatchObject({ refusals: [], truncated: false, limited: false })
  })

  it('gives raw and offset into the original text, even with folded characters', () => {
    const text = 'Ruf an: ＋４９ ３０ １２３４５６ oder tel:+44-20-7946-0958!'
    const [a, b] = findNumbers(text, 'DE').candidates
    expect(a).toMatchObject({ e164: '+4930123456', source: 'text', raw: '＋４９ ３０ １２３４５６' })
    expect(text.slice(a!.offset, a!.offset + a!.raw.length)).toBe(a!.raw)
    expect(b).toMatchObject({ e164: '+442079460958', source: 'tel_uri', raw: 'tel:+44-20-7946-0958' })
    expect(text.slice(b!.offset, b!.offset + b!.raw.length)).toBe(b!.raw)
  })

  it('prefers the first occurrence when a URI and its link text are the same number', () => {
    const [only, ...rest] = findNumbers('<a href="tel:+442079460958">020 7946 0958</a>', 'GB').candidates
    expect(rest).toEqual([])
    expect(only).toMatchObject({ source: 'tel_uri', offset: 9, raw: 'tel:+442079460958' })
  })

  it('reports what looked like a number, with a specific reason', () => {
    const text = [
      'Old: 0171 946 0958',
      'Fake: +1 555 555 0100',
      'tel:1234;phone-context=example.com',
      'callto:jane.doe',
      'tel:%ZZ',
      'tel:+44-20-7946-0958;ext=1a',
      'tel:+999123456789',
      'tel:+43-1114',
      'Real: 020 7946 0958',
    ].join('\n')
    const result = findNumbers(text, 'GB')
    expect(result.candidates.map((c) => c.e164)).toEqual(['+442079460958'])
    expect(result.refusals.map((r) => [r.raw, r.reason])).toEqual([
      ['0171 946 0958', 'invalid_for_region'],
      ['+1 555 555 0100', 'invalid_for_region'],
      ['tel:1234;phone-context=example.com', 'local_number'],
      ['callto:jane.doe', 'not_a_number'],
      ['tel:%ZZ', 'malformed_uri'],
      ['tel:+44-20-7946-0958;ext=1a', 'malformed_uri'],
      ['tel:+999123456789', 'invalid_country'],
      ['tel:+43-1114', 'not_e164'],
    ])
  })

  it('keeps at most `max` candidates (default 10), in text order, and says so', () => {
    const numbers = Array.from({ length: 15 }, (_, i) => `020 7946 ${String(i).padStart(4, '0')}`)
    const text = numbers.join('\n')
    const all = findNumbers(text, 'GB')
    expect(all.candidates.map((c) => c.national)).toEqual(numbers.slice(0, 10))
    expect(all.limited).toBe(true)
    expect(findNumbers(text, 'GB', { max: 3 }).candidates).toHaveLength(3)
    expect(findNumbers(text, 'GB', { max: 20 })).toMatchObject({ limited: false })
    expect(findNumbers(text, 'GB', { max: 20 }).candidates).toHaveLength(15)
    // Duplicates do not count against the cap.
    expect(findNumbers(`${numbers[0]}\n`.repeat(50), 'GB')).toMatchObject({ limited: false })
  })

  it('reads only the first MAX_TEXT_CHARS and never offers a number the cut may have shortened', () => {
    const filler = 'lorem ipsum '.repeat(Math.ceil(MAX_TEXT_CHARS / 12))
    const early = `Call 020 7946 0958. ${filler}`
    expect(findNumbers(early, 'GB')).toMatchObject({ truncated: true })
    expect(summary(early, 'GB')).toEqual(['+442079460958'])
    // "030 123456 78" cut to "030 12345" would be a valid, wrong, German number.
    const cut = `${'x'.repeat(MAX_TEXT_CHARS - 10)} 030 123456 78`
    const result = findNumbers(cut, 'DE')
    expect(result.candidates).toEqual([])
    expect(result.refusals).toEqual([{ raw: '030 12345', offset: MAX_TEXT_CHARS - 9, reason: 'cut_off' }])
    const late = `${filler}Call 020 7946 0958`
    expect(findNumbers(late, 'GB')).toMatchObject({ truncated: true, candidates: [] })
  })

  it('reads tel: as a scheme only, not inside a word: "hotel:+14155550100" is a number in text', () => {
    const result = findNumbers('hotel:+14155550100', 'US')
    expect(result.candidates).toHaveLength(1)
    expect(result.candidates[0]).toMatchObject({ e164: '+14155550100', source: 'text', raw: '+14155550100', offset: 6 })
    expect(findNumbers('Hotel:tel:+14155550100', 'US').candidates[0]).toMatchObject({ source: 'tel_uri', offset: 6 })
  })

  it('skips an IPv4 address that libphonenumber alone would offer as a valid number', () => {
    // Without the IPv4 shape, 64.0.64.121 is +49 6406 4121 in DE and 192.0.57.128 is +81192057128
    // in JP; the amount and decimal shapes do not catch them.
    expect(isValidPhoneNumber('64.0.64.121', 'DE')).toBe(true)
    expect(isValidPhoneNumber('192.0.57.128', 'JP')).toBe(true)
    expect(findNumbers('server 64.0.64.121 is down', 'DE')).toMatchObject({ candidates: [], refusals: [] })
    expect(findNumbers('192.0.57.128', 'JP')).toMatchObject({ candidates: [], refusals: [] })
  })

  it('reads only +numbers when the region is unknown, rather than throwing', () => {
    expect(summary('020 7946 0958 or +1 415 555 0132', 'XX' as CountryCode)).toEqual(['+14155550132'])
  })
})
