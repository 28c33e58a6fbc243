import type { SecretOf } from '@shared/providers/registry'
import type { SandboxSimulator } from '../provider-module'
import { playScenario, scenarioFault } from '../simulator-kit/scenario-faults'
import { EGAIN_SANDBOX_CLIENT_ID, egainSandboxProfile, egainSandboxSignInProfile } from './egain-sandbox'
import { startEgainSimulator } from './egain-simulator'

/** Starts the sandbox's eGain simulator (loaded only when the sandbox profile is first used). */
export async function startEgainSandbox(secret: SecretOf<'egain'>): Promise<SandboxSimulator<'egain'>> {
  const sim = await startEgainSimulator({ clientId: EGAIN_SANDBOX_CLIENT_ID, clientSecret: secret.clientSecret })
  return {
    profile: egainSandboxProfile(sim),
    signIn: { profile: egainSandboxSignInProfile(sim) },
    play: (scenario) => playScenario(sim, scenario, scenarioFault),
    created: () => sim.activities.length,
    ledger: () => sim.activities,
    close: sim.close,
  }
}
