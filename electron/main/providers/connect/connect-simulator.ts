import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { checkStartTaskContact } from './connect-rules'
import type { ConnectSimLists } from './connect-lists-sim'
import { listOperation, listPage } from './connect-lists-sim'
import type { HttpFault, StatusFault } from '../simulator-kit/faults'
import { createFaultSwitch, echoAnswer, withFault } from '../simulator-kit/faults'
import type { RunningSimulator, SimRequest, SimResponse } from '../simulator-kit/loopback-server'
import { startLoopbackServer } from '../simulator-kit/loopback-server'
import type { RateLimit } from '../../core/rate-limit'
import { createRateLimiter, retryAfterSeconds } from '../../core/rate-limit'

export interface ConnectSimInstance {
  id: string
  alias?: string
}

export interface ConnectSimulatorOptions {
  accessKeyId: string
  secretAccessKey: string
  /** For temporary credentials: requests must carry it (`x-amz-security-token`, signed). */
  sessionToken?: string
  /** When set, the credential scope must name this region. */
  region?: string
  instances?: ConnectSimInstance[]
  /** Access key ids that authenticate but lack `connect:DescribeInstance` (403 AccessDeniedException). */
  accessDeniedKeys?: string[]
  /** Answer every authenticated request, whatever the operation, with 429 ThrottlingException. */
  throttle?: boolean
  /**
   * StartTaskContact's rate, per account and region. Default: a token bucket of 2 a second, burst 5
   * (the Connect API default providers.md §3 cites [V2]); null: no limit.
   */
  rateLimit?: RateLimit | null
  /** The simulator's clock runs this far ahead of (or, negative, behind) the real one. */
  clockOffsetMs?: number
  /** The clock the offset is added to (default `Date.now`); tests freeze it to judge time rules exactly. */
  clock?: () => number
  /**
   * The time the rate limit refills by (default `Date.now`): real time, not `clock`, so a frozen or
   * offset clock does not stop the bucket. Tests of the refill step it by hand, so a slow round trip
   * on a loaded machine cannot refill the bucket early.
   */
  rateClock?: () => number
  /** What ListContactFlows, ListQuickConnects and ListTaskTemplates list (for every instance). */
  lists?: Partial<ConnectSimLists>
  /** The most rows one list page holds, whatever maxResults asks (default: as asked). */
  listPageCap?: number
}

/**
 * Faults on StartTaskContact (`refuse` stops the whole listener), set with `setFault`. A `status`
 * fault answers in restJson1 (`x-amzn-errortype` + `{Message}`) with `code` as the error type, or
 * Connect's usual error for the status (see `CONNECT_STATUS_ERRORS`). `echo` plays on every
 * operation (DescribeInstance, what Test connection asks, included).
 */
export type ConnectFault = HttpFault

/** One task the simulator created (once per ClientToken). */
export interface ConnectSimTask {
  contactId: string
  clientToken: string
  name: string
  description?: string
  /** Which of ContactFlowId, QuickConnectId, TaskTemplateId routed the task, and its id. */
  target?: { kind: 'ContactFlowId' | 'QuickConnectId' | 'TaskTemplateId'; id: string }
  /** The task's References as they arrived, so a test can check what reached the provider. */
  references?: Record<string, { Type: string; Value: string }>
  previousContactId?: string
  /** ScheduledTime as it arrived: epoch seconds (the rules above have checked it). */
  scheduledTime?: number
}

export type ConnectVerdict =
  | 'ok'
  | 'missing_authentication'
  | 'incomplete_signature'
  | 'unknown_key'
  | 'bad_signature'
  | 'wrong_scope'
  | 'expired'
  | 'bad_token'
  /** Temporary credentials past their end. */
  | 'expired_token'
  | 'access_denied'
  | 'not_found'
  | 'unknown_operation'
  | 'throttled'
  | 'invalid'
  | 'quota_exceeded'
  /** A `status` fault answered. */
  | 'fault'
  /** `dropAfterBody`: the effect happened, the connection was cut without an answer. */
  | 'dropped'
  /** `blackhole`: read and never answered. */
  | 'blackholed'

