import type { z } from 'zod'
import { inEnglish } from '../../shared/in-english'

/**
 * The one check of a wire request (the shared wire schema, run by toWireRequest when a task is queued
 * and again when it is sent): its issues in English, in the words the clients used to repeat them, `path: message`
 * joined by `; `, or null when the request passes. Clients no longer check what they are handed.
 */
export function wireIssues(schema: z.ZodType, request: unknown): string | null {
  const result = schema.safeParse(request)
  if (result.success) return null
  return result.error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${inEnglish(issue.message)}` : inEnglish(issue.message),
    )
    .join('; ')
}
