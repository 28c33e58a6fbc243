import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { IpcError } from '@shared/ipc/result'
import type { QueueCounts, QueueItem, QueueSnapshot } from '@shared/schemas/outbox'
import type { TaskIntent } from '@shared/schemas/intents'
import { useBridge } from '../bridge'

const SKEW_WORTH_SAYING_MS = 2 * 60_000

type Answer<T> = { ok: true; value: T } | { ok: false; error: IpcError }

/**
 * The outbox as the window sees it: the snapshot from `queue:list`, kept current by
 * `queue:changed` (every change main has made durable), and the agent's actions on entries.
 */
export const useQueueStore = defineStore('queue', () => {
  const bridge = useBridge()
  const snapshot = ref<QueueSnapshot | null>(null)
  /** Every item this window has seen, by id (the snapshot lists only the queue view's items). */
  const seen = ref(new Map<string, QueueItem>())
  const error = ref<IpcError | null>(null)

  const counts = computed<QueueCounts>(() => snapshot.value?.counts ?? { waiting: 0, attention: 0 })
  const items = computed(() => snapshot.value?.items ?? [])
  /**
   * Lanes the agent should hear about: the provider is not answering normally, or its clock is
   * more than two minutes from this computer's (times are then judged on the provider's clock).
   */
  const troubledLanes = computed(() =>
    (snapshot.value?.lanes ?? []).filter(
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

  async function load(): Promise<void> {
    const result = await bridge.queue.list({})
    if (!result.ok) {
      error.value = result.error
      return
    }
    error.value = null
    snapshot.value = result.value
    for (const item of result.value.items) remember(item)
  }

  /** An entry changed: update it in place, add it, or drop it from the view once it is done. */
  function apply(item: QueueItem, next: QueueCounts): void {
    const known = seen.value.get(item.id)
    if (known && known.version > item.version) return
    remember(item)
    if (!snapshot.value) return
    const inView = !['sent', 'cancelled'].includes(item.state) && !item.dismissed
    const others = snapshot.value.items.filter((i) => i.id !== item.id)
    snapshot.value = {
      ...snapshot.value,
      counts: next,
      items: inView ? [item, ...others].sort((a, b) => b.seq - a.seq) : others,
    }
  }

  bridge.queue.onChanged(({ item, counts: next, lanes }) => {
    apply(item, next)
    if (snapshot.value) snapshot.value = { ...snapshot.value, lanes }
  })
  // The disk refused a write (or takes them again): the queue view says so at once.
  bridge.queue.onStopped(({ stopped }) => {
    if (snapshot.value) snapshot.value = { ...snapshot.value, stopped }
  })

  async function act(call: Promise<Answer<QueueItem>>): Promise<IpcError | null> {
    const result = await call
    if (!result.ok) return result.error
    remember(result.value)
    return null
  }

  async function submit(intent: TaskIntent): Promise<Answer<QueueItem>> {
    const result = await bridge.tasks.submit({ intent })
    if (result.ok) remember(result.value)
    return result
  }

  return {
    snapshot,
    items,
    troubledLanes,
    skewWorthSaying: (ms: number | null) => Math.abs(ms ?? 0) > SKEW_WORTH_SAYING_MS,
    counts,
    error,
    load,
    item: (id: string) => seen.value.get(id) ?? null,
    submit,
    retry: (taskId: string) => act(bridge.queue.retry({ taskId })),
    cancel: (taskId: string) => act(bridge.queue.cancel({ taskId })),
    dismiss: (taskId: string) => act(bridge.queue.dismiss({ taskId })),
    resolve: (taskId: string, action: 'resend' | 'done' | 'cancel') => act(bridge.queue.resolve({ taskId, action })),
  }
})
