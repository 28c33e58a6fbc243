import { msg } from '@shared/i18n/message'
import { CreateTokenCommand, RegisterClientCommand, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc'
import type { ProfileOf } from '@shared/providers/registry'
import type { ConnectSsoSecret } from '@shared/providers/connect/secret'
import type { Clock } from '../../core/clock'
import type { DeviceCodePrompt } from '../../sign-in/device-sign-in'
import { explainRefusal, SignInRefused } from '../../sign-in/browser-sign-in'
import { awsAnswered, ssoOidcClient } from './identity-center'

// Signing a Connect profile in with AWS IAM Identity Center: the device authorization flow of SSO
// OIDC, through the official SDK (the AWS CLI's `aws sso login` does the same). Callboard registers
// itself as a public client, asks for a device code for the profile's AWS access portal, shows the
// agent the code and the address (the browser opens on it), and polls CreateToken at the pace the
// Identity Center sets until the agent allows or denies. What comes back is the profile's secret,
// for the keychain only.

/** What the generic sign-in wiring gives a Connect sign-in. */
export interface IdentityCenterSignIn {
  profile: ProfileOf<'connect'>
  /** Shows the agent the code and opens the browser on the address (the allow-listed link helper). */
  show(prompt: DeviceCodePrompt): void
  clock: Clock
  /** Between two polls; a test moves on at once and counts the waits. */
  sleep?: (ms: number) => Promise<void>
  signal?: AbortSignal
  /** Identity Center's address instead of AWS's (a simulator in tests and the sandbox). */
  endpoint?: string
  timeoutMs?: number
}

/** Identity Center's refusals, as the OAuth error codes they carry (`error`). */
const OAUTH_CODES: Record<string, string> = {
  AccessDeniedException: 'access_denied',
  ExpiredTokenException: 'expired_token',
  InvalidClientException: 'invalid_client',
  UnauthorizedClientException: 'unauthorized_client',
  InvalidScopeException: 'invalid_scope',
  InvalidGrantException: 'invalid_grant',
}

/** The scope that lets the access token reach the AWS access portal, and earns a refresh token. */
export const SSO_SCOPES = ['sso:account:access']

/** RFC 8628 §3.5: `slow_down` adds five seconds to the interval. */
const SLOW_DOWN_S = 5

function refused(error: unknown, hide: (string | undefined)[]): SignInRefused | unknown {
  if (!awsAnswered(error)) return error
  const { error: code, error_description: description } = error as { error?: unknown; error_description?: unknown }
  const oauthCode = typeof code === 'string' && code ? code : (OAUTH_CODES[error.name] ?? error.name)
  return explainRefusal(oauthCode, typeof description === 'string' ? description : error.message, hide)
}

/**
 * The device authorization flow against the profile's Identity Center. Resolves with the secret to
 * keep in the keychain; rejects with SignInRefused (in words for the agent) when the Identity Center
 * refuses, the agent denies, or the code expires.
 */
export async function signInWithIdentityCenter(options: IdentityCenterSignIn): Promise<ConnectSsoSecret> {
  const { profile, clock } = options
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const client = ssoOidcClient(profile.ssoRegion, {
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    timeoutMs: options.timeoutMs ?? 30_000,
  })
  const send = { ...(options.signal ? { abortSignal: options.signal } : {}) }
  let hide: (string | undefined)[] = []
  try {
    const registration = await client.send(
      new RegisterClientCommand({ clientName: 'Callboard', clientType: 'public', scopes: SSO_SCOPES }),
      send,
    )
    const { clientId, clientSecret } = registration
    if (!clientId || !clientSecret) throw new SignInRefused('invalid_client', msg('signInEnded.identityCenterNoClient'))
    hide = [clientSecret]
    const device = await client.send(
      new StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl: profile.ssoStartUrl }),
      send,
    )
    if (!device.deviceCode || !device.userCode || !device.verificationUri) {
      throw new SignInRefused('invalid_request', msg('signInEnded.identityCenterNoCode'))
    }
    hide.push(device.deviceCode)
    const expiresAtMs = clock.now().getTime() + (device.expiresIn ?? 600) * 1000
    options.show({
      userCode: device.userCode,
      verificationUri: device.verificationUri,
      verificationUriComplete: device.verificationUriComplete ?? null,
      expiresAt: new Date(expiresAtMs).toISOString(),
    })

    let intervalS = device.interval ?? 5
    for (;;) {
      if (clock.now().getTime() >= expiresAtMs) throw explainRefusal('expired_token', undefined)
      await sleep(intervalS * 1000)
      options.signal?.throwIfAborted()
      try {
        const answer = await client.send(
          new CreateTokenCommand({
            clientId,
            clientSecret,
            grantType: 'urn:ietf:params:oauth:grant-type:device_code',
            deviceCode: device.deviceCode,
          }),
          send,
        )
        if (!answer.accessToken) throw new SignInRefused('invalid_grant', msg('signInEnded.identityCenterNoToken'))
        const signedAt = clock.now().getTime()
        return {
          provider: 'connect',
          kind: 'sso',
          clientId,
          clientSecret,
          clientSecretExpiresAt: new Date((registration.clientSecretExpiresAt ?? 0) * 1000).toISOString(),
          accessToken: answer.accessToken,
          accessTokenExpiresAt: new Date(signedAt + (answer.expiresIn ?? 0) * 1000).toISOString(),
          ...(answer.refreshToken ? { refreshToken: answer.refreshToken } : {}),
        }
      } catch (error) {
        if (awsAnswered(error) && error.name === 'AuthorizationPendingException') continue
        if (awsAnswered(error) && error.name === 'SlowDownException') {
          intervalS += SLOW_DOWN_S
          continue
        }
        throw error
      }
    }
  } catch (error) {
    throw refused(error, hide)
  } finally {
    client.destroy()
  }
}

/** The Identity Center hosts a profile's sign-in opens in the browser (for the external-link allow list). */
export function identityCenterHosts(profile: ProfileOf<'connect'>): string[] {
  const hosts: string[] = []
  try {
    if (profile.ssoStartUrl) hosts.push(new URL(profile.ssoStartUrl).hostname)
  } catch {
    // An invalid start URL is refused by the profile's schema before it gets here.
  }
  // The device page AWS names (verificationUri) is on the access portal's host or the region's OIDC host.
  if (profile.ssoRegion)
    hosts.push(`device.sso.${profile.ssoRegion}.amazonaws.com`, `oidc.${profile.ssoRegion}.amazonaws.com`)
  return hosts
}
