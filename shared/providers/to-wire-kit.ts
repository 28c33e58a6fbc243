import type { z } from 'zod'
import type { IntentRefusal, WirePath } from './provider-module'

// Helpers every provider's intent → wire mapping uses: a refusal at the intent's path, and the one
// check of the built request against its wire schema, mapping the wire's field back to the intent
// field it came from.

export const refuse = (path: WirePath, message: string): IntentRefusal => ({ error: { path, message } })

export const isRefusal = (value: object): value is IntentRefusal => 'error' in value

/** Wire field (first path segment) → intent path, for refusals a wire rule raises. */
export type PathMap = Record<string, WirePath>

/**
 * `value` checked against `schema`: the parsed request, or the first issue, refused at the intent
 * field its wire field came from (by `paths`), else at `['wire', …path]`.
 */
export function validate<T>(schema: z.ZodType<T>, value: unknown, paths: PathMap): { ok: T } | IntentRefusal {
  const result = schema.safeParse(value)
  if (result.success) return { ok: result.data }
  const issue = result.error.issues[0]
  if (issue === undefined) return refuse(['wire'], 'The request was refused.')
  const head = issue.path[0]
  const mapped = typeof head === 'string' ? paths[head] : undefined
  return refuse(mapped ?? ['wire', ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))], issue.message)
}
