import type { HistoryPage, QueueQuery } from '@shared/schemas/list-pages'
import { QUEUE_PAGE_DEFAULT } from '@shared/schemas/list-pages'
import type { HistoryQuery, OutboxEntry, QueueItem } from '@shared/schemas/outbox'
import { inQueueView } from '@shared/schemas/outbox'
import { subjectOf } from './queue-items'
import { subjectWords } from '@shared/providers/subject-kit'

/** Rows of History when the caller does not say. */
const HISTORY_PAGE_DEFAULT = 500

const newestFirst = (a: OutboxEntry, b: OutboxEntry) => b.seq - a.seq

/**
 * One page of matching entries, newest first, and how many match. Only the page is turned into
 * rows: with 20,000 entries the filter and the sort are a few milliseconds, the rows would not be.
 */
function page<T>(
  entries: Iterable<OutboxEntry>,
  keep: (entry: OutboxEntry) => boolean,
  offset: number,
  limit: number,
  toItem: (entry: OutboxEntry) => T,
): { items: T[]; offset: number; total: number } {
  const matching: OutboxEntry[] = []
  for (const entry of entries) if (keep(entry)) matching.push(entry)
  matching.sort(newestFirst)
  return { items: matching.slice(offset, offset + limit).map(toItem), offset, total: matching.length }
}

/** History: every entry, filtered as asked, one page of it. */
export function historyPage(
  entries: Iterable<OutboxEntry>,
  query: HistoryQuery,
  labelOf: (profileId: string) => string,
  toItem: (entry: OutboxEntry) => QueueItem,
): HistoryPage {
  const search = query.search?.toLowerCase() ?? ''
  const states = query.states ? new Set(query.states) : null
  const keep = (entry: OutboxEntry) => {
    if (query.provider && entry.provider !== query.provider) return false
    if (states && !states.has(entry.state)) return false
    if (!search) return true
    const haystack = [subjectWords(subjectOf(entry)), entry.providerId ?? '', labelOf(entry.profileId), entry.id].join(
      '\n',
    )
    return haystack.toLowerCase().includes(search)
  }
  return page(entries, keep, query.offset ?? 0, query.limit ?? HISTORY_PAGE_DEFAULT, toItem)
}

/** The queue view (unfinished entries and those that went wrong), optionally of some states, one page of it. */
export function queuePage(
  entries: Iterable<OutboxEntry>,
  query: QueueQuery | undefined,
  toItem: (entry: OutboxEntry) => QueueItem,
): { items: QueueItem[]; offset: number; total: number } {
  const states = query?.states ? new Set(query.states) : null
  const keep = (entry: OutboxEntry) => inQueueView(entry) && (!states || states.has(entry.state))
  return page(entries, keep, query?.offset ?? 0, query?.limit ?? QUEUE_PAGE_DEFAULT, toItem)
}
