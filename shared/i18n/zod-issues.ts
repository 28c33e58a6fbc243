import type { z } from 'zod'
import type { Message, MessageKey, MessageParam } from './message'
import { schemaEn } from './schema-en'

// zod's own issues (a schema that states no message: an unknown key in a policy, a value not among
// the allowed ones) as keys with their parameters, the way the shared schemas write theirs
// (issue-message.ts installs this as zod's error map). zod's locales (z.locales.es()) would freeze
// the text in the language of the moment the value is checked, in the process that checks it (main
// checks a policy once, at start), so a later change of the window's language would leave it as it
// was; a key with the issue's code and values is rendered where and when it is shown.

/** A word of one of the tables (a type's, a format's name), or the name as zod gave it when there is none. */
function word(table: 'type' | 'origin' | 'format', name: string): MessageParam {
  return Object.hasOwn(schemaEn.zod[table], name) ? { key: `schema.zod.${table}.${name}` as MessageKey } : name
}

/** zod's name for the kind of a value it was given (its `parsedType`): `null`, `array`, a class name… */
function typeOf(input: unknown): string {
  if (input === null) return 'null'
  if (Array.isArray(input)) return 'array'
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan'
  if (input instanceof Date) return 'date'
  if (typeof input === 'object') {
    const proto: unknown = Object.getPrototypeOf(input)
    if (proto !== null && proto !== Object.prototype) return (input as object).constructor.name || 'object'
  }
  return typeof input
}

/** A value as zod quotes it: a text in quotes, a bigint with its `n`. */
const quoted = (value: unknown): string =>
  typeof value === 'bigint' ? `${value}n` : typeof value === 'string' ? `"${value}"` : String(value)

/** A limit: a number as a number (written the language's way), a bigint or a date as it is. */
const limit = (value: unknown): MessageParam =>
  typeof value === 'number' ? value : value instanceof Date ? value.toISOString() : String(value)

type Bound = 'exact' | 'inclusive' | 'exclusive'
const bound = (issue: { exact?: boolean; inclusive?: boolean }): Bound =>
  issue.exact ? 'exact' : issue.inclusive ? 'inclusive' : 'exclusive'

/** A size or a magnitude out of bounds: "to have at most 40 characters", "to be at least 1". */
function outOfBounds(
  which: 'tooBig' | 'tooSmall',
  origin: string | undefined,
  issue: { exact?: boolean; inclusive?: boolean },
  value: unknown,
): Message {
  const said = origin ?? 'value'
  const params = { origin: word('origin', said), limit: limit(value) }
  // What zod counts in (characters of a text, items of a list…) has a unit; a number, a date has none.
  if (Object.hasOwn(schemaEn.zod.unit, said)) {
    const unit: Message = { key: `schema.zod.unit.${said}` as MessageKey }
    return { key: `schema.zod.${which}.sized.${bound(issue)}`, params: { ...params, unit } }
  }
  return { key: `schema.zod.${which}.value.${bound(issue)}`, params }
}

/**
 * The message for one of zod's own issues, by its code and values: every code zod 4 raises has
 * its sentence in en and es; one it may add later is "Invalid input".
 */
export function zodIssueMessage(issue: z.core.$ZodRawIssue): Message {
  switch (issue.code) {
    case 'invalid_type':
      return {
        key: 'schema.zod.invalidType',
        params: { expected: word('type', issue.expected), received: word('type', typeOf(issue.input)) },
      }
    case 'invalid_value':
      return issue.values.length === 1
        ? { key: 'schema.zod.invalidValueOne', params: { value: quoted(issue.values[0]) } }
        : { key: 'schema.zod.invalidValueMany', params: { values: issue.values.map(quoted).join('|') } }
    case 'too_big':
      return outOfBounds('tooBig', issue.origin, issue, issue.maximum)
    case 'too_small':
      return outOfBounds('tooSmall', issue.origin, issue, issue.minimum)
    case 'invalid_format': {
      const format = issue.format
      if (format === 'starts_with' && 'prefix' in issue)
        return { key: 'schema.zod.invalidFormat.startsWith', params: { text: String(issue.prefix) } }
      if (format === 'ends_with' && 'suffix' in issue)
        return { key: 'schema.zod.invalidFormat.endsWith', params: { text: String(issue.suffix) } }
      if (format === 'includes' && 'includes' in issue)
        return { key: 'schema.zod.invalidFormat.includes', params: { text: String(issue.includes) } }
      if (format === 'regex' && 'pattern' in issue)
        return { key: 'schema.zod.invalidFormat.regex', params: { pattern: String(issue.pattern) } }
      return { key: 'schema.zod.invalidFormat.named', params: { format: word('format', format) } }
    }
    case 'not_multiple_of':
      return { key: 'schema.zod.notMultipleOf', params: { divisor: limit(issue.divisor) } }
    case 'unrecognized_keys':
      return {
        key: issue.keys.length > 1 ? 'schema.zod.unrecognizedKeys' : 'schema.zod.unrecognizedKey',
        params: { keys: issue.keys.map((k) => `"${k}"`).join(', ') },
      }
    case 'invalid_key':
      return { key: 'schema.zod.invalidKey', params: { origin: word('origin', issue.origin) } }
    case 'invalid_element':
      return { key: 'schema.zod.invalidElement', params: { origin: word('origin', issue.origin) } }
    case 'invalid_union': {
      const options = 'options' in issue && Array.isArray(issue.options) ? issue.options : []
      if (options.length > 0)
        return {
          key: 'schema.zod.invalidDiscriminator',
          params: { options: options.map((o) => `'${String(o)}'`).join(' | ') },
        }
      if ('inclusive' in issue && issue.inclusive === false) return { key: 'schema.zod.invalidUnionMany' }
      return { key: 'schema.zod.invalidInput' }
    }
    default:
      return { key: 'schema.zod.invalidInput' }
  }
}

/** Whether a message is one of zod's own (this module's), rather than a schema's own sentence. */
export const isZodOwn = (message: Message): boolean => message.key.startsWith('schema.zod.')
