import type { ProfileOf, SecretOf } from '@shared/providers/registry'
import type { SandboxKit } from '../provider-module'
import { sandboxToken, NOT_LISTENING_URL } from '../simulator-kit/sandbox-kit'

// Webex's part of the built-in sandbox: a profile that signs in with OAuth (so the sandbox plays the
// refresh-then-retry path of a real Webex profile), pointing at its simulator once that runs; and a
// profile that starts signed out and signs in with Webex (browser with PKCE, or a device code) on
// the simulator's own sign-in page, as the sandbox's agent.

type OAuthSecret = Extract<SecretOf<'webex'>, { kind: 'oauth' }>

/** The organization the sandbox's Webex belongs to: fixed, so the profile is complete before it runs. */
export const WEBEX_SANDBOX_ORG = '5a4db0c5-0e0e-4000-8000-00000000e0e0'

/**
 * The client id of the sandbox's Webex integration: public, as every integration's client id is (it
 * is in every authorize URL), so the sign-in profile can show it.
 */
export const WEBEX_SANDBOX_CLIENT_ID = 'callboard-sandbox-webex-integration'

/** The sign-in profile's id: fixed, like the ready profile's. */
const WEBEX_SANDBOX_SIGN_IN_ID = '5a4db0c5-0000-4000-8000-000000000101'

const sandboxLists = {
  entryPoints: [
    { id: 'sandbox-outdial-ep', label: 'Sandbox outdial', direction: 'outbound' as const },
    { id: 'sandbox-callback-ep', label: 'Sandbox callbacks', direction: 'inbound' as const },
  ],
  outdialAnis: [{ number: '+14085550100', label: 'Sandbox main line' }],
  scheduledCallbackQueueId: 'sandbox-callback-queue',
}

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
    ...sandboxLists,
  }
}

/** The sandbox's sign-in profile for a simulator at `at`: "Sign in with Webex" and nothing stored. */
export function webexSandboxSignInProfile(at: { url: string; identityUrl: string; orgId: string }): ProfileOf<'webex'> {
  return {
    id: WEBEX_SANDBOX_SIGN_IN_ID,
    provider: 'webex',
    label: 'Sandbox sign-in · Webex Contact Center',
    endpoint: { kind: 'custom', baseUrl: at.url },
    identityUrl: at.identityUrl,
    orgId: at.orgId,
    authMethod: 'sign_in',
    clientId: WEBEX_SANDBOX_CLIENT_ID,
    ...sandboxLists,
  }
}

const nowhere = { url: NOT_LISTENING_URL, identityUrl: NOT_LISTENING_URL, orgId: WEBEX_SANDBOX_ORG }

export const newWebexSandboxSecret = (): OAuthSecret => ({
  provider: 'webex',
  kind: 'oauth',
  clientId: WEBEX_SANDBOX_CLIENT_ID,
  clientSecret: sandboxToken('sbx-'),
  refreshToken: sandboxToken('sbx-rt-'),
})

/** The sandbox makes OAuth credentials; anything else is replaced by fresh ones. */
export const asOAuth = (secret: SecretOf<'webex'>): OAuthSecret =>
  secret.kind === 'oauth' ? secret : newWebexSandboxSecret()

export const webexSandbox: SandboxKit<'webex'> = {
  profileId: '5a4db0c5-0000-4000-8000-000000000001',
  newSecret: newWebexSandboxSecret,
  profile: (secret) => webexSandboxProfile(nowhere, asOAuth(secret)),
  start: async (secret) => (await import('./webex-sandbox-sim')).startWebexSandbox(asOAuth(secret)),
  signIn: {
    profileId: WEBEX_SANDBOX_SIGN_IN_ID,
    profile: () => webexSandboxSignInProfile(nowhere),
    // A public integration: PKCE alone, no client secret (the simulator's default, as Webex allows).
    signedOutSecret: () => ({ provider: 'webex', kind: 'sign_in', clientSecret: '' }),
  },
}
