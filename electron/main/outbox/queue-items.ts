import type { Message } from '@shared/i18n/message'
import type { OutboxEntry, QueueCounts, QueueItem } from '@shared/schemas/outbox'
import { subjectOf as subjectOfIntent, withProvider } from '../providers/registry'

/**
 * The row the renderer shows for an entry: everything but the intent's bulk, and the earlier task
 * it waits behind, if one holds it (the outbox knows; see `Outbox.blockerOf`).
 */
export function toQueueItem(entry: OutboxEntry, blocker: OutboxEntry | null = null): QueueItem {
  // Field by field rather than `{ intent, scope, ...rest }` and a spread: every answer to a task
  // queued is one of these, and the two copies through a rest object were a third of it. The type
  // names every required field; the optional ones are the last two lines.
  const item: QueueItem = {
    id: entry.id,
    seq: entry.seq,
    version: entry.version,
    profileId: entry.profileId,
    provider: entry.provider,
    idempotencyKey: entry.idempotencyKey,
    createdAt: entry.createdAt,
    notAfter: entry.notAfter,
    deadlineReason: entry.deadlineReason,
    attempts: entry.attempts,
    state: entry.state,
    nextAttemptAt: entry.nextAttemptAt,
    lastProblem: entry.lastProblem,
    providerId: entry.providerId,
    dismissed: entry.dismissed,
    updatedAt: entry.updatedAt,
    kind: entry.intent.kind,
    subject: subjectOf(entry),
    waitingBehind: blocker ? { id: blocker.id, subject: subjectOf(blocker), state: blocker.state } : null,
  }
  if (entry.hold !== undefined) item.hold = entry.hold
  const scheduled = withProvider(entry.intent, (provider, own) => provider.scheduled(own))
  if (scheduled) item.scheduled = scheduled
  return item
}

/** What the task is about, in a few words (its provider says): the number called, the task's name. */
export const subjectOf = ({ intent }: OutboxEntry): Message => subjectOfIntent(intent)

/**
 * Waiting: will still be sent. Attention: cannot go on without the agent (sign in, decide about a
 * task that may exist, put its profile or the clock right). Expired and refused tasks are notified
 * and listed, but need no decision.
 */
export function countEntries(entries: Iterable<OutboxEntry>): QueueCounts {
  const counts: QueueCounts = { waiting: 0, attention: 0 }
  for (const e of entries) {
    const bucket = countBucket(e.state)
    if (bucket) counts[bucket] += 1
  }
  return counts
}

/** Which badge figure an entry in this state adds to, if any. */
export function countBucket(state: OutboxEntry['state']): keyof QueueCounts | null {
  if (state === 'queued' || state === 'sending') return 'waiting'
  if (state === 'needs_auth' || state === 'needs_review' || state === 'held') return 'attention'
  return null
}
