import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import type { StartTaskContactCommandInput } from '@aws-sdk/client-connect'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  CONNECT_FLOW_TARGETS,
  CONNECT_REFERENCE_TYPES,
  ConnectStartTaskContactInput,
  connectStartTaskSchema,
} from '../../../shared/providers/connect/wire'
import { utf8Bytes } from '../../../shared/text'
import { issueMessage } from '../../../shared/i18n/issue-message'
import { isZodOwn } from '../../../shared/i18n/zod-issues'
import { DAY, HOUR, bytes, connectCases } from './connect-cases'

// ——— compile-time: our inferred input is the SDK's StartTaskContactCommandInput ———

type Assert<T extends true> = T
type Never<T> = [T] extends [never] ? true : false
/** Every input we accept type-checks as the SDK command's input. */
type _FitsTheSdk = Assert<[ConnectStartTaskContactInput] extends [StartTaskContactCommandInput] ? true : false>
/** No field of ours that the SDK does not have (a renamed SDK field fails here). */
type _NoForeignFields = Assert<Never<Exclude<keyof ConnectStartTaskContactInput, keyof StartTaskContactCommandInput>>>
/** SDK fields deliberately not sent; a field a new SDK adds fails here until someone decides. */
type NotSent = 'Attachments'
type _EverySdkFieldDecided = Assert<
  Never<Exclude<keyof StartTaskContactCommandInput, keyof ConnectStartTaskContactInput | NotSent>>
>

// ——— the official model ———

// The project notes live beside the repository (../shared from its root); the Smithy extract is
// read from there, never copied into the project.
const NOTES = resolve(import.meta.dirname, '../../../../shared')
type Traits = Record<string, unknown>
type MemberRef = { target: string; traits?: Traits }
type Shape = {
  type: string
  members?: Record<string, MemberRef>
  key?: MemberRef
  value?: MemberRef
  traits?: Traits
}
const model = JSON.parse(readFileSync(resolve(NOTES, 'specs/connect-start-task-contact.smithy.json'), 'utf8')) as {
  shapes: Record<string, Shape>
}
const NS = 'com.amazonaws.connect#'
const REQUEST = `${NS}StartTaskContactRequest`
const shape = (id: string): Shape => {
  const found = model.shapes[id]
  if (!found) throw new Error(`The model has no shape ${id}`)
  return found
}
const member = (structure: string, name: string): MemberRef => {
  const found = shape(structure).members?.[name]
  if (!found) throw new Error(`${structure} has no member ${name}`)
  return found
}
/** Documentation of a member (or of a shape), as plain text. */
const doc = (structure: string, name?: string): string => {
  const traits = name === undefined ? shape(structure).traits : member(structure, name).traits
  const html = traits?.['smithy.api#documentation']
  if (typeof html !== 'string') throw new Error(`No documentation for ${structure} ${name ?? ''}`)
  return html.replace(/\s+/g, ' ')
}
/** The number(s) a documentation sentence states; fails the test when the sentence changed. */
const stated = (text: string, pattern: RegExp): number[] => {
  const match = pattern.exec(text)
  expect(match, `the model no longer says ${pattern}`).not.toBeNull()
  return (match ?? []).slice(1).map((n) => Number(n.replace(/,/g, '')))
}

type Length = { min?: number; max?: number }
const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 }
const codePoints = (s: string) => [...s].length

/**
 * Where `value` breaks the model (structure members and `#required`, `#length` on strings and
 * maps, `#range` and the int32 width, `#pattern`, enum values, timestamps as Date).
 */
