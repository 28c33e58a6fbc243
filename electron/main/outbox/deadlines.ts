import type { TaskIntent } from '@shared/schemas/intents'
import { WEBEX_SCHEDULED_CALLBACK_LIMITS } from '@shared/schemas/wire/webex'

// When a queued task stops being worth sending (Q7: never sent late). The deadline is the earliest
// of the business one (a call placed hours after the agent asked for it is a surprise to the
// customer; a scheduled callback must reach the provider before its own lead time) and the window
// in which a resend is still recognised by the provider. Figures marked [I] are policy, not
// provider rules: they are configurable.

const MINUTE = 60_000
const HOUR = 60 * MINUTE

export interface DeadlinePolicy {
  /** [I] An outdial is "call now": after this it is not placed without the agent. */
  outdialMs: number
  /** [I] An immediate callback: the customer expects it soon. */
  callbackNowMs: number
  /** [I] A follow-up with no due date. */
  followUpMs: number
  /** [I] A broadcast or AI call task that starts now. */
  broadcastNowMs: number
  /** [I] How long Amazon Connect honours a ClientToken (not documented; kept short so a resend is never a duplicate). */
  connectClientTokenMs: number
  /** Margin before a provider's "must be in the future" rule, for clock skew and the request's own time. */
  scheduleMarginMs: number
}

export const DEFAULT_DEADLINES: DeadlinePolicy = {
  outdialMs: 15 * MINUTE,
  callbackNowMs: 2 * HOUR,
  followUpMs: 7 * 24 * HOUR,
  broadcastNowMs: 4 * HOUR,
  connectClientTokenMs: 24 * HOUR,
  scheduleMarginMs: 2 * MINUTE,
}

export interface Deadline {
  notAfter: Date
  reason: string
}

const earliest = (...candidates: Deadline[]): Deadline =>
  candidates.reduce((a, b) => (b.notAfter.getTime() < a.notAfter.getTime() ? b : a))

const after = (createdAt: Date, ms: number, reason: string): Deadline => ({
  notAfter: new Date(createdAt.getTime() + ms),
  reason,
})

const minutes = (ms: number) => Math.round(ms / MINUTE)
const hours = (ms: number) => Math.round(ms / HOUR)

export function deadlineFor(intent: TaskIntent, createdAt: Date, policy: DeadlinePolicy = DEFAULT_DEADLINES): Deadline {
  switch (intent.kind) {
    case 'outdial':
      return after(
        createdAt,
        policy.outdialMs,
        `An outdial is not placed more than ${minutes(policy.outdialMs)} minutes after it was asked for.`,
      )
    case 'callback': {
      if (intent.when.kind === 'now') {
        const business = after(
          createdAt,
          policy.callbackNowMs,
          `An immediate callback is not placed more than ${hours(policy.callbackNowMs)} hours after it was asked for.`,
        )
        return intent.provider === 'connect'
          ? earliest(
              business,
              after(
                createdAt,
                policy.connectClientTokenMs,
                'Amazon Connect recognises a resend only for a limited time.',
              ),
            )
          : business
      }
      const at = Date.parse(intent.when.at)
      if (intent.provider === 'webex') {
        const lead = WEBEX_SCHEDULED_CALLBACK_LIMITS.minMinutesBeforeStart * MINUTE
        return {
          notAfter: new Date(at - lead - policy.scheduleMarginMs),
          reason: `Webex takes a scheduled callback only ${WEBEX_SCHEDULED_CALLBACK_LIMITS.minMinutesBeforeStart} minutes or more before its window starts.`,
        }
      }
      return earliest(
        {
          notAfter: new Date(at - policy.scheduleMarginMs),
          reason: 'Amazon Connect takes a scheduled task only while its time is in the future.',
        },
        after(createdAt, policy.connectClientTokenMs, 'Amazon Connect recognises a resend only for a limited time.'),
      )
    }
    case 'followUp': {
      if (intent.provider === 'connect') {
        return earliest(
          after(createdAt, policy.followUpMs, 'A follow-up is not created more than a week after it was asked for.'),
          after(createdAt, policy.connectClientTokenMs, 'Amazon Connect recognises a resend only for a limited time.'),
        )
      }
      const due = intent.dueDate === undefined ? null : Date.parse(intent.dueDate)
      return due === null
        ? after(createdAt, policy.followUpMs, 'A follow-up is not created more than a week after it was asked for.')
        : {
            notAfter: new Date(due - policy.scheduleMarginMs),
            reason: 'eGain takes a task only while its due date is in the future.',
          }
    }
    case 'broadcast': {
      if (intent.provider === 'aiccs' && intent.start.kind === 'at') {
        return {
          notAfter: new Date(Date.parse(intent.start.at) - policy.scheduleMarginMs),
          reason: 'The AI call task must reach Alibaba Cloud before its start time.',
        }
      }
      return after(
        createdAt,
        policy.broadcastNowMs,
        `A broadcast that starts now is not started more than ${hours(policy.broadcastNowMs)} hours after it was asked for.`,
      )
    }
  }
}
