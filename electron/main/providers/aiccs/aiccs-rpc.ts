import * as credentials from '@alicloud/credentials'
import * as openapi from '@alicloud/openapi-core'
import { $OpenApiUtil } from '@alicloud/openapi-core'
import { RuntimeOptions } from '@darabonba/typescript'
import type { ProfileOf } from '@shared/providers/registry'

type OpenApiClient = typeof openapi.default
type CredentialClient = typeof credentials.default

/**
 * The package is CommonJS compiled from TypeScript (`exports.default = Client`). Node's ES-module
 * loader hands the whole `module.exports` over as the default export, bundlers hand over
 * `exports.default`: accept both.
 */
const OpenApiClient: OpenApiClient =
  typeof openapi.default === 'function'
    ? openapi.default
    : (openapi.default as unknown as { default: OpenApiClient }).default
const Credential: CredentialClient =
  typeof credentials.default === 'function'
    ? credentials.default
    : (credentials.default as unknown as { default: CredentialClient }).default

/**
 * What a request is signed with: an AccessKey, or STS credentials (an STS AccessKey with its
 * security token, sent as `x-acs-security-token` and signed with the rest).
 */
export interface AlibabaCredentials {
  accessKeyId: string
  accessKeySecret: string
  /** Empty or absent for a RAM user's own AccessKey. */
  securityToken?: string | undefined
}

/** The official credentials object for these credentials: `access_key`, or `sts` with the token. */
function credentialOf({ accessKeyId, accessKeySecret, securityToken }: AlibabaCredentials) {
  return new Credential(
    new credentials.Config(
      securityToken
        ? { type: 'sts', accessKeyId, accessKeySecret, securityToken }
        : { type: 'access_key', accessKeyId, accessKeySecret },
    ),
  )
}

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

/** One Alibaba Cloud API (product, version) at one endpoint. */
export interface AlibabaApi {
  endpoint: string
  regionId: string
  version: string
}

/**
 * One action of an Alibaba Cloud RPC API, signed ACS3-HMAC-SHA256 by Alibaba's official generic
 * client with the official credentials object. One attempt, no SDK retries: the caller owns them.
 * The body comes back raw, because the SDK's JSON parse would round a 64-bit task id. Rejects with
 * the SDK's error (gateway errors carry `code`, `statusCode`, `data`).
 */
export async function callAlibaba(
  api: AlibabaApi,
  action: string,
  signWith: AlibabaCredentials,
  query: Record<string, string>,
  options: { timeoutMs: number; signal: AbortSignal; signedAt: Date },
): Promise<{ statusCode?: unknown; body?: unknown }> {
  const protocol = aiccsProtocol(api.endpoint)
  const client = new OpenApiClient(
    new $OpenApiUtil.Config({
      credential: credentialOf(signWith),
      endpoint: api.endpoint,
      protocol,
      regionId: api.regionId,
      connectTimeout: options.timeoutMs,
      readTimeout: options.timeoutMs,
    }),
  )
  const params = new $OpenApiUtil.Params({
    action,
    version: api.version,
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

/** One AICCS action (RPC, version 2019-10-15) at the profile's endpoint. */
export const callAiccs = (
  action: AiccsAction,
  profile: ProfileOf<'aiccs'>,
  signWith: AlibabaCredentials,
  query: Record<string, string>,
  options: { timeoutMs: number; signal: AbortSignal; signedAt: Date },
) =>
  callAlibaba(
    { endpoint: profile.endpoint, regionId: profile.regionId, version: '2019-10-15' },
    action,
    signWith,
    query,
    options,
  )

/** `CreateAiCallTask` with these parameters. */
export const callCreateAiCallTask = (
  profile: ProfileOf<'aiccs'>,
  signWith: AlibabaCredentials,
  query: Record<string, string>,
  options: { timeoutMs: number; signal: AbortSignal; signedAt: Date },
) => callAiccs('CreateAiCallTask', profile, signWith, query, options)
