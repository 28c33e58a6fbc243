import type { z } from 'zod'
import { EntryProblem, EntryState, HoldReason, OutboxEntry } from '@shared/schemas/outbox'
import { ProviderName } from '@shared/schemas/providers'
import { acceptsAsIs } from '@shared/schemas/parse-as-is'

/** One reason a record may not be written, as the journal reports it (a zod issue's path and message). */
export interface RecordIssue {
  path: PropertyKey[]
  message: string
}

const shape = OutboxEntry.shape
/** The formats and limits are the schema's own, read from it: this check cannot drift from its patterns. */
const patternOf = (schema: z.ZodType) => {
  const pattern = (schema._zod.def as { pattern?: RegExp }).pattern
  if (!pattern) throw new Error('queued-entry-check: a format field of OutboxEntry has no pattern')
  return pattern
}
const UUID = patternOf(shape.id)
const PROFILE_ID = patternOf(shape.profileId)
const INSTANT = patternOf(shape.createdAt)
const KEY_MAX = shape.idempotencyKey.maxLength ?? Number.POSITIVE_INFINITY
const SCOPE_MAX = shape.scope.maxLength ?? Number.POSITIVE_INFINITY
const KEYS = new Set(Object.keys(shape))
const PROVIDERS = new Set<unknown>(ProviderName.options)
const STATES = new Set<unknown>(EntryState.options)
const HOLDS = new Set<unknown>(HoldReason.options)

const count = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
const text = (value: unknown, max = Number.POSITIVE_INFINITY) =>
  typeof value === 'string' && value.length >= 1 && value.length <= max
const instant = (value: unknown) => typeof value === 'string' && INSTANT.test(value)

/**
 * What the journal checks of a task being queued before it writes it: every field of the entry
 * OutboxEntry describes, by hand and allocating nothing when it is right, except the intent. The
 * intent was parsed where it came in (tasks:submit at the IPC boundary, the dial desk) and is
 * passed on typed; the rest the outbox built from typed values a moment ago, and this makes sure
 * nothing it was given (an id generator, a deadline policy, a profile) broke the schema replay
 * reads with. Parsing the envelope with zod on every queued task was the largest part of what an
 * enqueue allocated. tests/main/outbox/queued-entry-check.test.ts holds that it refuses what
 * OutboxEntry refuses.
 */
export function queuedEntryIssues(entry: unknown): RecordIssue[] | null {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return [at([], 'Not an entry.')]
  const e = entry as Record<string, unknown>
  let issues: RecordIssue[] | null = null
  for (let i = 0; i < CHECKED.length; i++) {
    const key = CHECKED[i]!
    if (!RIGHT[key](e[key])) (issues ??= []).push(at([key], MESSAGES[key]))
  }
  for (const key in e) if (!KEYS.has(key)) (issues ??= []).push(at([key], 'Not a field of an entry.'))
  return issues
}

/** Whether each field's value is one OutboxEntry takes (the intent: any object, see above). */
const RIGHT: Record<keyof typeof shape, (value: unknown) => boolean> = {
  id: (v) => typeof v === 'string' && UUID.test(v),
  seq: count,
  version: count,
  profileId: (v) => typeof v === 'string' && PROFILE_ID.test(v),
  provider: (v) => PROVIDERS.has(v),
  intent: (v) => typeof v === 'object' && v !== null,
  idempotencyKey: (v) => text(v, KEY_MAX),
  scope: (v) => text(v, SCOPE_MAX),
  createdAt: instant,
  notAfter: instant,
  deadlineReason: (v) => isMessage(v),
  attempts: count,
  state: (v) => STATES.has(v),
  hold: (v) => v === undefined || HOLDS.has(v),
  nextAttemptAt: (v) => v === null || instant(v),
  // Rare on a task being queued: the schema's own parse.
  lastProblem: (v) => v === null || EntryProblem.safeParse(v).success,
  providerId: (v) => v === null || typeof v === 'string',
  dismissed: (v) => typeof v === 'boolean',
  updatedAt: instant,
}
const CHECKED = Object.keys(RIGHT) as (keyof typeof shape)[]

/** Messages found right that cannot change since (frozen all through): each is checked once. */
const rightMessages = new WeakSet<object>()

/**
 * A message (key and parameters), by the schema's own rules, walked without zod's copy and memo
 * table (a message is recursive). Most tasks share their deadline's reason, frozen (deadlines.ts):
 * that one is walked once, not once per task.
 */
function isMessage(value: unknown): boolean {
  if (typeof value === 'object' && value !== null && rightMessages.has(value)) return true
  const right = acceptsAsIs(shape.deadlineReason, value) || shape.deadlineReason.safeParse(value).success
  if (right && typeof value === 'object' && value !== null && frozenThrough(value)) rightMessages.add(value)
  return right
}

function frozenThrough(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true
  if (!Object.isFrozen(value)) return false
  for (const key in value) if (!frozenThrough((value as Record<string, unknown>)[key])) return false
  return true
}

const WHOLE = 'Not a whole number of at least 0.'
const WHEN = 'Not an ISO date and time.'
const MESSAGES: Record<keyof typeof shape, string> = {
  id: 'Not a UUID.',
  seq: WHOLE,
  version: WHOLE,
  profileId: 'Not a profile id.',
  provider: 'Not a provider.',
  intent: 'No intent.',
  idempotencyKey: `Not 1 to ${KEY_MAX} characters.`,
  scope: `Not 1 to ${SCOPE_MAX} characters.`,
  createdAt: WHEN,
  notAfter: WHEN,
  deadlineReason: 'Not a message.',
  attempts: WHOLE,
  state: 'Not an entry state.',
  hold: 'Not a hold reason.',
  nextAttemptAt: WHEN,
  lastProblem: 'Not a problem as an entry records it.',
  providerId: 'Not text or null.',
  dismissed: 'Not true or false.',
  updatedAt: WHEN,
}

function at(path: PropertyKey[], message: string): RecordIssue {
  return { path, message }
}
