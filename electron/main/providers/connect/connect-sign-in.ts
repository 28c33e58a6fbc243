import type { SignInCapability } from '../../sign-in/sign-in-capability'
import { identityCenterHosts, signInWithIdentityCenter } from './identity-center-sign-in'

/**
 * "Sign in" for a Connect profile whose credential source is IAM Identity Center: the SSO OIDC
 * device flow through the official SDK (identity-center-sign-in.ts), run by the generic sign-in
 * service as a custom plan. The sign-in (registration and tokens) is the profile's secret; its
 * tokens also go to the token cache, which renews them when the portal is asked for the role's
 * credentials (connect-credentials.ts).
 */
export const connectSignInCapability: SignInCapability<'connect'> = {
  plan(profile) {
    if (profile.credentialSource !== 'sso') return null
    return {
      kind: 'custom',
      // Identity Center offers the device authorization flow only (as `aws sso login` uses it).
      methods: ['device'],
      browserHosts: identityCenterHosts(profile),
      async start(run) {
        const secret = await signInWithIdentityCenter({
          profile,
          show: run.show,
          clock: run.clock,
          signal: run.signal,
          ...(run.sleep && { sleep: run.sleep }),
          ...(run.endpoint && { endpoint: run.endpoint }),
        })
        return {
          secret,
          token: {
            accessToken: secret.accessToken,
            expiresAt: secret.accessTokenExpiresAt,
            ...(secret.refreshToken && { refreshToken: secret.refreshToken }),
          },
        }
      },
    }
  },
  // The sign-in itself is the secret: nothing is kept before it.
  blankSecret: () => null,
}
