import type { SignInCapability } from '../../sign-in/sign-in-capability'
import { webexHosts } from './webex-endpoints'

/**
 * What "Sign in with Webex" asks for: creating tasks (`cjp:user`), reading the organization's entry
 * points and ANIs for the editor's lists (`cjp:config_read`), and the signed-in person's name
 * (`spark:people_read`). The integration must be registered with the same scopes.
 */
export const WEBEX_SIGN_IN_SCOPE = 'cjp:user cjp:config_read spark:people_read'

/**
 * Webex identity's OAuth endpoints under the profile's sign-in address (`webexapis.com` unless the
 * profile names another), providers.md §1: `/v1/authorize` and `/v1/access_token` [V]; the Device
 * Grant at `/v1/device/authorize` and `/v1/device/token` [I]. Webex documents no token revocation
 * endpoint for integrations [I]: a user removes an integration's access in their Webex settings, an
 * administrator in Control Hub, so signing out deletes the tokens here and revokes nothing.
 */
export const webexSignIn: SignInCapability<'webex'> = {
  plan(profile, secret) {
    if (profile.authMethod !== 'sign_in') return null
    const { identity } = webexHosts(profile)
    const clientSecret = secret?.kind === 'sign_in' && secret.clientSecret ? secret.clientSecret : undefined
    return {
      kind: 'oauth',
      idp: {
        issuer: `${identity}/v1`,
        authorizationEndpoint: `${identity}/v1/authorize`,
        tokenEndpoint: `${identity}/v1/access_token`,
      },
      clientId: profile.clientId,
      ...(clientSecret && { clientSecret }),
      scope: WEBEX_SIGN_IN_SCOPE,
      device: {
        authorizationEndpoint: `${identity}/v1/device/authorize`,
        tokenEndpoint: `${identity}/v1/device/token`,
      },
      revocationEndpoint: null,
      async whoAmI(accessToken, fetcher, signal) {
        const response = await fetcher(`${identity}/v1/people/me`, {
          headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
          signal,
        })
        if (!response.ok) return null
        const me = (await response.json().catch(() => ({}))) as { displayName?: unknown }
        return typeof me.displayName === 'string' && me.displayName ? me.displayName.slice(0, 200) : null
      },
    }
  },
  blankSecret: () => ({ provider: 'webex', kind: 'sign_in', clientSecret: '' }),
}
