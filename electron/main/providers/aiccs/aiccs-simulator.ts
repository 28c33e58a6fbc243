import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { checkCreateAiCallTask } from './aiccs-rules'
import type { HttpFault, StatusFault } from '../simulator-kit/faults'
import { createFaultSwitch, echoAnswer, echoOfRequest, withFault } from '../simulator-kit/faults'
import type { RunningSimulator, SimRequest, SimResponse } from '../simulator-kit/loopback-server'
import { startLoopbackServer } from '../simulator-kit/loopback-server'
import type { RateLimit } from '../../core/rate-limit'
import { createRateLimiter, retryAfterSeconds } from '../../core/rate-limit'

export interface AiccsSimulatorOptions {
  accessKeyId: string
  accessKeySecret: string
  /** For an STS AccessKey: requests must carry this token, signed, in `x-acs-security-token`. */
  securityToken?: string
  /**
   * STS on the same gateway (`AssumeRole`, version 2015-04-01): the RAM roles the account has, and
   * the AccessKey ids allowed to assume each. The STS credentials it hands out are accepted by this
   * simulator too (and told to `onStsCredentials`, for another simulator to accept).
   */
  sts?: {
    roles: Record<string, { assumableBy: string[] }>
    /** Default: the DurationSeconds asked for (STS's default 3600 s). */
    lifetimeS?: number
    onStsCredentials?: (credentials: AiccsStsCredentials) => void
  }
  /** AccessKey ids that authenticate but whose RAM policy denies `aiccs:CreateAiCallTask`. */
  forbiddenKeys?: string[]
  /** The id of the first task created; each further task gets the next one. */
  firstTaskId?: bigint
  /** Answer every authenticated request with Throttling.User, as if the rate limit were zero. */
  throttle?: boolean
  /**
   * CreateAiCallTask's rate per account. providers.md §4: not stated for this action; sibling AICCS
   * APIs document 20–100 QPS [V], so the default is the lowest of those, a token bucket of 20 a
   * second with a burst of 20 [I]. null: no limit.
   */
  rateLimit?: RateLimit | null
  /** The simulator's clock runs this far ahead of (or, negative, behind) the real one. */
  clockOffsetMs?: number
  /**
   * The code a duplicate TaskName is refused with (default `AICCS_DUPLICATE_TASK_NAME_CODE`): the
   * real one is not documented, so tests try others.
   */
  duplicateCode?: string
  /** The clock the offset is added to (default `Date.now`); tests freeze it to judge time rules exactly. */
  clock?: () => number
  /**
   * The time the rate limit refills by (default `Date.now`): real time, not `clock`, so a frozen or
   * offset clock does not stop the bucket. Tests of the refill step it by hand, so a slow round trip
   * on a loaded machine cannot refill the bucket early.
   */
  rateClock?: () => number
}

/**
 * Faults on CreateAiCallTask (`refuse` stops the whole listener), set with `setFault`. Besides the
 * common ones, `business`: the gateway passes the request, and AICCS answers HTTP 200 with
 * `Success: false` and this `Code` [I] (providers.md §4: business errors may come back as 200),
 * creating nothing. A `status` fault answers the gateway's error body with `code`, or the usual
 * code for the status (see `AICCS_STATUS_CODES`). `echo` plays on every action.
 */
export type AiccsFault = HttpFault | { kind: 'business'; code: string; message?: string; times?: number }

export type AiccsVerdict =
  | 'created'
  | 'incomplete_signature'
  | 'unknown_key'
  /** An STS AccessKey without its token, with another, or past its end. */
  | 'bad_security_token'
  /** AssumeRole gave STS credentials. */
  | 'assumed'
  | 'bad_signature'
  | 'expired'
  | 'nonce_reused'
  | 'unknown_action'
  | 'forbidden'
  | 'missing_parameter'
  | 'invalid_parameter'
  | 'throttled'
  | 'duplicate'
  /** `QueryAiCallTaskPage` answered with a page of the account's tasks. */
  | 'listed'
  /** A `status` or `business` fault answered; nothing created. */
  | 'fault'
  /** `dropAfterBody`: the task was created, then the connection was cut without an answer. */
  | 'dropped'
  /** `blackhole`: read and never answered. */
  | 'blackholed'

