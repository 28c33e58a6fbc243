import type { z } from 'zod'

/**
 * `schema.safeParse(value)` without the copy, where zod's answer would be the value itself.
 *
 * zod builds a new output for every object, array and record it parses, and a payload, an issues
 * array and (for recursive schemas) a memo table for every field, even when the input is already
 * exactly what it would return. A task's intent was parsed that way at the IPC boundary and its wire
 * request again when it was built: most of what queueing a task allocated. This walks the schema's
 * structure itself (objects, unions, arrays, records, optional, nullable, lazy, pipes) and hands
 * every leaf (strings with their formats and limits, numbers, literals, enums, custom checks,
 * transforms) and every refinement to zod's own code, so a rule is still stated only in the schema.
 *
 * The walk answers one of three things for each part: zod would return the value as it is (ACCEPT),
 * zod would report an issue (REFUSE), or it cannot tell without building the output (UNKNOWN: a
 * default, a stripped key, a transform that changes the value, a schema kind it does not know).
 * Only a whole ACCEPT is answered here; anything else is `schema.safeParse(value)`, so what is
 * refused, and every issue and message, is zod's own. tests/shared/parse-as-is.test.ts holds it
 * against zod on arbitrary schemas and values and on every provider's intents and wire requests.
 *
 * The value is returned, not copied: the caller must not change it afterwards. Values are data as
 * JSON and structured clone make them (no getters; an array's extra non-index properties, which
 * zod drops and JSON never writes, are not looked at).
 */
export function parseAsIs<S extends z.ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.output<S>> {
  if (acceptsAsIs(schema, value)) return { success: true, data: value as z.output<S> }
  return schema.safeParse(value)
}

/** Whether zod would take `value` and return it as it is (see parseAsIs); false when unsure. */
export function acceptsAsIs(schema: z.ZodType, value: unknown): boolean {
  try {
    // zod's internals, typed only as far as the walk reads them (below).
    return (
      walk(schema as unknown as Schema, value, {
        ctx: { async: false },
        depth: 0,
        payload: { value: undefined, issues: [] },
      }) === ACCEPT
    )
  } catch {
    // A check that throws, or an async one: zod's own parse says what happens.
    return false
  }
}

const ACCEPT = 0
const REFUSE = 1
const UNKNOWN = 2
type Answer = typeof ACCEPT | typeof REFUSE | typeof UNKNOWN

/** Deeper than any intent: a cyclic value (structured clone can make one) is left to zod. */
const MAX_DEPTH = 64

/** The parts of zod's internals the walk reads: its definitions and each schema's own run. */
interface Payload {
  value: unknown
  issues: unknown[]
  [extra: string]: unknown
}
interface Check {
  _zod: { def: { when?: (payload: Payload) => boolean }; check: (payload: Payload) => unknown }
}
interface Schema {
  _zod: {
    def: Record<string, unknown> & { type: string; checks?: Check[] }
    traits: Set<string>
    optin?: 'optional' | 'defaulted'
    optout?: 'optional'
    values?: Set<unknown>
    propValues?: Record<string, Set<unknown>>
    innerType?: Schema
    parse: (payload: Payload, ctx: Ctx) => Payload | Promise<Payload>
  }
}
interface Ctx {
  async: false
}
interface Walk {
  ctx: Ctx
  depth: number
  /** One payload for every leaf and check: each is read before the next one runs. */
  payload: Payload
}

/** Kinds whose parse looks at the value alone and returns it unless it coerces or transforms. */
const LEAVES = new Set([
  'string',
  'number',
  'boolean',
  'bigint',
  'symbol',
  'null',
  'undefined',
  'void',
  'never',
  'any',
  'unknown',
  'date',
  'enum',
  'literal',
  'template_literal',
  'custom',
  'nan',
  'file',
  'transform',
])

function walk(schema: Schema, value: unknown, state: Walk): Answer {
  if (state.depth > MAX_DEPTH) return UNKNOWN
  const def = schema._zod.def
  const type = def.type
  if (LEAVES.has(type)) return leaf(schema, value, state)
  state.depth++
  try {
    const shaped = structure(schema, value, state)
    return shaped === ACCEPT && def.checks?.length ? runChecks(def.checks, value, state) : shaped
  } finally {
    state.depth--
  }
}

