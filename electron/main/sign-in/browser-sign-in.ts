import * as oauth from 'oauth4webapi'
import { routedFetch } from '../net/routed-fetch'
import type { Clock } from '../core/clock'
import { SignInError, startLoopbackRedirect } from './loopback-redirect'
import { redactSecrets } from '../secrets/redact-secrets'
import { msg, type Message } from '@shared/i18n/message'
import { renderMessage } from '@shared/i18n/render-message'

/** An identity provider's endpoints, as the profile or the provider module knows them. */
export interface IdentityProvider {
  /** Its issuer identifier (Webex: `https://webexapis.com/v1`). */
  issuer: string
  authorizationEndpoint: string
  tokenEndpoint: string
}

export interface BrowserSignIn {
  idp: IdentityProvider
  clientId: string
  /** Webex integrations may still require it at the token endpoint; PKCE is sent either way. */
  clientSecret?: string
  scope: string
  /** Opens the system browser (Electron's shell.openExternal; a test page in the harness). */
  openBrowser(url: URL): Promise<void>
  clock: Clock
  /** How long the agent has to finish in the browser. */
  timeoutMs?: number
  /** The sandbox's identity providers speak plain HTTP on 127.0.0.1; nothing else may. */
  loopbackIdp?: boolean
  /** The agent cancelled: the listener closes and the sign-in fails as `cancelled`. */
  signal?: AbortSignal
  /** The app's HTTP (the one the provider clients use); the runtime's fetch when absent. */
  fetch?: typeof fetch
}

export interface SignedIn {
  accessToken: string
  refreshToken: string | null
  expiresAt: string
  scope: string | null
}

/** Why a sign-in failed, as a message for the agent, and what to do; its English for the log. */
export class SignInRefused extends Error {
  constructor(
    readonly code: string,
    readonly said: Message,
  ) {
    super(renderMessage(said))
    this.name = 'SignInRefused'
  }
}

/**
 * An identity provider's refusal, by its error code: the window words the codes it knows itself
 * (signIn.problems), and any other as a generic sentence with the code and the provider's own
 * description as they are. Its own words pass the one redaction
 * first, with every secret of this sign-in (`hide`: the client secret, the PKCE verifier, a code):
 * a provider that echoes the request would otherwise put them in front of the agent and the log.
 */
export function explainRefusal(
  error: string,
  description: string | undefined,
  hide: readonly (string | undefined)[] = [],
): SignInRefused {
  const secrets = hide.filter((value): value is string => typeof value === 'string' && value.length > 0)
  const code = redactSecrets(error, secrets)
  return new SignInRefused(
    code,
    description
      ? msg('signInEnded.refusedDescribed', { code, description: redactSecrets(description, secrets) })
      : msg('signInEnded.refused', { code }),
  )
}

/**
 * The Authorization Code flow with PKCE (S256) in the system browser, the redirect on a loopback
 * listener (RFC 8252). `state` is checked on the way back; the code is exchanged once. The
 * protocol is oauth4webapi's; what is ours is the listener and opening the browser.
 */
export async function signInWithBrowser(options: BrowserSignIn): Promise<SignedIn> {
  const as: oauth.AuthorizationServer = {
    issuer: options.idp.issuer,
    authorization_endpoint: options.idp.authorizationEndpoint,
    token_endpoint: options.idp.tokenEndpoint,
  }
  const client: oauth.Client = { client_id: options.clientId }
  const clientAuth = options.clientSecret ? oauth.ClientSecretPost(options.clientSecret) : oauth.None()
  // The token request follows the proxy decision like every provider request.
  const insecure = {
    [oauth.customFetch]: options.fetch ?? routedFetch(),
    ...(options.loopbackIdp ? { [oauth.allowInsecureRequests]: true } : {}),
  }

  const verifier = oauth.generateRandomCodeVerifier()
  const challenge = await oauth.calculatePKCECodeChallenge(verifier)
  const state = oauth.generateRandomState()
  // OpenID Connect only where the scope asks for it (`openid`): then an ID token must come back,
  // carrying this nonce, checked by oauth4webapi with its issuer, audience and lifetime. Neither
  // Webex's nor eGain's sign-in asks for it today (their scopes name no `openid`), so no ID token
  // is requested; one that comes back unasked is still checked, and must carry no nonce.
  const nonce = wantsIdToken(options.scope) ? oauth.generateRandomNonce() : null
  const listener = await startLoopbackRedirect({ timeoutMs: options.timeoutMs ?? 5 * 60_000 })
  const cancel = () => listener.close()
  options.signal?.addEventListener('abort', cancel, { once: true })
  // Cancelled while the listener was starting: the event has gone by.
  if (options.signal?.aborted) cancel()
  try {
    const url = new URL(as.authorization_endpoint!)
    url.searchParams.set('client_id', client.client_id)
    url.searchParams.set('response_type', 'code')
    url.searchParams.set('redirect_uri', listener.redirectUri)
    url.searchParams.set('scope', options.scope)
    url.searchParams.set('state', state)
    url.searchParams.set('code_challenge', challenge)
    url.searchParams.set('code_challenge_method', 'S256')
    if (nonce) url.searchParams.set('nonce', nonce)
    await options.openBrowser(url)
    const back = await listener.callback

    let params: URLSearchParams
    try {
      params = oauth.validateAuthResponse(as, client, back, state)
    } catch (error) {
      if (error instanceof oauth.AuthorizationResponseError) {
        throw explainRefusal(error.error, error.error_description, [options.clientSecret, verifier])
      }
      // A wrong or missing state: not this sign-in's answer (RFC 6749 §10.12).
      throw new SignInRefused('state', msg('signInEnded.notThisSignIn'))
    }
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      clientAuth,
      params,
      listener.redirectUri,
      verifier,
      { ...insecure, ...(options.signal && { signal: options.signal }) },
    )
    let tokens: oauth.TokenEndpointResponse
    try {
      tokens = await oauth.processAuthorizationCodeResponse(
        as,
        client,
        response,
        nonce ? { expectedNonce: nonce, requireIdToken: true } : undefined,
      )
    } catch (error) {
      if (error instanceof oauth.ResponseBodyError) {
        throw explainRefusal(error.error, error.error_description, [
          options.clientSecret,
          verifier,
          params.get('code') ?? undefined,
        ])
      }
      throw error
    }
    return tokensFrom(tokens, options.clock)
  } finally {
    options.signal?.removeEventListener('abort', cancel)
    listener.close()
  }
}

/** Whether a scope asks for OpenID Connect (an ID token): `openid` among its space-separated values. */
export const wantsIdToken = (scope: string): boolean => scope.split(/\s+/).includes('openid')

/** A token endpoint's answer as Callboard keeps it (an hour when the provider does not say). */
export function tokensFrom(tokens: oauth.TokenEndpointResponse, clock: Clock): SignedIn {
  const lifetimeS = typeof tokens.expires_in === 'number' ? tokens.expires_in : 3600
  return {
    accessToken: tokens.access_token,
    refreshToken: typeof tokens.refresh_token === 'string' ? tokens.refresh_token : null,
    expiresAt: new Date(clock.now().getTime() + lifetimeS * 1000).toISOString(),
    scope: typeof tokens.scope === 'string' ? tokens.scope : null,
  }
}

export { SignInError }
