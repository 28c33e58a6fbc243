/**
 * Per-request time limits for the provider tests (issue: tests that cannot flake).
 *
 * A request the simulator answers gets a generous limit: such a test is about what the answer means,
 * and a loaded two-core CI machine can take seconds over a round trip. Only a request the simulator
 * never answers (blackhole), or answers on purpose after the limit, gets a short one; the outcome
 * of those does not depend on how fast the machine is, only on how long the test takes.
 */
export const ANSWERED_MS = 30_000
export const NEVER_ANSWERED_MS = 300
/**
 * For a request that must have reached the simulator before the limit fires (the outcome of "the
 * body was sent, no answer came" is what is tested): the attempt also obtains a token and connects
 * within it, which took more than 300 ms on a two-core CI machine at load average 22 and turned
 * needs_review into retry. Long enough for that; the test still waits only this long.
 */
export const SENT_THEN_SILENT_MS = 2_000

/** The limit for a simulator fault: short only where no answer can come back in time anyway. */
export function limitFor(fault: { kind: string; ms?: number } | null | undefined): number {
  if (fault?.kind === 'blackhole') return SENT_THEN_SILENT_MS
  if (fault?.kind === 'slow' && (fault.ms ?? 0) > NEVER_ANSWERED_MS) return NEVER_ANSWERED_MS
  return ANSWERED_MS
}
