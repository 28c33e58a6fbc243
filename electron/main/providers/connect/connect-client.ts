import type { DateObserver } from '../http/observing-transport'
import { networkBlockedOutcomeOf } from '../../net/network-problem'
import { StartTaskContactCommand } from '@aws-sdk/client-connect'
import { msg, type Message, type MessageParam } from '@shared/i18n/message'
import type { StartTaskContactCommandOutput } from '@aws-sdk/client-connect'
import type { SendOutcome } from '@shared/schemas/send-outcome'
import type { ConnectStartTaskContactInput } from '@shared/providers/connect/wire'
import type { SendContext } from '../provider-module'
import type { ProfileOf } from '@shared/providers/registry'
import { withDeadline } from '../http/attempt-deadline'
import { AWS_CREDENTIAL_ERRORS, awsRetryAfterMs, connectSdkClient } from './connect-sdk'
import type { AwsCredentials, ConnectCredentials } from './connect-credentials'
import { createConnectCredentials, credentialSecrets, CredentialsUnavailable } from './connect-credentials'

// Amazon Connect StartTaskContact (providers.md §3), sent through the official SDK so the request
// is SigV4-signed exactly as AWS expects.
//
// Why every ambiguous failure here is `retry` and never `needs_review` (the contrast with Webex):
// every request carries `ClientToken` = the task's idempotency key, and Connect answers a repeat of
// a token it has seen (with the same parameters) with the ContactId it already created, without
// creating a second task. So when the connection breaks after the body went out, when no answer
// comes in time, or when Connect fails with a 5xx halfway through, sending again is harmless: it
// either creates the task for the first time or returns the one that exists. Webex has no such key,
// so the same situations there are `needs_review` (the agent decides). The key must stay the same
// across the app's own retries, which is why it comes from the outbox and is never generated here
// (the SDK's own auto-filled token would be new on every call).

// ——— Classification (pure) ———

/**
 * Credentials the send cannot proceed with: not accepted, or accepted without permission for
 * StartTaskContact (the probe reports that second case as `not_permitted` instead).
 */
export const CONNECT_AUTH_ERRORS: ReadonlySet<string> = new Set([...AWS_CREDENTIAL_ERRORS, 'AccessDeniedException'])

/** StartTaskContact's modelled client errors: Connect did not create the task and never will for this input. */
export const CONNECT_REJECTED_ERRORS: ReadonlySet<string> = new Set([
  'InvalidParameterException',
  'InvalidRequestException',
  'ResourceNotFoundException',
  'ServiceQuotaExceededException',
])

const REJECTED_WORDS: Record<string, Message> = {
  InvalidParameterException: msg('sendOutcome.connect.invalidParameter'),
  InvalidRequestException: msg('sendOutcome.connect.invalidRequest'),
  ResourceNotFoundException: msg('sendOutcome.connect.notFound'),
  ServiceQuotaExceededException: msg('sendOutcome.connect.quotaExceeded'),
}

/** The service's own words: `Name: Message`, as AWS sends them. */
function providerText(error: Error): string | null {
  const message = (error as { Message?: unknown }).Message ?? error.message
  const text = typeof message === 'string' ? message.trim() : ''
  return `${error.name}${text ? `: ${text}` : ''}`.slice(0, 2000)
}

