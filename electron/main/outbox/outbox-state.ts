import type { OutboxEntry } from '@shared/schemas/outbox'
import { msg } from '@shared/i18n/message'
import { TERMINAL_STATES } from '@shared/schemas/outbox'
import { resendIsSafe } from '../providers/registry'
import type { OutboxEvent } from './outbox-events'

/** Which events an entry in each state accepts; anything else is a bug or a damaged journal. */
const accepts: Record<OutboxEntry['state'], ReadonlySet<OutboxEvent['t']>> = {
  queued: new Set(['sending', 'expired', 'cancelled', 'requeued', 'held', 'held_for_review']),
  sending: new Set(['outcome', 'requeued']),
  needs_auth: new Set(['requeued', 'cancelled', 'expired', 'held_for_review']),
  needs_review: new Set(['requeued', 'marked_done', 'cancelled', 'expired']),
  held: new Set(['requeued', 'cancelled', 'expired', 'held_for_review']),
  sent: new Set(),
  rejected: new Set(['dismissed']),
  expired: new Set(['dismissed']),
  cancelled: new Set(),
}

export type ApplyResult =
  | { ok: true; entry: OutboxEntry }
  /** `unknownEntry`: the event is for an entry never queued (its `queued` record is missing). */
  | { ok: false; problem: string; id: string; unknownEntry: boolean }

/** Apply one event to the entries (in place). Pure apart from the map it is given. */
export function applyEvent(entries: Map<string, OutboxEntry>, event: OutboxEvent): ApplyResult {
  if (event.t === 'queued') {
    if (entries.has(event.entry.id)) {
      return { ok: false, problem: `entry ${event.entry.id} queued twice`, id: event.entry.id, unknownEntry: false }
    }
    entries.set(event.entry.id, event.entry)
    return { ok: true, entry: event.entry }
  }
  const current = entries.get(event.id)
  if (!current)
    return { ok: false, problem: `${event.t} for unknown entry ${event.id}`, id: event.id, unknownEntry: true }
  if (!accepts[current.state].has(event.t)) {
    return {
      ok: false,
      problem: `${event.t} for entry ${event.id} in state ${current.state}`,
      id: event.id,
      unknownEntry: false,
    }
  }
  const next = transition(current, event)
  entries.set(next.id, next)
  return { ok: true, entry: next }
}

