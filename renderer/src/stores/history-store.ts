import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { EntryState, HistoryQuery, QueueItem } from '@shared/schemas/outbox'
import type { ProviderName } from '@shared/schemas/providers'
import { useBridge } from '../bridge'
import { usePagedList } from '../composables/use-paged-list'

/** Rows per page read from main: the first page is what the view draws first. */
export const HISTORY_PAGE = 50
/** Typing is read once it pauses this long. */
export const SEARCH_DEBOUNCE_MS = 200
/** A burst of queue changes (a broadcast, a lane coming back) is read once, this long after its first. */
export const CHANGE_COALESCE_MS = 150
/** `history:list` refuses longer searches. */
export const SEARCH_MAX = 200

/** The state filter, in the agent's terms: each choice is one or more entry states. */
export const stateFilters = {
  waiting: ['queued', 'sending'],
  sent: ['sent'],
  attention: ['needs_auth', 'needs_review', 'held'],
  rejected: ['rejected'],
  expired: ['expired'],
  cancelled: ['cancelled'],
} as const satisfies Record<string, readonly EntryState[]>
export type StateFilter = keyof typeof stateFilters | 'all'

/**
 * History: every task, newest first, as `history:list` answers for the current search and
 * filters, read a page at a time as the list scrolls (main searches and pages; the window holds
 * only what it has shown). Typing is debounced, a filter applies at once, and any `queue:changed`
 * reads the pages held again (coalesced), so a task moving on shows without a reload.
 *
 * The main window reads the first page ahead (`prefetch`, once its first screen is up) and keeps it
 * current the same way while History is not shown: opening History then draws its first rows with
 * the view, instead of mounting, asking main, and drawing again (issue 16 item 7).
 */
export const useHistoryStore = defineStore('history', () => {
  const bridge = useBridge()
  /** What the search box holds. */
  const search = ref('')
  const provider = ref<ProviderName | 'all'>('all')
  const state = ref<StateFilter>('all')
  /** The query of the rows shown: decides "no tasks yet" from "nothing matches". */
  const answered = ref<HistoryQuery | null>(null)

  function query(): HistoryQuery {
    const text = search.value.trim().slice(0, SEARCH_MAX)
    return {
      ...(text ? { search: text } : {}),
      ...(provider.value !== 'all' ? { provider: provider.value } : {}),
      ...(state.value !== 'all' ? { states: [...stateFilters[state.value]] } : {}),
    }
  }
  let asking = query()
  /** The query `asking` was made from, to tell whether the rows held still answer the filters shown. */
  let askingKey = JSON.stringify(asking)
  const list = usePagedList<QueueItem>(async (offset, limit) => {
    const asked = asking
    const result = await bridge.history.list({ ...asked, limit, offset })
    if (result.ok && asked === asking) answered.value = asked
    return result
  }, HISTORY_PAGE)

  const filtered = computed(() => {
    const q = answered.value
    return !!q && (!!q.search || !!q.provider || !!q.states)
  })

  let searchTimer: ReturnType<typeof setTimeout> | null = null
  let changeTimer: ReturnType<typeof setTimeout> | null = null
  const cancel = (timer: ReturnType<typeof setTimeout> | null) => {
    if (timer) clearTimeout(timer)
    return null
  }

  /** Start over with the current search and filters. */
  function load(): Promise<void> {
    searchTimer = cancel(searchTimer)
    asking = query()
    askingKey = JSON.stringify(asking)
    return list.reload()
  }

  // Watchers fired by one change (clearing everything, say) ask once.
  let askSoon = false
  function loadSoon(): void {
    if (askSoon) return
    askSoon = true
    queueMicrotask(() => {
      askSoon = false
      void load()
    })
  }

  let lastSearch = ''
  watch(search, (text) => {
    const trimmed = text.trim()
    if (trimmed === lastSearch) return
    lastSearch = trimmed
    searchTimer = cancel(searchTimer)
    // An emptied box shows everything again at once; typing waits for a pause.
    if (!trimmed) loadSoon()
    else searchTimer = setTimeout(() => void load(), SEARCH_DEBOUNCE_MS)
  })
  watch([provider, state], loadSoon)

  function clearFilters(): void {
    search.value = ''
    provider.value = 'all'
    state.value = 'all'
  }

  let unsubscribe: (() => void) | null = null
  /** Follows the queue: every change main made durable may move a row, so the rows held are read again. */
  function follow(): void {
    unsubscribe ??= bridge.queue.onChanged(() => {
      changeTimer ??= setTimeout(() => {
        changeTimer = null
        void list.refresh()
      }, CHANGE_COALESCE_MS)
    })
  }

  /** Set by `prefetch`: the first page is kept current while the view is not shown. */
  let kept = false
  /** Reads the first page ahead of the view and keeps it current until `stop`. */
  function prefetch(): void {
    kept = true
    follow()
    void open()
  }

  /**
   * The rows for the view: the page held or being read, when it answers the search and filters as
   * they are; otherwise they are read again from the top.
   */
  function open(): Promise<void> {
    if (!list.error.value && askingKey === JSON.stringify(query())) return list.ensure(0, HISTORY_PAGE - 1)
    return load()
  }

  /** The view is shown: its rows follow the queue. */
  function show(): Promise<void> {
    follow()
    return open()
  }

  /** The view is gone: the first page stays (kept current) if it was read ahead, nothing otherwise. */
  function hide(): void {
    searchTimer = cancel(searchTimer)
    if (kept) list.keepFirst()
    else stop()
  }

  function stop(): void {
    kept = false
    unsubscribe?.()
    unsubscribe = null
    changeTimer = cancel(changeTimer)
    searchTimer = cancel(searchTimer)
  }

  return { list, search, provider, state, filtered, load, clearFilters, prefetch, show, hide, stop }
})
