import type { CachedToken } from '@shared/schemas/token'
import { msg } from '@shared/i18n/message'
import type { ConnectionProbe, ProbeContext, ProbeFinding } from '../connection-probe'
import { askedToWait, asksToWait, bodyText, unreachable } from '../connection-probe'
import { withOneRefresh } from '../http/one-refresh'
import type { TokenTry } from '../http/one-refresh'
import { answerRetryAfterMs } from '../http/retry-after'
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
 * A refreshable token refused by the people API: the cue for the one refresh (withOneRefresh), and
 * the finding when the refreshed token is refused too.
 */
const REFRESHED_REFUSED: ProbeFinding = {
  outcome: 'auth_rejected',
  message: msg('probe.webex.refreshedRefused'),
  httpStatus: 401,
}

/**
 * Webex: obtain a token (refreshing it for OAuth profiles) and read the signed-in person,
 * `GET /v1/people/me`. Reads only; after a 401 the token is refreshed once and retried.
 */
export const webexProbe: ConnectionProbe<'webex'> = async (context) => {
  const { identity } = webexHosts(context.profile)
  // A refreshed token is worth one more read; a pasted one is all there is.
  const refreshable = context.secret.kind !== 'access_token'
  const read = async (): Promise<ProbeFinding> => {
    let token: string
    try {
      token = await webexAccessToken(context)
    } catch (error) {
      if (error instanceof OAuthRefused && error.status === 404) {
        return {
          outcome: 'not_found',
          message: msg('probe.webex.noTokenEndpoint', { identity }),
          providerMessage: oauthErrorText(error.providerMessage),
          httpStatus: error.status,
        }
      }
      if (error instanceof OAuthRefused && asksToWait(error.status)) {
        const words = oauthErrorText(error.providerMessage)
        return askedToWait(msg('probe.where.webexIdentity'), error.status, error.retryAfterMs, words)
      }
      if (error instanceof OAuthRefused) {
        return {
          outcome: error.status >= 500 ? 'provider_error' : 'auth_rejected',
          message: msg(error.status >= 500 ? 'probe.webex.refreshUnavailable' : 'probe.webex.clientRefused'),
          providerMessage: oauthErrorText(error.providerMessage),
          httpStatus: error.status,
        }
      }
      return unreachable(error, msg('probe.where.webexIdentity'))
    }
    let response: Response
    try {
      response = await context.fetch(`${identity}/v1/people/me`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: context.signal,
      })
    } catch (error) {
      return unreachable(error, msg('probe.where.webex'))
    }
    if (response.ok) {
      const me = (await response.json().catch(() => ({}))) as { displayName?: unknown }
      const message =
        typeof me.displayName === 'string' && me.displayName
          ? msg('probe.webex.signedInAs', { name: me.displayName })
          : msg('probe.webex.signedIn')
      return { outcome: 'connected', message, httpStatus: response.status }
    }
    if (response.status === 401 && refreshable) return REFRESHED_REFUSED
    const providerMessage = await bodyText(response)
    if (asksToWait(response.status)) {
      const wait = answerRetryAfterMs(Object.fromEntries(response.headers), context.clock.now())
      return askedToWait(msg('probe.where.webex'), response.status, wait, providerMessage)
    }
    if (response.status === 401) {
      return {
        outcome: 'auth_rejected',
        message: msg('probe.webex.tokenRefused'),
        providerMessage,
        httpStatus: 401,
      }
    }
    if (response.status === 403) {
      return {
        outcome: 'not_permitted',
        message: msg('probe.webex.forbidden'),
        providerMessage,
        httpStatus: 403,
      }
    }
    if (response.status === 404) {
      return {
        outcome: 'not_found',
        message: msg('probe.webex.noPeopleApi', { identity }),
        providerMessage,
        httpStatus: 404,
      }
    }
    return {
      outcome: 'provider_error',
      message: msg('probe.webex.answered', { status: response.status }),
      providerMessage,
      httpStatus: response.status,
    }
  }

  const attempt = async (): Promise<TokenTry<ProbeFinding>> => {
    const outcome = await read()
    return { outcome, unauthorized: outcome === REFRESHED_REFUSED }
  }
  return withOneRefresh(attempt, () => context.tokens.invalidate(context.profile.id), refreshable)
}
