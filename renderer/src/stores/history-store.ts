import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { IpcError } from '@shared/ipc/result'
import type { EntryState, HistoryQuery, QueueItem } from '@shared/schemas/outbox'
import type { ProviderName } from '@shared/schemas/providers'
import { useBridge } from '../bridge'

/** The most rows one answer brings; the view says so when it is reached. */
export const HISTORY_LIMIT = 500
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
 * filters. Typing is debounced, a filter applies at once, and any `queue:changed` asks again
 * (coalesced), so a task moving on shows up without a reload. Only the latest answer counts.
 */
export const useHistoryStore = defineStore('history', () => {
  const bridge = useBridge()
  const items = ref<QueueItem[] | null>(null)
  const error = ref<IpcError | null>(null)
  /** What the search box holds. */
  const search = ref('')
  const provider = ref<ProviderName | 'all'>('all')
  const state = ref<StateFilter>('all')
  /** The query the shown answer was asked with: decides "no tasks yet" from "nothing matches". */
  const answered = ref<HistoryQuery | null>(null)

  const filtered = computed(() => {
    const q = answered.value
    return !!q && (!!q.search || !!q.provider || !!q.states)
  })
  const limited = computed(() => (items.value?.length ?? 0) >= HISTORY_LIMIT)

  function query(): HistoryQuery {
    const text = search.value.trim().slice(0, SEARCH_MAX)
    return {
      limit: HISTORY_LIMIT,
      ...(text ? { search: text } : {}),
      ...(provider.value !== 'all' ? { provider: provider.value } : {}),
      ...(state.value !== 'all' ? { states: [...stateFilters[state.value]] } : {}),
    }
  }

  let searchTimer: ReturnType<typeof setTimeout> | null = null
  let changeTimer: ReturnType<typeof setTimeout> | null = null
  const cancel = (timer: ReturnType<typeof setTimeout> | null) => {
    if (timer) clearTimeout(timer)
    return null
  }

  // Answers can come back out of order: only the latest request's answer is shown.
  let request = 0
  async function load(): Promise<void> {
    searchTimer = cancel(searchTimer)
    const mine = ++request
    const asked = query()
    const result = await bridge.history.list(asked)
    if (mine !== request) return
    if (result.ok) {
      items.value = result.value.items
      answered.value = asked
      error.value = null
    } else {
      error.value = result.error
    }
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
  /** Follows the queue: every change main made durable may move a row, so the list is asked again. */
  function start(): void {
    unsubscribe ??= bridge.queue.onChanged(() => {
      changeTimer ??= setTimeout(() => {
        changeTimer = null
        void load()
      }, CHANGE_COALESCE_MS)
    })
  }
  function stop(): void {
    unsubscribe?.()
    unsubscribe = null
    changeTimer = cancel(changeTimer)
    searchTimer = cancel(searchTimer)
  }

  return { items, error, search, provider, state, filtered, limited, load, clearFilters, start, stop }
})