function modelViolations(value: unknown, target: string, memberTraits: Traits = {}, path = '$'): string[] {
  const s = shape(target)
  const traits: Traits = { ...s.traits, ...memberTraits }
  const length = traits['smithy.api#length'] as Length | undefined
  const range = traits['smithy.api#range'] as Length | undefined
  const pattern = traits['smithy.api#pattern'] as string | undefined
  const out: string[] = []
  const within = (n: number, limits: Length | undefined, what: string) => {
    if (limits?.min !== undefined && n < limits.min) out.push(`${path}: ${what} ${n} < ${limits.min}`)
    if (limits?.max !== undefined && n > limits.max) out.push(`${path}: ${what} ${n} > ${limits.max}`)
  }
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
  switch (s.type) {
    case 'structure': {
      if (!isObject(value)) return [`${path}: not a structure`]
      for (const [name, ref] of Object.entries(s.members ?? {})) {
        if (value[name] === undefined) {
          if (ref.traits && 'smithy.api#required' in ref.traits) out.push(`${path}.${name}: required`)
        } else out.push(...modelViolations(value[name], ref.target, ref.traits, `${path}.${name}`))
      }
      for (const name of Object.keys(value)) {
        if (!(name in (s.members ?? {})) && value[name] !== undefined) out.push(`${path}.${name}: not a member`)
      }
      return out
    }
    case 'string':
      if (typeof value !== 'string') return [`${path}: not a string`]
      within(codePoints(value), length, 'length')
      if (pattern !== undefined && !new RegExp(pattern, 'u').test(value)) out.push(`${path}: does not match ${pattern}`)
      return out
    case 'enum': {
      const values = Object.values(s.members ?? {}).map((m) => m.traits?.['smithy.api#enumValue'])
      return values.includes(value) ? [] : [`${path}: ${String(value)} is not one of ${values.join(', ')}`]
    }
    case 'map': {
      if (!isObject(value)) return [`${path}: not a map`]
      within(Object.keys(value).length, length, 'entries')
      for (const [key, entry] of Object.entries(value)) {
        if (!s.key || !s.value) throw new Error(`${target} lacks key or value`)
        out.push(...modelViolations(key, s.key.target, s.key.traits, `${path}<key ${key}>`))
        out.push(...modelViolations(entry, s.value.target, s.value.traits, `${path}[${key}]`))
      }
      return out
    }
    case 'integer':
      if (!Number.isInteger(value)) return [`${path}: not an integer`]
      within(value as number, INT32, 'value')
      within(value as number, range, 'value')
      return out
    case 'timestamp':
      return value instanceof Date && !Number.isNaN(value.getTime()) ? [] : [`${path}: not a timestamp`]
    default:
      return [`${path}: the oracle does not know shape type ${s.type}`]
  }
}

// ——— inputs ———

/** 04:00 in New York, 2026-06-15. */
const NOW = new Date('2026-06-15T08:00:00Z')
const schema = connectStartTaskSchema(NOW)
const { FOLLOW_UP, MINIMAL, VALID, INVALID, refs } = connectCases(NOW)

/**
 * Zod's own wording (its keys, shared/i18n/zod-issues.ts) would reach the agent unexplained; our
 * messages are plain sentences.
 */
const zodOwn = (text: string) => isZodOwn(issueMessage(text))

function expectRefusedAt(value: unknown, paths: PropertyKey[][], now = NOW) {
  const result = connectStartTaskSchema(now).safeParse(value)
  expect(result.success, 'should be refused').toBe(false)
  const issues = result.error?.issues ?? []
  expect(
    issues.map((issue) => issue.path),
    issues.map((issue) => issue.message).join(' | '),
  ).toEqual(paths)
  for (const issue of issues)
    if (issue.code !== 'unrecognized_keys') expect(zodOwn(issue.message), issue.message).toBe(false)
}

function expectAccepted(value: unknown) {
  const result = schema.safeParse(value)
  expect(result.error?.issues ?? [], 'should be accepted').toEqual([])
  expect(result.data).toEqual(value)
}

describe('ConnectStartTaskContactInput', () => {
  it.each(VALID)('accepts %s', (_name, value) => expectAccepted(value))

  it.each(INVALID)('refuses %s', (_name, value, paths) => expectRefusedAt(value, paths))

  it('counts bytes, not characters, for the attribute total', () => {
    expect(bytes(32768)).toHaveLength(16384)
    expect(utf8Bytes(bytes(32768))).toBe(32768)
    // 16,384 characters are far below the 32,767-character value limit, yet 1 + 32,768 bytes is too many.
    expect(schema.safeParse({ ...MINIMAL, Attributes: { k: bytes(32768) } }).success).toBe(false)
    expect(schema.safeParse({ ...MINIMAL, Attributes: { k: bytes(32767) } }).success).toBe(true)
  })

  it('reports the flow-target rule beside other fields’ errors', () => {
    const result = schema.safeParse({ ...MINIMAL, ContactFlowId: undefined, Name: undefined })
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['Name'], []])
  })

  it('does not crash on input that is not an object', () => {
    for (const value of [null, 'x', 5, [], new Date()]) expect(schema.safeParse(value).success).toBe(false)
  })

  it('refuses an invalid current time', () => {
    expect(() => connectStartTaskSchema(new Date(Number.NaN))).toThrow(RangeError)
  })

  it('hands the SDK exactly what it was given (no transforms)', () => {
    const parsed: StartTaskContactCommandInput = schema.parse(FOLLOW_UP)
    expect(parsed).toEqual(FOLLOW_UP)
    expect(parsed.ScheduledTime).toBeInstanceOf(Date)
  })
})

