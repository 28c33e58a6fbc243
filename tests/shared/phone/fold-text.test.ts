import { describe, expect, it } from 'vitest'
import { bidiControlSpans } from '@shared/phone/bidi-spans'
import { foldPhoneText } from '@shared/phone/fold-text'

describe('foldPhoneText', () => {
  it('maps full-width and Arabic-Indic digits to ASCII and direction marks to spaces', () => {
    expect(foldPhoneText('＋４４（０）２０－７９４６')).toBe('+44(0)20-7946')
    expect(foldPhoneText('٠٢٠ ۷۹۴۶')).toBe('020 7946')
    expect(foldPhoneText('+44\u200e20\u200f\u202a7946\u2069')).toBe('+44 20  7946 ')
  })

  it('folds by Unicode category: every format character and space separator, not a list', () => {
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue
      const c = String.fromCodePoint(code)
      const folded = foldPhoneText(`1${c}2`)
      if (/[\p{Cf}\p{Zs}\p{Default_Ignorable_Code_Point}]/u.test(c)) {
        expect(folded, `U+${code.toString(16)}`).toBe(`1${' '.repeat(c.length)}2`)
      }
    }
    // Those named in the report, each one by one.
    for (const c of ['\u200d', '\u200c', '\u200b', '\ufeff', '\u2060', '\u00ad', '\u202f', '\u2009', '\u2007']) {
      expect(foldPhoneText(`+49${c}30`)).toBe('+49 30')
    }
    expect(foldPhoneText('1\u20282\u20293\u00854')).toBe('1\n2\n3\n4')
  })

  it('keeps every offset: one code unit in, one out', () => {
    const all = Array.from({ length: 0x10000 }, (_, i) => String.fromCharCode(i)).join('')
    expect(foldPhoneText(all).length).toBe(all.length)
    const tags = '\u{E0001}\u{E0041}\u{1D173}'
    expect(foldPhoneText(`1${tags}2`)).toBe(`1${' '.repeat(tags.length)}2`)
  })
})

describe('bidiControlSpans', () => {
  it('spans an override, embedding or isolate up to the control that closes it', () => {
    expect(bidiControlSpans('a\u202e123\u202cb')).toEqual([{ start: 1, end: 6 }])
    expect(bidiControlSpans('a\u2067123\u2069b\u202b4\u202c')).toEqual([
      { start: 1, end: 6 },
      { start: 7, end: 10 },
    ])
  })

  it('counts nesting, and ends an unclosed span with its paragraph or the text', () => {
    expect(bidiControlSpans('\u2066\u202e1\u202c2\u20693')).toEqual([{ start: 0, end: 6 }])
    expect(bidiControlSpans('x\u202e12\n34')).toEqual([{ start: 1, end: 4 }])
    expect(bidiControlSpans('x\u2068 12')).toEqual([{ start: 1, end: 5 }])
  })

  it('starts no span for a mark or a stray closing control', () => {
    expect(bidiControlSpans('\u200f+44 20\u200e \u061c7946\u202c 0958\u2069')).toEqual([])
  })
})
