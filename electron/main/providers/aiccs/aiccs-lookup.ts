import type { SendOutcome } from '@shared/schemas/send-outcome'
import { msg, type Message } from '@shared/i18n/message'
import type { SendContext } from '../provider-module'
import type { AlibabaCredentials } from './aiccs-rpc'
import { callAiccs } from './aiccs-rpc'
import type { HttpTransport } from '../http/http-transport'

// Finding a call task by its name, with AICCS's own list API `QueryAiCallTaskPage` (2019-10-15:
// `TaskName` is matched fuzzily, the answer is `Data: {List: [{TaskId, TaskName, …}], PageNo,
// PageSize, Total}` with `TaskId` a string). Every TaskName Callboard sends embeds the task's
// idempotency key, so exactly one listed task can carry it; a fuzzy match is narrowed to the exact
// name here.

/** What the lookup found: the task's id, no such task, or no way to tell (and why). */
export type AiccsLookup = { kind: 'found'; taskId: string } | { kind: 'absent' } | { kind: 'unknown'; detail: Message }

/** Enough rows for a fuzzy match on a name that holds a unique key. */
export const AICCS_LOOKUP_PAGE_SIZE = 20

const TASK_ID = /^\d{1,20}$/

/** A `QueryAiCallTaskPage` answer's raw body → what it says about the task named `taskName`. Pure. */
export function readTaskPage(body: unknown, taskName: string): AiccsLookup {
  let parsed: unknown
  try {
    // The transport hands the raw body over as a string; anything else cannot be read.
    parsed = JSON.parse(typeof body === 'string' ? body : '')
  } catch {
    return { kind: 'unknown', detail: msg('sendOutcome.aiccsList.notJson') }
  }
  const page = (parsed ?? {}) as { Code?: unknown; Success?: unknown; Data?: { List?: unknown; Total?: unknown } }
  if (page.Code !== 'OK' || page.Success !== true || !Array.isArray(page.Data?.List)) {
    return {
      kind: 'unknown',
      detail:
        page.Code === undefined || page.Code === null
          ? msg('sendOutcome.aiccsList.noCode')
          : msg('sendOutcome.aiccsList.answered', { code: String(page.Code) }),
    }
  }
  const list = page.Data.List as { TaskName?: unknown; TaskId?: unknown }[]
  const named = list.filter((task) => task?.TaskName === taskName)
  if (named.length === 1) {
    const id = named[0]!.TaskId
    if (typeof id === 'string' && TASK_ID.test(id)) return { kind: 'found', taskId: id }
    if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) return { kind: 'found', taskId: String(id) }
    return { kind: 'unknown', detail: msg('sendOutcome.aiccsList.noId') }
  }
  if (named.length > 1) return { kind: 'unknown', detail: msg('sendOutcome.aiccsList.several') }
  const total = typeof page.Data.Total === 'number' ? page.Data.Total : list.length
  return total > list.length ? { kind: 'unknown', detail: msg('sendOutcome.aiccsList.morePages') } : { kind: 'absent' }
}

/** Asks AICCS for the call task named `taskName`. Never throws: a failure is `unknown`. */
export async function findAiccsTaskByName(
  context: SendContext<'aiccs'>,
  taskName: string,
  options: { timeoutMs: number; signWith: AlibabaCredentials; transport?: HttpTransport | undefined },
): Promise<AiccsLookup> {
  const query = { TaskName: taskName, PageNo: '1', PageSize: String(AICCS_LOOKUP_PAGE_SIZE) }
  // Under the seam's time limit like the create call, and signed on the provider's clock.
  const answer = await callAiccs('QueryAiCallTaskPage', context.profile, options.signWith, query, {
    timeoutMs: options.timeoutMs,
    signal: context.signal,
    signedAt: context.clock.now(),
    transport: options.transport,
  })
  // An error answer reads as what it is: a list that did not answer OK (its code in the detail).
  if (answer.kind === 'http') return readTaskPage(answer.body, taskName)
  return {
    kind: 'unknown',
    detail: answer.timedOut
      ? msg('sendOutcome.aiccsList.unreadableNoAnswer')
      : msg('sendOutcome.aiccsList.unreadable', { code: answer.code }),
  }
}

/**
 * An attempt's outcome, settled by what the lookup found after AICCS refused the task (a duplicate
 * name, or any other refusal: its duplicate code is not documented). Found: the task exists, so it
 * was sent, with its id. Otherwise a duplicate-name refusal needs the agent (the name is taken, and
 * the list cannot show the task), and any other refusal stands. Pure.
 */
export function settleAfterLookup(
  outcome: SendOutcome,
  lookup: AiccsLookup,
  answer: { status: number; duplicateName: boolean },
): SendOutcome {
  if (lookup.kind === 'found') return { kind: 'sent', providerId: lookup.taskId, httpStatus: answer.status }
  if (!answer.duplicateName) return outcome
  return {
    kind: 'needs_review',
    message:
      lookup.kind === 'absent'
        ? msg('sendOutcome.aiccs.duplicateNotListed')
        : msg('sendOutcome.aiccs.duplicateUnchecked', { detail: lookup.detail }),
    providerMessage: outcome.kind === 'needs_review' || outcome.kind === 'rejected' ? outcome.providerMessage : null,
  }
}