// ——— official-model oracle ———

describe('official Smithy model as oracle', () => {
  it('is not vacuous: the model check refuses what the model forbids', () => {
    expect(modelViolations(MINIMAL, REQUEST)).toEqual([])
    expect(modelViolations({ ...MINIMAL, InstanceId: undefined }, REQUEST)).toEqual(['$.InstanceId: required'])
    expect(modelViolations({ ...MINIMAL, InstanceId: 'i'.repeat(101) }, REQUEST)).toEqual([
      '$.InstanceId: length 101 > 100',
    ])
    expect(modelViolations({ ...MINIMAL, Attributes: { '': 'x' } }, REQUEST)).toEqual([
      '$.Attributes<key >: length 0 < 1',
    ])
    expect(modelViolations({ ...MINIMAL, References: { r: { Type: 'PDF' } } }, REQUEST)).toHaveLength(1)
    expect(modelViolations({ ...MINIMAL, SegmentAttributes: { k: { ValueInteger: 2 ** 31 } } }, REQUEST)).toHaveLength(
      1,
    )
    expect(modelViolations({ ...MINIMAL, ScheduledTime: '2026-06-16' }, REQUEST)).toEqual([
      '$.ScheduledTime: not a timestamp',
    ])
    expect(modelViolations({ ...MINIMAL, Nope: 1 }, REQUEST)).toEqual(['$.Nope: not a member'])
    // Smithy counts code points: 100 emoji are 200 UTF-16 units but fit a 100-character limit.
    expect(modelViolations({ ...MINIMAL, InstanceId: '😀'.repeat(100) }, REQUEST)).toEqual([])
  })

  it.each(VALID)('the model accepts %s', (_name, value) => {
    expect(modelViolations(value, REQUEST)).toEqual([])
  })

  it('marks ClientToken as the idempotency token (Callboard sets one per logical task)', () => {
    expect(member(REQUEST, 'ClientToken').traits).toHaveProperty(['smithy.api#idempotencyToken'])
  })

  it('member limits agree with ours, apart from the listed differences', () => {
    const ours = z.toJSONSchema(ConnectStartTaskContactInput, { io: 'input', unrepresentable: 'any' }) as JsonSchema
    const found = disagreements(modelConstraints(REQUEST), jsonConstraints(ours, ours))
    const show = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v))
    const unexplained = [...found]
      .filter(([key]) => !(key in MODEL_DIFFERENCES))
      .map(([key, v]) => `${key}: model ${show(v.model)}, ours ${show(v.ours)}`)
    const stale = Object.keys(MODEL_DIFFERENCES).filter((key) => !found.has(key))
    expect({ unexplained, stale }).toEqual({ unexplained: [], stale: [] })
  })
})

type JsonSchema = { [keyword: string]: unknown }
type Constraints = Map<string, unknown>
const join = (path: string, key: string) => (path ? `${path}.${key}` : key)
const RECURSIVE = '<recursive>'
const MEMBER = '<member>'