/**
 * A leaf: zod's own parse of it, then its checks as zod's run would (a custom schema is its own
 * first check). No issue and the same value is ACCEPT. The checks are run here, in one loop over
 * one payload the walk reuses, because zod's per-schema loop allocated more than the rest of the
 * walk.
 */
function leaf(schema: Schema, value: unknown, state: Walk): Answer {
  const payload = fresh(state, value)
  const parsed = schema._zod.parse(payload, state.ctx)
  if (parsed instanceof Promise) return UNKNOWN
  if (parsed.issues.length) return REFUSE
  if (parsed !== payload) return UNKNOWN
  if (schema._zod.traits.has('$ZodCheck') && !passes(schema as unknown as Check, payload)) return REFUSE
  const checks = schema._zod.def.checks
  if (checks) {
    for (let i = 0; i < checks.length; i++) if (!passes(checks[i]!, payload)) return REFUSE
  }
  return Object.is(payload.value, value) ? ACCEPT : UNKNOWN
}

/** The walk's payload, holding `value` and no issue (a refused option of a union left some). */
function fresh(state: Walk, value: unknown): Payload {
  const payload = state.payload
  if (payload.issues.length) payload.issues = []
  payload.value = value
  return payload
}

/** One check on a payload with no issue yet; an async check throws, and zod answers instead. */
function passes(check: Check, payload: Payload): boolean {
  const when = check._zod.def.when
  if (when && !when(payload)) return true
  if (check._zod.check(payload) instanceof Promise) throw new Error('async check')
  return payload.issues.length === 0
}

/** A container's own refinements, as zod runs them after its parse found no issue. */
function runChecks(checks: Check[], value: unknown, state: Walk): Answer {
  const payload = fresh(state, value)
  for (let i = 0; i < checks.length; i++) if (!passes(checks[i]!, payload)) return REFUSE
  return Object.is(payload.value, value) ? ACCEPT : UNKNOWN
}

function structure(schema: Schema, value: unknown, state: Walk): Answer {
  const internals = schema._zod
  const def = internals.def
  switch (def.type) {
    case 'optional':
      // An exact optional takes no undefined of its own; a defaulted inner one substitutes a value.
      if (value === undefined && !internals.traits.has('$ZodExactOptional')) {
        return (def.innerType as Schema)._zod.optin === 'defaulted' ? UNKNOWN : ACCEPT
      }
      return walk(def.innerType as Schema, value, state)
    case 'nullable':
      return value === null ? ACCEPT : walk(def.innerType as Schema, value, state)
    case 'lazy':
      return walk(internals.innerType!, value, state)
    case 'pipe':
      if (internals.traits.has('$ZodCodec')) return UNKNOWN
      return both(walk(def.in as Schema, value, state), () => walk(def.out as Schema, value, state))
    case 'object':
      return object(schema, value, state)
    case 'array':
      return array(def.element as Schema, value, state)
    case 'union':
      if ('discriminator' in def) return discriminated(schema, value, state)
      // An exclusive union (z.xor) needs every option's answer: left to zod.
      if (def.inclusive === false) return UNKNOWN
      return union(def.options as Schema[], value, state)
    case 'record':
      return record(schema, value, state)
    default:
      return UNKNOWN
  }
}

