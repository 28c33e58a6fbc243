import type { RateLimit } from '../services/rate-limit'

/**
 * Keeps a lane's requests within the provider's rate limit as the provider counts them: on
 * arrival. We only know that a request arrived somewhere between the moment we let it go and the
 * moment its answer came back, and the gap varies (a token refresh, signing, a slow connection),
 * so two requests let go a limit's spacing apart can arrive closer together than that. Pacing on
 * the send times alone was measured to draw 429s from the simulators at exactly the published
 * limits.
 *
 * So each past request is counted as if it arrived as late as it could have (when its answer came
 * back), a request still in flight as if it arrives together with the new one, and the new one as
 * early as it could (now). If that worst case keeps within the limit, every real one does.
 *
 * - `window` (at most `max` in any `windowMs`): the requests answered within the last window, plus
 *   those in flight, plus this one, must number at most `max`.
 * - `bucket` (`perSecond`, `burst`): the provider's bucket replayed with each settled request
 *   taken at its answer time (answers processed in order; a late-reported one at the latest time
 *   seen); the requests in flight, and this one, must find a token each in it now. Taking a token
 *   later never leaves a bucket fuller, so the real bucket always holds at least as many.
 *
 * A sustained flush loses nothing to this while the round trip stays under (burst − 1) / rate
 * (2 s for Amazon Connect); a window limit loses one round trip per window.
 */
export interface SendPacer {
  /** Let one request go at `nowMs`, or say how long to wait (null: until an answer comes back). */
  reserve(nowMs: number): { ok: true; ticket: PacerTicket } | { ok: false; retryAfterMs: number | null }
  /** The request's answer came back (or it failed) at `nowMs`. */
  settle(ticket: PacerTicket, nowMs: number): void
}

export interface PacerTicket {
  readonly sentAt: number
}

export function createSendPacer(limit: RateLimit | null): SendPacer {
  if (limit === null) return { reserve: (nowMs) => ({ ok: true, ticket: { sentAt: nowMs } }), settle: () => undefined }
  return limit.kind === 'window' ? windowPacer(limit.max, limit.windowMs) : bucketPacer(limit.perSecond, limit.burst)
}

function windowPacer(max: number, windowMs: number): SendPacer {
  const inFlight = new Set<PacerTicket>()
  /** Answer times within the last window, ascending. */
  const answered: number[] = []
  return {
    reserve(nowMs) {
      let drop = 0
      while (drop < answered.length && answered[drop]! <= nowMs - windowMs) drop++
      if (drop) answered.splice(0, drop)
      const pending = inFlight.size + 1
      if (pending > max) return { ok: false, retryAfterMs: null }
      const over = answered.length + pending - max
      // The oldest answers have to leave the window first.
      if (over > 0) return { ok: false, retryAfterMs: answered[over - 1]! + windowMs - nowMs }
      const ticket: PacerTicket = { sentAt: nowMs }
      inFlight.add(ticket)
      return { ok: true, ticket }
    },
    settle(ticket, nowMs) {
      if (!inFlight.delete(ticket)) return
      // Kept sorted: answers mostly come back in order, so this is nearly always a push.
      let at = answered.length
      while (at > 0 && answered[at - 1]! > nowMs) at--
      answered.splice(at, 0, nowMs)
    },
  }
}

function bucketPacer(perSecond: number, burst: number): SendPacer {
  const inFlight = new Set<PacerTicket>()
  const perMs = perSecond / 1000
  // One millisecond's refill to spare: a provider doing the same sum in another order can land a
  // hair under a whole token exactly where ours lands on it (0.502 + 0.498 = 0.9999…). Not past
  // the cap: a full bucket is exactly full on both sides.
  const needed = (pending: number) => Math.min(burst, pending + perMs)
  let tokens = burst
  let last: number | null = null
  const tokensAt = (nowMs: number) => (last === null ? tokens : Math.min(burst, tokens + (nowMs - last) * perMs))
  return {
    reserve(nowMs) {
      const pending = inFlight.size + 1
      if (pending > burst) return { ok: false, retryAfterMs: null }
      const short = needed(pending) - tokensAt(nowMs)
      if (short > 0) return { ok: false, retryAfterMs: Math.max(1, Math.ceil(short / perMs)) }
      const ticket: PacerTicket = { sentAt: nowMs }
      inFlight.add(ticket)
      return { ok: true, ticket }
    },
    settle(ticket, nowMs) {
      if (!inFlight.delete(ticket)) return
      const at = last === null ? nowMs : Math.max(nowMs, last)
      tokens = tokensAt(at) - 1
      last = at
    },
  }
}