/** The model's constraints as `path.keyword → value`, in JSON Schema terms (map keys/values as `<key>`/`<value>`). */
function modelConstraints(
  target: string,
  memberTraits: Traits = {},
  path = '',
  out: Constraints = new Map(),
  stack: string[] = [],
): Constraints {
  const s = shape(target)
  if (stack.includes(target)) {
    out.set(join(path, RECURSIVE), true)
    return out
  }
  const inner = [...stack, target]
  const traits: Traits = { ...s.traits, ...memberTraits }
  const length = traits['smithy.api#length'] as Length | undefined
  const range = traits['smithy.api#range'] as Length | undefined
  switch (s.type) {
    case 'structure': {
      out.set(join(path, 'type'), 'object')
      out.set(join(path, 'additionalProperties'), false) // a client serialises members only
      const required = Object.entries(s.members ?? {}).filter(
        ([, ref]) => ref.traits && 'smithy.api#required' in ref.traits,
      )
      if (required.length) out.set(join(path, 'required'), required.map(([name]) => name).sort())
      for (const [name, ref] of Object.entries(s.members ?? {})) {
        out.set(join(join(path, name), MEMBER), true)
        modelConstraints(ref.target, ref.traits, join(path, name), out, inner)
      }
      break
    }
    case 'string':
      out.set(join(path, 'type'), 'string')
      if (length?.min) out.set(join(path, 'minLength'), length.min)
      if (length?.max !== undefined) out.set(join(path, 'maxLength'), length.max)
      if (typeof traits['smithy.api#pattern'] === 'string') out.set(join(path, 'pattern'), traits['smithy.api#pattern'])
      break
    case 'enum':
      out.set(join(path, 'type'), 'string')
      out.set(
        join(path, 'enum'),
        Object.values(s.members ?? {}).map((m) => m.traits?.['smithy.api#enumValue']),
      )
      break
    case 'map':
      out.set(join(path, 'type'), 'object')
      if (length?.min) out.set(join(path, 'minProperties'), length.min)
      if (length?.max !== undefined) out.set(join(path, 'maxProperties'), length.max)
      if (s.key) {
        const keys = modelConstraints(s.key.target, s.key.traits, join(path, '<key>'), new Map(), inner)
        keys.delete(join(join(path, '<key>'), 'type'))
        for (const [key, value] of keys) out.set(key, value)
      }
      if (s.value) modelConstraints(s.value.target, s.value.traits, join(path, '<value>'), out, inner)
      break
    case 'integer':
      out.set(join(path, 'type'), 'integer')
      out.set(join(path, 'minimum'), Math.max(INT32.min, range?.min ?? -Infinity))
      out.set(join(path, 'maximum'), Math.min(INT32.max, range?.max ?? Infinity))
      break
    case 'timestamp':
      break // a Date in the SDK; JSON Schema has nothing to say
    default:
      throw new Error(`modelConstraints does not know shape type ${s.type}`)
  }
  return out
}

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
  'minProperties',
  'maxProperties',
  'required',
] as const

/** The same flattening for `z.toJSONSchema` output ($refs into $defs resolved, recursion marked). */
function jsonConstraints(
  node: JsonSchema,
  root: JsonSchema,
  path = '',
  out: Constraints = new Map(),
  stack: string[] = [],
): Constraints {
  if (typeof node.$ref === 'string') {
    if (stack.includes(node.$ref)) {
      out.set(join(path, RECURSIVE), true)
      return out
    }
    const name = /^#\/\$defs\/(.+)$/.exec(node.$ref)?.[1]
    const target =
      node.$ref === '#' ? root : name ? (root.$defs as Record<string, JsonSchema> | undefined)?.[name] : undefined
    if (!target) throw new Error(`Unexpected $ref ${node.$ref}`)
    return jsonConstraints(target, root, path, out, [...stack, node.$ref])
  }
  for (const keyword of KEYWORDS) {
    if (!(keyword in node)) continue
    const value = node[keyword]
    if (keyword === 'minLength' && value === 0) continue // the default
    out.set(join(path, keyword), keyword === 'required' ? [...(value as string[])].sort() : value)
  }
  if (node.additionalProperties === false) out.set(join(path, 'additionalProperties'), false)
  else if (typeof node.additionalProperties === 'object' && node.additionalProperties) {
    jsonConstraints(node.additionalProperties as JsonSchema, root, join(path, '<value>'), out, stack)
  }
  if (typeof node.propertyNames === 'object' && node.propertyNames) {
    const keys = jsonConstraints(node.propertyNames as JsonSchema, root, join(path, '<key>'), new Map(), stack)
    keys.delete(join(join(path, '<key>'), 'type'))
    for (const [key, value] of keys) out.set(key, value)
  }
  for (const [name, property] of Object.entries((node.properties ?? {}) as Record<string, JsonSchema>)) {
    out.set(join(join(path, name), MEMBER), true)
    jsonConstraints(property, root, join(path, name), out, stack)
  }
  return out
}

