import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonByteLength } from '../../electron/main/ipc/json-size'

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '')

describe('the IPC size cap measures JSON without writing it', () => {
  it('agrees with JSON.stringify on any JSON value, any text (emoji, lone surrogates, controls)', () => {
    const text = fc.string({ unit: 'binary' })
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 5 }),
        fc.dictionary(text, tie('node'), { maxKeys: 5 }),
      ),
    })).node
    fc.assert(
      fc.property(value, (v) => {
        expect(jsonByteLength(v)).toBe(bytesOf(v))
      }),
    )
  })

  it('what JSON leaves out or turns into null, dates through their toJSON, -0 and non-finite numbers', () => {
    const cases: unknown[] = [
      { a: undefined, b: () => 1, c: Symbol('s'), d: 1 },
      [undefined, () => 1, Symbol('s'), 2],
      { when: new Date(0), list: [new Date(1)] },
      [Number.NaN, Number.POSITIVE_INFINITY, -0, 1e21, 5e-7],
      { '"quoted"\\': '\u0000\u0008\t\n\f\r\u001f\u007f' },
      {},
      [],
      'plain',
    ]
    for (const value of cases) expect(jsonByteLength(value)).toBe(bytesOf(value))
    expect(jsonByteLength(undefined)).toBe(0)
  })

  it('what JSON.stringify throws on is unmeasurable: a cycle, a BigInt', () => {
    const cycle: Record<string, unknown> = { a: 1 }
    cycle['self'] = cycle
    expect(jsonByteLength(cycle)).toBeNull()
    expect(jsonByteLength({ n: 1n })).toBeNull()
    // The same object twice, not inside itself, is fine.
    const shared = { x: 'y' }
    expect(jsonByteLength([shared, shared])).toBe(bytesOf([shared, shared]))
  })

  it('stops counting past the cap: a million numbers are not walked to the end', () => {
    const huge = { numbers: Array.from({ length: 1_000_000 }, (_, i) => `+1415555${i}`) }
    const measured = jsonByteLength(huge, 1024)!
    expect(measured).toBeGreaterThan(1024)
    expect(measured).toBeLessThan(2048)
    expect(jsonByteLength({ a: 'b' }, 9)).toBe(9)
  })
})