function transition(entry: OutboxEntry, event: Exclude<OutboxEvent, { t: 'queued' }>): OutboxEntry {
  const { hold: _hold, ...rest } = entry
  // `hold` belongs to the held state alone.
  const base = { ...rest, updatedAt: event.at, version: entry.version + 1 }
  switch (event.t) {
    case 'sending':
      return { ...base, state: 'sending', attempts: event.attempt, nextAttemptAt: null }
    case 'outcome': {
      const o = event.outcome
      switch (o.kind) {
        case 'sent':
          return { ...base, state: 'sent', providerId: o.providerId, lastProblem: null, nextAttemptAt: null }
        case 'retry':
          return {
            ...base,
            state: 'queued',
            nextAttemptAt: event.nextAttemptAt,
            lastProblem: { message: o.reason, providerMessage: null, httpStatus: o.httpStatus },
          }
        case 'deadline_passed':
          // Nothing left this computer: back in line, the attempt not counted, for the queue to
          // expire it with its own reason.
          return {
            ...base,
            state: 'queued',
            attempts: Math.max(0, entry.attempts - 1),
            nextAttemptAt: null,
            lastProblem: { message: o.message, providerMessage: null, httpStatus: null },
          }
        case 'network_blocked':
          // Back in line with the reason shown, waiting for IT (or the agent's Retry now) rather
          // than the provider. Nothing reached the provider, so the attempt does not count.
          return {
            ...base,
            state: 'queued',
            attempts: Math.max(0, entry.attempts - 1),
            nextAttemptAt: event.nextAttemptAt,
            lastProblem: { message: o.message, providerMessage: null, httpStatus: null, network: o.problem },
          }
        case 'keychain_unavailable':
          // Back in line, for the keychain rather than the provider. Nothing left this computer,
          // so the attempt does not count: a keychain locked for an hour would otherwise show
          // hundreds of "attempts" and start the provider's backoff at its longest.
          return {
            ...base,
            state: 'queued',
            attempts: Math.max(0, entry.attempts - 1),
            nextAttemptAt: event.nextAttemptAt,
            lastProblem: { message: o.message, providerMessage: null, httpStatus: null },
          }
        case 'needs_auth':
        case 'needs_review':
          return {
            ...base,
            state: o.kind,
            nextAttemptAt: null,
            lastProblem: { message: o.message, providerMessage: o.providerMessage, httpStatus: null },
          }
        case 'rejected':
          return {
            ...base,
            state: 'rejected',
            nextAttemptAt: null,
            lastProblem: { message: o.message, providerMessage: o.providerMessage, httpStatus: o.httpStatus },
          }
      }
      break
    }
    case 'expired':
      return {
        ...base,
        state: 'expired',
        nextAttemptAt: null,
        lastProblem: { message: event.reason, providerMessage: null, httpStatus: null },
      }
    case 'cancelled':
      return { ...base, state: 'cancelled', nextAttemptAt: null }
    case 'held_for_review':
      return {
        ...base,
        state: 'needs_review',
        nextAttemptAt: null,
        lastProblem: { message: event.reason, providerMessage: null, httpStatus: null },
      }
    case 'requeued':
      return { ...base, state: 'queued', nextAttemptAt: null }
    case 'held':
      return {
        ...base,
        state: 'held',
        hold: event.why,
        nextAttemptAt: null,
        lastProblem: { message: event.message, providerMessage: null, httpStatus: null },
      }
    case 'dismissed':
      return { ...base, dismissed: true }
    case 'marked_done':
      return {
        ...base,
        state: 'sent',
        nextAttemptAt: null,
        lastProblem: {
          message: msg('sendOutcome.local.markedDone'),
          providerMessage: null,
          httpStatus: null,
        },
      }
  }
  return entry
}

/**
 * After a restart, entries still `sending` were interrupted with their request possibly on the
 * wire. Keyed providers get it again under the same key; keyless ones wait for the agent.
 * `lostChange` names entries that lost a change with a damaged journal: one that looks waiting may
 * in fact have been sent, so a keyless one waits for the agent too.
 */
export function recoveryEvents(
  entries: Iterable<OutboxEntry>,
  at: string,
  lostChange: ReadonlySet<string> = new Set(),
): OutboxEvent[] {
  const events: OutboxEvent[] = []
  for (const entry of entries) {
    const waiting = entry.state === 'queued' || entry.state === 'needs_auth' || entry.state === 'held'
    if (waiting && lostChange.has(entry.id) && !resendIsSafe(entry.provider)) {
      events.push({
        t: 'held_for_review',
        id: entry.id,
        at,
        reason: msg('sendOutcome.local.lostChange'),
      })
      continue
    }
    if (entry.state !== 'sending') continue
    if (resendIsSafe(entry.provider)) {
      events.push({ t: 'requeued', id: entry.id, at, why: 'recovered' })
    } else {
      events.push({
        t: 'outcome',
        id: entry.id,
        at,
        nextAttemptAt: null,
        outcome: {
          kind: 'needs_review',
          message: msg('sendOutcome.local.stoppedWhileSending'),
          providerMessage: null,
        },
      })
    }
  }
  return events
}

/** The live entries: what compaction keeps (terminal entries older than the history window are dropped). */
export function isLive(entry: OutboxEntry, now: number, historyMs: number): boolean {
  return !TERMINAL_STATES.has(entry.state) || now - Date.parse(entry.updatedAt) < historyMs
}