export interface AiccsSimRequest {
  method: string
  path: string
  action: string | null
  accessKeyId: string | null
  /** The `Authorization` header as it arrived (it holds a signature, never the secret). */
  authorization: string | null
  /** Every header as it arrived, so a test can replay the request. */
  headers: Record<string, string>
  /** The request's parameters (query and form body), as the gateway read them. */
  parameters: Record<string, string>
  verdict: AiccsVerdict
  code: string
  /** The HTTP status answered; 0 when no answer was written (`dropped`, `blackholed`). */
  status: number
  /** The task id, for a created task (a string: it is a 64-bit number). */
  taskId?: string
}

/** STS credentials of a RAM role, as AssumeRole handed them out. */
export interface AiccsStsCredentials {
  accessKeyId: string
  accessKeySecret: string
  securityToken: string
  /** On the simulator's clock. */
  expiresAtMs: number
  roleArn: string
}

/** A task the simulated account holds. */
export interface AiccsSimTask {
  /** A string: the id is a 64-bit number. */
  taskId: string
  taskName: string
  /** On the provider's clock, in ms (`CreateTime` in the task list). */
  createdAt: number
}

export interface AiccsSimulator extends RunningSimulator {
  requests: AiccsSimRequest[]
  /** Every task created, in order. Task names are unique in the account, as at AICCS. */
  tasks: AiccsSimTask[]
  /** How many tasks were created with this name (the side effects a client caused): 0 or 1. */
  effects(taskName: string): number
  /** Set (or, with null, clear) the fault; resolves once the listener reflects it. */
  setFault(fault: AiccsFault | null): Promise<void>
  /** Move the provider's clock (an NTP correction, or a provider whose clock drifts). */
  setClockOffset(ms: number): void
  /** Make `QueryAiCallTaskPage` answer 503 ServiceUnavailable (true) or list again (false). */
  setListingDown(down: boolean): void
  /** Accept these STS credentials too (a role assumed at another STS endpoint). */
  acceptStsCredentials(credentials: AiccsStsCredentials): void
  /** The STS credentials this simulator's AssumeRole handed out. */
  issued: AiccsStsCredentials[]
}

/**
 * [I] The code for a TaskName the account already holds. providers.md §4: the real code is not
 * documented; `TaskName.Duplicate` follows Alibaba's `<Parameter>.<Problem>` naming. The answer
 * carries no id of the existing task (nothing says the real one does).
 */
export const AICCS_DUPLICATE_TASK_NAME_CODE = 'TaskName.Duplicate'

/**
 * The gateway code (and message) a `status` fault without `code` answers with: Alibaba's common
 * codes (providers.md §4, the OpenAPI error centre), chosen so the client's classifier sees what
 * the gateway would send for the status. [I] for 401: the gateway rarely uses it; a disabled key is
 * the nearest credential error.
 */
export const AICCS_STATUS_CODES: Readonly<Record<number, { code: string; message: string }>> = {
  400: { code: 'InvalidParameter', message: 'The specified parameter is not valid.' },
  401: { code: 'InvalidAccessKeyId.Inactive', message: 'Specified access key is disabled.' },
  403: {
    code: 'Forbidden.RAM',
    message: "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
  },
  404: { code: 'InvalidAction.NotFound', message: 'Specified api is not found, please check your url and method.' },
  429: { code: 'Throttling.User', message: 'Request was denied due to user flow control.' },
  500: { code: 'InternalError', message: 'The request processing has failed due to some unknown error.' },
  503: { code: 'ServiceUnavailable', message: 'The request has failed due to a temporary failure of the server.' },
}

const statusCode = (status: number) =>
  AICCS_STATUS_CODES[status] ?? (status >= 500 ? AICCS_STATUS_CODES[500]! : AICCS_STATUS_CODES[400]!)

