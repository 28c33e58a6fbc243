import type { LocationQuery } from 'vue-router'
import type { Result } from '@shared/ipc/result'
import type { QueuePage, QueueQuery } from '@shared/schemas/list-pages'
import type { EntryState } from '@shared/schemas/outbox'

/** The header's links open the queue on the tasks they count (`?show=`). */
export const SHOWS = {
  all: null,
  waiting: ['queued', 'sending'],
  attention: ['needs_auth', 'needs_review', 'held'],
} as const satisfies Record<string, readonly EntryState[] | null>
export type Show = keyof typeof SHOWS

export const QUEUE_PAGE = 50

export function showAsked(query: LocationQuery): Show {
  const asked = query['show']
  return asked === 'waiting' || asked === 'attention' ? asked : 'all'
}

export function pageQuery(show: Show, offset: number, limit = QUEUE_PAGE): QueueQuery {
  const states = SHOWS[show]
  return { offset, limit, ...(states ? { states: [...states] } : {}) }
}

type Read = (query: QueueQuery) => Promise<Result<QueuePage>>

/**
 * The queue view's first page, asked for as the route is entered: the answer comes from main while
 * the view before it is taken down and the queue view is built, instead of after (the request went
 * out only once the view was mounted, a round trip added to every first draw). Held for the view
 * being entered only: the view takes it, or drops it, as it is set up. `changes` is the queue
 * store's count of changes main reported when it was asked for.
 */
let ahead: { key: string; page: Promise<Result<QueuePage>>; changes: number } | null = null

export function readFirstPageAhead(show: Show, read: Read, changes: number): void {
  const query = pageQuery(show, 0)
  ahead = { key: JSON.stringify(query), page: read(query), changes }
}

/**
 * A reader for the view: the first page read ahead when it is the one asked for, else `read`. A
 * page asked for before a change main has reported since is not taken: it may predate the change,
 * and the view, set up after the change came, would never hear of it (a task queued as the agent
 * opened the queue stayed out of it).
 */
export function takeFirstPageAhead(read: Read, changes: number): Read {
  let held = ahead?.changes === changes ? ahead : null
  ahead = null
  return (query) => {
    const mine = held?.key === JSON.stringify(query) ? held.page : null
    held = null
    return mine ?? read(query)
  }
}
