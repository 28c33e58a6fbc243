import { answerRetryAfterMs } from '../http/retry-after'
import { $OpenApiUtil } from '@alicloud/openapi-core'
import { Request as SignedRequest } from '@darabonba/typescript'
import type { ProfileOf } from '@shared/providers/registry'
import type { HttpTransport, TransportAnswer } from '../http/http-transport'
import { nodeHttpTransport, sendCapturing } from '../http/http-transport'

// Alibaba Cloud RPC calls (AICCS, STS), signed by Alibaba's own code and sent by the project's one
// transport. The official client (`@alicloud/openapi-core` → `@darabonba/typescript` doAction →
// httpx) ignores its proxy settings and takes no agent, and cannot say whether a failed request
// left; so the request is assembled here step by step as its `doRequest` does for an RPC call
// with parameters in the query (the headers, the empty payload's hash, the STS token, the
// ACS3-HMAC-SHA256 `Authorization` from its `getAuthorization`), and handed to the node:http
// transport, which follows the proxy decision and knows before_send from after_send.

/** The signing helpers of the official client (a CommonJS class on the module's `default`). */
const OpenApiUtil = $OpenApiUtil.default

const SIGNATURE_ALGORITHM = 'ACS3-HMAC-SHA256'

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

/** The AICCS 2019-10-15 actions Callboard calls: creating a call task, and finding one by name. */
export type AiccsAction = 'CreateAiCallTask' | 'QueryAiCallTaskPage'

/** One Alibaba Cloud API (product, version) at one endpoint. */
export interface AlibabaApi {
  endpoint: string
  regionId: string
  version: string
}

/** RFC 3986 percent-encoding, as the signature's canonical query string spells every value. */
const percentEncode = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/**
 * The signed headers of one RPC call, as the official client's `doRequest` builds them: host,
 * version, action, its user agent, the time stamp and a nonce, `accept`, the SHA-256 of the empty
 * payload (the parameters travel in the query), the STS token with its key id when there is one,
 * and the ACS3-HMAC-SHA256 `Authorization` over all of them and the query. Pure but for the nonce.
 */
export function signAlibabaRequest(
  api: AlibabaApi,
  action: string,
  signWith: AlibabaCredentials,
  query: Record<string, string>,
  signedAt: Date,
): Record<string, string> {
  const request = new SignedRequest()
  request.protocol = aiccsProtocol(api.endpoint)
  request.method = 'POST'
  request.pathname = '/'
  request.query = { ...query }
  const payloadHash = OpenApiUtil.hash(Buffer.from('', 'utf8'), SIGNATURE_ALGORITHM).toString('hex')
  request.headers = {
    host: api.endpoint,
    'x-acs-version': api.version,
    'x-acs-action': action,
    'user-agent': OpenApiUtil.getUserAgent(''),
    'x-acs-date': acsDate(signedAt),
    'x-acs-signature-nonce': OpenApiUtil.getNonce(),
    accept: 'application/json',
    'x-acs-content-sha256': payloadHash,
  }
  const { accessKeyId, accessKeySecret, securityToken } = signWith
  if (securityToken) {
    request.headers['x-acs-accesskey-id'] = accessKeyId
    request.headers['x-acs-security-token'] = securityToken
  }
  request.headers['Authorization'] = OpenApiUtil.getAuthorization(
    request,
    SIGNATURE_ALGORITHM,
    payloadHash,
    accessKeyId,
    accessKeySecret,
  )
  return request.headers
}

/** The URL of one RPC call: `<scheme>://<endpoint>/?<parameters>`. Pure. */
export function alibabaUrl(endpoint: string, query: Record<string, string>): string {
  const search = Object.entries(query)
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join('&')
  return `${aiccsProtocol(endpoint).toLowerCase()}://${endpoint}/${search ? `?${search}` : ''}`
}

export interface AlibabaCallOptions {
  /** One time limit for the whole request (connect, send, answer). */
  timeoutMs: number
  signal: AbortSignal
  /** The provider's clock (see `acsDate`). */
  signedAt: Date
  /** Default: the node:http transport under the process's proxy decision. */
  transport?: HttpTransport | undefined
}

/**
 * One action of an Alibaba Cloud RPC API, signed ACS3-HMAC-SHA256, sent once (the caller owns
 * retries) through the project's transport. Never throws: the answer with its raw body (a JSON
 * parse would round a 64-bit task id) and headers, or the network failure and whether the request
 * could have left.
 */
export function callAlibaba(
  api: AlibabaApi,
  action: string,
  signWith: AlibabaCredentials,
  query: Record<string, string>,
  options: AlibabaCallOptions,
): Promise<TransportAnswer> {
  return sendCapturing(options.transport ?? nodeHttpTransport, {
    method: 'POST',
    url: alibabaUrl(api.endpoint, query),
    headers: signAlibabaRequest(api, action, signWith, query, options.signedAt),
    body: '',
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  })
}

/** An Alibaba Cloud error body's words (`{RequestId, Code, Message, …}`); nulls when it has none. Pure. */
export function alibabaErrorOf(body: string): {
  code: string | null
  message: string | null
  requestId: string | null
} {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    parsed = null
  }
  const fields = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>
  const text = (key: string) => (typeof fields[key] === 'string' ? fields[key] : null)
  return { code: text('Code'), message: text('Message'), requestId: text('RequestId') }
}

/** One AICCS action (RPC, version 2019-10-15) at the profile's endpoint. */
export const callAiccs = (
  action: AiccsAction,
  profile: ProfileOf<'aiccs'>,
  signWith: AlibabaCredentials,
  query: Record<string, string>,
  options: AlibabaCallOptions,
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
  options: AlibabaCallOptions,
) => callAiccs('CreateAiCallTask', profile, signWith, query, options)

/** Alibaba Cloud's wait for a throttled caller, `x-acs-retry-after`, in ms (what the SDK read as `retryAfter`). */
function acsRetryAfterMs(value: string | undefined): number | null {
  const ms = Number.parseInt(value ?? '', 10)
  return Number.isNaN(ms) ? null : Math.max(0, ms)
}

/**
 * The wait an Alibaba Cloud answer (AICCS's or STS's) asked for, in ms: its `Retry-After` (measured
 * on its own Date) or, when its code says it was throttled, `x-acs-retry-after`, the longer; both
 * are floors. Null when it asked for none.
 */
export function alibabaRetryAfterMs(
  headers: Record<string, string | undefined>,
  code: string | null,
  now: Date,
): number | null {
  const throttled = code?.startsWith('Throttling') === true
  const waits = [
    answerRetryAfterMs(headers, now),
    throttled ? acsRetryAfterMs(headers['x-acs-retry-after']) : null,
  ].filter((wait) => wait !== null)
  return waits.length > 0 ? Math.max(...waits) : null
}
