/**
 * A request-rate limit: the simulators enforce one per provider, and the outbox's lanes keep under
 * the same figures so the real providers never have to refuse us.
 * - `window`: at most `max` requests in any sliding `windowMs` (Webex: 300 a minute);
 * - `bucket`: a token bucket refilled at `perSecond`, holding at most `burst` (Amazon Connect
 *   StartTaskContact: 2 a second, burst 5).
 */
export type RateLimit =
  { kind: 'window'; max: number; windowMs: number } | { kind: 'bucket'; perSecond: number; burst: number }

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number }

export interface RateLimiter {
  /** Take one request's allowance at `nowMs`, or say how long until one is free. */
  take(nowMs: number): RateDecision
}

export function createRateLimiter(limit: RateLimit | null): RateLimiter {
  if (limit === null) return { take: () => ({ ok: true }) }
  if (limit.kind === 'window') {
    const recent: number[] = []
    return {
      take(now) {
        while (recent.length && (recent[0] ?? 0) <= now - limit.windowMs) recent.shift()
        if (recent.length >= limit.max) return { ok: false, retryAfterMs: (recent[0] ?? now) + limit.windowMs - now }
        recent.push(now)
        return { ok: true }
      },
    }
  }
  let tokens = limit.burst
  let last: number | null = null
  return {
    take(now) {
      if (last !== null) tokens = Math.min(limit.burst, tokens + ((now - last) / 1000) * limit.perSecond)
      last = now
      if (tokens >= 1) {
        tokens -= 1
        return { ok: true }
      }
      return { ok: false, retryAfterMs: Math.ceil(((1 - tokens) / limit.perSecond) * 1000) }
    },
  }
}

/** Whole seconds for a Retry-After header: at least 1, rounded up. */
export const retryAfterSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000))
