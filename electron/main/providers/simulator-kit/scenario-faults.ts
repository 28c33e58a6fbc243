import type { SandboxScenario } from '@shared/schemas/sandbox'
import type { HttpFault } from './faults'

// How a sandbox scenario is played by a simulator, for every provider alike (a provider whose
// refusals look different, the voice platform, plays `invalid` its own way in its kit).

/** How long `slow` waits, and the Retry-After the `down` and `rate_limited` scenarios give. */
export const SANDBOX_SLOW_MS = 3000
export const SANDBOX_DOWN_RETRY_AFTER_S = 30
export const SANDBOX_RATE_LIMIT_RETRY_AFTER_S = 3
/** Ahead by more than the two minutes the window warns about, within the five minutes SigV4 allows. */
export const SANDBOX_CLOCK_AHEAD_MS = 4 * 60_000

/**
 * A scenario as the simulator fault that plays it. The simulators render each status in their
 * provider's own error shape, so the clients classify them exactly as they would the real thing.
 */
export function scenarioFault(scenario: SandboxScenario): HttpFault | null {
  switch (scenario) {
    case 'normal':
    case 'clock_ahead':
      return null
    case 'offline':
      return { kind: 'refuse' }
    case 'unresponsive':
      return { kind: 'blackhole' }
    case 'down':
      return { kind: 'status', status: 503, retryAfterSeconds: SANDBOX_DOWN_RETRY_AFTER_S }
    case 'server_error':
      return { kind: 'status', status: 500 }
    case 'rate_limited':
      return { kind: 'status', status: 429, retryAfterSeconds: SANDBOX_RATE_LIMIT_RETRY_AFTER_S }
    case 'credentials_refused':
      return { kind: 'status', status: 401 }
    case 'invalid':
      return { kind: 'status', status: 400 }
    case 'answer_lost':
      return { kind: 'dropAfterBody' }
    case 'slow':
      return { kind: 'slow', ms: SANDBOX_SLOW_MS }
  }
}

/** How far the simulator's clock is ahead in a scenario. */
export const scenarioClockOffset = (scenario: SandboxScenario): number =>
  scenario === 'clock_ahead' ? SANDBOX_CLOCK_AHEAD_MS : 0

/** What the sandbox plays a scenario on: any provider's simulator. */
export interface ScenarioPlayer<F> {
  setFault(fault: F | null): Promise<void>
  setClockOffset(ms: number): void
}

/**
 * Plays a scenario on a simulator: the fault that stands for it (`fault`: the shared one, or a
 * provider's own where its refusals look different) and how far its clock runs ahead.
 */
export async function playScenario<F>(
  sim: ScenarioPlayer<F>,
  scenario: SandboxScenario,
  fault: (scenario: SandboxScenario) => F | null,
): Promise<void> {
  await sim.setFault(fault(scenario))
  sim.setClockOffset(scenarioClockOffset(scenario))
}
