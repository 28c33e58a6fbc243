import type { SecretOf } from '@shared/providers/registry'
import type { SandboxSimulator } from '../provider-module'
import { playScenario, scenarioFault } from '../simulator-kit/scenario-faults'
import { aiccsSandboxProfile } from './aiccs-sandbox'
import { startAiccsSimulator } from './aiccs-simulator'

/** Starts the sandbox's AICCS simulator (loaded only when the sandbox profile is first used). */
export async function startAiccsSandbox(secret: SecretOf<'aiccs'>): Promise<SandboxSimulator<'aiccs'>> {
  const sim = await startAiccsSimulator({ ...secret })
  return {
    profile: aiccsSandboxProfile(sim),
    play: (scenario) => playScenario(sim, scenario, scenarioFault),
    created: () => sim.tasks.length,
    ledger: () => sim.tasks,
    close: sim.close,
  }
}
