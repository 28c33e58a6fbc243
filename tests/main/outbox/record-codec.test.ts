import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addLine, decodeLine, frameJson, LineBuffer } from '../../../electron/main/outbox/record-codec'

/** The reference: the record's JSON text, framed. */
const reference = (value: unknown, countedBefore?: number) => {
  const json = JSON.stringify(value)
  return json === undefined ? undefined : frameJson(json, countedBefore)
}

/** The lines addLine frames for `values` into one batch, and each one's reported size. */
function batchOf(values: unknown[], countedBefore?: number) {
  const out = new LineBuffer()
  const sizes = values.map((value) => addLine(out, value, countedBefore))
  return { bytes: Buffer.from(out.batch()), sizes }
}

const strings = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  // Lone surrogates, control characters, quotes and backslashes: what JSON escapes.
  fc.string({ unit: fc.constantFrom('\ud800', '\udc00', '\u0000', '\u001f', '"', '\\', '\n', 'é', '€', '😀', 'a') }),
)
const values = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    strings,
    fc.double(),
    fc.integer(),
    fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER, 2 ** 60, 1e21, 1e-7, NaN, Infinity, -Infinity),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('value')),
    fc.dictionary(strings, tie('value')),
    fc.date(),
  ),
})).value

describe('addLine', () => {
  it('frames the same bytes as the record’s JSON text, with and without the watermark', () => {
    fc.assert(
      fc.property(fc.array(values, { maxLength: 4 }), fc.option(fc.nat(), { nil: undefined }), (batch, counted) => {
        const { bytes, sizes } = batchOf(batch, counted)
        const expected = batch.map((value) => reference(value, counted))
        expect(sizes).toEqual(expected.map((line) => line?.byteLength))
        expect(bytes.equals(Buffer.concat(expected.flatMap((line) => (line ? [line] : []))))).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('reads back as the record it framed', () => {
    const record = { t: 'queued', entry: { id: 'x', intent: { text: 'line\nbreak "quoted" 😀 \ud800' }, n: [1, -2.5] } }
    const { bytes } = batchOf([record], 41)
    const line = decodeLine(bytes, 0)
    expect(line).toEqual({ kind: 'record', value: record, end: bytes.byteLength, countedBefore: 41 })
  })

  it('refuses what JSON.stringify refuses, and leaves the batch as it was', () => {
    const out = new LineBuffer()
    addLine(out, { a: 1 }, 0)
    const before = Buffer.from(out.batch())
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(() => addLine(out, { t: 'queued', cyclic }, 1)).toThrow(TypeError)
    expect(() => addLine(out, { n: 1n }, 1)).toThrow(TypeError)
    expect(addLine(out, undefined, 1)).toBeUndefined()
    expect(Buffer.from(out.batch()).equals(before)).toBe(true)
  })

  it('grows its buffer for a record larger than it', () => {
    const big = { payload: 'x'.repeat(100_000), more: 'é'.repeat(20_000) }
    const { bytes } = batchOf([{ a: 1 }, big, { b: 2 }], 7)
    expect(bytes.equals(Buffer.concat([reference({ a: 1 }, 7)!, reference(big, 7)!, reference({ b: 2 }, 7)!]))).toBe(
      true,
    )
  })
})
