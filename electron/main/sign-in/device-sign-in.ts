import * as oauth from 'oauth4webapi'
import { routedFetch } from '../net/routed-fetch'
import type { Clock } from '../core/clock'
import type { IdentityProvider, SignedIn } from './browser-sign-in'
import { explainRefusal, SignInRefused, tokensFrom } from './browser-sign-in'

/** What the agent is shown: a code to type at an address, on this computer or another. */
export interface DeviceCodePrompt {
  userCode: string
  verificationUri: string
  /** The address with the code already in it, where the provider offers one. */
  verificationUriComplete: string | null
  expiresAt: string
}

export interface DeviceSignIn {
  idp: IdentityProvider & { deviceAuthorizationEndpoint: string }
  clientId: string
  clientSecret?: string
  scope: string
  show(prompt: DeviceCodePrompt): void
  clock: Clock
  /** Between two polls of the token endpoint; a test moves on at once and counts the waits. */
  sleep?: (ms: number) => Promise<void>
  signal?: AbortSignal
  loopbackIdp?: boolean
  /** The app's HTTP (the one the provider clients use); the runtime's fetch when absent. */
  fetch?: typeof fetch
}

/** RFC 8628 §3.5: without an `interval`, five seconds; `slow_down` adds five more. */
const DEFAULT_INTERVAL_S = 5
const SLOW_DOWN_S = 5

/**
 * The Device Authorization Grant (RFC 8628), for desks where the browser cannot come back to a
 * loopback address: the agent signs in wherever they like with the code shown, and Callboard polls
 * the token endpoint at the pace the provider sets until it answers.
 */
export async function signInWithDeviceCode(options: DeviceSignIn): Promise<SignedIn> {
  const as: oauth.AuthorizationServer = {
    issuer: options.idp.issuer,
    token_endpoint: options.idp.tokenEndpoint,
    device_authorization_endpoint: options.idp.deviceAuthorizationEndpoint,
  }
  const client: oauth.Client = { client_id: options.clientId }
  const clientAuth = options.clientSecret ? oauth.ClientSecretBasic(options.clientSecret) : oauth.None()
  const http = {
    // Every request follows the proxy decision like every provider request.
    [oauth.customFetch]: routedFetch(),
    ...(options.loopbackIdp ? { [oauth.allowInsecureRequests]: true } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.fetch ? { [oauth.customFetch]: options.fetch } : {}),
  }
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))

  let device: oauth.DeviceAuthorizationResponse
  try {
    device = await oauth.processDeviceAuthorizationResponse(
      as,
      client,
      await oauth.deviceAuthorizationRequest(as, client, clientAuth, { scope: options.scope }, http),
    )
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError) {
      throw explainRefusal(error.error, error.error_description, [options.clientSecret])
    }
    throw error
  }
  const expiresAtMs = options.clock.now().getTime() + device.expires_in * 1000
  options.show({
    userCode: device.user_code,
    verificationUri: device.verification_uri,
    verificationUriComplete: device.verification_uri_complete ?? null,
    expiresAt: new Date(expiresAtMs).toISOString(),
  })

  let intervalS = device.interval ?? DEFAULT_INTERVAL_S
  for (;;) {
    if (options.clock.now().getTime() >= expiresAtMs) throw explainRefusal('expired_token', undefined)
    await sleep(intervalS * 1000)
    options.signal?.throwIfAborted()
    try {
      const response = await oauth.deviceCodeGrantRequest(as, client, clientAuth, device.device_code, http)
      // The device grant has no nonce (RFC 8628): an ID token that comes back is checked by
      // oauth4webapi for its issuer, audience and lifetime, as in the browser flow.
      return tokensFrom(await oauth.processDeviceCodeResponse(as, client, response), options.clock)
    } catch (error) {
      if (!(error instanceof oauth.ResponseBodyError)) throw error
      if (error.error === 'authorization_pending') continue
      if (error.error === 'slow_down') {
        intervalS += SLOW_DOWN_S
        continue
      }
      throw explainRefusal(error.error, error.error_description, [options.clientSecret, device.device_code])
    }
  }
}

export { SignInRefused }
