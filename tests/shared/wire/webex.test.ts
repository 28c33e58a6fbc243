import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { Ajv, type ErrorObject, type Format } from 'ajv'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  WebexCreateTaskRequest,
  WebexScheduleCallbackRequest,
  isIanaTimeZone,
  webexScheduleCallbackSchema,
} from '../../../shared/providers/webex/wire'
import { utf8Bytes } from '../../../shared/text'
import { issueMessage } from '../../../shared/i18n/issue-message'
import { isZodOwn } from '../../../shared/i18n/zod-issues'
import {
  INVALID_CREATE,
  INVALID_SCHEDULE,
  NOW,
  MIN,
  OUTDIAL,
  SCHEDULE,
  SEED_CALLBACK,
  SEED_WITHOUT_CALLBACK,
  SPEC_SCHEDULE_EXAMPLE,
  VALID_CREATE,
  VALID_SCHEDULE,
  bytes,
  headersOf,
  localParts,
  pairs,
  windowAt,
} from './webex-cases'

// The project notes live beside the repository (../shared from its root): the official spec
// extract and the seed documents are read from there, never copied into the project.
const NOTES = resolve(import.meta.dirname, '../../../../shared')
const spec = JSON.parse(readFileSync(resolve(NOTES, 'specs/webex-cc-task-creation.openapi.json'), 'utf8')) as {
  components: { schemas: Record<string, JsonSchema> }
}
/** Seed 000: the CreateTaskRequest JSON Schema (api-evangelist mirror of Cisco's spec). */
const seed = JSON.parse(readFileSync(resolve(NOTES, 'seeds/000_49658015ed5dff36.txt'), 'utf8')) as JsonSchema

type JsonSchema = { [keyword: string]: unknown }
const official = (name: string): JsonSchema => {
  const schema = spec.components.schemas[name]
  if (!schema) throw new Error(`The spec has no components.schemas.${name}`)
  return schema
}
const description = (schema: string, ...path: string[]): string => {
  let node: JsonSchema = official(schema)
  for (const key of path) node = deref((node.properties as Record<string, JsonSchema>)[key] ?? {})
  if (typeof node.description !== 'string') throw new Error(`No description at ${schema}.${path.join('.')}`)
  return node.description
}
/** The number(s) a spec sentence states; fails the test when the sentence changed. */
const stated = (text: string, pattern: RegExp): number[] => {
  const match = pattern.exec(text)
  expect(match, `the spec no longer says ${pattern}`).not.toBeNull()
  return (match ?? []).slice(1).map(Number)
}

/**
 * Zod's own wording (its keys, shared/i18n/zod-issues.ts) would reach the agent unexplained; our
 * messages are plain sentences.
 */
const zodOwn = (text: string) => isZodOwn(issueMessage(text))

function expectRefusedAt(schema: z.ZodType, value: unknown, path: PropertyKey[]) {
  const result = schema.safeParse(value)
  expect(result.success, 'should be refused').toBe(false)
  const issues = result.error?.issues ?? []
  expect(issues.length).toBeGreaterThan(0)
  expect(
    issues.map((issue) => issue.path),
    issues.map((issue) => issue.message).join(' | '),
  ).toEqual(issues.map(() => path))
  for (const issue of issues)
    if (issue.code !== 'unrecognized_keys') expect(zodOwn(issue.message), issue.message).toBe(false)
}

function expectAccepted(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value)
  expect(result.error?.issues ?? [], 'should be accepted').toEqual([])
  expect(result.data).toEqual(value)
}

