import type { CachedToken } from '@shared/schemas/token'
import type { ConnectionProbe, ProbeContext, ProbeFinding } from '../connection-probe'
import { bodyText, unreachable } from '../connection-probe'
import { OAuthRefused, oauthErrorText, requestToken } from '../http/oauth'
import { webexHosts } from './webex-endpoints'

/** What a profile that signs in with Webex, but has not, gets from its token endpoint stand-in. */
const NOT_SIGNED_IN = '{"error":"invalid_grant","error_description":"Not signed in to Webex on this profile."}'

/** The bearer token for a Webex profile: pasted, or from the keychain cache / an OAuth refresh. */
export async function webexAccessToken(context: ProbeContext<'webex'>): Promise<string> {
  const { profile, secret, tokens, clock, signal } = context
  if (secret.kind === 'access_token') return secret.accessToken
  const { identity } = webexHosts(profile)
  if (secret.kind === 'sign_in') {
    // Signed in with Webex: the refresh token is the one the sign-in (or the last renewal) kept.
    const token = await tokens.get(profile.id, async (previous: CachedToken | null) => {
      if (!previous?.refreshToken) throw new OAuthRefused(400, NOT_SIGNED_IN)
      const renewed = await requestToken(
        context.fetch,
        `${identity}/v1/access_token`,
        {
          grant_type: 'refresh_token',
          client_id: profile.clientId,
          ...(secret.clientSecret && { client_secret: secret.clientSecret }),
          refresh_token: previous.refreshToken,
        },
        clock.now(),
        signal,
      )
      // Webex rotates the refresh token or keeps it: without a new one, the one in hand goes on.
      return { ...renewed, refreshToken: renewed.refreshToken ?? previous.refreshToken }
    })
    return token.accessToken
  }
  const token = await tokens.get(profile.id, (previous: CachedToken | null) =>
    requestToken(
      context.fetch,
      `${identity}/v1/access_token`,
      {
        grant_type: 'refresh_token',
        client_id: secret.clientId,
        client_secret: secret.clientSecret,
        // Webex may rotate the refresh token; the newest one is kept with the cached token.
        refresh_token: previous?.refreshToken ?? secret.refreshToken,
      },
      clock.now(),
      signal,
    ),
  )
  return token.accessToken
}

/**
 * Webex: obtain a token (refreshing it for OAuth profiles) and read the signed-in person,
 * `GET /v1/people/me`. Reads only; after a 401 the token is refreshed once and retried.
 */
export const webexProbe: ConnectionProbe<'webex'> = async (context) => {
  const { identity } = webexHosts(context.profile)
  const attempt = async (): Promise<ProbeFinding | 'retry'> => {
    let token: string
    try {
      token = await webexAccessToken(context)
    } catch (error) {
      if (error instanceof OAuthRefused && error.status === 404) {
        return {
          outcome: 'not_found',
          message: `Webex identity has no token endpoint at ${identity} (HTTP 404). Check the profile's sign-in address, or leave it empty for Webex's own.`,
          providerMessage: oauthErrorText(error.providerMessage),
          httpStatus: error.status,
        }
      }
      if (error instanceof OAuthRefused) {
        return {
          outcome: error.status >= 500 ? 'provider_error' : 'auth_rejected',
          message:
            error.status >= 500
              ? 'Webex could not refresh the access token right now.'
              : 'Webex refused the OAuth client or refresh token. Check the client id and secret, or sign in again for a new refresh token.',
          providerMessage: oauthErrorText(error.providerMessage),
          httpStatus: error.status,
        }
      }
      return unreachable(error, 'Webex identity')
    }
    let response: Response
    try {
      response = await context.fetch(`${identity}/v1/people/me`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: context.signal,
      })
    } catch (error) {
      return unreachable(error, 'Webex')
    }
    if (response.ok) {
      const me = (await response.json().catch(() => ({}))) as { displayName?: unknown }
      const who = typeof me.displayName === 'string' && me.displayName ? ` as ${me.displayName}` : ''
      return { outcome: 'connected', message: `Signed in to Webex${who}.`, httpStatus: response.status }
    }
    if (response.status === 401 && context.secret.kind !== 'access_token') return 'retry'
    const providerMessage = await bodyText(response)
    if (response.status === 401) {
      return {
        outcome: 'auth_rejected',
        message: 'Webex refused the access token (expired or revoked). Paste a new one.',
        providerMessage,
        httpStatus: 401,
      }
    }
    if (response.status === 403) {
      return {
        outcome: 'not_permitted',
        message: 'Webex accepted the token but refused access; the token needs the cjp:user scope.',
        providerMessage,
        httpStatus: 403,
      }
    }
    if (response.status === 404) {
      return {
        outcome: 'not_found',
        message: `Webex identity has no people API at ${identity} (HTTP 404). Check the profile's sign-in address, or leave it empty for Webex's own.`,
        providerMessage,
        httpStatus: 404,
      }
    }
    return {
      outcome: 'provider_error',
      message: `Webex answered ${response.status}.`,
      providerMessage,
      httpStatus: response.status,
    }
  }

  const first = await attempt()
  if (first !== 'retry') return first
  await context.tokens.invalidate(context.profile.id)
  const second = await attempt()
  return second === 'retry'
    ? {
        outcome: 'auth_rejected',
        message: 'Webex refused a freshly refreshed token. Sign in again for a new refresh token.',
        httpStatus: 401,
      }
    : second
}