/** Two parts both zod's: a refusal of either refuses, both accepted accepts. */
function both(first: Answer, second: () => Answer): Answer {
  if (first === REFUSE) return REFUSE
  const next = second()
  if (next === REFUSE) return REFUSE
  return first === ACCEPT && next === ACCEPT ? ACCEPT : UNKNOWN
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
/** Only a plain object can be zod's fresh `{}` already. */
const isPlain = (value: object) => {
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

interface ObjectPlan {
  keys: string[]
  known: Set<string>
}
const objectPlans = new WeakMap<Schema, ObjectPlan>()

function object(schema: Schema, value: unknown, state: Walk): Answer {
  if (!isObject(value)) return REFUSE
  const def = schema._zod.def
  const shape = def.shape as Record<string, Schema>
  let plan = objectPlans.get(schema)
  if (!plan) {
    // Symbol keys never come through JSON or IPC, and zod's __proto__ field is never written.
    if (Object.getOwnPropertySymbols(shape).length || Object.hasOwn(shape, '__proto__')) return UNKNOWN
    const keys = Object.keys(shape)
    plan = { keys, known: new Set(keys) }
    objectPlans.set(schema, plan)
  }
  let answer: Answer = isPlain(value) ? ACCEPT : UNKNOWN
  for (let i = 0; i < plan.keys.length; i++) {
    const key = plan.keys[i]!
    const field = shape[key]!
    const optin = field._zod.optin
    let result: Answer
    if (!(key in value)) {
      // Absent: left out when optional, refused when required, invented when defaulted.
      if (optin === undefined) return REFUSE
      result = optin === 'optional' && field._zod.optout === 'optional' ? ACCEPT : UNKNOWN
    } else if (!Object.hasOwn(value, key)) {
      // Inherited: zod would write it as the output's own.
      result = UNKNOWN
    } else {
      result = walk(field, value[key], state)
    }
    if (result === REFUSE) return REFUSE
    if (result === UNKNOWN) answer = UNKNOWN
  }
  const catchall = def.catchall as Schema | undefined
  for (const key in value) {
    if (plan.known.has(key)) continue
    // Strict: an unknown key is refused. Stripped (no catchall) or __proto__: dropped from the output.
    if (catchall?._zod.def.type === 'never') return REFUSE
    if (!catchall || key === '__proto__' || !Object.hasOwn(value, key)) {
      answer = UNKNOWN
      continue
    }
    const result = walk(catchall, value[key], state)
    if (result === REFUSE) return REFUSE
    if (result === UNKNOWN) answer = UNKNOWN
  }
  return answer
}

function array(element: Schema, value: unknown, state: Walk): Answer {
  if (!Array.isArray(value)) return REFUSE
  let answer: Answer = ACCEPT
  for (let i = 0; i < value.length; i++) {
    // A hole comes out as an undefined element.
    const result = i in value ? walk(element, value[i], state) : UNKNOWN
    if (result === REFUSE) return REFUSE
    if (result === UNKNOWN) answer = UNKNOWN
  }
  return answer
}

/** zod's union returns the first option that has no issue. */
function union(options: Schema[], value: unknown, state: Walk): Answer {
  for (const option of options) {
    const result = walk(option, value, state)
    if (result !== REFUSE) return result
  }
  return REFUSE
}

/** The option each discriminator value picks, built as zod builds its own (null: claimed twice). */
const discriminatorMaps = new WeakMap<Schema, Map<unknown, Schema | null>>()

function discriminated(schema: Schema, value: unknown, state: Walk): Answer {
  if (!isObject(value)) return REFUSE
  const def = schema._zod.def
  const discriminator = def.discriminator as string
  let map = discriminatorMaps.get(schema)
  if (!map) {
    map = new Map()
    for (const option of def.options as Schema[]) {
      for (const v of option._zod.propValues?.[discriminator] ?? []) map.set(v, map.has(v) ? null : option)
    }
    discriminatorMaps.set(schema, map)
  }
  const option = map.get(value[discriminator])
  if (option) return walk(option, value, state)
  return def.unionFallback ? union(def.options as Schema[], value, state) : REFUSE
}

function record(schema: Schema, value: unknown, state: Walk): Answer {
  const def = schema._zod.def
  const keyType = def.keyType as Schema
  // A record over an enum of keys, or a loose one, builds its output its own way: left to zod.
  if (keyType._zod.values || def.mode === 'loose') return UNKNOWN
  if (!isObject(value) || !isPlain(value)) return UNKNOWN
  if (Object.getOwnPropertySymbols(value).length) return UNKNOWN
  let answer: Answer = ACCEPT
  for (const key in value) {
    // zod skips __proto__; a key its schema refuses may still pass as a number: left to zod.
    if (key === '__proto__' || walk(keyType, key, state) !== ACCEPT) return UNKNOWN
    const result = walk(def.valueType as Schema, value[key], state)
    if (result === REFUSE) return REFUSE
    if (result === UNKNOWN) answer = UNKNOWN
  }
  return answer
}
