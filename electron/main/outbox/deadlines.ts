import type { TaskIntent } from '@shared/schemas/intents'
import { msg, type Message } from '@shared/i18n/message'
import type { IntentOf, ProviderName } from '@shared/providers/registry'
import type { ProviderModule } from '../providers/provider-module'
import { withProvider } from '../providers/registry'

// When a queued task stops being worth sending (Q7: never sent late). The deadline is the earliest
// of the business one (a call placed hours after the agent asked for it is a surprise to the
// customer; a task pinned to a time must reach the provider before the lead time it asks for) and
// the window in which a resend is still recognised by the provider. What a provider holds a task to
// (a pinned time, a resend window) is its module's to say (providers/<name>/index.ts); the figures
// marked [I] here are policy, not provider rules: they are configurable.

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
  /** Margin before a provider's "must be in the future" rule, for clock skew and the request's own time. */
  scheduleMarginMs: number
}

export const DEFAULT_DEADLINES: DeadlinePolicy = {
  outdialMs: 15 * MINUTE,
  callbackNowMs: 2 * HOUR,
  followUpMs: 7 * 24 * HOUR,
  broadcastNowMs: 4 * HOUR,
  scheduleMarginMs: 2 * MINUTE,
}

export interface Deadline {
  notAfter: Date
  reason: Message
}

const earliest = (...candidates: Deadline[]): Deadline =>
  candidates.reduce((a, b) => (b.notAfter.getTime() < a.notAfter.getTime() ? b : a))

const after = (createdAt: Date, ms: number, reason: Message): Deadline => ({
  notAfter: new Date(createdAt.getTime() + ms),
  reason,
})

const minutes = (ms: number) => Math.round(ms / MINUTE)
const hours = (ms: number) => Math.round(ms / HOUR)

/** Why a task of each kind has its business deadline, under one policy. */
type BusinessReasons = Record<TaskIntent['kind'], Message>

/**
 * Made once per policy and frozen: every task of a kind shares its reason, and the journal's check
 * of a task's record knows a frozen message it has already passed (queued-entry-check.ts).
 */
const reasonsByPolicy = new WeakMap<DeadlinePolicy, BusinessReasons>()
function businessReasons(policy: DeadlinePolicy): BusinessReasons {
  let reasons = reasonsByPolicy.get(policy)
  if (!reasons) {
    reasons = {
      outdial: frozen(msg('deadline.outdial', { minutes: minutes(policy.outdialMs) })),
      callback: frozen(msg('deadline.callbackNow', { hours: hours(policy.callbackNowMs) })),
      followUp: frozen(msg('deadline.followUp')),
      broadcast: frozen(msg('deadline.broadcastNow', { hours: hours(policy.broadcastNowMs) })),
    }
    reasonsByPolicy.set(policy, reasons)
  }
  return reasons
}

function frozen(message: Message): Message {
  if (message.params) Object.freeze(message.params)
  return Object.freeze(message)
}

const BUSINESS_MS: Record<TaskIntent['kind'], keyof DeadlinePolicy> = {
  outdial: 'outdialMs',
  callback: 'callbackNowMs',
  followUp: 'followUpMs',
  broadcast: 'broadcastNowMs',
}

/** The business deadline of a task that is not pinned to a time, by its kind. */
function businessDeadline(intent: TaskIntent, createdAt: Date, policy: DeadlinePolicy): Deadline {
  return after(createdAt, policy[BUSINESS_MS[intent.kind]], businessReasons(policy)[intent.kind])
}

/** What the provider holds a task to (made once, not per task). */
const providerLimits = <P extends ProviderName>(provider: ProviderModule<P>, own: IntentOf<P>) => ({
  pinned: provider.pinnedTime(own),
  resendWindow: provider.resendWindow,
})

export function deadlineFor(intent: TaskIntent, createdAt: Date, policy: DeadlinePolicy = DEFAULT_DEADLINES): Deadline {
  const { pinned, resendWindow } = withProvider(intent, providerLimits)
  // A task pinned to a time goes by that time (less the provider's lead and our margin), not by the
  // business rule for a task of its kind.
  const own = pinned
    ? { notAfter: new Date(pinned.atMs - pinned.leadMs - policy.scheduleMarginMs), reason: pinned.reason }
    : businessDeadline(intent, createdAt, policy)
  return resendWindow ? earliest(own, after(createdAt, resendWindow.ms, resendWindow.reason)) : own
}
