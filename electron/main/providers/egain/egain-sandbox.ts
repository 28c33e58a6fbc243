import type { ProfileOf, SecretOf } from '@shared/providers/registry'
import { EGAIN_SCOPES } from '@shared/providers/egain/profile'
import type { SandboxKit } from '../provider-module'
import { sandboxToken, NOT_LISTENING_URL } from '../simulator-kit/sandbox-kit'

// eGain's part of the built-in sandbox: a client-credentials profile, pointing at its simulator once
// that runs; and a profile that starts signed out and signs in with eGain (Authorization Code with
// PKCE) on the simulator's own sign-in page.

/** The client id of the sandbox's eGain application (on the profile, not in the secret). */
export const EGAIN_SANDBOX_CLIENT_ID = 'callboard-sandbox-client'

/** The sign-in profile's id: fixed, like the ready profile's. */
const EGAIN_SANDBOX_SIGN_IN_ID = '5a4db0c5-0000-4000-8000-000000000102'

/** The sandbox profile for a simulator at `at`. */
export function egainSandboxProfile(at: { url: string; tokenUrl: string }): ProfileOf<'egain'> {
  return {
    id: egainSandbox.profileId,
    provider: 'egain',
    label: 'Sandbox · eGain',
    apiBaseUrl: at.url,
    tokenUrl: at.tokenUrl,
    authorizeUrl: '',
    clientId: EGAIN_SANDBOX_CLIENT_ID,
    grantType: 'client_credentials',
    username: '',
    userId: '',
    scope: EGAIN_SCOPES.client_credentials,
    acceptLanguage: 'en-US',
    defaultDepartment: 'Service',
    taskSubtypes: ['General', 'Billing'],
  }
}

/** The sandbox's sign-in profile for a simulator at `at`: "Sign in with eGain" and nothing stored. */
export function egainSandboxSignInProfile(at: { url: string; tokenUrl: string }): ProfileOf<'egain'> {
  return {
    ...egainSandboxProfile(at),
    id: EGAIN_SANDBOX_SIGN_IN_ID,
    label: 'Sandbox sign-in · eGain',
    grantType: 'authorization_code',
    scope: EGAIN_SCOPES.authorization_code,
  }
}

const nowhere = { url: NOT_LISTENING_URL, tokenUrl: NOT_LISTENING_URL }

export const newEgainSandboxSecret = (): SecretOf<'egain'> => ({
  provider: 'egain',
  clientSecret: sandboxToken('sbx-'),
})

export const egainSandbox: SandboxKit<'egain'> = {
  profileId: '5a4db0c5-0000-4000-8000-000000000002',
  newSecret: newEgainSandboxSecret,
  profile: () => egainSandboxProfile(nowhere),
  start: async (secret) => (await import('./egain-sandbox-sim')).startEgainSandbox(secret),
  signIn: {
    profileId: EGAIN_SANDBOX_SIGN_IN_ID,
    profile: () => egainSandboxSignInProfile(nowhere),
    // A public client: PKCE alone, no client secret.
    signedOutSecret: () => ({ provider: 'egain', clientSecret: '' }),
  },
}
