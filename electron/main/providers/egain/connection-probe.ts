import type { ConnectionProbe, ProbeContext } from '../connection-probe'
import { unreachable } from '../connection-probe'
import { OAuthRefused, oauthErrorText, requestToken } from '../http/oauth'

/** The OAuth form for an eGain profile: client credentials, or the password grant for a user. */
export function egainTokenForm(context: ProbeContext<'egain'>): Record<string, string> {
  const { profile, secret } = context
  const form: Record<string, string> = {
    grant_type: profile.grantType,
    client_id: profile.clientId,
    client_secret: secret.clientSecret,
  }
  if (profile.scope) form['scope'] = profile.scope
  if (profile.grantType === 'password') {
    form['username'] = profile.username
    form['password'] = secret.password
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
    const token = await tokens.get(profile.id, () =>
      requestToken(context.fetch, profile.tokenUrl, egainTokenForm(context), clock.now(), signal),
    )
    const minutes = Math.round((Date.parse(token.expiresAt) - clock.now().getTime()) / 60_000)
    return {
      outcome: 'connected',
      message: `eGain issued an access token for client ${profile.clientId} (valid for about ${minutes} minutes).`,
      httpStatus: 200,
    }
  } catch (error) {
    if (error instanceof OAuthRefused) {
      const server = error.status >= 500
      return {
        outcome: server ? 'provider_error' : 'auth_rejected',
        message: server
          ? 'eGain could not issue a token right now.'
          : profile.grantType === 'password'
            ? 'eGain refused the client or the user name and password.'
            : 'eGain refused the client id or client secret (or the scope).',
        providerMessage: oauthErrorText(error.providerMessage),
        httpStatus: error.status,
      }
    }
    return unreachable(error, 'The eGain token URL')
  }
}
