import type { SendOutcome } from '@shared/schemas/send-outcome'
import { networkBlockedOutcome } from '../../net/network-problem'
import { msg, type Message, type MessageParam } from '@shared/i18n/message'
import type { SendPhase, TransportAnswer } from './http-transport'

/** A request that got no HTTP answer, and which side of "sent" it failed on. */
export type Unanswered = Extract<TransportAnswer, { kind: 'network' }>

/** How a provider words a request that got no answer; the seam decides the class. */
export type UnansweredWords =
  | {
      /** A resend is recognised (an idempotency key, a name unique per account). */
      resendIsSafe: true
      /** The retry's reason; `detail` is the failure's code or "no answer in time". */
      retry: (detail: MessageParam, phase: SendPhase) => Message
    }
  | {
      resendIsSafe: false
      /** The retry's reason when nothing can have arrived. */
      retry: (detail: MessageParam, phase: SendPhase) => Message
      /** The agent's question when it may have arrived: its answer timed out, or its connection broke (`code`). */
      review: (failure: { timedOut: true } | { timedOut: false; code: string }) => Message
    }

/**
 * A request that got no answer → its outcome class (design.md §4, the same for every provider):
 * this computer's network stopped it → network_blocked; nothing can have arrived → retry; it may have arrived → retry only where the provider recognises
 * a resend, else needs_review. An ambiguous failure is never resent blindly.
 */
export function unansweredOutcome(answer: Unanswered, words: UnansweredWords): SendOutcome {
  // This computer's network stopped it before the provider (a proxy's refusal, an untrusted
  // certificate): the same for every provider, and another try meets the same network.
  const blocked = networkBlockedOutcome(answer.code)
  if (blocked) return blocked
  const detail = answer.timedOut ? msg('detail.noAnswer') : answer.code
  if (answer.phase === 'before_send' || words.resendIsSafe) {
    return { kind: 'retry', delayMs: null, reason: words.retry(detail, answer.phase), httpStatus: null }
  }
  const failure = answer.timedOut ? { timedOut: true as const } : { timedOut: false as const, code: answer.code }
  return { kind: 'needs_review', message: words.review(failure), providerMessage: null }
}