describe('WebexCreateTaskRequest', () => {
  it('reproduces the seed example from the seed text', () => {
    const examples = Object.fromEntries(
      Object.entries(seed.properties as Record<string, JsonSchema>)
        .filter(([, property]) => 'example' in property)
        .map(([name, property]) => [name, property.example]),
    )
    expect(examples).toEqual(SEED_WITHOUT_CALLBACK)
    const details = official('CallbackDetails').properties as Record<string, JsonSchema>
    expect({ callbackOrigin: details.callbackOrigin?.example, callbackType: details.callbackType?.example }).toEqual(
      SEED_CALLBACK.callback,
    )
    // The seed is Cisco's schema word for word (the mirror only adds $schema, $id and title).
    const { $schema: _s, $id: _i, title: _t, ...seedSchema } = seed
    expect(seedSchema).toEqual(official('CreateTaskRequest'))
  })

  it.each(VALID_CREATE)('accepts %s', (_name, value) => expectAccepted(WebexCreateTaskRequest, value))

  it.each(INVALID_CREATE)('refuses %s', (_name, value, path) => expectRefusedAt(WebexCreateTaskRequest, value, path))

  it('counts bytes, not characters, for attribute names', () => {
    expect(bytes(200)).toHaveLength(100)
    expect(utf8Bytes(bytes(200))).toBe(200)
    expect(WebexCreateTaskRequest.safeParse({ ...OUTDIAL, attributes: { [bytes(200)]: 'x' } }).success).toBe(true)
    expect(WebexCreateTaskRequest.safeParse({ ...OUTDIAL, attributes: { [bytes(202)]: 'x' } }).success).toBe(false)
    expect(bytes(202)).toHaveLength(101)
  })

  it('gives the discriminated type each variant needs', () => {
    const parsed = WebexCreateTaskRequest.parse(OUTDIAL)
    if (parsed.outboundType !== 'OUTDIAL') throw new Error('expected OUTDIAL')
    // origin is a string (not optional) in the OUTDIAL variant: this line would not compile otherwise.
    const origin: string = parsed.origin
    expect(origin).toBe('2147751364')
  })
})

describe('WebexScheduleCallbackRequest', () => {
  it('refuses the spec example verbatim: its date has passed and its end comes before its start', () => {
    const issues = webexScheduleCallbackSchema(new Date('2025-03-28T12:00:00Z')).safeParse(SPEC_SCHEDULE_EXAMPLE).error
      ?.issues
    expect(issues?.map((issue) => issue.path)).toEqual([['endTime']])
    expectRefusedAt(webexScheduleCallbackSchema(NOW), SPEC_SCHEDULE_EXAMPLE, ['scheduleDate'])
    expect(WebexScheduleCallbackRequest.safeParse(SPEC_SCHEDULE_EXAMPLE).success).toBe(true) // shape only
  })

  it.each(VALID_SCHEDULE)('accepts %s', (_name, value, now) => expectAccepted(webexScheduleCallbackSchema(now), value))

  it.each(INVALID_SCHEDULE)('refuses %s', (_name, value, path, now) =>
    expectRefusedAt(webexScheduleCallbackSchema(now), value, path),
  )

  it('reports time errors beside other fields’ errors', () => {
    const result = webexScheduleCallbackSchema(NOW).safeParse({ ...SCHEDULE, customerName: '', endTime: '16:50:55' })
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['customerName'], ['endTime']])
  })

  it('does not crash on input that is not an object', () => {
    for (const value of [null, 'x', 5, []])
      expect(webexScheduleCallbackSchema(NOW).safeParse(value).success).toBe(false)
  })

  it('refuses an invalid current time', () => {
    expect(() => webexScheduleCallbackSchema(new Date(Number.NaN))).toThrow(RangeError)
  })
})

// ——— official-model oracle ———

/** How the oracle reads the spec's formats (ajv 8 ships none; ajv-formats is not a dependency). */
const FORMATS: Record<string, Format> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  // RFC 3339 full-date, with the real number of days in each month.
  date: (value: string) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
    if (!match) return false
    const [year, month, day] = match.slice(1).map(Number) as [number, number, number]
    const d = new Date(Date.UTC(year, month - 1, day))
    return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
  },
  // The spec's prose says "HH:mm:ss ... local to the specified timezone": RFC 3339 partial-time.
  // (JSON Schema's "time" would also demand an offset, which the spec's own examples lack.)
  time: /^(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?$/,
  int64: { type: 'number', validate: (value: number) => Number.isSafeInteger(value) },
}

