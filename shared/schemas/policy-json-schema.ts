import { z } from 'zod'
import { PolicyDocument } from './policy'

/**
 * The policy's JSON Schema, for administrators' editors. Checks written in code (a profile's own
 * cross-field rules, ids used twice) have no JSON Schema form and are left to the app, which says
 * what is wrong when it reads the file.
 */
export function policyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(PolicyDocument, { unrepresentable: 'any', io: 'input' }),
    $id: 'https://callboard.invalid/policy.schema.json',
    title: 'Callboard administrator policy',
  }
}
