import type { ProfileOf, ProviderName, SecretOf } from '@shared/providers/registry'
import type { IdentityProvider } from './browser-sign-in'

// How a provider's profile signs in through its identity provider. A provider module declares it
// (`ProviderModule.signIn`); the sign-in service (sign-in-service.ts) runs it, whatever the
// provider. Generic code knows nothing of any provider; the provider knows nothing of the window.

/** One profile's identity provider, client and scope, as its provider reads them from the profile. */
export interface SignInPlan {
  idp: IdentityProvider
  clientId: string
  /** Sent at the token endpoint when the integration has one; PKCE is sent either way. */
  clientSecret?: string
  scope: string
  /** The Device Authorization Grant, where the provider offers it (its endpoints), else null. */
  device: { authorizationEndpoint: string; tokenEndpoint: string } | null
  /** Where a token is revoked on sign-out (RFC 7009), or null where the provider offers none. */
  revocationEndpoint: string | null
  /** Whom the token belongs to, in words for the agent (a display name), or null if unknown. */
  whoAmI(accessToken: string, fetcher: typeof fetch, signal: AbortSignal): Promise<string | null>
}

export interface SignInCapability<P extends ProviderName> {
  /** How this profile signs in, or null when it does not sign in through the identity provider. */
  plan(profile: ProfileOf<P>, secret: SecretOf<P> | null): SignInPlan | null
  /** The secret kept for a profile that signs in (its client secret, if any) before any was stored. */
  blankSecret(profile: ProfileOf<P>): SecretOf<P>
}
