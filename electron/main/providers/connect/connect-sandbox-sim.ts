import type { SecretOf } from '@shared/providers/registry'
import type { SandboxSimulator } from '../provider-module'
import { playScenario, scenarioFault } from '../simulator-kit/scenario-faults'
import { startOneAddress, type OneAddress } from '../simulator-kit/one-address'
import {
  CONNECT_SANDBOX_INSTANCE,
  CONNECT_SANDBOX_SSO,
  connectSandboxProfile,
  connectSandboxSignInProfile,
} from './connect-sandbox'
import { startConnectSimulator } from './connect-simulator'
import { startIdentityCenterSimulator } from './identity-center-simulator'

/** Where the Identity Center simulator answers: SSO OIDC, its device page, and the access portal. */
const IDENTITY_CENTER_PATHS = [
  '/client/register',
  '/device_authorization',
  '/token',
  '/device',
  '/assignment',
  '/federation',
]

/**
 * One loopback address in front of a Connect simulator and an Identity Center simulator, routed by
 * path: Callboard reaches a profile's Identity Center at the same override address as its Connect
 * endpoint. The sandbox's sign-in profile and the tests of Connect's sign-in use it alike.
 */
export function startIdentityCenterFront(connectUrl: string, identityCenterUrl: string): Promise<OneAddress> {
  return startOneAddress((path) =>
    IDENTITY_CENTER_PATHS.some((prefix) => path.startsWith(prefix)) ? identityCenterUrl : connectUrl,
  )
}

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
  // The sandbox's Identity Center: the sign-in profile's role credentials are the ones Connect accepts.
  const idc = await startIdentityCenterSimulator({
    startUrl: CONNECT_SANDBOX_SSO.startUrl,
    accounts: [
      {
        accountId: CONNECT_SANDBOX_SSO.accountId,
        accountName: CONNECT_SANDBOX_SSO.accountName,
        roles: [CONNECT_SANDBOX_SSO.roleName],
      },
    ],
    onRoleCredentials: (issued) => sim.acceptCredentials(issued),
  })
  // Callboard reaches a profile's Identity Center at its Connect override address: one address for
  // both. Only the sign-in profile goes through it; the ready profile reaches Connect directly, so its
  // fault scenarios (a refused connection above all) look exactly as they always did.
  const front = await startIdentityCenterFront(sim.url, idc.url)
  return {
    profile: connectSandboxProfile(),
    endpoint: sim.url,
    signIn: { profile: connectSandboxSignInProfile(), endpoint: front.url },
    play: (scenario) => playScenario(sim, scenario, scenarioFault),
    created: () => sim.tasks.length,
    ledger: () => sim.tasks,
    close: async () => {
      await front.close()
      await Promise.all([idc.close(), sim.close()])
    },
  }
}
