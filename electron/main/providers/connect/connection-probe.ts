import { DescribeInstanceCommand } from '@aws-sdk/client-connect'
import { msg, type Message } from '@shared/i18n/message'
import type { ConnectionProbe, ProbeFinding } from '../connection-probe'
import type { ProfileOf } from '@shared/providers/registry'
import { askedToWait, asksToWait, unreachable } from '../connection-probe'
import { AWS_CREDENTIAL_ERRORS, awsRetryAfterMs, connectSdkClient } from './connect-sdk'
import type { AwsCredentials, CredentialContext } from './connect-credentials'
import { createConnectCredentials, credentialSecrets, CredentialsUnavailable } from './connect-credentials'

export interface ConnectProbeOptions {
  /**
   * The Connect endpoint for a profile, e.g. a loopback simulator's URL (the sandbox's profile).
   * `undefined` (the default) lets the SDK resolve the real regional endpoint,
   * `https://connect.<region>.amazonaws.com`.
   */
  endpointFor?: (profile: ProfileOf<'connect'>) => string | undefined
  /** IAM Identity Center's address instead of AWS's (a simulator); default: the context's endpoint, if any. */
  identityCenterEndpoint?: string
}

/** No credentials could be had: what Test connection says (nothing reached Amazon Connect). */
function credentialsFinding(problem: CredentialsUnavailable): ProbeFinding {
  return {
    outcome:
      problem.why === 'sign_in' ? 'auth_rejected' : problem.why === 'unreachable' ? 'unreachable' : 'provider_error',
    message: problem.said,
    providerMessage: problem.providerMessage,
    httpStatus: null,
  }
}

/**
 * The credentials a Connect request of this context signs with, fresh from its source (Test
 * connection proves the sign-in too), or why there are none.
 */
export async function freshCredentials(
  context: Omit<CredentialContext, 'timeoutMs' | 'identityCenterEndpoint'>,
  identityCenterEndpoint: string | undefined,
): Promise<AwsCredentials | CredentialsUnavailable> {
  return createConnectCredentials().resolve({
    ...context,
    timeoutMs: 10_000,
    ...(identityCenterEndpoint ? { identityCenterEndpoint } : {}),
  })
}

export interface AwsServiceError {
  name: string
  message: string
  status: number
}

/** An answer from AWS carries `$metadata.httpStatusCode`; network failures and aborts do not. */
export function serviceError(error: unknown): AwsServiceError | null {
  if (!(error instanceof Error)) return null
  const status = (error as { $metadata?: { httpStatusCode?: unknown } }).$metadata?.httpStatusCode
  return typeof status === 'number' ? { name: error.name, message: error.message, status } : null
}

/** Node's errno-style failures (`code: 'ECONNREFUSED'`) in the shape `unreachable()` reads. */
function networkError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^E[A-Z_]+$/.test(code) ? Object.assign(new Error(code), { cause: error }) : error
}

function classify(error: AwsServiceError, instanceId: string, region: string): ProbeFinding {
  const providerMessage = `${error.name}: ${error.message}`.slice(0, 2000)
  const found = (outcome: ProbeFinding['outcome'], message: Message): ProbeFinding => ({
    outcome,
    message,
    providerMessage,
    httpStatus: error.status,
  })
  if (AWS_CREDENTIAL_ERRORS.has(error.name)) {
    return found(
      'auth_rejected',
      /Signature (expired|not yet current)/i.test(error.message)
        ? msg('probe.connect.clockRefused')
        : msg('probe.connect.keysRefused'),
    )
  }
  if (error.name === 'AccessDeniedException') {
    return found('not_permitted', msg('probe.connect.notPermitted'))
  }
  if (error.name === 'ResourceNotFoundException') {
    return found('not_found', msg('probe.connect.noInstance', { instance: instanceId, region }))
  }
  // Throttling (and 429, 503) never gets here: it asked to wait (describeInstance), whatever its status.
  if (error.status === 401 || error.status === 403) {
    return found('auth_rejected', msg('probe.connect.refused'))
  }
  return found(
    'provider_error',
    error.status >= 500 ? msg('probe.connect.unavailable') : msg('probe.connect.unexpected'),
  )
}

/**
 * Amazon Connect: DescribeInstance on the profile's instance, signed with SigV4 by the official SDK.
 * It only reads, so it is safe to repeat; it proves the keys, the region and the instance id at once.
 */
export function createConnectProbe(options: ConnectProbeOptions = {}): ConnectionProbe<'connect'> {
  return async (context) => {
    const { profile, signal, endpoint: given } = context
    const endpoint = given ?? options.endpointFor?.(profile)
    const credentials = await freshCredentials(context, options.identityCenterEndpoint ?? given)
    if (credentials instanceof CredentialsUnavailable) return credentialsFinding(credentials)
    // Temporary credentials obtained here: the seam (the connection tester) hides them from whatever AWS answered.
    context.reveal?.(credentialSecrets(credentials))
    return describeInstance(profile, credentials, endpoint, signal, context.clock.now())
  }
}

async function describeInstance(
  profile: ProfileOf<'connect'>,
  credentials: AwsCredentials,
  endpoint: string | undefined,
  signal: AbortSignal,
  now: Date,
): Promise<ProbeFinding> {
  const client = connectSdkClient(profile, credentials, { endpoint, timeoutMs: 10_000 })
  try {
    const answer = await client.send(new DescribeInstanceCommand({ InstanceId: profile.instanceId }), {
      abortSignal: signal,
    })
    const alias = answer.Instance?.InstanceAlias
    return {
      outcome: 'connected',
      message: alias
        ? msg('probe.connect.signedInAlias', { alias, region: profile.region })
        : msg('probe.connect.signedIn', { instance: profile.instanceId, region: profile.region }),
      httpStatus: answer.$metadata.httpStatusCode ?? 200,
    }
  } catch (error) {
    const answered = serviceError(error)
    const where = endpoint
      ? msg('probe.where.connectEndpoint', { endpoint })
      : msg('probe.where.connectRegion', { region: profile.region })
    if (answered && (answered.name === 'ThrottlingException' || asksToWait(answered.status))) {
      const words = `${answered.name}: ${answered.message}`.slice(0, 2000)
      return askedToWait(where, answered.status, awsRetryAfterMs(error, now), words)
    }
    if (answered) return classify(answered, profile.instanceId, profile.region)
    return unreachable(networkError(error), where)
  } finally {
    client.destroy()
  }
}

/** The probe the app uses: the SDK's real regional endpoints, or the context's endpoint (the sandbox's). */
export const connectProbe: ConnectionProbe<'connect'> = createConnectProbe()
