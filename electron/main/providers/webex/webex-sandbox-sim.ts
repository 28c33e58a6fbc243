import type { SecretOf } from '@shared/providers/registry'
import type { SandboxSimulator } from '../provider-module'
import { playScenario, scenarioFault } from '../simulator-kit/scenario-faults'
import { WEBEX_SANDBOX_ORG, webexSandboxProfile } from './webex-sandbox'
import { startWebexSimulator } from './webex-simulator'

/** Starts the sandbox's Webex simulator (loaded only when the sandbox profile is first used). */
export async function startWebexSandbox(
  secret: Extract<SecretOf<'webex'>, { kind: 'oauth' }>,
): Promise<SandboxSimulator<'webex'>> {
  const sim = await startWebexSimulator({ ...secret, orgId: WEBEX_SANDBOX_ORG })
  return {
    profile: webexSandboxProfile(sim, secret),
    play: (scenario) => playScenario(sim, scenario, scenarioFault),
    created: () => sim.tasks.length + sim.callbacks.length,
    ledger: () => [...sim.tasks, ...sim.callbacks],
    close: sim.close,
  }
}