export interface ConnectSimRequest {
  method: string
  path: string
  operation: string | null
  accessKeyId: string | null
  /** The `Authorization` header as it arrived (it holds a signature, never the secret). */
  authorization: string | null
  /** Every header as it arrived, so a test can replay the request. */
  headers: Record<string, string>
  verdict: ConnectVerdict
  /** The HTTP status answered; 0 when none was written (`dropped`, `blackholed`). */
  status: number
  /** The error type answered (`x-amzn-errortype`), if any. */
  errorType?: string
}

/** Temporary credentials the simulator also accepts (role credentials an Identity Center handed out). */
export interface ConnectSimCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken: string
  /** After this (the simulator's clock), AWS answers ExpiredTokenException. */
  expiresAtMs: number
}

export interface ConnectSimulator extends RunningSimulator {
  requests: ConnectSimRequest[]
  /** Tasks created, one per distinct ClientToken (a repeat of a token creates nothing). */
  tasks: ConnectSimTask[]
  /** Side effects per ClientToken: how many times a task was actually created for it. */
  effects: Map<string, number>
  /** Requests that reused a ClientToken with different parameters (answered with the first ContactId). */
  tokenMismatches: string[]
  /** Set (or, with null, clear) the fault; resolves once the listener reflects it. */
  setFault(fault: ConnectFault | null): Promise<void>
  /** Move the provider's clock (an NTP correction, or a provider whose clock drifts). */
  setClockOffset(ms: number): void
  /** Accept these credentials too, as AWS accepts any the account's roles were given. */
  acceptCredentials(credentials: ConnectSimCredentials): void
}

/**
 * The error type a `status` fault without `code` answers with: Connect's own modelled errors where
 * it has one for the status, else the AWS-wide one. Chosen so the client's classifier sees what
 * the real service would send (401/403 credentials, 429 throttling, 5xx retryable).
 */
export const CONNECT_STATUS_ERRORS: Readonly<Record<number, string>> = {
  400: 'InvalidParameterException',
  401: 'UnrecognizedClientException',
  402: 'ServiceQuotaExceededException',
  403: 'AccessDeniedException',
  404: 'ResourceNotFoundException',
  429: 'ThrottlingException',
  500: 'InternalServiceException',
  503: 'ServiceUnavailableException',
}

const TARGETS = ['ContactFlowId', 'QuickConnectId', 'TaskTemplateId'] as const
function targetOf(input: Record<string, unknown>): Pick<ConnectSimTask, 'target'> {
  const kind = TARGETS.find((k) => typeof input[k] === 'string')
  return kind ? { target: { kind, id: input[kind] as string } } : {}
}

const errorTypeFor = (status: number) =>
  CONNECT_STATUS_ERRORS[status] ?? (status >= 500 ? 'InternalServiceException' : 'InvalidRequestException')

/** AWS's front door (not Connect's model) words these errors with a lower-case `message`. */
const GATEWAY_ERRORS = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'IncompleteSignatureException',
  'MissingAuthenticationTokenException',
  'AccessDeniedException',
  'ServiceUnavailableException',
])

/** The most tasks that may name one PreviousContactId ("a maximum of 12 linked task contacts in a chain"). */
const CHAIN_LIMIT = 12

const ALGORITHM = 'AWS4-HMAC-SHA256'
const SERVICE = 'connect'
const MAX_SKEW_MS = 5 * 60_000
const ACCOUNT = '123456789012'

/** RFC 3986 encoding as SigV4 wants it: everything but A–Z a–z 0–9 - _ . ~ */
const escapeUri = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest()

/** `20260131T235959Z` → epoch ms, or NaN. */
function parseAmzDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value)
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Number.NaN
}
const amzDate = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '')

/**
 * The canonical URI of a non-S3 service: the path exactly as sent (already percent-encoded by the
 * client), normalised, then encoded once more segment by segment.
 */
function canonicalPath(rawPath: string): string {
  const segments: string[] = []
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') segments.pop()
    else segments.push(segment)
  }
  const normalised = `/${segments.join('/')}${segments.length > 0 && rawPath.endsWith('/') ? '/' : ''}`
  return escapeUri(normalised).replace(/%2F/g, '/')
}

