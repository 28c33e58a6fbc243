import type { SecretOf } from '@shared/providers/registry'
import type { SandboxSimulator } from '../provider-module'
import { playScenario, scenarioFault } from '../simulator-kit/scenario-faults'
import { CONNECT_SANDBOX_INSTANCE, connectSandboxProfile } from './connect-sandbox'
import { startConnectSimulator } from './connect-simulator'

/** Starts the sandbox's Connect simulator (loaded only when the sandbox profile is first used). */
export async function startConnectSandbox(secret: SecretOf<'connect'>): Promise<SandboxSimulator<'connect'>> {
  const sim = await startConnectSimulator({
    accessKeyId: secret.accessKeyId,
    secretAccessKey: secret.secretAccessKey,
    region: 'us-east-1',
    instances: [{ id: CONNECT_SANDBOX_INSTANCE, alias: 'callboard-sandbox' }],
  })
  return {
    profile: connectSandboxProfile(),
    endpoint: sim.url,
    play: (scenario) => playScenario(sim, scenario, scenarioFault),
    created: () => sim.tasks.length,
    ledger: () => sim.tasks,
    close: sim.close,
  }
}
