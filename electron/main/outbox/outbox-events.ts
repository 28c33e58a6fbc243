import { z } from 'zod'
import { HoldReason, OutboxEntry } from '@shared/schemas/outbox'
import { SendOutcome } from '@shared/schemas/send-outcome'
import type { RecordIssue } from './queued-entry-check'
import { queuedEntryIssues } from './queued-entry-check'
import { StoredMessage } from '@shared/i18n/message'

// What the outbox writes to its journal, one record per change. Replaying them in order rebuilds
// every entry; a change is on disk before it has any effect outside the process (in particular
// `sending` is durable before the request leaves, so recovery knows "maybe sent").

const Id = z.uuid()
const At = z.iso.datetime({ offset: true })

/** Every change after a task is queued. */
const changes = [
  z.object({ t: z.literal('sending'), id: Id, at: At, attempt: z.int().positive() }).strict(),
  z.object({ t: z.literal('outcome'), id: Id, at: At, outcome: SendOutcome, nextAttemptAt: At.nullable() }).strict(),
  z.object({ t: z.literal('expired'), id: Id, at: At, reason: StoredMessage }).strict(),
  z.object({ t: z.literal('cancelled'), id: Id, at: At }).strict(),
  /** Back to `queued` now: the agent pressed retry or chose "send again", or recovery found it safe. */
  z
    .object({
      t: z.literal('requeued'),
      id: Id,
      at: At,
      why: z.enum(['retry_now', 'resend', 'recovered', 'signed_in', 'profile_back', 'confirmed']),
    })
    .strict(),
  /** It waits, unsent, for something on this computer to be put right (see HoldReason). */
  z.object({ t: z.literal('held'), id: Id, at: At, why: HoldReason, message: StoredMessage }).strict(),
  /** The agent has seen a refused or expired task; it leaves the queue view. */
  z.object({ t: z.literal('dismissed'), id: Id, at: At }).strict(),
  /** The agent checked the provider and says the task exists. */
  z.object({ t: z.literal('marked_done'), id: Id, at: At }).strict(),
  /**
   * Recovery held a waiting task for the agent: a change of it was lost with a damaged journal, so
   * it may already have been sent, and its provider has no key to make a resend harmless.
   */
  z.object({ t: z.literal('held_for_review'), id: Id, at: At, reason: StoredMessage }).strict(),
] as const

export const OutboxEvent = z.discriminatedUnion('t', [
  z.object({ t: z.literal('queued'), entry: OutboxEntry }).strict(),
  ...changes,
])
export type OutboxEvent = z.infer<typeof OutboxEvent>

const OutboxChange = z.discriminatedUnion('t', [...changes])

/**
 * What the outbox checks before it appends a change (the journal's `appendCheck`): every field of
 * every change; for a task being queued, every field of its entry but the intent, by hand
 * (queued-entry-check.ts). The intent was parsed where it came in (tasks:submit at the IPC
 * boundary, the dial desk), by a schema that takes only what TaskIntent reads back
 * (tests/main/outbox/round-trip.test.ts holds it for every provider), so it is passed on typed, not
 * parsed again: on every append that was the largest part of what queueing a task allocated.
 */
export function issuesToAppend(event: OutboxEvent): RecordIssue[] | null {
  if (event.t === 'queued') {
    const issues = queuedEntryIssues(event.entry)
    return issues && issues.map(({ path, message }) => ({ path: ['entry', ...path], message }))
  }
  const parsed = OutboxChange.safeParse(event)
  return parsed.success ? null : parsed.error.issues
}
