import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { IpcError, Result } from '@shared/ipc/result'
import type { QueuePage, QueueQuery } from '@shared/schemas/list-pages'
import type { QueueCounts, QueueItem, ResolveAction } from '@shared/schemas/outbox'
import { isRepeat, type SubmitAnswer } from '@shared/schemas/repeat'
import type { SubmitTask } from '@shared/schemas/tasks'
import { useBridge } from '../bridge'

const SKEW_WORTH_SAYING_MS = 2 * 60_000

/** The queue's header figures: everything `queue:list` says but its rows (the views page those). */
export type QueueSummary = Omit<QueuePage, 'items' | 'offset' | 'total'>

/**
 * The outbox as the window sees it: the counts, lanes and notices for the header (`queue:list`
 * with no rows, kept current by `queue:changed`), every task this window has seen by id (so a form
 * follows the task it queued), and the agent's actions on entries. The queue view reads its rows a
 * page at a time (`page`), and `changes` tells it when to read them again.
 */
export const useQueueStore = defineStore('queue', () => {
  const bridge = useBridge()
  const summary = ref<QueueSummary | null>(null)
  /** Every item this window has seen, by id. */
  const seen = ref(new Map<string, QueueItem>())
  const error = ref<IpcError | null>(null)
  /** Bumped on every change main reports: lists shown from pages read them again. */
  const changes = ref(0)

  const counts = computed<QueueCounts>(() => summary.value?.counts ?? { waiting: 0, attention: 0 })
  /**
   * Lanes the agent should hear about: the provider is not answering normally, or its clock is
   * more than two minutes from this computer's (times are then judged on the provider's clock).
   */
  const troubledLanes = computed(() =>
    (summary.value?.lanes ?? []).filter(
      (l) => (l.health !== 'online' && l.health !== 'unknown') || Math.abs(l.clockSkewMs ?? 0) > SKEW_WORTH_SAYING_MS,
    ),
  )

  /** Answers and events can arrive in either order: the higher version wins. */
  function remember(item: QueueItem): void {
    const known = seen.value.get(item.id)
    if (known && known.version > item.version) return
    const next = new Map(seen.value)
    next.set(item.id, item)
    seen.value = next
  }

  /** The header's figures (no rows: the window's first screen never waits for the queue's size). */
  async function load(): Promise<void> {
    const result = await bridge.queue.list({ limit: 0 })
    if (!result.ok) {
      error.value = result.error
      return
    }
    error.value = null
    const { items: _items, offset: _offset, total: _total, ...rest } = result.value
    summary.value = rest
  }

  /** One page of the queue view. */
  async function page(query: QueueQuery): Promise<Result<QueuePage>> {
    const result = await bridge.queue.list(query)
    if (result.ok) {
      for (const item of result.value.items) remember(item)
      const { items: _items, offset: _offset, total: _total, ...rest } = result.value
      summary.value = rest
    }
    return result
  }

  bridge.queue.onChanged(({ item, counts: next, lanes }) => {
    remember(item)
    if (summary.value) summary.value = { ...summary.value, counts: next, lanes }
    changes.value++
  })
  // The disk refused a write (or takes them again): the queue view says so at once.
  bridge.queue.onStopped(({ stopped }) => {
    if (summary.value) summary.value = { ...summary.value, stopped }
  })

  async function act(call: Promise<Result<QueueItem>>): Promise<IpcError | null> {
    const result = await call
    if (!result.ok) return result.error
    remember(result.value)
    changes.value++
    return null
  }

  /** Queue a task; main may answer instead that the same task was queued a moment ago. */
  async function submit(request: SubmitTask): Promise<Result<SubmitAnswer>> {
    const result = await bridge.tasks.submit(request)
    if (result.ok && !isRepeat(result.value)) remember(result.value)
    return result
  }

  return {
    summary,
    troubledLanes,
    skewWorthSaying: (ms: number | null) => Math.abs(ms ?? 0) > SKEW_WORTH_SAYING_MS,
    counts,
    error,
    changes,
    load,
    page,
    item: (id: string) => seen.value.get(id) ?? null,
    remember,
    submit,
    retry: (taskId: string) => act(bridge.queue.retry({ taskId })),
    cancel: (taskId: string) => act(bridge.queue.cancel({ taskId })),
    dismiss: (taskId: string) => act(bridge.queue.dismiss({ taskId })),
    resolve: (taskId: string, action: ResolveAction) => act(bridge.queue.resolve({ taskId, action })),
  }
})
