import type { SecretOf } from '@shared/providers/registry'
import type { SandboxScenario } from '@shared/schemas/sandbox'
import type { SandboxSimulator } from '../provider-module'
import { playScenario, scenarioFault } from '../simulator-kit/scenario-faults'
import { voiceBroadcastSandboxProfile } from './voice-broadcast-sandbox'
import type { VoiceBroadcastFault } from './voice-broadcast-simulator'
import { startVoiceBroadcastSimulator } from './voice-broadcast-simulator'

/** The platform refuses a request with HTTP 200 and a business code, not an HTTP 400. */
function voiceFault(scenario: SandboxScenario): VoiceBroadcastFault | null {
  return scenario === 'invalid'
    ? { kind: 'code', code: '-22', text: 'parameter error: taskName is not allowed' }
    : scenarioFault(scenario)
}

/** Starts the sandbox's voice simulator (loaded only when the sandbox profile is first used). */
export async function startVoiceBroadcastSandbox(
  secret: SecretOf<'voice_broadcast'>,
): Promise<SandboxSimulator<'voice_broadcast'>> {
  const sim = await startVoiceBroadcastSimulator({ ...secret })
  return {
    profile: voiceBroadcastSandboxProfile(sim),
    play: (scenario) => playScenario(sim, scenario, voiceFault),
    created: () => sim.tasks.length,
    ledger: () => sim.tasks,
    close: sim.close,
  }
}
