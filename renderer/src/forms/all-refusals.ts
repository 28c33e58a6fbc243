import type { z } from 'zod'
import { toWireRequest } from '@shared/providers/registry'
import type { TaskIntent } from '@shared/schemas/intents'
import type { Profile } from '@shared/schemas/profiles'

// A form shows all its problems at once (issue 16, item 4). Main's checks come in two steps: the
// intent's schema, then the mapping onto the provider's request (toWireRequest), which stops at
// the first rule broken and runs only on an intent that passed the schema. So an empty eGain
// follow-up revealed "value to look up", then "subject", then "assign to", over three submits.
// Here every refused field is stood in for by a harmless value and the checks asked again, until
// nothing new is refused: the refusals found on the way are all of the form's problems.

export interface Refusal {
  path: (string | number)[]
  message: string
}

/** What stands in for a refused field, by path: only to reach the next rule, never sent. */
const STAND_INS: Record<string, unknown> = {
  destination: '+14155550123',
  customerName: 'x',
  subject: 'x',
  subtype: 'x',
  department: 'x',
  name: 'x',
  text: 'x',
  taskName: 'x',
  lookup: { attribute: 'email.emailAddress', value: 'x@example.com' },
  'lookup.value': 'x@example.com',
  'lookup.attribute': 'email.emailAddress',
  assignee: { by: 'loginId', value: 'x' },
  'assignee.value': 'x',
  numbers: ['14155550123'],
}

const key = (path: readonly (string | number)[]) => path.map(String).join('.')

function setAt(value: unknown, path: readonly (string | number)[], standIn: unknown): unknown {
  const [head, ...rest] = path
  const copy: Record<string, unknown> =
    typeof value === 'object' && value !== null ? { ...(value as Record<string, unknown>) } : {}
  copy[String(head)] = rest.length === 0 ? standIn : setAt(copy[String(head)], rest, standIn)
  return copy
}

/** `value` with the field at `path` stood in for, or undefined when nothing stands in for it. */
function withStandIn(value: unknown, path: readonly (string | number)[]): unknown | undefined {
  const standIn = STAND_INS[key(path)]
  if (standIn === undefined || path.length === 0 || typeof value !== 'object' || value === null) return undefined
  return setAt(value, path, standIn)
}

/**
 * Every refusal of `intent`: the schema's issues and the provider rules', each path once, in the
 * order they were found. `profile` is the intent's profile (without it, the schema's alone).
 */
export function allRefusals(
  schema: z.ZodType<TaskIntent>,
  intent: unknown,
  profile: Profile | undefined,
  now: Date,
  rounds = 8,
): Refusal[] {
  const found: Refusal[] = []
  const seen = new Set<string>()
  const add = (path: (string | number)[], message: string) => {
    if (seen.has(key(path))) return false
    seen.add(key(path))
    found.push({ path, message })
    return true
  }
  let probe = intent
  for (let round = 0; round < rounds; round++) {
    const parsed = schema.safeParse(probe)
    if (!parsed.success) {
      let next: unknown = probe
      let progressed = false
      for (const issue of parsed.error.issues) {
        const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)))
        add(path, issue.message)
        const stood = withStandIn(next, path)
        if (stood !== undefined) {
          next = stood
          progressed = true
        }
      }
      if (!progressed) return found
      probe = next
      continue
    }
    if (!profile) return found
    const wire = toWireRequest(parsed.data, profile, now)
    if (!('error' in wire)) return found
    const path = wire.error.path
    const added = add(path, wire.error.message)
    const stood = withStandIn(probe, path)
    if (!added || stood === undefined) return found
    probe = stood
  }
  return found
}
