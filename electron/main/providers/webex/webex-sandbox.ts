import type { ProfileOf, SecretOf } from '@shared/providers/registry'
import type { SandboxKit } from '../provider-module'
import { sandboxToken, NOT_LISTENING_URL } from '../simulator-kit/sandbox-kit'

// Webex's part of the built-in sandbox: a profile that signs in with OAuth (so the sandbox plays the
// refresh-then-retry path of a real Webex profile), pointing at its simulator once that runs.

type OAuthSecret = Extract<SecretOf<'webex'>, { kind: 'oauth' }>

/** The organization the sandbox's Webex belongs to: fixed, so the profile is complete before it runs. */
export const WEBEX_SANDBOX_ORG = '5a4db0c5-0e0e-4000-8000-00000000e0e0'

/** The sandbox profile for a simulator at `at` (the loopback host alone until it listens). */
export function webexSandboxProfile(
  at: { url: string; identityUrl: string; orgId: string },
  secret: OAuthSecret,
): ProfileOf<'webex'> {
  return {
    id: webexSandbox.profileId,
    provider: 'webex',
    label: 'Sandbox · Webex Contact Center',
    endpoint: { kind: 'custom', baseUrl: at.url },
    identityUrl: at.identityUrl,
    orgId: at.orgId,
    authMethod: secret.kind,
    clientId: '',
    entryPoints: [
      { id: 'sandbox-outdial-ep', label: 'Sandbox outdial', direction: 'outbound' },
      { id: 'sandbox-callback-ep', label: 'Sandbox callbacks', direction: 'inbound' },
    ],
    outdialAnis: [{ number: '+14085550100', label: 'Sandbox main line' }],
    scheduledCallbackQueueId: 'sandbox-callback-queue',
  }
}

export const newWebexSandboxSecret = (): OAuthSecret => ({
  provider: 'webex',
  kind: 'oauth',
  clientId: sandboxToken('sandbox-webex-client-'),
  clientSecret: sandboxToken('sbx-'),
  refreshToken: sandboxToken('sbx-rt-'),
})

/** The sandbox makes OAuth credentials; anything else is replaced by fresh ones. */
export const asOAuth = (secret: SecretOf<'webex'>): OAuthSecret =>
  secret.kind === 'oauth' ? secret : newWebexSandboxSecret()

export const webexSandbox: SandboxKit<'webex'> = {
  profileId: '5a4db0c5-0000-4000-8000-000000000001',
  newSecret: newWebexSandboxSecret,
  profile: (secret) =>
    webexSandboxProfile(
      { url: NOT_LISTENING_URL, identityUrl: NOT_LISTENING_URL, orgId: WEBEX_SANDBOX_ORG },
      asOAuth(secret),
    ),
  start: async (secret) => (await import('./webex-sandbox-sim')).startWebexSandbox(asOAuth(secret)),
}
