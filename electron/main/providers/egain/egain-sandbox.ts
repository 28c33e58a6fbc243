import type { ProfileOf, SecretOf } from '@shared/providers/registry'
import { EGAIN_SCOPES } from '@shared/providers/egain/profile'
import type { SandboxKit } from '../provider-module'
import { sandboxToken, NOT_LISTENING_URL } from '../simulator-kit/sandbox-kit'

// eGain's part of the built-in sandbox: a client-credentials profile, pointing at its simulator once
// that runs.

/** The client id of the sandbox's eGain application (on the profile, not in the secret). */
export const EGAIN_SANDBOX_CLIENT_ID = 'callboard-sandbox-client'

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

export const newEgainSandboxSecret = (): SecretOf<'egain'> => ({
  provider: 'egain',
  clientSecret: sandboxToken('sbx-'),
})

export const egainSandbox: SandboxKit<'egain'> = {
  profileId: '5a4db0c5-0000-4000-8000-000000000002',
  newSecret: newEgainSandboxSecret,
  profile: () => egainSandboxProfile({ url: NOT_LISTENING_URL, tokenUrl: NOT_LISTENING_URL }),
  start: async (secret) => (await import('./egain-sandbox-sim')).startEgainSandbox(secret),
}
