import type { Clock } from '../core/clock'

/**
 * How far each provider's clock is from this computer's, learned from the `Date` header of its
 * answers (Q8). Time rules ("scheduled in the future", "at least 30 minutes ahead") are the
 * provider's, judged on its clock: a computer five minutes slow would otherwise send tasks the
 * provider refuses as being in the past. An answer's Date has a resolution of one second and was
 * stamped somewhere between sending and receiving, hence the midpoint; the median of the last few
 * answers keeps one slow answer from moving the estimate.
 */
export interface ClockSkew {
  /** Record one answer's `Date` header, with when the request left and the answer arrived (local ms). */
  observe(profileId: string, dateHeader: string | undefined, sentAtMs: number, receivedAtMs: number): void
  /** The provider's clock minus ours, in ms; 0 until an answer has said otherwise. */
  offsetMs(profileId: string): number
  /** Known estimates, for the window. */
  known(profileId: string): number | null
}

const SAMPLES = 5

export function createClockSkew(): ClockSkew {
  const samples = new Map<string, number[]>()
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b)
    return sorted[Math.floor(sorted.length / 2)] ?? 0
  }
  return {
    observe(profileId, dateHeader, sentAtMs, receivedAtMs) {
      const server = dateHeader ? Date.parse(dateHeader) : NaN
      if (!Number.isFinite(server)) return
      // The header is truncated to the second: its true value lies in [server, server + 1000).
      const estimate = server + 500 - (sentAtMs + receivedAtMs) / 2
      const list = samples.get(profileId) ?? []
      list.push(estimate)
      if (list.length > SAMPLES) list.shift()
      samples.set(profileId, list)
    },
    // Asked for every task queued: nothing is made for a provider whose clock is not known yet.
    offsetMs: (profileId) => {
      const list = samples.get(profileId)
      return list ? Math.round(median(list)) : 0
    },
    known: (profileId) => (samples.has(profileId) ? Math.round(median(samples.get(profileId)!)) : null),
  }
}

/** A clock that reads the provider's time: ours plus its skew. */
export function providerClock(clock: Clock, offsetMs: number): Clock {
  if (offsetMs === 0) return clock
  return { now: () => new Date(clock.now().getTime() + offsetMs), monotonicMs: () => clock.monotonicMs() }
}
