import type { OutboxEntry } from '@shared/schemas/outbox'
import type { Note } from '../core/note'
import { subjectOf } from './queue-items'

/** The OS notification for an entry that now needs the agent, or null. */
export function attentionNotice(entry: OutboxEntry): Note | null {
  // Asked on every change of every task: the subject alone, not a whole queue item.
  const what = subjectOf(entry)
  const why = entry.lastProblem?.message ?? ''
  switch (entry.state) {
    case 'needs_auth':
      return { title: 'Callboard: sign in again', body: `${what} is waiting. ${why}`, taskId: entry.id }
    case 'needs_review':
      return { title: 'Callboard: a task needs your review', body: `${what}: ${why}`, taskId: entry.id }
    case 'expired':
      return { title: 'Callboard: a task expired unsent', body: `${what}: ${why}`, taskId: entry.id }
    case 'rejected':
      return { title: 'Callboard: a task was refused', body: `${what}: ${why}`, taskId: entry.id }
    case 'held':
      return { title: 'Callboard: a task is held', body: `${what}: ${why}`, taskId: entry.id }
    default:
      return null
  }
}

/** The OS notification for a task that will expire unsent unless the agent acts. */
export function expiringNotice(entry: OutboxEntry, blocker: OutboxEntry | null): Note {
  const what = subjectOf(entry)
  const until = new Date(entry.notAfter).toLocaleTimeString('en', { hour: '2-digit', minute: '2-digit' })
  const why =
    entry.state === 'held'
      ? (entry.lastProblem?.message ?? 'It is held.')
      : entry.state === 'needs_auth'
        ? 'Its profile needs you to sign in again.'
        : blocker
          ? `It waits behind an earlier task for the same customer (${subjectOf(blocker)}, ${blocker.state.replace('_', ' ')}).`
          : entry.state === 'queued' && entry.lastProblem
            ? entry.lastProblem.message
            : 'Sending is paused.'
  return {
    title: 'Callboard: a task will expire unsent',
    body: `${what} expires at ${until}. ${why}`,
    taskId: entry.id,
  }
}
