import type { IpcError } from '@shared/ipc/result'
import type { TaskIntent } from '@shared/schemas/intents'
import type { QueueItem } from '@shared/schemas/outbox'
import { isRepeat } from '@shared/schemas/repeat'
import { useQueueStore } from '../../stores/queue-store'
import { useToastStore } from '../../stores/toast-store'
import { askAboutRepeat, thisWindow } from './ask-repeat'
import { taskSubject } from '@shared/providers/registry'

export type QueueOutcome =
  { kind: 'queued'; item: QueueItem } | { kind: 'declined' } | { kind: 'refused'; error: IpcError }

/**
 * Every way a task is queued from this window (the forms, the quick entry): queued through the
 * outbox, with a toast that follows it to the provider's answer. When main answers that the same
 * task was queued a moment ago (from any window, item 2), the agent is asked first, and a yes sends
 * it again saying so.
 */
export function useQueueTask() {
  const queue = useQueueStore()
  const toasts = useToastStore()

  return async function queueTask(intent: TaskIntent): Promise<QueueOutcome> {
    const window = thisWindow()
    let result = await queue.submit({ intent, window })
    if (result.ok && isRepeat(result.value)) {
      if (!(await askAboutRepeat(result.value, taskSubject(intent)))) return { kind: 'declined' }
      result = await queue.submit({ intent, window, confirmedRepeat: true })
    }
    if (!result.ok) return { kind: 'refused', error: result.error }
    // Confirmed, main queues it: an answer that still asks is not one it gives.
    if (isRepeat(result.value)) return { kind: 'declined' }
    toasts.show({
      taskId: result.value.id,
      message: {
        key: 'tasks.toastQueued',
        params: { kind: { key: `tasks.kindNames.${intent.kind}` }, subject: result.value.subject },
      },
    })
    return { kind: 'queued', item: result.value }
  }
}
