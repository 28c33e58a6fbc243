import { z } from 'zod'
import { issueText } from '../i18n/issue-message'

/**
 * The key a record field refuses. zod's record skips an own `__proto__` key without a word (writing
 * it into a plain object would replace the object's prototype instead), so `{"__proto__": …}` in
 * References passed as if it had never been sent. `constructor` and `prototype` are not refused:
 * zod keeps them as ordinary own keys, they reach the provider as the names they are, and nothing
 * Callboard does with a record (Object.entries, spreading into a new object) treats them specially.
 */
const REFUSED_KEY = '__proto__'

/**
 * A record schema that refuses `__proto__` with an error on that key's path. Every record-like
 * field (References, attributes, SIP headers, segment attributes) is built through this.
 *
 * Checked on the input, before the record sees it (the record's output no longer has the key). A
 * record holding `__proto__` reports only that until it is removed: it is never typed by an agent.
 */
export function refusingProtoKey<S extends z.ZodType<Record<string, unknown>>>(record: S) {
  return z.preprocess((input: z.input<S>, ctx) => {
    if (typeof input === 'object' && input !== null && Object.hasOwn(input, REFUSED_KEY)) {
      ctx.addIssue({
        code: 'custom',
        path: [REFUSED_KEY],
        message: issueText('schema.recordKeys.nameProtoCannotUsed'),
        input,
      })
    }
    return input
  }, record)
}

/** An object as JSON and structured clone make it: no array, no class instance. */
const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

export interface TextMapRules {
  /** What is wrong with a value that is not text. */
  notText: string
  /** What is wrong with one value, or null when it is fine. */
  value?: (value: string) => string | null
  /** Rules over the whole map (how many entries, their total size), given how many it has. */
  map?: (map: Record<string, string>, count: number, ctx: z.RefinementCtx) => void
  /** What is wrong with one name, or null when it is fine (checked after the map's rules). */
  key?: (key: string) => string | null
  /** JSON Schema of the values (its type is string), for the contract and the official-spec tests. */
  valueJsonSchema?: Record<string, unknown>
}

/**
 * A record of names to text (Webex's flow attributes and SIP headers), checked in one pass over its
 * entries and handed on as it came instead of copied. zod's record builds a new object and two
 * parse results per entry: for a task's 30 attributes, checked at the IPC boundary and again as its
 * wire request, that was the largest part of what queueing it allocated. `__proto__` is refused on
 * its path, as refusingProtoKey does. A custom check has no JSON Schema of its own, so the record's
 * is given as metadata (generate with `unrepresentable: 'any'`).
 */
export function textMap(rules: TextMapRules) {
  return z
    .custom<Record<string, string>>(isPlainObject, { error: issueText('schema.recordKeys.expectedObjectNamesText') })
    .superRefine((map, ctx) => {
      if (Object.hasOwn(map, REFUSED_KEY)) {
        ctx.addIssue({
          code: 'custom',
          path: [REFUSED_KEY],
          message: issueText('schema.recordKeys.nameProtoCannotUsed'),
        })
      }
      // Its own keys walked twice in place, not listed: a list of 30 names, made at the IPC boundary
      // and again for the wire request, was a tenth of what queueing a task allocated.
      let count = 0
      for (const key in map) {
        if (!Object.hasOwn(map, key)) continue
        count++
        const value: unknown = map[key]
        const problem = typeof value !== 'string' ? rules.notText : (rules.value?.(value) ?? null)
        if (problem !== null) ctx.addIssue({ code: 'custom', path: [key], message: problem })
      }
      rules.map?.(map, count, ctx)
      if (rules.key) {
        for (const key in map) {
          if (!Object.hasOwn(map, key)) continue
          const problem = rules.key(key)
          if (problem !== null) ctx.addIssue({ code: 'custom', path: [key], message: problem })
        }
      }
    })
    .meta({
      type: 'object',
      propertyNames: { type: 'string' },
      additionalProperties: { type: 'string', ...rules.valueJsonSchema },
    })
}
