/**
 * Full-jitter exponential backoff (a wait drawn uniformly from 0 to min(cap, base·2^attempt)), so
 * many clients coming back at once do not retry in step. A provider's Retry-After is a floor:
 * never earlier than it asked.
 */
export interface BackoffPolicy {
  baseMs: number
  capMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 5 * 60_000 }

export function backoffDelayMs(
  attempt: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30))
  const jittered = Math.floor(random() * ceiling)
  return retryAfterMs === null ? jittered : Math.max(retryAfterMs, jittered)
}