function canonicalQuery(url: URL): string {
  return [...url.searchParams]
    .map(([key, value]) => [escapeUri(key), escapeUri(value)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&')
}

const headerValue = (request: SimRequest, name: string): string | undefined => {
  const value = request.headers[name]
  return Array.isArray(value) ? value.join(',') : value
}

interface ParsedAuthorization {
  accessKeyId: string
  date: string
  region: string
  service: string
  terminator: string
  signedHeaders: string[]
  signature: string
}

function parseAuthorization(header: string): ParsedAuthorization | null {
  const m = /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(
    header,
  )
  if (!m) return null
  const scope = m[1]!.split('/')
  if (scope.length !== 5) return null
  const [accessKeyId, date, region, service, terminator] = scope as [string, string, string, string, string]
  return { accessKeyId, date, region, service, terminator, signedHeaders: m[2]!.split(';'), signature: m[3]! }
}

/** JSON with object keys sorted at every level, to compare two requests' parameters. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * Amazon Connect's restJson1 API, as far as "Test connection" (DescribeInstance) and sending tasks
 * (StartTaskContact, with ClientToken idempotency and a ledger of effects) go. Every request
 * is authenticated for real: the simulator recomputes the SigV4 signature over the canonical request
 * with the secret it knows and compares, as AWS does, before it looks at the operation. Then, for
 * StartTaskContact: the rate limit, the input rules (connect-rules.ts), the instance, the chain limit.
 */
export async function startConnectSimulator(options: ConnectSimulatorOptions): Promise<ConnectSimulator> {
  const requests: ConnectSimRequest[] = []
  const instances = new Map((options.instances ?? []).map((i) => [i.id, i]))
  const denied = new Set(options.accessDeniedKeys ?? [])
  /** Every access key the account knows: the one it was started with, and role credentials given since. */
  const keys = new Map<string, { secretAccessKey: string; sessionToken: string; expiresAtMs: number | null }>([
    [
      options.accessKeyId,
      { secretAccessKey: options.secretAccessKey, sessionToken: options.sessionToken ?? '', expiresAtMs: null },
    ],
  ])
  const lists: ConnectSimLists = {
    contactFlows: options.lists?.contactFlows ?? [],
    quickConnects: options.lists?.quickConnects ?? [],
    taskTemplates: options.lists?.taskTemplates ?? [],
  }
  const baseClock = options.clock ?? Date.now
  let offset = options.clockOffsetMs ?? 0
  const now = () => baseClock() + offset
  const rateClock = options.rateClock ?? Date.now
  const limiter = createRateLimiter(
    options.rateLimit === undefined ? { kind: 'bucket', perSecond: 2, burst: 5 } : options.rateLimit,
  )
  const tasks: ConnectSimTask[] = []
  const effects = new Map<string, number>()
  const tokenMismatches: string[] = []
  /** ClientToken → the created contact and the parameters it was created with. */
  const byToken = new Map<string, { contactId: string; parameters: string }>()

  /** Headers on every answer, as Connect sends them. */
  const baseHeaders = () => ({ date: new Date(now()).toUTCString(), 'x-amzn-requestid': randomUUID() })

  type Fail = (verdict: ConnectVerdict, status: number, type: string, body: object) => SimResponse
  const failFor =
    (entry: ConnectSimRequest): Fail =>
    (verdict, status, type, body) => {
      entry.verdict = verdict
      entry.status = status
      entry.errorType = type
      return { status, headers: { ...baseHeaders(), 'x-amzn-errortype': type }, body }
    }

  /** A `status` fault, in restJson1: the type in `x-amzn-errortype`, `Retry-After` when asked for. */
  function renderStatus(entry: ConnectSimRequest, fault: StatusFault): SimResponse {
    const type = fault.code ?? errorTypeFor(fault.status)
    const text = fault.message ?? (type === 'ThrottlingException' ? 'Rate exceeded' : `Simulated ${type}`)
    const answer = failFor(entry)(
      'fault',
      fault.status,
      type,
      GATEWAY_ERRORS.has(type) ? { message: text } : { Message: text },
    )
    if (fault.retryAfterSeconds === undefined) return answer
    return { ...answer, headers: { ...answer.headers, 'retry-after': String(fault.retryAfterSeconds) } }
  }

  function handle(request: SimRequest): Promise<SimResponse | null> | SimResponse | null {
    const rawPath = request.url.pathname
    const describe = request.method === 'GET' ? /^\/instance\/([^/]+)$/.exec(rawPath) : null
    const startTask = request.method === 'PUT' && rawPath === '/contact/task'
    const listed = listOperation(request)
    const entry: ConnectSimRequest = {
      method: request.method,
      path: `${rawPath}${request.url.search}`,
      operation: describe ? 'DescribeInstance' : startTask ? 'StartTaskContact' : (listed?.operation.name ?? null),
      accessKeyId: null,
      authorization: headerValue(request, 'authorization') ?? null,
      headers: Object.fromEntries(
        Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]),
      ),
      verdict: 'ok',
      status: 200,
    }
    requests.push(entry)
    if (!startTask) {
      return (
        echoAnswer(faults.current(), 'api', request, (fault) => renderStatus(entry, fault)) ??
        respond(request, entry, describe)
      )
    }
    // Faults play on the operation that creates something; `times` counts only those requests.
    return withFault(faults.take(), request, {
      renderStatus: (fault) => renderStatus(entry, fault),
      handle: () => respond(request, entry, null),
      note: (verdict) => {
        if (verdict === 'dropped' || verdict === 'blackholed') {
          entry.verdict = verdict
          entry.status = 0
        }
      },
    })
  }

  function respond(request: SimRequest, entry: ConnectSimRequest, describe: RegExpExecArray | null): SimResponse {
    const rawPath = request.url.pathname
    const fail = failFor(entry)
    // Coral's own authentication errors say `message`; Connect's modelled errors say `Message`.
    const authFail = (verdict: ConnectVerdict, status: number, type: string, message: string) =>
      fail(verdict, status, type, { message })

    // ——— Authentication: AWS Signature Version 4 ———
    if (!entry.authorization) {
      return authFail(
        'missing_authentication',
        403,
        'MissingAuthenticationTokenException',
        'Missing Authentication Token',
      )
    }
    const auth = parseAuthorization(entry.authorization)
    if (!auth || auth.terminator !== 'aws4_request') {
      return authFail(
        'incomplete_signature',
        403,
        'IncompleteSignatureException',
        `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters. Authorization=${entry.authorization.slice(0, 40)}`,
      )
    }
    entry.accessKeyId = auth.accessKeyId
    const key = keys.get(auth.accessKeyId)
    if (!key) {
      return authFail(
        'unknown_key',
        403,
        'UnrecognizedClientException',
        'The security token included in the request is invalid.',
      )
    }
    const xAmzDate = headerValue(request, 'x-amz-date') ?? ''
    if (!auth.signedHeaders.includes('host') || !auth.signedHeaders.includes('x-amz-date') || !xAmzDate) {
      return authFail(
        'incomplete_signature',
        403,
        'IncompleteSignatureException',
        "'Host' and 'X-Amz-Date' must be signed headers in the AWS Authorization.",
      )
    }
    if (auth.date !== xAmzDate.slice(0, 8)) {
      return authFail(
        'wrong_scope',
        403,
        'InvalidSignatureException',
        `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${xAmzDate.slice(0, 8)}', from '${xAmzDate}'.`,
      )
    }
    if (auth.service !== SERVICE) {
      return authFail(
        'wrong_scope',
        403,
        'InvalidSignatureException',
        `Credential should be scoped to correct service: '${SERVICE}'. `,
      )
    }
    if (options.region !== undefined && auth.region !== options.region) {
      return authFail(
        'wrong_scope',
        403,
        'InvalidSignatureException',
        'Credential should be scoped to a valid region. ',
      )
    }

    const canonicalHeaders = auth.signedHeaders
      .map((name) => `${name}:${(headerValue(request, name) ?? '').trim().replace(/\s+/g, ' ')}\n`)
      .join('')
    const canonicalRequest = [
      request.method,
      canonicalPath(rawPath),
      canonicalQuery(request.url),
      canonicalHeaders,
      auth.signedHeaders.join(';'),
      // The hash of the body that arrived, not the client's claim: a changed body breaks the signature.
      sha256Hex(request.body),
    ].join('\n')
    const scope = `${auth.date}/${auth.region}/${auth.service}/${auth.terminator}`
    const stringToSign = [ALGORITHM, xAmzDate, scope, sha256Hex(canonicalRequest)].join('\n')
    let signingKey = hmac(`AWS4${key.secretAccessKey}`, auth.date)
    for (const part of [auth.region, auth.service, auth.terminator]) signingKey = hmac(signingKey, part)
    const expected = hmac(signingKey, stringToSign)
    const given = Buffer.from(auth.signature, 'hex')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return authFail(
        'bad_signature',
        403,
        'InvalidSignatureException',
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      )
    }
    // AWS checks the time only once the signature is known to be genuine.
    const sent = parseAmzDate(xAmzDate)
    const serverNow = now()
    if (!Number.isFinite(sent) || sent < serverNow - MAX_SKEW_MS) {
      return authFail(
        'expired',
        403,
        'InvalidSignatureException',
        `Signature expired: ${xAmzDate} is now earlier than ${amzDate(serverNow - MAX_SKEW_MS)} (${amzDate(serverNow)} - 5 min.)`,
      )
    }
    if (sent > serverNow + MAX_SKEW_MS) {
      return authFail(
        'expired',
        403,
        'InvalidSignatureException',
        `Signature not yet current: ${xAmzDate} is still later than ${amzDate(serverNow + MAX_SKEW_MS)} (${amzDate(serverNow)} + 5 min.)`,
      )
    }
    const token = headerValue(request, 'x-amz-security-token')
    if (key.sessionToken !== (token ?? '') || (token && !auth.signedHeaders.includes('x-amz-security-token'))) {
      return authFail(
        'bad_token',
        403,
        'UnrecognizedClientException',
        'The security token included in the request is invalid.',
      )
    }

    if (key.expiresAtMs !== null && serverNow >= key.expiresAtMs) {
      return authFail(
        'expired_token',
        403,
        'ExpiredTokenException',
        'The security token included in the request is expired',
      )
    }

    // ——— Rate, authorisation and the operation ———
    if (options.throttle) {
      return fail('throttled', 429, 'ThrottlingException', { Message: 'Rate exceeded' })
    }
    if (entry.operation === 'StartTaskContact') {
      const rate = limiter.take(rateClock())
      if (!rate.ok) {
        const answer = fail('throttled', 429, 'ThrottlingException', { Message: 'Rate exceeded' })
        return {
          ...answer,
          headers: { ...answer.headers, 'retry-after': String(retryAfterSeconds(rate.retryAfterMs)) },
        }
      }
      return startTaskContact(request, entry, auth.accessKeyId, auth.region, fail)
    }
    const listed = listOperation(request)
    if (!describe && !listed) {
      return fail('unknown_operation', 404, 'UnknownOperationException', {})
    }
    const instanceId = listed ? listed.instanceId : decodeURIComponent(describe![1]!)
    const action = `connect:${entry.operation}`
    const region = auth.region
    if (denied.has(auth.accessKeyId)) {
      return fail('access_denied', 403, 'AccessDeniedException', {
        Message: `User: arn:aws:iam::${ACCOUNT}:user/callboard is not authorized to perform: ${action} on resource: arn:aws:connect:${region}:${ACCOUNT}:instance/${instanceId} because no identity-based policy allows the ${action} action`,
      })
    }
    const instance = instances.get(instanceId)
    if (!instance) {
      return fail('not_found', 404, 'ResourceNotFoundException', { Message: `Instance not found: ${instanceId}` })
    }
    if (listed) {
      const page = listPage(request.url, listed.operation, lists, {
        region,
        account: ACCOUNT,
        instanceId,
        pageCap: options.listPageCap ?? Number.POSITIVE_INFINITY,
      })
      if (page.errorType) return fail('invalid', page.status, page.errorType, page.body)
      return { status: 200, headers: baseHeaders(), body: page.body }
    }
    return {
      status: 200,
      headers: baseHeaders(),
      body: {
        Instance: {
          Id: instance.id,
          Arn: `arn:aws:connect:${region}:${ACCOUNT}:instance/${instance.id}`,
          IdentityManagementType: 'CONNECT_MANAGED',
          ...(instance.alias ? { InstanceAlias: instance.alias } : {}),
          CreatedTime: 1_767_225_600,
          ServiceRole: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect`,
          InstanceStatus: 'ACTIVE',
          InboundCallsEnabled: true,
          OutboundCallsEnabled: true,
          ...(instance.alias ? { InstanceAccessUrl: `https://${instance.alias}.my.connect.aws` } : {}),
        },
      },
    }
  }

  /**
   * StartTaskContact, with the service's idempotency: a ClientToken seen before returns the ContactId
   * created for it and creates nothing. Before that: permission, every input rule, the instance,
   * and the 12-task chain on one PreviousContactId.
   */
  function startTaskContact(
    request: SimRequest,
    entry: ConnectSimRequest,
    accessKeyId: string,
    region: string,
    fail: Fail,
  ): SimResponse {
    let body: unknown
    try {
      body = JSON.parse(request.body.toString('utf8') || '{}')
    } catch {
      return fail('invalid', 400, 'SerializationException', { Message: 'The request body is not valid JSON.' })
    }
    const instanceId =
      typeof (body as { InstanceId?: unknown } | null)?.InstanceId === 'string'
        ? (body as { InstanceId: string }).InstanceId
        : ''
    if (denied.has(accessKeyId)) {
      return fail('access_denied', 403, 'AccessDeniedException', {
        Message: `User: arn:aws:iam::${ACCOUNT}:user/callboard is not authorized to perform: connect:StartTaskContact on resource: arn:aws:connect:${region}:${ACCOUNT}:instance/${instanceId} because no identity-based policy allows the connect:StartTaskContact action`,
      })
    }
    const problem = checkStartTaskContact(body, now())
    if (problem) return fail('invalid', problem.status, problem.type, { Message: problem.message })
    const input = body as Record<string, unknown> & { Name: string }
    if (!instances.has(instanceId)) {
      return fail('not_found', 404, 'ResourceNotFoundException', { Message: `Instance not found: ${instanceId}` })
    }
    const clientToken = typeof input.ClientToken === 'string' && input.ClientToken ? input.ClientToken : randomUUID()
    const rest = { ...input }
    delete rest.ClientToken
    const parameters = canonicalJson(rest)
    const seen = byToken.get(clientToken)
    const ok = (contactId: string): SimResponse => {
      entry.status = 200
      return { status: 200, headers: baseHeaders(), body: { ContactId: contactId } }
    }
    if (seen) {
      // Not modelled for StartTaskContact (its errors have no IdempotencyException), so the first
      // request wins and the reuse is only recorded.
      if (seen.parameters !== parameters) tokenMismatches.push(clientToken)
      return ok(seen.contactId)
    }
    const previous = typeof input.PreviousContactId === 'string' ? input.PreviousContactId : undefined
    if (previous !== undefined && tasks.filter((t) => t.previousContactId === previous).length >= CHAIN_LIMIT) {
      return fail('quota_exceeded', 402, 'ServiceQuotaExceededException', {
        Message: `${CHAIN_LIMIT} tasks already reference the previous contact ${previous}.`,
      })
    }
    const contactId = randomUUID()
    byToken.set(clientToken, { contactId, parameters })
    tasks.push({
      contactId,
      clientToken,
      name: input.Name,
      ...(typeof input.Description === 'string' ? { description: input.Description } : {}),
      ...targetOf(input),
      // Both already passed the model's checks above.
      ...(input.References ? { references: input.References as ConnectSimTask['references'] } : {}),
      ...(previous === undefined ? {} : { previousContactId: previous }),
      ...(typeof input.ScheduledTime === 'number' ? { scheduledTime: input.ScheduledTime } : {}),
    })
    effects.set(clientToken, (effects.get(clientToken) ?? 0) + 1)
    return ok(contactId)
  }

  const server = await startLoopbackServer(handle, { now })
  const faults = createFaultSwitch<ConnectFault>(server)
  return {
    url: server.url,
    host: server.host,
    close: server.close,
    requests,
    tasks,
    effects,
    tokenMismatches,
    setFault: (next) => faults.set(next),
    setClockOffset: (ms) => void (offset = ms),
    acceptCredentials: ({ accessKeyId, ...rest }) => void keys.set(accessKeyId, rest),
  }
}
