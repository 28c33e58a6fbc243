import type { OutboxEntry } from '@shared/schemas/outbox'
import { msg } from '@shared/i18n/message'
import type { Note } from '../core/note'
import { subjectOf } from './queue-items'

const ATTENTION = {
  needs_auth: 'notice.signInAgain',
  needs_review: 'notice.needsReview',
  expired: 'notice.expired',
  rejected: 'notice.refused',
  held: 'notice.held',
} as const

/** The OS notification for an entry that now needs the agent, or null. */
export function attentionNotice(entry: OutboxEntry): Note | null {
  if (!(entry.state in ATTENTION)) return null
  const notice = ATTENTION[entry.state as keyof typeof ATTENTION]
  // Asked on every change of every task: the subject alone, not a whole queue item.
  const what = subjectOf(entry)
  const why = entry.lastProblem?.message ?? msg('asIs', { text: '' })
  return {
    title: msg(`${notice}.title`),
    body: msg(`${notice}.body`, { what, why }),
    taskId: entry.id,
  }
}

/** The OS notification for a task that will expire unsent unless the agent acts. */
export function expiringNotice(entry: OutboxEntry, blocker: OutboxEntry | null): Note {
  const what = subjectOf(entry)
  // Hours and minutes on this computer's clock, written alike in every language the app speaks.
  const until = new Date(entry.notAfter).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
  const why =
    entry.state === 'held'
      ? (entry.lastProblem?.message ?? msg('notice.expiringWhy.held'))
      : entry.state === 'needs_auth'
        ? msg('notice.expiringWhy.needsAuth')
        : blocker
          ? msg('notice.expiringWhy.behind', { subject: subjectOf(blocker), state: msg(`entryState.${blocker.state}`) })
          : entry.state === 'queued' && entry.lastProblem
            ? entry.lastProblem.message
            : msg('notice.expiringWhy.paused')
  return {
    title: msg('notice.expiring.title'),
    body: msg('notice.expiring.body', { what, until, why }),
    taskId: entry.id,
  }
}