const SPEC_ID = 'https://callboard.invalid/specs/webex-cc-task-creation.openapi.json'
function officialValidator(name: string) {
  const ajv = new Ajv({ strict: false, allErrors: true })
  for (const [format, definition] of Object.entries(FORMATS)) ajv.addFormat(format, definition)
  ajv.addSchema({ $id: SPEC_ID, components: spec.components })
  return ajv.compile({ $ref: `${SPEC_ID}#/components/schemas/${name}` })
}
const explain = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ')

function deref(schema: JsonSchema): JsonSchema {
  if (typeof schema.$ref !== 'string') return schema
  const name = /^#\/components\/schemas\/(.+)$/.exec(schema.$ref)?.[1]
  if (!name) throw new Error(`Unexpected $ref ${schema.$ref}`)
  const { $ref: _ref, ...siblings } = schema
  return { ...deref(official(name)), ...siblings }
}

/** The keywords compared between the official schema and `z.toJSONSchema` of ours. */
const KEYWORDS = [
  'type',
  'format',
  'const',
  'enum',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minProperties',
  'maxProperties',
  'minItems',
  'maxItems',
  'required',
] as const
type Constraints = Map<string, unknown>
const join = (path: string, key: string) => (path ? `${path}.${key}` : key)

/** Flatten a schema into `path.keyword → value`; map keys and values appear as `<key>` / `<value>`. */
function constraintsOf(schema: JsonSchema, path = '', out: Constraints = new Map(), resolve = deref): Constraints {
  const node = resolve(schema)
  if (isDeepStrictEqual(node.not, {})) {
    out.set(join(path, 'forbidden'), true)
    return out
  }
  for (const keyword of KEYWORDS) {
    if (!(keyword in node)) continue
    const value = node[keyword]
    if (keyword === 'minLength' && value === 0) continue // the default
    out.set(join(path, keyword), keyword === 'required' ? [...(value as string[])].sort() : value)
  }
  if (node.additionalProperties === false) out.set(join(path, 'additionalProperties'), false)
  else if (typeof node.additionalProperties === 'object' && node.additionalProperties) {
    constraintsOf(node.additionalProperties as JsonSchema, join(path, '<value>'), out, resolve)
  }
  if (typeof node.propertyNames === 'object' && node.propertyNames) {
    const keys = constraintsOf(node.propertyNames as JsonSchema, join(path, '<key>'), new Map(), resolve)
    keys.delete(join(join(path, '<key>'), 'type')) // JSON object keys are strings anyway
    for (const [key, value] of keys) out.set(key, value)
  }
  for (const [name, property] of Object.entries((node.properties ?? {}) as Record<string, JsonSchema>)) {
    constraintsOf(property, join(path, name), out, resolve)
  }
  // zod writes a second .regex() as allOf: [{ pattern }]; list all patterns together.
  for (const part of (node.allOf ?? []) as JsonSchema[]) {
    for (const [key, value] of constraintsOf(part, path, new Map(), resolve)) {
      out.set(key, out.has(key) ? [out.get(key), value].flat() : value)
    }
  }
  return out
}

/**
 * One constraint map for a union of object variants: a property forbidden in some variants
 * (`not: {}`) is compared on the variants that allow it and noted as `prop.allowedOnlyIn`; a
 * value that differs between variants is kept as `{ variant: value }`.
 */
function mergeVariants(variants: [string, Constraints][]): Constraints {
  const forbidden = new Map<string, string[]>()
  for (const [label, map] of variants) {
    for (const key of map.keys()) {
      if (key.endsWith('.forbidden'))
        forbidden.set(key.slice(0, -'.forbidden'.length), [
          ...(forbidden.get(key.slice(0, -'.forbidden'.length)) ?? []),
          label,
        ])
    }
  }
  const merged: Constraints = new Map()
  const keys = new Set(variants.flatMap(([, map]) => [...map.keys()]).filter((key) => !key.endsWith('.forbidden')))
  for (const key of keys) {
    const top = key.split('.')[0] ?? key
    const allowing = variants.filter(([label]) => !(forbidden.get(top) ?? []).includes(label))
    const values = allowing.map(([, map]) => map.get(key))
    merged.set(
      key,
      values.every((value) => isDeepStrictEqual(value, values[0]))
        ? values[0]
        : Object.fromEntries(allowing.map(([label, map]) => [label, map.get(key)])),
    )
  }
  for (const [property, labels] of forbidden) {
    merged.set(
      `${property}.allowedOnlyIn`,
      variants.map(([label]) => label).filter((label) => !labels.includes(label)),
    )
  }
  return merged
}