const ALGORITHM = 'ACS3-HMAC-SHA256'
const ACTION = 'CreateAiCallTask'
/** The list API of AI call tasks (2019-10-15): `TaskName` matched fuzzily, paged. */
const QUERY_ACTION = 'QueryAiCallTaskPage'
const VERSION = '2019-10-15'
/** Alibaba Cloud accepts a request time up to 15 minutes away from its own (and a nonce once in that time). */
const MAX_SKEW_MS = 15 * 60_000

/** Percent-encoding as the V3 signature wants it: RFC 3986, spaces as %20, `~` kept. */
const percentEncode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

const headerValue = (request: SimRequest, name: string): string | undefined => {
  const value = request.headers[name]
  return Array.isArray(value) ? value.join(',') : value
}

function parseAuthorization(header: string) {
  const m = /^ACS3-HMAC-SHA256 Credential=([^,\s]+),SignedHeaders=([^,\s]+),Signature=([0-9a-f]{64})$/.exec(header)
  return m ? { accessKeyId: m[1]!, signedHeaders: m[2]!.split(';'), signature: m[3]! } : null
}

/** `CanonicalQueryString`: parameters sorted by encoded name, `name=value` joined with `&`. */
function canonicalQuery(url: URL): string {
  return [...url.searchParams]
    .map(([key, value]) => [percentEncode(key), percentEncode(value)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&')
}

/**
 * Alibaba Cloud's API gateway in front of AICCS 2019-10-15, RPC style, as far as CreateAiCallTask
 * goes. Every request is authenticated for real: the simulator rebuilds the V3 canonical request
 * (method, path, sorted canonical query, the signed headers, the hash of the body that arrived),
 * signs it ACS3-HMAC-SHA256 with the secret it knows and compares. As at the real gateway, the
 * signature is checked before the parameters, so an unsigned or badly signed request never learns
 * which parameters are missing.
 */
export async function startAiccsSimulator(options: AiccsSimulatorOptions): Promise<AiccsSimulator> {
  const requests: AiccsSimRequest[] = []
  const forbidden = new Set(options.forbiddenKeys ?? [])
  /** Every AccessKey the account knows: its own, and STS credentials given since. */
  const keys = new Map<string, { secret: string; securityToken: string | null; expiresAtMs: number | null }>([
    [
      options.accessKeyId,
      { secret: options.accessKeySecret, securityToken: options.securityToken ?? null, expiresAtMs: null },
    ],
  ])
  const issued: AiccsStsCredentials[] = []
  const acceptSts = (c: AiccsStsCredentials) =>
    keys.set(c.accessKeyId, { secret: c.accessKeySecret, securityToken: c.securityToken, expiresAtMs: c.expiresAtMs })
  /** Nonce → when it was used; a nonce is refused again while its time could still pass the skew check. */
  const nonces = new Map<string, number>()
  let nextTaskId = options.firstTaskId ?? 1234567890123456789n
  const tasks: AiccsSimTask[] = []
  const byName = new Map<string, AiccsSimTask>()
  let listingDown = false
  const baseClock = options.clock ?? Date.now
  let offset = options.clockOffsetMs ?? 0
  const now = () => baseClock() + offset
  const rateClock = options.rateClock ?? Date.now
  const limiter = createRateLimiter(
    options.rateLimit === undefined ? { kind: 'bucket', perSecond: 20, burst: 20 } : options.rateLimit,
  )

  function handle(request: SimRequest): Promise<SimResponse | null> | SimResponse | null {
    const parameters: Record<string, string> = Object.fromEntries(request.url.searchParams)
    const contentType = headerValue(request, 'content-type') ?? ''
    if (contentType.startsWith('application/x-www-form-urlencoded')) {
      Object.assign(parameters, Object.fromEntries(new URLSearchParams(request.body.toString('utf8'))))
    }
    const action = headerValue(request, 'x-acs-action') ?? parameters['Action'] ?? null
    const entry: AiccsSimRequest = {
      method: request.method,
      path: `${request.url.pathname}${request.url.search}`,
      action,
      accessKeyId: null,
      authorization: headerValue(request, 'authorization') ?? null,
      headers: Object.fromEntries(
        Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]),
      ),
      parameters,
      verdict: 'created',
      code: 'OK',
      status: 200,
    }
    requests.push(entry)
    // STS is another product on the same simulated gateway: AICCS's faults do not play on it, but an
    // echo at 'token' does (STS is where this provider's temporary credentials come from).
    if (action === 'AssumeRole' && options.sts) return stsEcho(request, entry) ?? respond(request, entry, null)
    if (action !== ACTION) {
      return (
        echoAnswer(faults.current(), 'api', request, (f) => renderStatus(request, entry, f)) ??
        respond(request, entry, null)
      )
    }
    // Faults play on the action that creates something; `times` counts only those requests.
    const fault = faults.take()
    return withFault(fault, request, {
      renderStatus: (f) => renderStatus(request, entry, f),
      handle: () => respond(request, entry, fault?.kind === 'business' ? fault : null),
      note: (verdict) => {
        if (verdict === 'dropped' || verdict === 'blackholed') {
          entry.verdict = verdict
          entry.status = 0
        }
      },
    })
  }

  /** The gateway's error body `{RequestId, HostId, Code, Message, Recommend}`, recorded in the ledger. */
  function gatewayError(
    request: SimRequest,
    entry: AiccsSimRequest,
    verdict: AiccsVerdict,
    status: number,
    code: string,
    message: string,
    headers: Record<string, string> = {},
  ): SimResponse {
    entry.verdict = verdict
    entry.code = code
    entry.status = status
    const requestId = randomUUID().toUpperCase()
    return {
      status,
      headers: { 'content-type': 'application/json;charset=utf-8', ...headers },
      body: {
        RequestId: requestId,
        HostId: headerValue(request, 'host') ?? 'aiccs.aliyuncs.com',
        Code: code,
        Message: message,
        Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=aiccs&requestId=${requestId}`,
      },
    }
  }

  /**
   * Throttled: the gateway's `Throttling.User`, HTTP 400 as Alibaba documents it for flow control
   * (ErrorCode=Throttling.User HttpCode=400). [I] The wait: `Retry-After` in seconds, and
   * `x-acs-retry-after` in milliseconds, the header the official SDK reads into its ThrottlingError.
   */
  const throttled = (request: SimRequest, entry: AiccsSimRequest, waitMs: number | null) =>
    gatewayError(
      request,
      entry,
      'throttled',
      400,
      'Throttling.User',
      'Request was denied due to user flow control.',
      waitMs === null
        ? undefined
        : { 'retry-after': String(retryAfterSeconds(waitMs)), 'x-acs-retry-after': String(Math.ceil(waitMs)) },
    )

  function renderStatus(request: SimRequest, entry: AiccsSimRequest, fault: StatusFault): SimResponse {
    const usual = statusCode(fault.status)
    const code = fault.code ?? usual.code
    const message = fault.message ?? (fault.code === undefined ? usual.message : `Simulated failure ${code}.`)
    const wait = fault.retryAfterSeconds
    const headers: Record<string, string> =
      wait === undefined ? {} : { 'retry-after': String(wait), 'x-acs-retry-after': String(wait * 1000) }
    return gatewayError(request, entry, 'fault', fault.status, code, message, headers)
  }

  /**
   * `QueryAiCallTaskPage`: the account's tasks whose name contains `TaskName` (fuzzy, as documented)
   * and whose id is `TaskId`, one page (`PageNo` from 1, `PageSize` default 20), as
   * `Data: {List: [{TaskId, TaskName, Status, CreateTime}], PageNo, PageSize, Total}`, TaskId a string.
   */
  function listTasks(request: SimRequest, entry: AiccsSimRequest): SimResponse {
    if (listingDown) {
      return gatewayError(
        request,
        entry,
        'fault',
        503,
        'ServiceUnavailable',
        'The request has failed due to a temporary failure of the server.',
      )
    }
    const { parameters } = entry
    const positive = (name: string, fallback: number): number | null => {
      const value = parameters[name]
      if (value === undefined) return fallback
      return /^[1-9]\d{0,5}$/.test(value) ? Number(value) : null
    }
    const pageNo = positive('PageNo', 1)
    const pageSize = positive('PageSize', 20)
    if (pageNo === null || pageSize === null) {
      const name = pageNo === null ? 'PageNo' : 'PageSize'
      return gatewayError(
        request,
        entry,
        'invalid_parameter',
        400,
        `InvalidParameter.${name}`,
        `${name} must be greater than 0.`,
      )
    }
    const name = parameters['TaskName'] ?? ''
    const id = parameters['TaskId']
    const matching = tasks.filter((t) => t.taskName.includes(name) && (id === undefined || t.taskId === id))
    const page = matching.slice((pageNo - 1) * pageSize, pageNo * pageSize)
    entry.verdict = 'listed'
    return {
      status: 200,
      headers: { 'content-type': 'application/json;charset=utf-8' },
      body: {
        RequestId: randomUUID().toUpperCase(),
        Code: 'OK',
        Success: true,
        Data: {
          List: page.map((t) => ({ TaskId: t.taskId, TaskName: t.taskName, Status: 0, CreateTime: t.createdAt })),
          PageNo: pageNo,
          PageSize: pageSize,
          Total: matching.length,
        },
      },
    }
  }

  function respond(
    request: SimRequest,
    entry: AiccsSimRequest,
    business: Extract<AiccsFault, { kind: 'business' }> | null,
  ): SimResponse {
    const fail = (verdict: AiccsVerdict, status: number, code: string, message: string) =>
      gatewayError(request, entry, verdict, status, code, message)
    const { parameters } = entry

    // ——— Authentication: signature V3, ACS3-HMAC-SHA256 ———
    const incomplete = () =>
      fail(
        'incomplete_signature',
        400,
        'IncompleteSignature',
        'The request signature does not conform to Aliyun standards.',
      )
    const auth = entry.authorization ? parseAuthorization(entry.authorization) : null
    if (!auth) return incomplete()
    entry.accessKeyId = auth.accessKeyId
    const key = keys.get(auth.accessKeyId)
    if (!key) {
      return fail('unknown_key', 404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.')
    }
    // Host, content-type and every x-acs-* header must be signed; the signed list must be sorted.
    const mustSign = Object.keys(request.headers).filter((h) => h.startsWith('x-acs-') || h === 'content-type')
    const signed = new Set(auth.signedHeaders)
    const sorted = auth.signedHeaders.every((h, i, all) => i === 0 || all[i - 1]! < h)
    const required = [
      'host',
      'x-acs-action',
      'x-acs-version',
      'x-acs-date',
      'x-acs-signature-nonce',
      'x-acs-content-sha256',
    ]
    if (!sorted || !required.every((h) => signed.has(h)) || !mustSign.every((h) => signed.has(h))) {
      return incomplete()
    }
    const canonicalHeaders = auth.signedHeaders
      .map((name) => `${name}:${(headerValue(request, name) ?? '').trim()}\n`)
      .join('')
    const canonicalRequest = [
      request.method,
      request.url.pathname || '/',
      canonicalQuery(request.url),
      canonicalHeaders,
      auth.signedHeaders.join(';'),
      // The hash of the body that arrived: if it differs from the signed x-acs-content-sha256, the
      // signature cannot match.
      sha256Hex(request.body),
    ].join('\n')
    const stringToSign = `${ALGORITHM}\n${sha256Hex(canonicalRequest)}`
    const expected = createHmac('sha256', key.secret).update(stringToSign).digest()
    const given = Buffer.from(auth.signature, 'hex')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return fail('bad_signature', 400, 'SignatureDoesNotMatch', 'Specified signature does not match our calculation.')
    }
    const serverNow = now()
    const sent = Date.parse(headerValue(request, 'x-acs-date') ?? '')
    if (!Number.isFinite(sent) || Math.abs(sent - serverNow) > MAX_SKEW_MS) {
      return fail('expired', 400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.')
    }
    for (const [used, at] of nonces) if (at < serverNow - 2 * MAX_SKEW_MS) nonces.delete(used)
    const nonce = headerValue(request, 'x-acs-signature-nonce')!
    if (nonces.has(nonce)) {
      return fail('nonce_reused', 400, 'SignatureNonceUsed', 'Specified signature nonce was used already.')
    }
    nonces.set(nonce, serverNow)
    // An STS AccessKey is good only with its own token (signed: every x-acs-* header is, above), until its end.
    const token = headerValue(request, 'x-acs-security-token') ?? null
    if (key.securityToken === null && token !== null) {
      return fail('bad_security_token', 400, 'InvalidSecurityToken.Malformed', 'Specified SecurityToken is malformed.')
    }
    if (key.securityToken !== null && token !== key.securityToken) {
      return fail(
        'bad_security_token',
        400,
        'InvalidSecurityToken.MismatchWithAccessKey',
        'Specified SecurityToken mismatch with the AccessKey.',
      )
    }
    if (key.expiresAtMs !== null && serverNow >= key.expiresAtMs) {
      return fail('bad_security_token', 400, 'InvalidSecurityToken.Expired', 'Specified SecurityToken is expired.')
    }
    if (entry.action === 'AssumeRole' && options.sts) return assumeRole(request, entry, auth.accessKeyId, serverNow)

    // ——— Flow control, the API, its permission, its parameters ———
    if (options.throttle) return throttled(request, entry, null)
    if (entry.action === QUERY_ACTION && headerValue(request, 'x-acs-version') === VERSION) {
      return listTasks(request, entry)
    }
    if (entry.action !== ACTION || headerValue(request, 'x-acs-version') !== VERSION) {
      return fail(
        'unknown_action',
        404,
        'InvalidAction.NotFound',
        'Specified api is not found, please check your url and method.',
      )
    }
    const rate = limiter.take(rateClock())
    if (!rate.ok) return throttled(request, entry, rate.retryAfterMs)
    if (forbidden.has(auth.accessKeyId)) {
      return fail(
        'forbidden',
        403,
        'Forbidden.RAM',
        "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
      )
    }
    const problem = checkCreateAiCallTask(parameters, serverNow)
    if (problem) {
      const verdict = problem.code === 'MissingParameter' ? 'missing_parameter' : 'invalid_parameter'
      return fail(verdict, 400, problem.code, problem.message)
    }
    const taskName = parameters['TaskName']!
    if (byName.has(taskName)) {
      return fail(
        'duplicate',
        400,
        options.duplicateCode ?? AICCS_DUPLICATE_TASK_NAME_CODE,
        `The task name "${taskName}" already exists in this account.`,
      )
    }
    const requestId = randomUUID().toUpperCase()
    if (business) {
      entry.verdict = 'fault'
      entry.code = business.code
      return {
        status: 200,
        headers: { 'content-type': 'application/json;charset=utf-8' },
        body: {
          RequestId: requestId,
          Code: business.code,
          Success: false,
          Message: business.message ?? `Simulated business error ${business.code}.`,
        },
      }
    }
    const taskId = nextTaskId
    nextTaskId += 1n
    entry.taskId = taskId.toString()
    const task = { taskId: taskId.toString(), taskName, createdAt: serverNow }
    tasks.push(task)
    byName.set(taskName, task)
    // Written by hand so the 64-bit id is in the body exactly (JSON.stringify cannot hold a BigInt).
    return {
      status: 200,
      headers: { 'content-type': 'application/json;charset=utf-8' },
      body: `{"RequestId":${JSON.stringify(requestId)},"Code":"OK","Success":true,"Message":"","Data":${taskId.toString()}}`,
    }
  }

  /** STS AssumeRole (2015-04-01): STS credentials of the role for an AccessKey allowed to assume it. */
  /**
   * AssumeRole under an echo at 'token': an error status answers in Alibaba's error shape with the
   * whole request as its Message; a 2xx assumes the role as usual with the request beside it.
   */
  function stsEcho(request: SimRequest, entry: AiccsSimRequest): SimResponse | null {
    const echo = faults.current()
    if (echo?.kind !== 'echo' || echo.at !== 'token') return null
    if (echo.status < 200 || echo.status >= 300) {
      return renderStatus(request, entry, { kind: 'status', status: echo.status, message: echoOfRequest(request) })
    }
    const usual = respond(request, entry, null)
    return { ...usual, status: echo.status, body: { ...(usual.body as object), request: echoOfRequest(request) } }
  }

  function assumeRole(
    request: SimRequest,
    entry: AiccsSimRequest,
    accessKeyId: string,
    serverNow: number,
  ): SimResponse {
    const sts = options.sts!
    const fail = (status: number, code: string, message: string) =>
      gatewayError(request, entry, 'forbidden', status, code, message)
    if (headerValue(request, 'x-acs-version') !== '2015-04-01') {
      return fail(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.')
    }
    const { RoleArn: roleArn = '', RoleSessionName: session = '', DurationSeconds: duration } = entry.parameters
    if (!/^[\w.@-]{2,64}$/.test(session)) {
      return fail(400, 'InvalidParameter.RoleSessionName', 'The parameter RoleSessionName is wrongly formed.')
    }
    const seconds = duration === undefined ? 3600 : Number(duration)
    if (!Number.isInteger(seconds) || seconds < 900 || seconds > 43_200) {
      return fail(400, 'InvalidParameter.DurationSeconds', 'The Min/Max value of DurationSeconds is 15min/12hr.')
    }
    const role = sts.roles[roleArn]
    if (!role) return fail(404, 'EntityNotExist.Role', 'The role not exists: ' + roleArn + '.')
    if (!role.assumableBy.includes(accessKeyId)) {
      return fail(403, 'NoPermission', 'You are not authorized to do this action. You should be authorized by RAM.')
    }
    const credentials: AiccsStsCredentials = {
      accessKeyId: `STS.${randomUUID().replace(/-/g, '').slice(0, 24)}`,
      accessKeySecret: randomUUID().replace(/-/g, ''),
      securityToken: `CAIS${Buffer.from(randomUUID() + randomUUID()).toString('base64')}`,
      // Alibaba's Expiration is to the second.
      expiresAtMs: Math.floor((serverNow + (sts.lifetimeS ?? seconds) * 1000) / 1000) * 1000,
      roleArn,
    }
    issued.push(credentials)
    acceptSts(credentials)
    sts.onStsCredentials?.(credentials)
    entry.verdict = 'assumed'
    const requestId = randomUUID().toUpperCase()
    return {
      status: 200,
      headers: { 'content-type': 'application/json;charset=utf-8' },
      body: {
        RequestId: requestId,
        AssumedRoleUser: {
          Arn: `${roleArn.replace(':role/', ':assumed-role/')}/${session}`,
          AssumedRoleId: `3${Date.now()}:${session}`,
        },
        Credentials: {
          AccessKeyId: credentials.accessKeyId,
          AccessKeySecret: credentials.accessKeySecret,
          SecurityToken: credentials.securityToken,
          Expiration: new Date(credentials.expiresAtMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        },
      },
    }
  }

  const server = await startLoopbackServer(handle, { now })
  const faults = createFaultSwitch<AiccsFault>(server)
  return {
    url: server.url,
    host: server.host,
    close: server.close,
    requests,
    tasks,
    effects: (taskName) => tasks.filter((t) => t.taskName === taskName).length,
    setFault: (next) => faults.set(next),
    setClockOffset: (ms) => void (offset = ms),
    setListingDown: (down) => void (listingDown = down),
    acceptStsCredentials: (credentials) => void acceptSts(credentials),
    issued,
  }
}
