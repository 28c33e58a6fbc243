import { describe, expect, it, vi } from 'vitest'
import type { Result } from '@shared/ipc/result'
import type { QueuePage, QueueQuery } from '@shared/schemas/list-pages'
import {
  pageQuery,
  readFirstPageAhead,
  showAsked,
  takeFirstPageAhead,
} from '../../renderer/src/features/queue/first-page'

// The queue view's first page is asked for as its route is entered, so main's answer comes while
// the view is being built; the view takes that answer for its first page, once, and reads
// everything else itself.

const page = (total: number): Promise<Result<QueuePage>> =>
  Promise.resolve({ ok: true, value: { items: [], offset: 0, total } } as unknown as Result<QueuePage>)

describe('the queue view first page, read ahead', () => {
  it('is asked for on entering, and the view takes it for its first page instead of asking again', async () => {
    const early = vi.fn((_query: QueueQuery) => page(10_000))
    readFirstPageAhead('waiting', early, 0)
    expect(early).toHaveBeenCalledWith({ offset: 0, limit: 50, states: ['queued', 'sending'] })

    const own = vi.fn((_query: QueueQuery) => page(9_999))
    const read = takeFirstPageAhead(own, 0)
    expect(await read(pageQuery('waiting', 0))).toMatchObject({ value: { total: 10_000 } })
    expect(own).not.toHaveBeenCalled()
    // Once only: a later read of the same page (a refresh) asks main.
    expect(await read(pageQuery('waiting', 0))).toMatchObject({ value: { total: 9_999 } })
    expect(own).toHaveBeenCalledTimes(1)
  })

  it('is not taken for another page or another filter, nor by a later view', async () => {
    readFirstPageAhead('all', () => page(1), 0)
    const own = vi.fn((_query: QueueQuery) => page(2))
    const read = takeFirstPageAhead(own, 0)
    expect(await read(pageQuery('attention', 0))).toMatchObject({ value: { total: 2 } })
    expect(await read(pageQuery('all', 0))).toMatchObject({ value: { total: 2 } })
    // The view set up took (and dropped) it: the next one reads for itself.
    readFirstPageAhead('all', () => page(3), 0)
    takeFirstPageAhead(own, 0)
    const later = takeFirstPageAhead(own, 0)
    expect(await later(pageQuery('all', 0))).toMatchObject({ value: { total: 2 } })
  })

  it('is not taken when main reported a change after it was asked for: it may not hold it', async () => {
    // Asked for as the agent opened the queue, while a task just queued was on its way to main.
    readFirstPageAhead('all', () => page(1), 7)
    const own = vi.fn((_query: QueueQuery) => page(2))
    // The task's change came before the view was set up, so the view would never hear of it.
    const read = takeFirstPageAhead(own, 8)
    expect(await read(pageQuery('all', 0))).toMatchObject({ value: { total: 2 } })
    expect(own).toHaveBeenCalledTimes(1)
  })

  it('reads the filter from the route as the header links give it', () => {
    expect(showAsked({ show: 'attention' })).toBe('attention')
    expect(showAsked({ show: 'waiting' })).toBe('waiting')
    expect(showAsked({ show: 'other' })).toBe('all')
    expect(showAsked({})).toBe('all')
  })
})