/** `path.keyword` → both values, for every constraint the two schemas do not share. */
function disagreements(officialMap: Constraints, ours: Constraints): Map<string, { official: unknown; ours: unknown }> {
  const found = new Map<string, { official: unknown; ours: unknown }>()
  for (const key of new Set([...officialMap.keys(), ...ours.keys()])) {
    const a = officialMap.get(key)
    const b = ours.get(key)
    if (isDeepStrictEqual(a, b)) continue
    // zod writes the pattern that implements a format next to it; same format, no disagreement.
    const base = key.replace(/\.?pattern$/, '')
    const format = join(base, 'format')
    if (
      key.endsWith('pattern') &&
      a === undefined &&
      officialMap.get(format) !== undefined &&
      officialMap.get(format) === ours.get(format)
    )
      continue
    found.set(key, { official: a, ours: b })
  }
  return found
}

function expectOnlyAllowed(found: Map<string, { official: unknown; ours: unknown }>, allowed: Record<string, string>) {
  const show = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v))
  const unexplained = [...found]
    .filter(([key]) => !(key in allowed))
    .map(([key, v]) => `${key}: official ${show(v.official)}, ours ${show(v.ours)}`)
  const stale = Object.keys(allowed).filter((key) => !found.has(key))
  expect({ unexplained, stale }).toEqual({ unexplained: [], stale: [] })
}

const PROSE_ONLY = 'the spec states this limit in prose only (checked against the prose below)'

/** Every deliberate difference from the official CreateTaskRequest, with its reason. */
const CREATE_TASK_DIFFERENCES: Record<string, string> = {
  additionalProperties: 'we refuse unknown fields so a typo never reaches the wire; the spec leaves objects open',
  required:
    'outboundType is always sent (the spec makes it optional with an unknown default); origin is required for OUTDIAL/EXECUTE_FLOW and callback for CALLBACK, as the prose says',
  'destination.maxLength': PROSE_ONLY,
  'destination.minLength': 'ours: an empty destination cannot be dialled',
  'entryPointId.maxLength': PROSE_ONLY,
  'entryPointId.minLength': 'ours: an empty entry point id names nothing',
  'origin.maxLength': PROSE_ONLY,
  'origin.minLength': 'ours: an empty ANI cannot match one in the agent profile',
  'mediaType.const': PROSE_ONLY + ' ("The supported value is telephony")',
  'outboundType.const': 'the discriminator: one variant per value the prose lists (CALLBACK, OUTDIAL, EXECUTE_FLOW)',
  'callback.allowedOnlyIn':
    'the prose requires callback for CALLBACK; we also refuse it for the other types, where it has no meaning',
  'callback.additionalProperties':
    'we refuse unknown fields in CallbackDetails (e.g. a scheduled time, which this API does not have)',
  'callback.callbackOrigin.const': PROSE_ONLY + ' ("The supported value is web")',
  'callback.callbackType.const': PROSE_ONLY + ' ("The supported value is immediate")',
  'attributes.<value>.type':
    'values are strings: the spec says "data tuple" and its example has a string; byte limits are in prose',
  'customAttributes.<value>.type': 'SIP header values are strings (the spec example has a string)',
  'customAttributes.<value>.pattern':
    'ours: no control characters (CR/LF would break the SIP header); the spec is silent',
}

const SCHEDULE_DIFFERENCES: Record<string, string> = {
  additionalProperties: 'we refuse unknown fields (orgId belongs in the path, not the body)',
  'customerName.maxLength': PROSE_ONLY,
  'customerName.minLength': 'ours: a callback needs a name to show',
  'callbackNumber.minLength': PROSE_ONLY,
  'callbackNumber.maxLength': PROSE_ONLY,
  'callbackNumber.pattern':
    'the characters the prose allows (optional +, digits, space - ( ) .), plus at least one digit',
  'startTime.format': 'ours is a HH:mm:ss pattern: JSON Schema "time" demands an offset, the prose says local HH:mm:ss',
  'startTime.pattern': 'see startTime.format',
  'endTime.format': 'see startTime.format',
  'endTime.pattern': 'see startTime.format',
  'queueId.minLength': 'ours: an empty queue id names no queue',
}

