import { msg, type Message } from '@shared/i18n/message'
import { renderMessage } from '@shared/i18n/render-message'
import type { ProfileOf, SecretOf } from '@shared/providers/registry'
import type { Clock } from '../../core/clock'
import type { AlibabaCredentials } from './aiccs-rpc'
import { alibabaErrorOf, alibabaRetryAfterMs, callAlibaba } from './aiccs-rpc'
import type { HttpTransport, TransportAnswer } from '../http/http-transport'

// What an AICCS profile's requests are signed with, by its credential source:
// - `access_key`: the AccessKey in the keychain (with its STS token, when one was stored with it).
// - `sts_role`: STS credentials of the profile's RAM role, assumed with that AccessKey (STS
//   AssumeRole, signed and sent as AICCS itself is, through the proxy) at the profile's STS endpoint.
//   They are held in memory, in main, until five minutes before their Expiration on the provider's
//   clock, and never written anywhere: the AccessKey in the keychain assumes the role again.
//
// Why not `@alicloud/credentials`' own RAMRoleARNCredentialsProvider: it always speaks https to the
// STS host (no simulator can stand in for STS in tests or the sandbox), judges expiry on this
// computer's clock rather than the provider's, and falls back to ALIBABA_CLOUD_* environment
// variables for the role.

/** STS credentials are renewed this long before they end. */
export const STS_RENEW_AHEAD_MS = 5 * 60_000
/** How long an assumed role lasts (STS's default; the role's maximum session may allow more). */
const DURATION_S = 3600

