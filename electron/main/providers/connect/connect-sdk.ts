import { ConnectClient } from '@aws-sdk/client-connect'
import type { ProfileFor, SecretFor } from '../connection-probe'

/**
 * The official SDK client for a Connect profile: real SigV4 from the profile's keys, one attempt
 * (the caller owns retries: the tester reports, the outbox backs off), and an optional endpoint
 * override that points it at a loopback simulator.
 */
export function connectSdkClient(
  profile: ProfileFor<'connect'>,
  secret: SecretFor<'connect'>,
  options: { endpoint: string | undefined; timeoutMs: number },
): ConnectClient {
  return new ConnectClient({
    region: profile.region,
    credentials: {
      accessKeyId: secret.accessKeyId,
      secretAccessKey: secret.secretAccessKey,
      ...(secret.sessionToken ? { sessionToken: secret.sessionToken } : {}),
    },
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    maxAttempts: 1,
    requestHandler: { connectionTimeout: options.timeoutMs, requestTimeout: options.timeoutMs },
  })
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
