import { msg, type Message } from '@shared/i18n/message'
import { renderMessage } from '@shared/i18n/render-message'
import { createHash } from 'node:crypto'
import { fromIni } from '@aws-sdk/credential-providers'
import { RoutedAgent } from '../../net/routed-agent'
import { withDeadline } from '../http/attempt-deadline'
import { awsRetryAfterMs } from './connect-sdk'
import type { ProfileOf, SecretOf } from '@shared/providers/registry'
import type { Clock } from '../../core/clock'
import type { TokenCache } from '../../secrets/token-cache'
import type { DateObserver } from '../http/observing-transport'
import type { IdentityCenterPorts } from './identity-center'
import {
  awsAnswered,
  awsWords,
  chosenRole,
  renewAccessToken,
  roleCredentials,
  SignInNeeded,
  tokenRefused,
} from './identity-center'

// Where a Connect profile's AWS credentials come from, by its credential source:
// - `access_keys`: the access key in the keychain, as it is.
// - `sso`: IAM Identity Center. The keychain holds the sign-in (client registration, access and
//   refresh tokens; the newest tokens in the profile's token cache); the role's credentials are
//   asked of the access portal (GetRoleCredentials) and held in memory only, in main, until five
//   minutes before they expire. They are never written anywhere: the tokens get them again.
// - `aws_profile`: the named profile of this computer's AWS configuration, read by the SDK's own
//   `fromIni` (static keys, `credential_process`, `sso-session`, role chains), at the paths the SDK
//   uses (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE). Only the profile the Callboard profile
//   names: the environment's keys and AWS_PROFILE are never looked at.

/** AWS credentials as the SDK signs with them. */
export interface AwsCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  /** When temporary credentials end (the provider's clock); absent for a long-lived key. */
  expiration?: Date
}

export interface CredentialContext {
  profile: ProfileOf<'connect'>
  secret: SecretOf<'connect'>
  tokens: TokenCache
  clock: Clock
  signal: AbortSignal
  timeoutMs: number
  /** Identity Center's address instead of AWS's (a simulator in tests and the sandbox). */
  identityCenterEndpoint?: string
  /** Told of the Identity Center's answers' `Date` headers (the provider's clock). */
  onAnswer?: DateObserver
}

