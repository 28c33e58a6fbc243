import type { ProfileOf, ProviderName, ProviderSecret, SecretOf } from '@shared/providers/registry'
import type { SignInMethod } from '@shared/schemas/sign-in'
import type { CachedToken } from '@shared/schemas/token'
import type { Clock } from '../core/clock'
import type { IdentityProvider } from './browser-sign-in'
import type { DeviceCodePrompt } from './device-sign-in'

// How a provider's profile signs in through its identity provider. A provider module declares it
// (`ProviderModule.signIn`); the sign-in service (sign-in-service.ts) runs it, whatever the
// provider. Generic code knows nothing of any provider; the provider knows nothing of the window.

/** One profile's identity provider, client and scope, as its provider reads them from the profile. */
export interface OAuthSignInPlan {
  kind: 'oauth'
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

/** What a provider's own sign-in is given by the sign-in service. */
export interface CustomSignInRun {
  method: SignInMethod
  /** Shows the agent a device code and its address (the window's sign-in panel). */
  show(prompt: DeviceCodePrompt): void
  clock: Clock
  signal: AbortSignal
  /** Between two polls (tests move on at once). */
  sleep?: (ms: number) => Promise<void>
  /** The provider's address for this profile instead of the real one (a simulator), if any. */
  endpoint?: string
}

/** What a provider's own sign-in obtained, for the keychain only. */
export interface CustomSignedIn {
  /** The profile's secret entry: the sign-in itself. Signing out deletes it. */
  secret: ProviderSecret
  /** The token cache's entry (it decides "signed in", "renews automatically" and until when). */
  token: CachedToken
}

/**
 * A provider whose identity provider is not plain OAuth to the service (an SDK's own flow, say)
 * brings its flow: the service runs it, stores what it returns, and keeps status, cancel and
 * sign-out generic. It rejects with SignInRefused in words for the agent.
 */
export interface CustomSignInPlan {
  kind: 'custom'
  /** The ways the window offers (a device code only, for instance). */
  methods: SignInMethod[]
  /**
   * The hosts its device page may be on: the service opens the page shown (with the code in it,
   * where offered) in the system browser only there (or on this computer, for a simulator).
   */
  browserHosts: string[]
  start(run: CustomSignInRun): Promise<CustomSignedIn>
}

export type SignInPlan = OAuthSignInPlan | CustomSignInPlan

export interface SignInCapability<P extends ProviderName> {
  /** How this profile signs in, or null when it does not sign in through the identity provider. */
  plan(profile: ProfileOf<P>, secret: SecretOf<P> | null): SignInPlan | null
  /**
   * The secret kept for a profile that signs in (its client secret, if any) before any was stored;
   * null where the sign-in itself is the secret (a custom plan).
   */
  blankSecret(profile: ProfileOf<P>): SecretOf<P> | null
}
