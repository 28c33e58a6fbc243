import type { SendOutcome } from '@shared/schemas/send-outcome'
import { msg, type Message } from '@shared/i18n/message'
import type { CachedToken } from '@shared/schemas/token'
import { networkBlockedOutcomeOf } from '../../net/network-problem'
import { keychainOutcome } from '../../secrets/keychain-outcome'
import { KeychainError } from '../../secrets/secret-store'
import { bodyText } from '../connection-probe'
import { answerRetryAfterMs } from './retry-after'

/** An OAuth token endpoint said no; carries its own words for the agent, and the wait it asked for. */
export class OAuthRefused extends Error {
  constructor(
    readonly status: number,
    readonly providerMessage: string,
    /** Its `Retry-After`, in ms; null when it gave none. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(`token endpoint answered ${status}`)
    this.name = 'OAuthRefused'
  }
}

/**
 * POST a form to an OAuth 2 token endpoint and turn the answer into a cached token. Shared by
 * Webex (refresh_token grant) and eGain (client_credentials, on behalf of a user, refresh_token).
 */
export async function requestToken(
  fetcher: typeof fetch,
  url: string,
  form: Record<string, string>,
  now: Date,
  signal: AbortSignal,
): Promise<CachedToken> {
  const response = await fetcher(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
    signal,
  })
  if (!response.ok) {
    const wait = answerRetryAfterMs(Object.fromEntries(response.headers), now)
    throw new OAuthRefused(response.status, await bodyText(response), wait)
  }
  const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown; refresh_token?: unknown }
  if (typeof body.access_token !== 'string' || body.access_token.length === 0) {
    throw new OAuthRefused(response.status, 'The token endpoint answered without an access_token.')
  }
  // No expires_in: assume a short life, so the token is refreshed rather than trusted for long.
  const lifetime = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 600
  return {
    accessToken: body.access_token,
    expiresAt: new Date(now.getTime() + lifetime * 1000).toISOString(),
    ...(typeof body.refresh_token === 'string' ? { refreshToken: body.refresh_token } : {}),
  }
}

/**
 * Whether a token endpoint's status refuses the client or grant. OAuth 2 token errors are 400
 * (`invalid_grant`, `invalid_scope`, …) and 401 (`invalid_client`) (RFC 6749 §5.2); 403 is a
 * refusal too. Anything else is not about the credentials: a 404 is a wrong address.
 */
export const refusesCredentials = (status: number): boolean => status === 400 || status === 401 || status === 403

/** `{"error":"invalid_grant","error_description":"…"}` → the description, else the raw text. */
export function oauthErrorText(raw: string): string {
  try {
    const parsed = JSON.parse(raw) as { error?: unknown; error_description?: unknown; message?: unknown }
    const parts = [parsed.error, parsed.error_description ?? parsed.message].filter((p) => typeof p === 'string')
    if (parts.length) return parts.join(': ')
  } catch {
    // not JSON: show it as it came
  }
  return raw
}

export interface TokenFailureWording {
  /** The provider as the agent knows it, e.g. `Webex`. */
  provider: string
  /** What to do when the token endpoint refuses the client or grant. */
  refused: Message
}

/**
 * A failure to obtain an access token, before anything of the task was sent: the token endpoint
 * refusing the client or grant needs the agent (`needs_auth`); an address that is not a token
 * endpoint (404) is the profile's setting, refused with that said; a keychain that cannot hold the
 * token, a proxy refusing us or a certificate not trusted are this computer's problems, not the
 * provider's; anything else (429, 5xx, network) is worth
 * another try. Pure.
 */
export function classifyTokenFailureWith(error: unknown, wording: TokenFailureWording): SendOutcome {
  const { provider } = wording
  if (error instanceof KeychainError) return keychainOutcome(error.state, 'token', provider)
  if (error instanceof OAuthRefused) {
    if (error.status === 429 || error.status >= 500) {
      return {
        kind: 'retry',
        delayMs: error.retryAfterMs,
        reason: msg('sendOutcome.token.unavailable', { provider, status: error.status }),
        httpStatus: error.status,
      }
    }
    if (refusesCredentials(error.status)) {
      return { kind: 'needs_auth', message: wording.refused, providerMessage: oauthErrorText(error.providerMessage) }
    }
    // Not about the credentials (404: no token endpoint there): asking the agent to sign in again
    // would not help, and another try would meet the same address.
    return {
      kind: 'rejected',
      message: msg('sendOutcome.token.noEndpoint', { provider, status: error.status }),
      providerMessage: oauthErrorText(error.providerMessage),
      httpStatus: error.status,
    }
  }
  // A proxy's refusal or an untrusted certificate: this computer's network, not the provider.
  const blocked = networkBlockedOutcomeOf(error)
  if (blocked) return blocked
  const name = error instanceof Error ? error.name : ''
  // fetch puts the network code (ECONNREFUSED, ENOTFOUND…) on `cause`.
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code
  const detail =
    name === 'TimeoutError' || name === 'AbortError'
      ? msg('detail.noAnswer')
      : typeof cause === 'string'
        ? cause
        : name || 'error'
  return {
    kind: 'retry',
    delayMs: null,
    reason: msg('sendOutcome.token.notObtained', { provider, detail }),
    httpStatus: null,
  }
}
