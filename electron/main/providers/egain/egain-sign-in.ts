import type { SignInCapability } from '../../sign-in/sign-in-capability'

/**
 * Where an agent signs in with eGain: the profile's authorize URL, or the token URL with its last
 * `/token` replaced by `/authorize` (eGain's OAuth endpoints share their path, [I]; an
 * administrator whose tenant differs names it in the profile).
 */
export const egainAuthorizeUrl = (profile: { authorizeUrl: string; tokenUrl: string }): string =>
  profile.authorizeUrl || profile.tokenUrl.replace(/\/token(\/?)$/, '/authorize$1')

/**
 * "Sign in with eGain" (grant `authorization_code`): Authorization Code with PKCE in the browser,
 * eGain's flow for interactive users (providers.md §2), with the profile's delegated scope. eGain's
 * documents in this project name no device grant, no revocation endpoint and no "who am I" call
 * [I]: the agent signs in in the browser, signing out deletes the tokens here, and the window says
 * "Signed in" without a name.
 */
export const egainSignIn: SignInCapability<'egain'> = {
  plan(profile, secret) {
    if (profile.grantType !== 'authorization_code') return null
    return {
      kind: 'oauth',
      idp: {
        issuer: profile.tokenUrl.replace(/\/token\/?$/, ''),
        authorizationEndpoint: egainAuthorizeUrl(profile),
        tokenEndpoint: profile.tokenUrl,
      },
      clientId: profile.clientId,
      ...(secret?.clientSecret && { clientSecret: secret.clientSecret }),
      scope: profile.scope,
      device: null,
      revocationEndpoint: null,
      whoAmI: async () => null,
    }
  },
  blankSecret: () => ({ provider: 'egain', clientSecret: '' }),
}
