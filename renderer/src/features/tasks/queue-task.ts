import type { IpcError } from '@shared/ipc/result'
import type { TaskIntent } from '@shared/schemas/intents'
import type { QueueItem } from '@shared/schemas/outbox'
import { askToConfirm } from '../../components/confirm-service'
import { i18nGlobal } from '../../i18n'
import { useQueueStore } from '../../stores/queue-store'
import { useToastStore } from '../../stores/toast-store'
import { duplicateGuard } from './duplicate-guard'
import { taskSubject } from '@shared/providers/registry'

export type QueueOutcome =
  { kind: 'queued'; item: QueueItem } | { kind: 'declined' } | { kind: 'refused'; error: IpcError }

/**
 * Every way a task is queued from this window (the forms, the quick entry): asked about first when
 * the same task was queued a moment ago (item 2), then queued through the outbox, with a toast that
 * follows it to the provider's answer.
 */
export function useQueueTask() {
  const queue = useQueueStore()
  const toasts = useToastStore()

  async function notATwin(intent: TaskIntent): Promise<boolean> {
    const twin = duplicateGuard.recent(intent, Date.now())
    if (!twin) return true
    const { t } = i18nGlobal()
    return askToConfirm({
      title: t('shell.duplicate.title'),
      message: t('shell.duplicate.message', {
        kind: t(`tasks.kindNames.${intent.kind}`),
        seconds: Math.max(1, Math.round(twin.agoMs / 1000)),
        subject: taskSubject(intent),
      }),
      confirmLabel: t('shell.duplicate.confirm'),
    })
  }

  return async function queueTask(intent: TaskIntent): Promise<QueueOutcome> {
    if (!(await notATwin(intent))) return { kind: 'declined' }
    const result = await queue.submit(intent)
    if (!result.ok) return { kind: 'refused', error: result.error }
    duplicateGuard.remember(intent, Date.now())
    const { t } = i18nGlobal()
    toasts.show({
      taskId: result.value.id,
      key: 'tasks.toastQueued',
      params: { kind: t(`tasks.kindNames.${intent.kind}`), subject: result.value.subject },
    })
    return { kind: 'queued', item: result.value }
  }
}
