import type { ProfileOf, SecretOf } from '@shared/providers/registry'
import type { SandboxKit } from '../provider-module'
import { randomHex, sandboxToken } from '../simulator-kit/sandbox-kit'

// Amazon Connect's part of the built-in sandbox. Connect is reached through the SDK's endpoint
// override (the profile names a region, not an address): once the simulator runs, its URL is the
// `endpoint` the sandbox profile's client and probe are given. A second profile signs in with IAM
// Identity Center (the device page of the sandbox's own Identity Center, started with the Connect
// simulator) and sends with the role credentials it hands out.

/** The Connect instance the sandbox's simulator serves. */
export const CONNECT_SANDBOX_INSTANCE = '5a4db0c5-c0c0-4000-8000-00000000c0c0'

/** The sandbox's AWS access portal, account and role: never reached (the simulator answers for it). */
export const CONNECT_SANDBOX_SSO = {
  startUrl: 'https://callboard-sandbox.awsapps.com/start',
  region: 'us-east-1',
  accountId: '111122223333',
  accountName: 'callboard-sandbox',
  roleName: 'SandboxConnectAgent',
}

/** The sign-in profile's id: fixed, like the ready profile's. */
const CONNECT_SANDBOX_SIGN_IN_ID = '5a4db0c5-0000-4000-8000-000000000103'

/** The sandbox's sign-in profile: "Sign in with Amazon Connect" through Identity Center, nothing stored. */
export function connectSandboxSignInProfile(): ProfileOf<'connect'> {
  return {
    ...connectSandboxProfile(),
    id: CONNECT_SANDBOX_SIGN_IN_ID,
    label: 'Sandbox sign-in · Amazon Connect',
    credentialSource: 'sso',
    ssoStartUrl: CONNECT_SANDBOX_SSO.startUrl,
    ssoRegion: CONNECT_SANDBOX_SSO.region,
    ssoAccountId: CONNECT_SANDBOX_SSO.accountId,
    ssoRoleName: CONNECT_SANDBOX_SSO.roleName,
  }
}

export function connectSandboxProfile(): ProfileOf<'connect'> {
  return {
    id: connectSandbox.profileId,
    provider: 'connect',
    label: 'Sandbox · Amazon Connect',
    region: 'us-east-1',
    instanceId: CONNECT_SANDBOX_INSTANCE,
    contactFlows: [{ id: 'sandbox-task-flow', label: 'Sandbox task flow' }],
    taskTemplates: [{ id: 'sandbox-task-template', label: 'Sandbox follow-up template' }],
    quickConnects: [{ id: 'sandbox-quick-connect', label: 'Sandbox queue' }],
    // The simulator is reached through the client's endpoint override, never through the profile.
    endpointUrl: '',
    fips: false,
    dualStack: false,
    credentialSource: 'access_keys',
    awsProfile: '',
    ssoStartUrl: '',
    ssoRegion: '',
    ssoAccountId: '',
    ssoRoleName: '',
  }
}

export const newConnectSandboxSecret = (): SecretOf<'connect'> => ({
  provider: 'connect',
  accessKeyId: `AKIASANDBOX${randomHex(5).toUpperCase()}`,
  secretAccessKey: sandboxToken('sbx-'),
  sessionToken: '',
})

export const connectSandbox: SandboxKit<'connect'> = {
  profileId: '5a4db0c5-0000-4000-8000-000000000003',
  newSecret: newConnectSandboxSecret,
  profile: connectSandboxProfile,
  start: async (secret) => (await import('./connect-sandbox-sim')).startConnectSandbox(secret),
  signIn: {
    profileId: CONNECT_SANDBOX_SIGN_IN_ID,
    profile: connectSandboxSignInProfile,
    // The sign-in itself is the secret: nothing is kept before it.
    signedOutSecret: () => null,
  },
}
