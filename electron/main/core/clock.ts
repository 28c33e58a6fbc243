/** Time as a port, so tests can move it. `monotonicMs` never jumps with the wall clock. */
export interface Clock {
  now(): Date
  monotonicMs(): number
}

export const systemClock: Clock = {
  now: () => new Date(),
  monotonicMs: () => performance.now(),
}
