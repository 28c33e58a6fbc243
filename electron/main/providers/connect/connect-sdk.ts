import { ConnectClient } from '@aws-sdk/client-connect'
import type { AwsCredentialIdentity, MiddlewareStack } from '@aws-sdk/types'
import type { ProfileOf } from '@shared/providers/registry'
import { RoutedAgent } from '../../net/routed-agent'
import type { DateObserver } from '../http/observing-transport'
import { answerRetryAfterMs } from '../http/retry-after'

/**
 * What every AWS SDK client Callboard makes is told, so that nothing of this computer's AWS
 * environment (AWS_ENDPOINT_URL…, `endpoint_url`, AWS_USE_FIPS_ENDPOINT, AWS_DEFAULTS_MODE, …)
 * changes where a request goes or how often it is tried: one attempt, the caller owns retries;
 * and every request follows the process's proxy decision (the SDK would otherwise connect direct).
 */
export function isolatedSdkConfig(timeoutMs: number) {
  return {
    ignoreConfiguredEndpointUrls: true,
    defaultsMode: 'standard',
    retryMode: 'standard',
    maxAttempts: 1,
    // Without throwOnRequestTimeout the handler only logs a warning at requestTimeout and keeps
    // waiting, until the server closes the socket (75 s against a 30 s limit).
    requestHandler: {
      httpAgent: new RoutedAgent(),
      httpsAgent: new RoutedAgent(),
      connectionTimeout: timeoutMs,
      requestTimeout: timeoutMs,
      throwOnRequestTimeout: true,
    },
  } as const
}

/**
 * The official SDK client for a Connect profile: real SigV4 from the profile's keys, one attempt
 * (the caller owns retries: the tester reports, the outbox backs off), and an optional endpoint
 * override that points it at a loopback simulator.
 *
 * The profile alone says where requests go and how: its endpoint URL, or the region's endpoint
 * (FIPS, dual-stack as it chooses). The SDK would otherwise take them from this computer's
 * environment and shared AWS files (AWS_ENDPOINT_URL_CONNECT, AWS_ENDPOINT_URL, `endpoint_url`,
 * AWS_USE_FIPS_ENDPOINT, AWS_DEFAULTS_MODE, …) and silently send the signed requests elsewhere, so
 * each is given here; credentials are the profile's own, resolved from its credential source
 * (connect-credentials.ts) before the client is made.
 */
export function connectSdkClient(
  profile: ProfileOf<'connect'>,
  credentials: AwsCredentialIdentity,
  options: {
    endpoint: string | undefined
    timeoutMs: number
    /** Told of every answer's `Date` header (and when the request left and the answer came, local ms). */
    onAnswer?: DateObserver
  },
): ConnectClient {
  const client = new ConnectClient({
    region: profile.region,
    credentials,
    ...(options.endpoint || profile.endpointUrl ? { endpoint: options.endpoint || profile.endpointUrl } : {}),
    useFipsEndpoint: profile.fips,
    useDualstackEndpoint: profile.dualStack,
    authSchemePreference: [],
    ...isolatedSdkConfig(options.timeoutMs),
  })
  observeSdkAnswers(client.middlewareStack, options.onAnswer)
  return client
}

/**
 * An AWS SDK client that tells `onAnswer` of every answer's `Date` header (the provider's clock):
 * StartTaskContact's, and the Identity Center's token and role answers alike.
 */
export function observeSdkAnswers<I extends object, O extends object>(
  stack: MiddlewareStack<I, O>,
  onAnswer: DateObserver | undefined,
): void {
  if (!onAnswer) return
  // The SDK keeps the raw answer to itself; a deserialize-step middleware sees it, errors included.
  const dateOf = (response: unknown) =>
    (response as { headers?: Record<string, string | undefined> } | undefined)?.headers?.['date']
  stack.add(
    (next) => async (args) => {
      const sent = Date.now()
      try {
        const result = await next(args)
        onAnswer(dateOf(result.response), sent, Date.now())
        return result
      } catch (error) {
        onAnswer(dateOf((error as { $response?: unknown }).$response), sent, Date.now())
        throw error
      }
    },
    { step: 'deserialize', name: 'callboardServerDate' },
  )
}

/** Error names AWS gives when it does not accept the request's credentials or SigV4 signature. */
export const AWS_CREDENTIAL_ERRORS: ReadonlySet<string> = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignatureException',
  'MissingAuthenticationTokenException',
  'InvalidClientTokenId',
  'ExpiredTokenException',
])

/**
 * The wait an AWS answer asked for (its `Retry-After`, measured on its own Date), read off the raw
 * answer the SDK hangs on its errors (non-enumerable `$response`, headers in the case they came
 * with); null when it asked for none or nothing answered.
 */
export function awsRetryAfterMs(error: unknown, now: Date): number | null {
  const raw = (error as { $response?: { headers?: Record<string, string | undefined> } } | null)?.$response
  const headers = Object.entries(raw?.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value])
  return answerRetryAfterMs(Object.fromEntries(headers), now)
}