/**
 * `path.keyword` → both values for every constraint not shared. A member only one side has is
 * one disagreement (`path.<member>`), not one per keyword below it.
 */
function disagreements(modelMap: Constraints, ours: Constraints) {
  const found = new Map<string, { model: unknown; ours: unknown }>()
  const onlyOneSide = [...new Set([...modelMap.keys(), ...ours.keys()])]
    .filter((key) => key.endsWith(`.${MEMBER}`) && modelMap.has(key) !== ours.has(key))
    .map((key) => key.slice(0, -MEMBER.length - 1))
  for (const key of new Set([...modelMap.keys(), ...ours.keys()])) {
    const owner = onlyOneSide.find((prefix) => key === `${prefix}.${MEMBER}` || key.startsWith(`${prefix}.`))
    if (owner !== undefined && key !== `${owner}.${MEMBER}`) continue
    const a = modelMap.get(key)
    const b = ours.get(key)
    if (!isDeepStrictEqual(a, b)) found.set(key, { model: a, ours: b })
  }
  return found
}

const PROSE = 'the model states this in documentation only (checked against that text below)'

/** Every deliberate difference from the model's traits, with its reason. */
const MODEL_DIFFERENCES: Record<string, string> = {
  'ContactFlowId.minLength': 'model 0: an empty id names no flow, and the one-target rule counts what is sent',
  'QuickConnectId.minLength': 'model has no length: an empty id names no quick connect (same reason)',
  'References.<value>.Type.enum': 'at creation only URL, NUMBER, STRING, DATE and EMAIL are allowed (' + PROSE + ')',
  'References.<value>.Status.<member>': 'an output member (status of an attachment); not sent on creation',
  'References.<value>.Arn.<member>': 'an output member (ARN of an attachment); not sent on creation',
  'References.<value>.StatusReason.<member>': 'an output member; not sent on creation',
  'Attributes.<key>.pattern': 'keys "can include only alphanumeric, dash, and underscore characters": ' + PROSE,
  'SegmentAttributes.<key>.pattern':
    'documentation says alphanumeric, - and _, but its own examples use connect:…; ours adds the colon',
  'SegmentAttributes.<value>.ValueMap.<key>.pattern': 'same rule for names inside a ValueMap',
}

// ——— rules the model states in documentation, probed on our schema ———

