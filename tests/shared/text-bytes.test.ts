import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { utf8Bytes } from '../../shared/text'

// utf8Bytes counts from UTF-16 code units instead of encoding; TextEncoder is the oracle.
const encoded = (s: string) => new TextEncoder().encode(s).length

describe('utf8Bytes', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['\ud83d', 3],
    ['\ude00', 3],
    ['\ude00\ud83d', 6],
    ['a\ud83d', 4],
  ])('%j is %i bytes', (s, bytes) => {
    expect(utf8Bytes(s)).toBe(bytes)
    expect(utf8Bytes(s)).toBe(encoded(s))
  })

  it('agrees with TextEncoder on any string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (s) => utf8Bytes(s) === encoded(s)),
      { numRuns: 5000 },
    )
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 32 }),
        (units) => utf8Bytes(String.fromCharCode(...units)) === encoded(String.fromCharCode(...units)),
      ),
      { numRuns: 5000 },
    )
  })
})
