import type { z } from 'zod'
import { parseAsIs } from '../schemas/parse-as-is'
import type { IntentRefusal, WirePath } from './provider-module'
import { issueText } from '../i18n/issue-message'

// Helpers every provider's intent → wire mapping uses: a refusal at the intent's path, and the one
// check of the built request against its wire schema, mapping the wire's field back to the intent
// field it came from.

export const refuse = (path: WirePath, message: string): IntentRefusal => ({ error: { path, message } })

export const isRefusal = (value: object): value is IntentRefusal => 'error' in value

/**
 * Wire field → intent path, for refusals a wire rule raises. A key is a wire path joined with dots
 * (`attributes.callbackReason`); the longest key that starts the issue's path wins, so a field
 * carried inside a map is refused at its own intent field.
 */
export type PathMap = Record<string, WirePath>

/** The intent path a wire issue's path maps to (longest mapped prefix), else `['wire', …path]`. */
function intentPath(paths: PathMap, path: readonly PropertyKey[]): WirePath {
  const wirePath = path.map((p) => (typeof p === 'number' ? p : String(p)))
  for (let length = wirePath.length; length > 0; length--) {
    const key = wirePath.slice(0, length).join('.')
    const mapped = Object.hasOwn(paths, key) ? paths[key] : undefined
    if (mapped) return mapped
  }
  return ['wire', ...wirePath]
}

/**
 * `value` checked against `schema`: the parsed request, or the first issue, refused at the intent
 * field its wire field came from (by `paths`), else at `['wire', …path]`.
 */
export function validate<T>(schema: z.ZodType<T>, value: unknown, paths: PathMap): { ok: T } | IntentRefusal {
  // The request was built a moment ago and nothing else holds it: checked, not copied.
  const result = parseAsIs(schema, value)
  if (result.success) return { ok: result.data }
  const issue = result.error.issues[0]
  if (issue === undefined) return refuse(['wire'], issueText('schema.common.requestWasRefused'))
  return refuse(intentPath(paths, issue.path), issue.message)
}

/** A rule of a wire request that depends on the time it is sent (a start in the future, say). */
export interface TimedIssue {
  path: (string | number)[]
  message: string
}
export type TimeRule<T> = (request: T, nowMs: number) => TimedIssue[]

/**
 * A wire schema with its time rule judged at `now`, as one schema (for tests, and for forms that
 * show every problem at once). Sending does not build it: each call made a new schema that zod
 * compiled again, on every task; `validateAt` checks the same two parts in turn.
 */
export function atTime<S extends z.ZodType>(
  schema: S,
  rule: TimeRule<z.output<S>>,
  now: Date,
  when?: (payload: z.core.ParsePayload) => boolean,
): S {
  const nowMs = now.getTime()
  if (Number.isNaN(nowMs)) throw new RangeError('A wire schema needs a valid current time.')
  return schema.superRefine(
    (request, ctx) => {
      for (const issue of rule(request, nowMs)) ctx.addIssue({ code: 'custom', ...issue })
    },
    when ? { when } : undefined,
  )
}

/** `validate`, then the time rule at `now` on what passed: the request as sending checks it. */
export function validateAt<T>(
  schema: z.ZodType<T>,
  rule: TimeRule<T>,
  now: Date,
  value: unknown,
  paths: PathMap,
): { ok: T } | IntentRefusal {
  const checked = validate(schema, value, paths)
  if (isRefusal(checked)) return checked
  const [issue] = rule(checked.ok, now.getTime())
  if (issue === undefined) return checked
  return refuse(intentPath(paths, issue.path), issue.message)
}
