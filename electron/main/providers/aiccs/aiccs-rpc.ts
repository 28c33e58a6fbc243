import * as openapi from '@alicloud/openapi-core'
import { $OpenApiUtil } from '@alicloud/openapi-core'
import { RuntimeOptions } from '@darabonba/typescript'
import type { ProfileOf, SecretOf } from '@shared/providers/registry'

type OpenApiClient = typeof openapi.default

/**
 * The package is CommonJS compiled from TypeScript (`exports.default = Client`). Node's ES-module
 * loader hands the whole `module.exports` over as the default export, bundlers hand over
 * `exports.default`: accept both.
 */
const OpenApiClient: OpenApiClient =
  typeof openapi.default === 'function'
    ? openapi.default
    : (openapi.default as unknown as { default: OpenApiClient }).default

/** Loopback hosts (simulators) are spoken to in plain HTTP; everything else only over HTTPS. */
export function aiccsProtocol(endpoint: string): 'HTTP' | 'HTTPS' {
  const host = endpoint.replace(/:\d{1,5}$/, '').toLowerCase()
  return host === '127.0.0.1' || host === 'localhost' ? 'HTTP' : 'HTTPS'
}

/**
 * The signature's time stamp (`x-acs-date`, ISO 8601 to the second). The SDK would take this
 * computer's clock; the caller's is the provider's, as learned from its answers' Date headers.
 */
export function acsDate(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** The SDK has no abort signal: settle when the signal fires (the socket ends at its own timeout). */
function raceSignal<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error)
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

/** The AICCS 2019-10-15 actions Callboard calls: creating a call task, and finding one by name. */
export type AiccsAction = 'CreateAiCallTask' | 'QueryAiCallTaskPage'

/**
 * One AICCS action (RPC, version 2019-10-15), signed ACS3-HMAC-SHA256 by Alibaba's official
 * generic client. One attempt, no SDK retries: the caller owns them. The body comes back raw,
 * because the SDK's JSON parse would round a 64-bit task id. Rejects with the SDK's error (gateway
 * errors carry `code`, `statusCode`, `data`).
 */
export async function callAiccs(
  action: AiccsAction,
  profile: ProfileOf<'aiccs'>,
  secret: SecretOf<'aiccs'>,
  query: Record<string, string>,
  options: { timeoutMs: number; signal: AbortSignal; signedAt: Date },
): Promise<{ statusCode?: unknown; body?: unknown }> {
  const protocol = aiccsProtocol(profile.endpoint)
  const client = new OpenApiClient(
    new $OpenApiUtil.Config({
      accessKeyId: secret.accessKeyId,
      accessKeySecret: secret.accessKeySecret,
      endpoint: profile.endpoint,
      protocol,
      regionId: profile.regionId,
      connectTimeout: options.timeoutMs,
      readTimeout: options.timeoutMs,
    }),
  )
  const params = new $OpenApiUtil.Params({
    action,
    version: '2019-10-15',
    protocol,
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'string',
  })
  const runtime = new RuntimeOptions({
    connectTimeout: options.timeoutMs,
    readTimeout: options.timeoutMs,
    autoretry: false,
  })
  return (await raceSignal(
    client.callApi(
      params,
      new $OpenApiUtil.OpenApiRequest({ query, headers: { 'x-acs-date': acsDate(options.signedAt) } }),
      runtime,
    ),
    options.signal,
  )) as { statusCode?: unknown; body?: unknown }
}

/** `CreateAiCallTask` with these parameters. */
export const callCreateAiCallTask = (
  profile: ProfileOf<'aiccs'>,
  secret: SecretOf<'aiccs'>,
  query: Record<string, string>,
  options: { timeoutMs: number; signal: AbortSignal; signedAt: Date },
) => callAiccs('CreateAiCallTask', profile, secret, query, options)