describe('rules the model documents in prose, probed on our schema', () => {
  it('Attributes: "up to N UTF-8 bytes across all key-value pairs" and the key characters', () => {
    const text = doc(REQUEST, 'Attributes')
    const [n = 0] = stated(text, /up to ([\d,]+) UTF-8 bytes across all key-value pairs/)
    expect(text).toMatch(/Attribute keys can include only alphanumeric, dash, and underscore characters/)
    expectAccepted({ ...MINIMAL, Attributes: { k: bytes(n - 1) } })
    expectRefusedAt({ ...MINIMAL, Attributes: { k: bytes(n) } }, [['Attributes']])
    expectAccepted({ ...MINIMAL, Attributes: { 'aZ09-_': 'x' } })
    for (const key of ['a.b', 'a:b', 'a/b', 'ñ'])
      expectRefusedAt({ ...MINIMAL, Attributes: { [key]: 'x' } }, [['Attributes', key]])
  })

  it('References: "up to N UTF-8 bytes across all references"', () => {
    const [n = 0] = stated(doc(`${NS}Reference`), /up to ([\d,]+) UTF-8 bytes across all references/)
    expectAccepted(refs(bytes(n - 1)))
    expectRefusedAt(refs(bytes(n)), [['References']])
  })

  it('References: exactly the types allowed "at the time of creation"; ATTACHMENT refused', () => {
    const text = doc(REQUEST, 'References')
    const listed = /reference types at the time of creation: (.*?)\. <code>ATTACHMENT<\/code> is not a supported/.exec(
      text,
    )?.[1]
    expect(listed).toBeDefined()
    const types = [...(listed ?? '').matchAll(/<code>(\w+)<\/code>/g)].map((m) => m[1])
    expect(types).toEqual([...CONNECT_REFERENCE_TYPES])
    for (const Type of types)
      expectAccepted({ ...MINIMAL, References: { r: { Type, Value: Type === 'DATE' ? '0' : 'x' } } })
    expectRefusedAt({ ...MINIMAL, References: { r: { Type: 'ATTACHMENT', Value: 'x' } } }, [
      ['References', 'r', 'Type'],
    ])
  })

  it('Reference.Type: "DATE must be of type Epoch timestamp"', () => {
    expect(doc(`${NS}Reference`, 'Type')).toMatch(/<code>DATE<\/code> must be of type Epoch timestamp/)
    expectAccepted({ ...MINIMAL, References: { d: { Type: 'DATE', Value: String(NOW.getTime() / 1000) } } })
    expectRefusedAt({ ...MINIMAL, References: { d: { Type: 'DATE', Value: NOW.toISOString() } } }, [
      ['References', 'd', 'Value'],
    ])
  })

  it('ScheduledTime: "cannot be in the past", "within up to N days in future"', () => {
    const text = doc(REQUEST, 'ScheduledTime')
    expect(text).toMatch(/The scheduled time cannot be in the past/)
    const [days = 0] = stated(text, /within up to (\d+) days in future/)
    expectAccepted({ ...MINIMAL, ScheduledTime: new Date(NOW.getTime() + days * DAY) })
    expectRefusedAt({ ...MINIMAL, ScheduledTime: new Date(NOW.getTime() + days * DAY + 1000) }, [['ScheduledTime']])
    expectRefusedAt({ ...MINIMAL, ScheduledTime: new Date(NOW.getTime() - 1) }, [['ScheduledTime']])
    // The rule moves with the clock: the same time is refused a week later.
    const at = new Date(NOW.getTime() + HOUR)
    expect(connectStartTaskSchema(NOW).safeParse({ ...MINIMAL, ScheduledTime: at }).success).toBe(true)
    expect(
      connectStartTaskSchema(new Date(NOW.getTime() + 7 * DAY)).safeParse({ ...MINIMAL, ScheduledTime: at }).success,
    ).toBe(false)
  })

  it('the operation: "include only one of these parameters" (ContactFlowId, QuickConnectId, TaskTemplateId)', () => {
    const text = doc(`${NS}StartTaskContact`)
    const named =
      /include only one of these parameters: <code>(\w+)<\/code>, <code>(\w+)<\/code>, or <code>(\w+)<\/code>/
        .exec(text)
        ?.slice(1)
    // The documentation spells them …ID; the members are …Id.
    expect(named?.map((name) => name.replace(/ID$/, 'Id'))).toEqual([...CONNECT_FLOW_TARGETS])
    const base = { InstanceId: MINIMAL.InstanceId, Name: 'n' }
    for (const target of CONNECT_FLOW_TARGETS) {
      expectAccepted({ ...base, [target]: 'x' })
      for (const other of CONNECT_FLOW_TARGETS.filter((t) => t !== target)) {
        expect(schema.safeParse({ ...base, [target]: 'x', [other]: 'y' }).success).toBe(false)
      }
    }
    expectRefusedAt(base, [[]])
  })

  it('limits on the model’s members match the numbers in providers.md §3', () => {
    // providers.md: InstanceId 1–100, Name 0–1024, Description 0–4096, ContactFlowId 0–500,
    // TaskTemplateId 1–500, ClientToken 0–500, Previous/RelatedContactId 1–256.
    const lengthOf = (name: string) => {
      const ref = member(REQUEST, name)
      return {
        ...(shape(ref.target).traits?.['smithy.api#length'] as Length),
        ...(ref.traits?.['smithy.api#length'] as Length),
      }
    }
    expect({
      InstanceId: lengthOf('InstanceId'),
      Name: lengthOf('Name'),
      Description: lengthOf('Description'),
      ContactFlowId: lengthOf('ContactFlowId'),
      TaskTemplateId: lengthOf('TaskTemplateId'),
      ClientToken: lengthOf('ClientToken'),
      PreviousContactId: lengthOf('PreviousContactId'),
      RelatedContactId: lengthOf('RelatedContactId'),
    }).toEqual({
      InstanceId: { min: 1, max: 100 },
      Name: { min: 0, max: 1024 },
      Description: { min: 0, max: 4096 },
      ContactFlowId: { min: 0, max: 500 },
      TaskTemplateId: { min: 1, max: 500 },
      ClientToken: { min: 0, max: 500 },
      PreviousContactId: { min: 1, max: 256 },
      RelatedContactId: { min: 1, max: 256 },
    })
  })
})