// 'any': the string maps are custom checks that carry their JSON Schema as metadata (record-keys.ts textMap).
const oursFor = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
const selfDeref = (root: JsonSchema) => (node: JsonSchema) => {
  if (typeof node.$ref !== 'string') return node
  if (node.$ref === '#') return root
  const name = /^#\/\$defs\/(.+)$/.exec(node.$ref)?.[1]
  const target = name ? (root.$defs as Record<string, JsonSchema> | undefined)?.[name] : undefined
  if (!target) throw new Error(`Unexpected $ref ${node.$ref}`)
  return target
}

describe('official Webex spec as oracle', () => {
  const createTask = officialValidator('CreateTaskRequest')
  const scheduleCallback = officialValidator('ScheduleCallbackRequest')

  it('defines every format the spec uses', () => {
    const used = new Set<string>()
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk)
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'format' && typeof value === 'string') used.add(value)
          else walk(value)
        }
      }
    }
    walk(spec)
    expect([...used].filter((format) => !(format in FORMATS))).toEqual([])
  })

  it('is not vacuous: the official schemas refuse what they can express', () => {
    expect(createTask(SEED_CALLBACK)).toBe(true)
    expect(createTask({ ...SEED_CALLBACK, destination: undefined })).toBe(false)
    expect(createTask({ ...SEED_CALLBACK, callback: { callbackOrigin: 'web' } })).toBe(false) // via the $ref
    expect(scheduleCallback(SCHEDULE)).toBe(true)
    expect(scheduleCallback({ ...SCHEDULE, sourceInteraction: 'nope' })).toBe(false)
    expect(scheduleCallback({ ...SCHEDULE, scheduleDate: '2026-02-30' })).toBe(false)
    expect(scheduleCallback({ ...SCHEDULE, startTime: '25:00:00' })).toBe(false)
  })

  it.each(VALID_CREATE)('CreateTaskRequest accepts %s', (_name, value) => {
    const wire: unknown = JSON.parse(JSON.stringify(value))
    expect(createTask(wire), explain(createTask.errors)).toBe(true)
  })

  it.each(VALID_SCHEDULE)('ScheduleCallbackRequest accepts %s', (_name, value) => {
    const wire: unknown = JSON.parse(JSON.stringify(value))
    expect(scheduleCallback(wire), explain(scheduleCallback.errors)).toBe(true)
  })

  it('CreateTaskRequest limits agree with ours, apart from the listed differences', () => {
    const ours = oursFor(WebexCreateTaskRequest)
    const variants = ours.oneOf as JsonSchema[]
    expect(variants).toHaveLength(3)
    const merged = mergeVariants(
      variants.map((variant) => [
        String((variant.properties as Record<string, JsonSchema>).outboundType?.const),
        constraintsOf(variant, '', new Map(), selfDeref(ours)),
      ]),
    )
    expectOnlyAllowed(disagreements(constraintsOf(official('CreateTaskRequest')), merged), CREATE_TASK_DIFFERENCES)
  })

  it('ScheduleCallbackRequest limits agree with ours, apart from the listed differences', () => {
    const ours = oursFor(WebexScheduleCallbackRequest)
    const found = disagreements(
      constraintsOf(official('ScheduleCallbackRequest')),
      constraintsOf(ours, '', new Map(), selfDeref(ours)),
    )
    expectOnlyAllowed(found, SCHEDULE_DIFFERENCES)
  })
})

