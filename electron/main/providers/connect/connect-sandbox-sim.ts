import type { SecretOf } from '@shared/providers/registry'
import type { SandboxSimulator } from '../provider-module'
import { playScenario, scenarioFault } from '../simulator-kit/scenario-faults'
import { CONNECT_SANDBOX_INSTANCE, connectSandboxProfile } from './connect-sandbox'
import { startConnectSimulator } from './connect-simulator'

/** Starts the sandbox's Connect simulator (loaded only when the sandbox profile is first used). */
export async function startConnectSandbox(secret: SecretOf<'connect'>): Promise<SandboxSimulator<'connect'>> {
  // The sandbox's own secret is always an access key (connect-sandbox.ts).
  if (secret.kind === 'sso' || secret.kind === 'aws_profile')
    throw new Error('the Connect sandbox signs with an access key')
  const sim = await startConnectSimulator({
    accessKeyId: secret.accessKeyId,
    secretAccessKey: secret.secretAccessKey,
    region: 'us-east-1',
    instances: [{ id: CONNECT_SANDBOX_INSTANCE, alias: 'callboard-sandbox' }],
    // The instance's flows, quick connects and templates as its lists show them: more than the profile holds.
    lists: {
      contactFlows: [
        { id: 'sandbox-task-flow', name: 'Sandbox task flow', type: 'CONTACT_FLOW' },
        { id: 'sandbox-escalation-flow', name: 'Sandbox escalation flow', type: 'CONTACT_FLOW' },
        { id: 'sandbox-whisper-flow', name: 'Sandbox agent whisper', type: 'AGENT_WHISPER' },
      ],
      quickConnects: [
        { id: 'sandbox-quick-connect', name: 'Sandbox queue', type: 'QUEUE' },
        { id: 'sandbox-supervisor', name: 'Sandbox supervisor', type: 'USER' },
      ],
      taskTemplates: [
        { id: 'sandbox-task-template', name: 'Sandbox follow-up template', type: 'ACTIVE' },
        { id: 'sandbox-retired-template', name: 'Sandbox retired template', type: 'INACTIVE' },
      ],
    },
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
