import type { ConnectionProbe, ProbeContext } from '../connection-probe'
import { msg } from '@shared/i18n/message'
import { askedToWait, asksToWait, unreachable } from '../connection-probe'
import type { CachedToken } from '@shared/schemas/token'
import { OAuthRefused, oauthErrorText, requestToken } from '../http/oauth'

/** What a profile that signs in with eGain, but has not, gets from its token endpoint stand-in. */
const NOT_SIGNED_IN = '{"error":"invalid_grant","error_description":"Not signed in to eGain on this profile."}'

/**
 * A new access token for an eGain profile: the application's grant, or, for an agent signed in with
 * eGain in the browser, the refresh grant with the refresh token the sign-in (or the last renewal)
 * kept; a renewal that brings no new refresh token keeps the one in hand.
 */
export async function egainToken(
  context: ProbeContext<'egain'>,
  previous: CachedToken | null,
  signal: AbortSignal,
): Promise<CachedToken> {
  const { profile, secret, clock } = context
  if (profile.grantType !== 'authorization_code') {
    return requestToken(context.fetch, profile.tokenUrl, egainTokenForm(context), clock.now(), signal)
  }
  if (!previous?.refreshToken) throw new OAuthRefused(400, NOT_SIGNED_IN)
  const renewed = await requestToken(
    context.fetch,
    profile.tokenUrl,
    {
      grant_type: 'refresh_token',
      client_id: profile.clientId,
      ...(secret.clientSecret && { client_secret: secret.clientSecret }),
      refresh_token: previous.refreshToken,
      scope: profile.scope,
    },
    clock.now(),
    signal,
  )
  return { ...renewed, refreshToken: renewed.refreshToken ?? previous.refreshToken }
}

/**
 * The OAuth form for an eGain profile (eGain's authentication guides): the client's credentials and
 * the scope (required) for both grants; on behalf of a user, `grant_type=password` names the user
 * with `subject_username` (eGain recommends it) or `subject_userid`, and sends no user password.
 */
export function egainTokenForm(context: ProbeContext<'egain'>): Record<string, string> {
  const { profile, secret } = context
  const form: Record<string, string> = {
    grant_type: profile.grantType,
    client_id: profile.clientId,
    client_secret: secret.clientSecret,
    scope: profile.scope,
  }
  if (profile.grantType === 'password') {
    if (profile.username) form['subject_username'] = profile.username
    else form['subject_userid'] = profile.userId
  }
  return form
}

/**
 * eGain: ask the profile's token URL for an access token with the profile's grant. The token
 * endpoint authenticates the client (and user), so a token back proves the credentials; it is
 * cached in the keychain for the sends that follow.
 */
export const egainProbe: ConnectionProbe<'egain'> = async (context) => {
  const { profile, tokens, clock, signal } = context
  try {
    await tokens.invalidate(profile.id)
    const token = await tokens.get(profile.id, (previous) => egainToken(context, previous, signal))
    const minutes = Math.round((Date.parse(token.expiresAt) - clock.now().getTime()) / 60_000)
    return {
      outcome: 'connected',
      message: msg('probe.egain.issued', { client: profile.clientId, minutes }),
      httpStatus: 200,
    }
  } catch (error) {
    if (error instanceof OAuthRefused && asksToWait(error.status)) {
      const words = oauthErrorText(error.providerMessage)
      return askedToWait(msg('probe.where.egainTokenUrl'), error.status, error.retryAfterMs, words)
    }
    if (error instanceof OAuthRefused) {
      const server = error.status >= 500
      return {
        outcome: server ? 'provider_error' : 'auth_rejected',
        message: msg(
          server
            ? 'probe.egain.unavailable'
            : profile.grantType === 'password'
              ? 'probe.egain.userRefused'
              : 'probe.egain.clientRefused',
        ),
        providerMessage: oauthErrorText(error.providerMessage),
        httpStatus: error.status,
      }
    }
    return unreachable(error, msg('probe.where.egainTokenUrl'))
  }
}
