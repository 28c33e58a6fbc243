import type { OutboxEntry, QueueCounts, QueueItem } from '@shared/schemas/outbox'
import { TERMINAL_STATES } from '@shared/schemas/outbox'

/** The row the renderer shows for an entry: everything but the intent's bulk. */
export function toQueueItem(entry: OutboxEntry): QueueItem {
  const { intent, scope: _scope, ...rest } = entry
  return { ...rest, kind: intent.kind, subject: subjectOf(entry) }
}

function subjectOf({ intent }: OutboxEntry): string {
  switch (intent.kind) {
    case 'outdial':
    case 'callback':
      return intent.kind === 'callback' ? `${intent.customerName} · ${intent.destination}` : intent.destination
    case 'followUp':
      return intent.provider === 'egain' ? intent.subject || intent.subtype : intent.name
    case 'broadcast':
      return intent.provider === 'voice_broadcast'
        ? `${intent.taskName} · ${intent.numbers.length} ${intent.numbers.length === 1 ? 'number' : 'numbers'}`
        : intent.taskName
  }
}

/**
 * Waiting: will still be sent. Attention: cannot go on without the agent (sign in, or decide about
 * a task that may exist). Expired and refused tasks are notified and listed, but need no decision.
 */
export function countEntries(entries: Iterable<OutboxEntry>): QueueCounts {
  let waiting = 0
  let attention = 0
  for (const e of entries) {
    if (e.state === 'queued' || e.state === 'sending') waiting += 1
    else if (e.state === 'needs_auth' || e.state === 'needs_review') attention += 1
  }
  return { waiting, attention }
}

/** In the queue view: everything not finished, and finished entries that went wrong. */
export function inQueueView(entry: OutboxEntry): boolean {
  return (
    !TERMINAL_STATES.has(entry.state) || ((entry.state === 'expired' || entry.state === 'rejected') && !entry.dismissed)
  )
}