/** Node's network error code (ECONNRESET, ECONNREFUSED…), or the error's name. */
function networkDetail(error: unknown): MessageParam {
  if (!(error instanceof Error)) return msg('detail.unknownError')
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return msg('detail.noAnswer')
  const code = (error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code
  if (typeof code === 'string' && code) return code
  return error.message ? `${error.name}: ${error.message}`.slice(0, 200) : error.name
}

/** A StartTaskContact answer that came back 2xx → `sent`, or `retry` when it holds no ContactId. */
export function classifyConnectOutput(
  output: Pick<StartTaskContactCommandOutput, 'ContactId' | '$metadata'>,
): SendOutcome {
  const httpStatus = output.$metadata.httpStatusCode ?? 200
  if (output.ContactId) return { kind: 'sent', providerId: output.ContactId, httpStatus }
  // Resending with the same ClientToken returns the ContactId of the task if it was created.
  return {
    kind: 'retry',
    delayMs: null,
    reason: msg('sendOutcome.connect.acceptedNoId', { status: httpStatus }),
    httpStatus,
  }
}

/**
 * Anything `client.send(StartTaskContactCommand)` threw → exactly one outcome. Pure: `now` only
 * reads an HTTP-date Retry-After.
 *
 * An error with `$metadata.httpStatusCode` is an answer from AWS; anything else (refused, reset,
 * DNS, TLS, timeout, abort, before or after the body was written) is a network failure → `retry`,
 * except what this computer's network did (a proxy's refusal, an untrusted certificate) →
 * `network_blocked`.
 *
 * AccessDeniedException → `needs_auth`, not `rejected`: the keys are genuine but their IAM policy
 * does not allow connect:StartTaskContact on this instance (or flow). That is a fault of the
 * profile's credentials, shared by every task of the profile, and it is fixed by changing the
 * credentials or their policy, after which this very task can be sent. `rejected` is terminal
 * ("sending it again will not help") and would lose the task for a configuration problem.
 */
export function classifyConnectError(error: unknown, now: Date): SendOutcome {
  const status = (error as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata?.httpStatusCode
  if (!(error instanceof Error) || typeof status !== 'number') {
    // A proxy's refusal or an untrusted certificate: this computer's network stopped it.
    return (
      networkBlockedOutcomeOf(error) ?? {
        kind: 'retry',
        delayMs: null,
        reason: msg('sendOutcome.connect.unreachable', { detail: networkDetail(error) }),
        httpStatus: null,
      }
    )
  }
  const name = error.name
  const providerMessage = providerText(error)
  const retryAfter = awsRetryAfterMs(error, now)

  if (name === 'ThrottlingException' || status === 429) {
    return {
      kind: 'retry',
      delayMs: retryAfter,
      reason: msg('sendOutcome.connect.throttled'),
      httpStatus: status,
    }
  }
  if (CONNECT_AUTH_ERRORS.has(name) || status === 401 || status === 403) {
    const message =
      name === 'AccessDeniedException'
        ? msg('sendOutcome.connect.notPermitted')
        : /Signature (expired|not yet current)/i.test(error.message)
          ? msg('sendOutcome.connect.clockRefused')
          : name === 'ExpiredTokenException'
            ? msg('sendOutcome.connect.sessionExpired')
            : msg('sendOutcome.connect.keysRefused')
    return { kind: 'needs_auth', message, providerMessage }
  }
  if (name === 'InternalServiceException' || status >= 500 || status === 408) {
    return {
      kind: 'retry',
      delayMs: retryAfter,
      reason: msg('sendOutcome.connect.serverError', { status }),
      httpStatus: status,
    }
  }
  if (status >= 200 && status < 300) {
    // A 2xx whose body the SDK could not read: the task may exist; the same token finds it again.
    return {
      kind: 'retry',
      delayMs: null,
      reason: msg('sendOutcome.connect.unreadable', { status }),
      httpStatus: status,
    }
  }
  return {
    kind: 'rejected',
    message:
      REJECTED_WORDS[name] ??
      msg('sendOutcome.refusedStatus', { provider: 'Amazon Connect', what: msg('thing.task'), status }),
    providerMessage,
    httpStatus: status,
  }
}

/** Why no credentials could be had, as the outcome of the attempt (nothing was sent). */
export function classifyCredentialsProblem(problem: CredentialsUnavailable): SendOutcome {
  switch (problem.why) {
    case 'sign_in':
      return { kind: 'needs_auth', message: problem.said, providerMessage: problem.providerMessage }
    case 'provider_error':
      return { kind: 'retry', delayMs: problem.retryAfterMs, reason: problem.said, httpStatus: null }
    case 'unreachable':
      return {
        kind: 'retry',
        delayMs: null,
        reason: msg('credentials.connect.nothingSent', { problem: problem.said }),
        httpStatus: null,
      }
  }
}

/** AWS's answer for temporary credentials past their end: renewed once, silently. */
const expiredCredentials = (error: unknown) => error instanceof Error && error.name === 'ExpiredTokenException'

// ——— Client ———

/** The task's idempotency key is sent as `ClientToken`, the same on every resend of the task. */
export type ConnectSendContext = SendContext<'connect'>

export interface ConnectClientOptions {
  /** The endpoint for a profile (a loopback simulator); `undefined` lets the SDK resolve the real one. */
  endpointFor?: (profile: ProfileOf<'connect'>) => string | undefined
  /** Per request; the context's signal still applies. */
  timeoutMs?: number
  /** Told of every answer's `Date` header, so the outbox can learn the provider's clock. */
  onServerDate?: (
    profile: ProfileOf<'connect'>,
    dateHeader: string | undefined,
    sentAtMs: number,
    receivedAtMs: number,
  ) => void
  /** IAM Identity Center's address instead of AWS's (a simulator); default: the context's endpoint, if any. */
  identityCenterEndpoint?: string
  /** Where the credentials come from (default: a new holder for this client's profile). */
  credentials?: ConnectCredentials
}

export interface ConnectClient {
  /** `PUT /contact/task` (StartTaskContact), ClientToken = the idempotency key. */
  send(context: ConnectSendContext, input: ConnectStartTaskContactInput): Promise<SendOutcome>
}

export function createConnectClient(options: ConnectClientOptions = {}): ConnectClient {
  const timeoutMs = options.timeoutMs ?? 30_000
  const credentials = options.credentials ?? createConnectCredentials()
  return {
    async send(context, input) {
      // The input was checked once, by the shared registry's toWireRequest; only the token is added.
      const now = context.clock.now()
      const { profile } = context
      const endpoint = context.endpoint ?? options.endpointFor?.(profile)
      const onServerDate = options.onServerDate
      const identityCenterEndpoint = options.identityCenterEndpoint ?? context.endpoint
      // The Identity Center's token and role answers teach the profile's clock as StartTaskContact's do.
      const onAnswer: DateObserver | undefined =
        onServerDate && ((date, sent, received) => onServerDate(profile, date, sent, received))
      const resolve = () =>
        credentials.resolve({
          ...context,
          timeoutMs,
          ...(identityCenterEndpoint ? { identityCenterEndpoint } : {}),
          ...(onAnswer ? { onAnswer } : {}),
        })
      const attempt = async (signWith: AwsCredentials): Promise<{ outcome: SendOutcome; expired: boolean }> => {
        const client = connectSdkClient(profile, signWith, {
          endpoint,
          timeoutMs,
          ...(onServerDate ? { onAnswer: (date, sent, received) => onServerDate(profile, date, sent, received) } : {}),
        })
        try {
          // The handler's own requestTimeout throws; the deadline also covers signing and connecting.
          const output = await withDeadline(context.signal, timeoutMs, (abortSignal) =>
            client.send(new StartTaskContactCommand({ ...input, ClientToken: context.idempotencyKey }), {
              abortSignal,
            }),
          )
          return { outcome: classifyConnectOutput(output), expired: false }
        } catch (error) {
          return { outcome: classifyConnectError(error, now), expired: expiredCredentials(error) }
        } finally {
          client.destroy()
        }
      }

      // Temporary credentials obtained here are secrets too: the seam hides them from whatever AWS answered.
      const first = await resolve()
      if (first instanceof CredentialsUnavailable) return classifyCredentialsProblem(first)
      context.reveal?.(credentialSecrets(first))
      let result = await attempt(first)
      if (result.expired && profile.credentialSource !== 'access_keys') {
        // Role credentials that ended early (or on a clock AWS disagrees with): new ones, once.
        // The same ClientToken makes the resend harmless.
        credentials.forget(profile.id)
        const renewed = await resolve()
        if (renewed instanceof CredentialsUnavailable) return classifyCredentialsProblem(renewed)
        context.reveal?.(credentialSecrets(renewed))
        result = await attempt(renewed)
      }
      return result.outcome
    },
  }
}
