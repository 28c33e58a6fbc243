import type { TypedSchema, TypedSchemaError } from 'vee-validate'
import type { z } from 'zod'
import type { IssueDetail } from '@shared/ipc/result'
import { issueTextNow } from '../i18n/message-text'

/**
 * vee-validate 4 with zod 4: @vee-validate/zod only supports zod 3, so this small adapter hands
 * vee-validate the very schema main applies. Its messages (keys with parameters, written by the
 * shared schemas) are rendered in the UI's language at each validation.
 */
export function toTypedSchema<S extends z.ZodType>(schema: S): TypedSchema<Partial<z.input<S>>, z.output<S>> {
  return { __type: 'VVTypedSchema', parse: (values) => parseWith(schema, values) }
}

/**
 * The same for a form whose values are `Values` and whose result is `Output` (a task form's values
 * and its intent), taken from the schema's own input and output so that vee-validate's form is typed by them.
 */
export function formSchema<Values, Output>(schema: z.ZodType<Output, Values>): TypedSchema<Values, Output> {
  return { __type: 'VVTypedSchema', parse: (values) => parseWith(schema, values) }
}

async function parseWith<S extends z.ZodType>(
  schema: S,
  values: unknown,
): Promise<{ value?: z.output<S>; errors: TypedSchemaError[] }> {
  // zod's own messages carry keys too (shared/i18n/zod-issues.ts), rendered below like the schemas'.
  const result = await schema.safeParseAsync(values)
  if (result.success) return { value: result.data, errors: [] }
  return {
    errors: groupByPath(result.error.issues.map((i) => ({ path: i.path.map(pathPart), message: i.message }))),
  }
}

const pathPart = (p: PropertyKey): string | number => (typeof p === 'number' ? p : String(p))

/** Main's `invalid_input` issues (and zod's) → vee-validate field errors, keyed `a.0.b`, in the UI's language. */
export function groupByPath(issues: readonly IssueDetail[]): TypedSchemaError[] {
  const byPath = new Map<string, TypedSchemaError>()
  for (const issue of issues) {
    const path = issue.path.join('.')
    const entry = byPath.get(path) ?? { path, errors: [] }
    entry.errors.push(issueTextNow(issue.message))
    byPath.set(path, entry)
  }
  return [...byPath.values()]
}
