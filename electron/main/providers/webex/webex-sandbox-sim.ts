import type { SecretOf } from '@shared/providers/registry'
import type { SandboxSimulator } from '../provider-module'
import { playScenario, scenarioFault } from '../simulator-kit/scenario-faults'
import { WEBEX_SANDBOX_ORG, webexSandboxProfile, webexSandboxSignInProfile } from './webex-sandbox'
import { startWebexSimulator } from './webex-simulator'

/** Starts the sandbox's Webex simulator (loaded only when the sandbox profile is first used). */
export async function startWebexSandbox(
  secret: Extract<SecretOf<'webex'>, { kind: 'oauth' }>,
): Promise<SandboxSimulator<'webex'>> {
  const sim = await startWebexSimulator({
    ...secret,
    orgId: WEBEX_SANDBOX_ORG,
    // The organization's configuration as its lists show it: more than the profile holds.
    lists: {
      entryPoints: [
        { id: 'sandbox-outdial-ep', name: 'Sandbox outdial', entryPointType: 'OUTBOUND' },
        { id: 'sandbox-callback-ep', name: 'Sandbox callbacks', entryPointType: 'INBOUND' },
        { id: 'sandbox-sales-ep', name: 'Sales outbound', entryPointType: 'OUTBOUND' },
      ],
      outdialAnis: [
        { id: 'sandbox-ani-1', name: 'Sandbox main line', number: '+14085550100' },
        { id: 'sandbox-ani-2', name: 'Sandbox support line', number: '+14085550111' },
      ],
    },
  })
  return {
    profile: webexSandboxProfile(sim, secret),
    signIn: { profile: webexSandboxSignInProfile(sim) },
    play: (scenario) => playScenario(sim, scenario, scenarioFault),
    created: () => sim.tasks.length + sim.callbacks.length,
    ledger: () => [...sim.tasks, ...sim.callbacks],
    close: sim.close,
  }
}
