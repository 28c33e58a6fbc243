import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inEnglish } from './in-english'
import type { z } from 'zod'
import { ConnectAttributes, ConnectReferences, ConnectSegmentAttributes } from '../../shared/providers/connect/wire'
import { WebexTaskAttributes, WebexTaskCustomAttributes } from '../../shared/providers/webex/wire'

// zod's record drops an own `__proto__` key silently; every record-like field refuses it instead,
// with the error on that key. Records come with one valid entry each, so only the key is at fault.

const records: [string, z.ZodType, unknown][] = [
  ['Connect References', ConnectReferences, { Type: 'STRING', Value: 'x' }],
  ['Connect Attributes', ConnectAttributes, 'x'],
  ['Connect segment attributes', ConnectSegmentAttributes, { ValueString: 'x' }],
  ['Webex attributes', WebexTaskAttributes, 'x'],
  ['Webex SIP headers', WebexTaskCustomAttributes, 'x'],
]

/** An object with `__proto__` as an own key, as JSON.parse and structured clone make it. */
const withOwn = (key: string, value: unknown, others: Record<string, unknown> = {}) =>
  JSON.parse(JSON.stringify({ ...others, [key]: value }).replace(`"${key}"`, '"__proto__"')) as object

describe('record-like fields and __proto__', () => {
  it.each(records)('%s: refuses a __proto__ key with an error on its path', (_, schema, value) => {
    const input = withOwn('placeholder', value, { fine: value })
    expect(Object.hasOwn(input, '__proto__')).toBe(true)
    const result = schema.safeParse(input)
    expect(result.success).toBe(false)
    expect(inEnglish(result.error?.issues)).toContainEqual(
      expect.objectContaining({ path: ['__proto__'], message: 'The name __proto__ cannot be used here.' }),
    )
  })

  it.each(records)('%s: keeps constructor and prototype as the ordinary names they are', (_, schema, value) => {
    const result = schema.safeParse({ constructor: value, prototype: value })
    expect(result.success).toBe(true)
    expect(Object.keys(result.data as object).sort()).toEqual(['constructor', 'prototype'])
    expect(Object.getPrototypeOf(result.data)).toBe(Object.prototype)
  })

  it('refuses __proto__ in a nested segment attribute ValueMap, on its path', () => {
    const result = ConnectSegmentAttributes.safeParse({
      outer: { ValueMap: withOwn('placeholder', { ValueInteger: 1 }) },
    })
    expect(inEnglish(result.error?.issues)).toContainEqual(
      expect.objectContaining({ path: ['outer', 'ValueMap', '__proto__'] }),
    )
  })

  it('every z.record in the shared schemas goes through refusingProtoKey', () => {
    const dir = resolve(import.meta.dirname, '../../shared')
    const files = (d: string): string[] =>
      readdirSync(d).flatMap((name) => {
        const path = join(d, name)
        return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : []
      })
    const unguarded = files(dir).flatMap((file) => {
      const source = readFileSync(file, 'utf8')
      return [...source.matchAll(/z\s*\.record\(/g)]
        .filter((m) => !/refusingProtoKey\(\s*$/.test(source.slice(0, m.index)))
        .map((m) => `${file}:${source.slice(0, m.index).split('\n').length}`)
    })
    expect(unguarded).toEqual([])
  })
})
