import { z } from 'zod'
import { EntryState, QueueItem, QueueSnapshot } from './outbox'

// Long lists are read a page at a time (issue 16): a window must never wait for 10,000 rows to be
// serialized, sent and drawn before it can be used. Both lists are newest first and counted whole,
// so a virtualized view knows its full height from the first page and asks for the rows it shows.

/** The most rows one page of the queue may bring. */
export const QUEUE_PAGE_MAX = 500
/** Rows of the queue view when the caller does not say (the snapshot of a short queue is whole). */
export const QUEUE_PAGE_DEFAULT = 200

/** One page of History: the rows asked for and how many tasks match the query in all. */
export const HistoryPage = z
  .object({
    items: z.array(QueueItem),
    /** The position of the first row among all matching tasks, newest first. */
    offset: z.int().nonnegative(),
    total: z.int().nonnegative(),
  })
  .strict()
export type HistoryPage = z.infer<typeof HistoryPage>

/** Which part of the queue view to read; without it, its first QUEUE_PAGE_DEFAULT rows. */
export const QueueQuery = z
  .object({
    offset: z.int().min(0).optional(),
    /** 0 asks for the counts, lanes and notices alone (the window's header). */
    limit: z.int().min(0).max(QUEUE_PAGE_MAX).optional(),
    /** Only entries in these states (the header's "waiting" and "needs you" links). */
    states: z.array(EntryState).min(1).max(EntryState.options.length).optional(),
  })
  .strict()
export type QueueQuery = z.infer<typeof QueueQuery>

/** The queue snapshot with one page of its items, and how many items the view holds in all. */
export const QueuePage = QueueSnapshot.extend({
  offset: z.int().nonnegative(),
  total: z.int().nonnegative(),
}).strict()
export type QueuePage = z.infer<typeof QueuePage>