describe('limits the spec states in prose, probed on our schema', () => {
  const refusedAt = (value: unknown, path: PropertyKey[]) => expectRefusedAt(WebexCreateTaskRequest, value, path)
  const accepted = (value: unknown) => expectAccepted(WebexCreateTaskRequest, value)

  it.each([
    ['destination', /maximum length (\d+) characters/],
    ['entryPointId', /maximum length (\d+) characters/],
    ['origin', /maximum length (\d+) characters/],
  ] as const)('%s: "maximum length N characters"', (field, pattern) => {
    const [n = 0] = stated(description('CreateTaskRequest', field), pattern)
    accepted({ ...OUTDIAL, [field]: '9'.repeat(n) })
    refusedAt({ ...OUTDIAL, [field]: '9'.repeat(n + 1) }, [field])
  })

  it('mediaType, outboundType and CallbackDetails take exactly the values the prose lists', () => {
    const [media] =
      /The supported value is ```(\w+)```/.exec(description('CreateTaskRequest', 'mediaType'))?.slice(1) ?? []
    expect(media).toBe('telephony')
    accepted({ ...OUTDIAL, mediaType: media })
    const types = /Supported values are ```(\w+)```, ```(\w+)```, and ```(\w+)```/
      .exec(description('CreateTaskRequest', 'outboundType'))
      ?.slice(1)
    expect(types?.sort()).toEqual([...WebexCreateTaskRequest.options.map((o) => o.shape.outboundType.value)].sort())
    for (const field of ['callbackOrigin', 'callbackType'] as const) {
      const [only] = /The supported value is ```(\w+)```/.exec(description('CallbackDetails', field))?.slice(1) ?? []
      expect(only).toBeDefined()
      accepted({ ...SEED_CALLBACK, callback: { ...SEED_CALLBACK.callback, [field]: only } })
      refusedAt({ ...SEED_CALLBACK, callback: { ...SEED_CALLBACK.callback, [field]: `${only ?? ''}x` } }, [
        'callback',
        field,
      ])
    }
  })

  it('origin is mandatory for the types the prose names and optional for the other', () => {
    const [mandatoryA, mandatoryB, optional] =
      /mandatory for ```(\w+)``` and ```(\w+)``` type while it is optional for ```(\w+)```/
        .exec(description('CreateTaskRequest', 'origin'))
        ?.slice(1) ?? []
    for (const type of [mandatoryA, mandatoryB])
      refusedAt({ ...OUTDIAL, outboundType: type, origin: undefined }, ['origin'])
    expect(optional).toBe('CALLBACK')
    accepted({ ...SEED_CALLBACK, origin: undefined })
  })

  it('callback is required when the prose says so', () => {
    const [type] =
      /Required only when outboundType is set to ```(\w+)```/
        .exec(description('CreateTaskRequest', 'callback'))
        ?.slice(1) ?? []
    expect(type).toBe('CALLBACK')
    refusedAt({ ...SEED_CALLBACK, outboundType: type, callback: undefined }, ['callback'])
  })

  it('attributes: "maximum of N tuples", "key up to N bytes", "value up to N bytes"', () => {
    const text = description('CreateTaskRequest', 'attributes')
    const [tuples = 0] = stated(text, /maximum of (\d+) tuples/)
    const [keyBytes = 0] = stated(text, /key up to (\d+) bytes/)
    const [valueBytes = 0] = stated(text, /value up to (\d+) bytes/)
    accepted({ ...OUTDIAL, attributes: pairs(tuples) })
    refusedAt({ ...OUTDIAL, attributes: pairs(tuples + 1) }, ['attributes'])
    accepted({ ...OUTDIAL, attributes: { [bytes(keyBytes)]: 'v' } })
    refusedAt({ ...OUTDIAL, attributes: { [bytes(keyBytes + 1)]: 'v' } }, ['attributes', bytes(keyBytes + 1)])
    accepted({ ...OUTDIAL, attributes: { k: bytes(valueBytes) } })
    refusedAt({ ...OUTDIAL, attributes: { k: bytes(valueBytes + 1) } }, ['attributes', 'k'])
  })

  it('customAttributes: "maximum of N headers", lower-case keys with hyphens, "restricted to N bytes"', () => {
    const text = description('CreateTaskRequest', 'customAttributes')
    const [headers = 0] = stated(text, /maximum of (\d+) headers/)
    const [total = 0] = stated(text, /restricted to (\d+) bytes/)
    expect(text).toMatch(/key is converted to lowercase, and hyphens are retained/)
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`x-${i}`, 'v']))
    accepted({ ...OUTDIAL, customAttributes: many(headers) })
    refusedAt({ ...OUTDIAL, customAttributes: many(headers + 1) }, ['customAttributes'])
    accepted({ ...OUTDIAL, customAttributes: { 'x-lower-case': 'v' } })
    refusedAt({ ...OUTDIAL, customAttributes: { 'X-Lower-Case': 'v' } }, ['customAttributes', 'X-Lower-Case'])
    accepted({ ...OUTDIAL, customAttributes: headersOf(total) })
    refusedAt({ ...OUTDIAL, customAttributes: headersOf(total + 1) }, ['customAttributes'])
  })

  describe('ScheduleCallbackRequest', () => {
    const schema = webexScheduleCallbackSchema(NOW)
    const ok = (patch: object) => expectAccepted(schema, { ...SCHEDULE, ...patch })
    const refused = (patch: object, path: PropertyKey[]) => expectRefusedAt(schema, { ...SCHEDULE, ...patch }, path)

    it('customerName: "Max customer name length should be N character"', () => {
      const [n = 0] = stated(description('ScheduleCallbackRequest', 'customerName'), /length should be (\d+) character/)
      ok({ customerName: 'a'.repeat(n) })
      refused({ customerName: 'a'.repeat(n + 1) }, ['customerName'])
    })

    it('callbackNumber: the characters listed and "between N and M characters"', () => {
      const text = description('ScheduleCallbackRequest', 'callbackNumber')
      const [min = 0, max = 0] = stated(text, /between (\d+) and (\d+) characters/)
      expect(text).toMatch(
        /optional country code followed by digits \(0-9\) and the special characters: space, hyphen -, parentheses \( and \), and period \./,
      )
      ok({ callbackNumber: '1'.repeat(min) })
      ok({ callbackNumber: `+1 (2) 3-4.${'5'.repeat(max - 11)}` })
      refused({ callbackNumber: '1'.repeat(min - 1) }, ['callbackNumber'])
      refused({ callbackNumber: '1'.repeat(max + 1) }, ['callbackNumber'])
      refused({ callbackNumber: '+1 555 0100 x2' }, ['callbackNumber'])
    })

    it('timezone: "Valid IANA timezone name" — every zone this runtime lists is accepted', () => {
      expect(description('ScheduleCallbackRequest', 'timezone')).toBe('Valid IANA timezone name')
      const zones = Intl.supportedValuesOf('timeZone')
      expect(zones.length).toBeGreaterThan(300)
      expect(zones.filter((zone) => !isIanaTimeZone(zone))).toEqual([])
    })

    it('scheduleDate: "within N days from current date" (today in the callback time zone)', () => {
      const [n = 0] = stated(
        description('ScheduleCallbackRequest', 'scheduleDate'),
        /within (\d+) days from current date/,
      )
      const day = (offset: number) => localParts(NOW.getTime() + offset * 24 * 60 * MIN, 'America/New_York').date
      ok({ scheduleDate: day(n) })
      refused({ scheduleDate: day(n + 1) }, ['scheduleDate'])
      refused({ scheduleDate: day(-1) }, ['scheduleDate'])
    })

    it('startTime: "at least N minutes in the future"', () => {
      const [n = 0] = stated(
        description('ScheduleCallbackRequest', 'startTime'),
        /at least (\d+) minutes in the future/,
      )
      ok(windowAt(n, 60))
      refused(windowAt(n - 1 / 60, 60), ['startTime'])
    })

    it('endTime: "at least N minutes after the startTime and must not exceed M hours after startTime"', () => {
      const [min = 0, hours = 0] = stated(
        description('ScheduleCallbackRequest', 'endTime'),
        /at least (\d+) minutes after the startTime and must not exceed (\d+) hours after startTime/,
      )
      ok(windowAt(60, min))
      ok(windowAt(60, hours * 60))
      refused(windowAt(60, min - 1 / 60), ['endTime'])
      refused(windowAt(60, hours * 60 + 1 / 60), ['endTime'])
    })
  })
})