/** Why no credentials could be had: the agent must sign in (or fix the profile), or AWS could not be asked. */
export class CredentialsUnavailable extends Error {
  constructor(
    readonly why: 'sign_in' | 'unreachable' | 'provider_error',
    /** In the agent's words (a message key); the error's own message is its English, for logs. */
    readonly said: Message,
    readonly providerMessage: string | null = null,
    /** `provider_error`: the wait the Identity Center asked for (its Retry-After), in ms; else null. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(renderMessage(said))
    this.name = 'CredentialsUnavailable'
  }
}

/** Temporary credentials are renewed this long before they end, so no request carries dying ones. */
export const RENEW_AHEAD_MS = 5 * 60_000
/** Credentials that name no end (a `credential_process` may give none) are asked for again after this. */
const UNTIMED_LIFE_MS = 15 * 60_000

export interface ConnectCredentials {
  /** The credentials to sign the next request with, or why there are none. */
  resolve(context: CredentialContext): Promise<AwsCredentials | CredentialsUnavailable>
  /** AWS refused them as expired: the next `resolve` obtains new ones. */
  forget(profileId: string): void
}

/** The SDK has no abort signal for a credential provider: settle when the signal fires. */
function raceSignal<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error)
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

/** What the held credentials were obtained from: another sign-in or another account means new ones. */
function sourceOf({ profile, secret }: CredentialContext): string {
  const parts = [profile.credentialSource, profile.awsProfile, profile.ssoStartUrl, profile.ssoRegion]
  // The sign-in's own access token names the sign-in: credentials never outlive it into the next one.
  parts.push(
    profile.ssoAccountId,
    profile.ssoRoleName,
    secret.kind === 'sso' ? secret.clientId + secret.accessToken : '',
  )
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex')
}

async function fromIdentityCenter(context: CredentialContext): Promise<AwsCredentials> {
  const { profile, secret, tokens, clock } = context
  if (secret.kind !== 'sso') throw new SignInNeeded(msg('credentials.connect.ssoSignIn'))
  const ports: IdentityCenterPorts = {
    ...(context.identityCenterEndpoint ? { endpoint: context.identityCenterEndpoint } : {}),
    ...(context.onAnswer ? { onAnswer: context.onAnswer } : {}),
    timeoutMs: context.timeoutMs,
    signal: context.signal,
  }
  const accessToken = async () =>
    (
      await tokens.get(profile.id, (previous) =>
        renewAccessToken(profile, secret, previous, clock, ports, RENEW_AHEAD_MS),
      )
    ).accessToken
  const withRole = async (token: string) =>
    roleCredentials(profile.ssoRegion, token, await chosenRole(profile, token, ports), ports)
  try {
    return await withRole(await accessToken())
  } catch (error) {
    if (!tokenRefused(error)) throw error
    // The portal no longer takes the access token (signed out elsewhere, or ended early): renew it once.
    await tokens.invalidate(profile.id)
    try {
      return await withRole(await accessToken())
    } catch (again) {
      if (tokenRefused(again)) {
        throw new SignInNeeded(msg('credentials.connect.portalRefused'), awsWords(again as Error))
      }
      throw again
    }
  }
}

async function fromAwsProfile({ profile, signal, timeoutMs }: CredentialContext): Promise<AwsCredentials> {
  // ignoreCache: the files are read again each time, so an edit or a new `aws sso login` is seen.
  // clientConfig reaches the STS and SSO clients a profile may call (role chains, sso-session):
  // they follow the process's proxy decision like every other request. The SDK's own request
  // timeouts do not reach the sso-session's portal client (measured: it waited past them), and
  // nothing stops a credential_process that never exits, so the attempt's deadline is ours: at the
  // limit the attempt ends without credentials (nothing was sent: a retry), as after any
  // unanswered token endpoint.
  const identity = await withDeadline(signal, timeoutMs, (deadline) =>
    raceSignal(
      fromIni({
        profile: profile.awsProfile,
        ignoreCache: true,
        clientConfig: { requestHandler: { httpAgent: new RoutedAgent(), httpsAgent: new RoutedAgent() } },
      })(),
      deadline,
    ),
  )
  return {
    accessKeyId: identity.accessKeyId,
    secretAccessKey: identity.secretAccessKey,
    ...(identity.sessionToken ? { sessionToken: identity.sessionToken } : {}),
    ...(identity.expiration ? { expiration: identity.expiration } : {}),
  }
}

/** Any failure to obtain credentials, as one of three kinds, with AWS's own words where it gave some. */
function unavailable(error: unknown, profile: ProfileOf<'connect'>, now: Date): CredentialsUnavailable {
  if (error instanceof CredentialsUnavailable) return error
  if (error instanceof SignInNeeded) return new CredentialsUnavailable('sign_in', error.said, error.providerMessage)
  if (awsAnswered(error)) {
    const status = error.$metadata.httpStatusCode
    if (status >= 500 || status === 429 || error.name === 'TooManyRequestsException') {
      return new CredentialsUnavailable(
        'provider_error',
        msg('credentials.connect.roleUnavailable'),
        awsWords(error),
        awsRetryAfterMs(error, now),
      )
    }
    return new CredentialsUnavailable('sign_in', msg('credentials.connect.roleRefused'), awsWords(error))
  }
  if (error instanceof Error && error.name === 'CredentialsProviderError') {
    return new CredentialsUnavailable(
      'sign_in',
      msg('credentials.connect.awsProfileEmptyHint', { name: profile.awsProfile }),
      error.message.slice(0, 2000),
    )
  }
  if (profile.credentialSource === 'aws_profile' && error instanceof Error && !isNetwork(error)) {
    return new CredentialsUnavailable(
      'sign_in',
      msg('credentials.connect.awsProfileEmpty', { name: profile.awsProfile }),
      `${error.name}: ${error.message}`.slice(0, 2000),
    )
  }
  const detail = error instanceof Error ? (networkCode(error) ?? error.name) : 'unknown error'
  return new CredentialsUnavailable('unreachable', msg('credentials.connect.unreachable', { detail }))
}

const networkCode = (error: Error): string | null => {
  const code = (error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code
  return typeof code === 'string' && code ? code : null
}
const isNetwork = (error: Error) =>
  networkCode(error) !== null || error.name === 'AbortError' || error.name === 'TimeoutError'

/**
 * Credentials per profile, held (in memory) until `RENEW_AHEAD_MS` before they end on the provider's
 * clock; callers arriving while they are being obtained share the one request.
 */
export function createConnectCredentials(): ConnectCredentials {
  const held = new Map<string, { source: string; credentials: AwsCredentials; renewAtMs: number }>()
  const inFlight = new Map<string, Promise<AwsCredentials | CredentialsUnavailable>>()

  async function obtain(context: CredentialContext, source: string): Promise<AwsCredentials | CredentialsUnavailable> {
    const { profile, clock } = context
    let credentials: AwsCredentials
    try {
      credentials = await raceSignal(
        profile.credentialSource === 'sso' ? fromIdentityCenter(context) : fromAwsProfile(context),
        context.signal,
      )
    } catch (error) {
      return unavailable(error, profile, clock.now())
    }
    const now = clock.now().getTime()
    const renewAtMs = credentials.expiration ? credentials.expiration.getTime() - RENEW_AHEAD_MS : now + UNTIMED_LIFE_MS
    held.set(profile.id, { source, credentials, renewAtMs })
    return credentials
  }

  return {
    async resolve(context) {
      const { profile, secret } = context
      if (profile.credentialSource === 'access_keys') {
        if (secret.kind === 'sso' || secret.kind === 'aws_profile') {
          return new CredentialsUnavailable('sign_in', msg('credentials.connect.accessKeyMissing'))
        }
        return {
          accessKeyId: secret.accessKeyId,
          secretAccessKey: secret.secretAccessKey,
          ...(secret.sessionToken ? { sessionToken: secret.sessionToken } : {}),
        }
      }
      const source = sourceOf(context)
      const current = held.get(profile.id)
      if (current?.source === source && context.clock.now().getTime() < current.renewAtMs) return current.credentials
      const pending = inFlight.get(profile.id)
      if (pending) return pending
      const run = obtain(context, source).finally(() => inFlight.delete(profile.id))
      inFlight.set(profile.id, run)
      return run
    },
    forget(profileId) {
      held.delete(profileId)
    },
  }
}

/** The values of credentials that must never be shown (the key id is not a secret). */
export const credentialSecrets = (credentials: AwsCredentials | null): string[] =>
  credentials ? [credentials.secretAccessKey, ...(credentials.sessionToken ? [credentials.sessionToken] : [])] : []
