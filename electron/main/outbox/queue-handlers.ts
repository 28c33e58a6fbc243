import type { InvokeHandlers } from '@shared/ipc/contract'
import type { QueuePage, QueueQuery } from '@shared/schemas/list-pages'
import type { OutboxEntry } from '@shared/schemas/outbox'
import { msg } from '@shared/i18n/message'
import { AppError } from '../core/app-error'
import type { Clock } from '../core/clock'
import type { Queue } from './open-queue'
import type { Outbox } from './outbox'
import { historyPage, queuePage } from './list-pages'
import { createRepeatGuard, type RepeatGuard } from './repeat-guard'

type QueueChannel =
  'tasks:submit' | 'queue:list' | 'queue:retry' | 'queue:cancel' | 'queue:resolve' | 'queue:dismiss' | 'history:list'

/**
 * The queue as the window sees it: one page of the view's rows (`query` says which), the badge's
 * figures, each lane, what is wrong.
 */
export function queueSnapshot(queue: Queue, query?: QueueQuery): QueuePage {
  const { outbox } = queue
  return {
    ...queuePage(outbox?.list() ?? [], query, (entry) => outbox!.item(entry)),
    counts: outbox?.counts() ?? { waiting: 0, attention: 0 },
    paused: outbox?.isPaused() ?? false,
    lanes: outbox?.lanes() ?? [],
    notice: queue.notice(),
    stopped: outbox?.storageProblem() ?? null,
    unavailable: queue.unavailable,
  }
}

/** The outbox, or the reason it is not running, for a call that needs it. */
export function requireOutbox(queue: Queue): Outbox {
  if (!queue.outbox) throw new AppError('conflict', queue.unavailable ?? msg('failure.queueNotRunning'))
  return queue.outbox
}

export interface QueueHandlerDeps {
  queue: Queue
  /** Asks before queueing a task identical to one queued a moment ago (from any window). */
  repeats: RepeatGuard
  /** A profile's label, for the history's search. */
  labelOf: (profileId: string) => string
}

/** The queue's way in for every window and the dial desk: asks before queueing the same task twice. */
export function repeatGuardOver(queue: Queue, clock: Clock): RepeatGuard {
  const outbox = () => requireOutbox(queue)
  // Made once, not per task: the row of what was queued is the answer.
  const row = (entry: OutboxEntry) => outbox().item(entry)
  return createRepeatGuard({
    clock,
    submit: (task) => outbox().submit(task).then(row),
    check: (task) => outbox().check(task),
  })
}

/** Tasks, the queue and the history, as the contract offers them. */
export function queueHandlers({ queue, repeats, labelOf }: QueueHandlerDeps): InvokeHandlers<QueueChannel> {
  const outbox = () => requireOutbox(queue)
  return {
    'tasks:submit': ({ intent, window, confirmedRepeat }) =>
      repeats.submit({ intent, window: window ?? 'main', confirmedRepeat: confirmedRepeat === true }),
    'queue:list': (query) => queueSnapshot(queue, query),
    'queue:retry': async ({ taskId }) => outbox().item(await outbox().retry(taskId)),
    'queue:cancel': async ({ taskId }) => outbox().item(await outbox().cancel(taskId)),
    'queue:resolve': async ({ taskId, action }) => outbox().item(await outbox().resolve(taskId, action)),
    'queue:dismiss': async ({ taskId }) => outbox().item(await outbox().dismiss(taskId)),
    'history:list': (query) =>
      historyPage(queue.outbox?.list() ?? [], query, labelOf, (entry) => queue.outbox!.item(entry)),
  }
}
