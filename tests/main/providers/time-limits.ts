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

/** The limit for a simulator fault: short only where no answer can come back in time anyway. */
export function limitFor(fault: { kind: string; ms?: number } | null | undefined): number {
  if (fault?.kind === 'blackhole') return NEVER_ANSWERED_MS
  if (fault?.kind === 'slow' && (fault.ms ?? 0) > NEVER_ANSWERED_MS) return NEVER_ANSWERED_MS
  return ANSWERED_MS
}