/** Why no credentials could be had; `sign_in`: the agent fixes the AccessKey or the role. */
export class AiccsCredentialsUnavailable extends Error {
  constructor(
    readonly why: 'sign_in' | 'unreachable' | 'provider_error',
    /** In the agent's words (a message key); the error's own message is its English, for logs. */
    readonly said: Message,
    readonly providerMessage: string | null = null,
    /** `unreachable`: the transport's failure code (ECONNREFUSED, ERR_PROXY_407, a TLS code…). */
    readonly networkCode: string | null = null,
    /** `provider_error`: the wait STS asked for (Retry-After, x-acs-retry-after), in ms; else null. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(renderMessage(said))
    this.name = 'AiccsCredentialsUnavailable'
  }
}

export interface AiccsCredentialContext {
  profile: ProfileOf<'aiccs'>
  secret: SecretOf<'aiccs'>
  clock: Clock
  signal: AbortSignal
  timeoutMs: number
  /** The client's transport: STS's answers then teach the profile's clock as AICCS's do. */
  transport?: HttpTransport
}

export interface AiccsCredentials {
  /** The credentials to sign the next request with, or why there are none. */
  resolve(context: AiccsCredentialContext): Promise<AlibabaCredentials | AiccsCredentialsUnavailable>
  /** Alibaba Cloud refused them as expired: the next `resolve` assumes the role again. */
  forget(profileId: string): void
}

/** A RoleSessionName STS accepts (2–64 of `[\w.@-]`): Callboard and the profile, for the RAM audit trail. */
const sessionName = (profileId: string) => `callboard-${profileId.replace(/[^\w.@-]/g, '').slice(0, 40)}`

/** STS's refusals that the AccessKey or the role set up must fix. */
const SIGN_IN_CODES: Record<string, Message> = {
  NoPermission: msg('credentials.aiccs.noPermission'),
  'EntityNotExist.Role': msg('credentials.aiccs.roleNotFound'),
  'InvalidParameter.RoleArn': msg('credentials.aiccs.roleArnInvalid'),
}

/** Why STS gave no credentials: no answer, or its refusal (`answer` is not a 2xx). */
function refusal(answer: TransportAnswer, now: Date): AiccsCredentialsUnavailable {
  if (answer.kind === 'network') {
    const detail = answer.timedOut ? msg('detail.noAnswer') : answer.code
    return new AiccsCredentialsUnavailable(
      'unreachable',
      msg('credentials.aiccs.stsUnreachable', { detail }),
      null,
      answer.code,
    )
  }
  const { code, message } = alibabaErrorOf(answer.body)
  const codeText = code ?? ''
  const words = `${codeText}: ${message ?? ''}`.slice(0, 2000)
  if (answer.status >= 500 || codeText.startsWith('Throttling')) {
    return new AiccsCredentialsUnavailable(
      'provider_error',
      msg('credentials.aiccs.stsUnavailable'),
      words,
      null,
      alibabaRetryAfterMs(answer.headers, code, now),
    )
  }
  return new AiccsCredentialsUnavailable(
    'sign_in',
    SIGN_IN_CODES[codeText] ?? msg('credentials.aiccs.stsRefused'),
    words,
  )
}

/** STS AssumeRole for the profile's role, signed with its AccessKey on the provider's clock. */
async function assumeRole(
  context: AiccsCredentialContext,
): Promise<{ credentials: AlibabaCredentials; expiresAtMs: number }> {
  const { profile, secret } = context
  const answer = await callAlibaba(
    { endpoint: profile.stsEndpoint, regionId: profile.regionId, version: '2015-04-01' },
    'AssumeRole',
    secret,
    { RoleArn: profile.roleArn, RoleSessionName: sessionName(profile.id), DurationSeconds: String(DURATION_S) },
    {
      timeoutMs: context.timeoutMs,
      signal: context.signal,
      signedAt: context.clock.now(),
      ...(context.transport && { transport: context.transport }),
    },
  )
  // As the official client: an answer below 400 is read for its credentials.
  if (answer.kind === 'network' || answer.status >= 400) throw refusal(answer, context.clock.now())
  let parsed: unknown
  try {
    parsed = JSON.parse(answer.body)
  } catch {
    parsed = null
  }
  const c = (parsed as { Credentials?: Record<string, unknown> } | null)?.Credentials
  const text = (key: string) => (typeof c?.[key] === 'string' ? c[key] : '')
  const expiresAtMs = Date.parse(text('Expiration'))
  if (!text('AccessKeyId') || !text('AccessKeySecret') || !text('SecurityToken') || !Number.isFinite(expiresAtMs)) {
    throw new AiccsCredentialsUnavailable('provider_error', msg('credentials.aiccs.noRoleCredentials'))
  }
  return {
    credentials: {
      accessKeyId: text('AccessKeyId'),
      accessKeySecret: text('AccessKeySecret'),
      securityToken: text('SecurityToken'),
    },
    expiresAtMs,
  }
}

/** The key a role's held credentials were assumed with: another AccessKey or role means new ones. */
const sourceOf = ({ profile, secret }: AiccsCredentialContext) =>
  JSON.stringify([profile.roleArn, profile.stsEndpoint, secret.accessKeyId])

export function createAiccsCredentials(): AiccsCredentials {
  const held = new Map<string, { source: string; credentials: AlibabaCredentials; renewAtMs: number }>()
  const inFlight = new Map<string, Promise<AlibabaCredentials | AiccsCredentialsUnavailable>>()
  return {
    async resolve(context) {
      const { profile, secret, clock } = context
      if (profile.credentialSource === 'access_key') {
        return {
          accessKeyId: secret.accessKeyId,
          accessKeySecret: secret.accessKeySecret,
          securityToken: secret.securityToken,
        }
      }
      const source = sourceOf(context)
      const current = held.get(profile.id)
      if (current?.source === source && clock.now().getTime() < current.renewAtMs) return current.credentials
      const pending = inFlight.get(profile.id)
      if (pending) return pending
      const run = assumeRole(context)
        .then(({ credentials, expiresAtMs }) => {
          held.set(profile.id, { source, credentials, renewAtMs: expiresAtMs - STS_RENEW_AHEAD_MS })
          return credentials
        })
        .catch((error: unknown) => {
          // assumeRole throws only why it could not.
          if (error instanceof AiccsCredentialsUnavailable) return error
          throw error
        })
        .finally(() => inFlight.delete(profile.id))
      inFlight.set(profile.id, run)
      return run
    },
    forget(profileId) {
      held.delete(profileId)
    },
  }
}

/** The values of credentials that must never be shown (the key id is not a secret). */
export const alibabaSecrets = (credentials: AlibabaCredentials | null): string[] =>
  credentials ? [credentials.accessKeySecret, ...(credentials.securityToken ? [credentials.securityToken] : [])] : []
