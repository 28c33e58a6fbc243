import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import type { RunningSimulator, SimRequest, SimResponse } from './loopback-server'
import { startLoopbackServer } from './loopback-server'

export interface AiccsSimulatorOptions {
  accessKeyId: string
  accessKeySecret: string
  /** AccessKey ids that authenticate but whose RAM policy denies `aiccs:CreateAiCallTask`. */
  forbiddenKeys?: string[]
  /** The id of the first task created; each further task gets the next one. */
  firstTaskId?: bigint
  /** Answer every authenticated request with Throttling.User (HTTP 400, as the gateway does). */
  throttle?: boolean
  /** The simulator's clock runs this far ahead of (or, negative, behind) the real one. */
  clockOffsetMs?: number
}

export type AiccsVerdict =
  | 'created'
  | 'incomplete_signature'
  | 'unknown_key'
  | 'bad_signature'
  | 'expired'
  | 'nonce_reused'
  | 'unknown_action'
  | 'forbidden'
  | 'missing_parameter'
  | 'invalid_parameter'
  | 'throttled'
  | 'duplicate'
  /** A fault set with `failWith`: answered with the chosen status and code, nothing created. */
  | 'fault'
  /** `dropAfterBody`: the task was created, then the connection was cut without an answer. */
  | 'dropped'

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
  /** The HTTP status answered; 0 when no answer was written (`dropped`). */
  status: number
  /** The task id, for a created task (a string: it is a 64-bit number). */
  taskId?: string
}

/** A task the simulated account holds. */
export interface AiccsSimTask {
  /** A string: the id is a 64-bit number. */
  taskId: string
  taskName: string
}

export interface AiccsSimulator extends RunningSimulator {
  requests: AiccsSimRequest[]
  /** Every task created, in order. Task names are unique in the account, as at AICCS. */
  tasks: AiccsSimTask[]
  /** How many tasks were created with this name (the side effects a client caused): 0 or 1. */
  effects(taskName: string): number
  /**
   * The next `times` authenticated requests are answered with `status` and the gateway error `code`
   * (e.g. 500 `InternalError`, 503 `ServiceUnavailable`); nothing is created.
   */
  failWith(status: number, code: string, times?: number): void
  /** The next `times` valid CreateAiCallTask requests create their task, then the socket is destroyed unanswered. */
  dropAfterBody(times?: number): void
  /** Answer every authenticated request with Throttling.User (HTTP 400), or stop doing so. */
  throttle(on: boolean): void
}

/**
 * [I] The code for a TaskName the account already holds. providers.md §4: the real code is not
 * documented; `TaskName.Duplicate` follows Alibaba's `<Parameter>.<Problem>` naming. The answer
 * carries no id of the existing task (nothing says the real one does).
 */
export const AICCS_DUPLICATE_TASK_NAME_CODE = 'TaskName.Duplicate'

const ALGORITHM = 'ACS3-HMAC-SHA256'
const ACTION = 'CreateAiCallTask'
const VERSION = '2019-10-15'
/** Alibaba Cloud accepts a request time up to 15 minutes away from its own. */
const MAX_SKEW_MS = 15 * 60_000
const DAYS = new Set(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'])
const RETRY_REASONS = new Set([
  'CALL_REJECTED',
  'USER_BUSY',
  'SUSPEND',
  'INVALID_NUMBER',
  'POWERED_OFF',
  'NETWORK_BUSY',
  'NO_ANSWER',
])

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

const missing = (name: string) =>
  `The input parameter "${name}" that is mandatory for processing this request is not supplied.`
const invalid = (name: string) => `The specified parameter "${name}" is not valid.`

/** A JSON array of strings (how the SDK sends array parameters), or null. */
function stringArray(raw: string): string[] | null {
  try {
    const value: unknown = JSON.parse(raw)
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null
  } catch {
    return null
  }
}

const clock = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/
/** Each `CallTime` item is itself a JSON string `{"startTime":"HH:mm:ss","endTime":"HH:mm:ss"}`. */
function validCallTime(raw: string): boolean {
  const items = stringArray(raw)
  if (!items || items.length === 0) return false
  return items.every((item) => {
    try {
      const window = JSON.parse(item) as { startTime?: unknown; endTime?: unknown }
      return (
        typeof window.startTime === 'string' &&
        typeof window.endTime === 'string' &&
        clock.test(window.startTime) &&
        clock.test(window.endTime) &&
        window.startTime < window.endTime
      )
    } catch {
      return false
    }
  })
}

const integerAtMost = (raw: string | undefined, max: number) =>
  raw === undefined || (/^\d+$/.test(raw) && Number(raw) <= max)

/** The first problem with a CreateAiCallTask's parameters, in the gateway's words, or null. */
function checkParameters(p: Record<string, string>): { code: string; message: string } | null {
  for (const name of ['TaskName', 'StartType', 'CallTime', 'CallDay']) {
    if (!p[name]) return { code: 'MissingParameter', message: missing(name) }
  }
  if (p['StartType'] !== 'IMMEDIATE' && p['StartType'] !== 'SCHEDULE') {
    return { code: 'InvalidParameter', message: invalid('StartType') }
  }
  if (p['StartType'] === 'SCHEDULE' && !p['TaskStartTime']) {
    return { code: 'MissingParameter', message: missing('TaskStartTime') }
  }
  if (p['TaskStartTime'] !== undefined && !/^\d{13}$/.test(p['TaskStartTime'])) {
    return { code: 'InvalidParameter', message: invalid('TaskStartTime') }
  }
  if (!validCallTime(p['CallTime']!)) return { code: 'InvalidParameter', message: invalid('CallTime') }
  const days = stringArray(p['CallDay']!)
  if (!days || days.length === 0 || !days.every((d) => DAYS.has(d))) {
    return { code: 'InvalidParameter', message: invalid('CallDay') }
  }
  if (p['MissCallRetry'] !== undefined && p['MissCallRetry'] !== 'true' && p['MissCallRetry'] !== 'false') {
    return { code: 'InvalidParameter', message: invalid('MissCallRetry') }
  }
  if (p['CallRetryReason'] !== undefined) {
    const reasons = stringArray(p['CallRetryReason'])
    if (!reasons || !reasons.every((r) => RETRY_REASONS.has(r))) {
      return { code: 'InvalidParameter', message: invalid('CallRetryReason') }
    }
  }
  // The documentation gives 720 (English) and 120 (Chinese) minutes: the simulator allows the larger.
  const caps: [string, number][] = [
    ['CallRetryTimes', 3],
    ['CallRetryInterval', 720],
    ['TaskCps', 500],
  ]
  for (const [name, max] of caps) {
    if (!integerAtMost(p[name], max)) return { code: 'InvalidParameter', message: invalid(name) }
  }
  return null
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
  const nonces = new Set<string>()
  let nextTaskId = options.firstTaskId ?? 1234567890123456789n
  const tasks: AiccsSimTask[] = []
  const byName = new Map<string, AiccsSimTask>()
  let throttled = options.throttle ?? false
  let failure: { status: number; code: string; times: number } | null = null
  let drops = 0
  const now = () => Date.now() + (options.clockOffsetMs ?? 0)

  function handle(request: SimRequest): SimResponse | null {
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
    const requestId = randomUUID().toUpperCase()
    const host = headerValue(request, 'host') ?? 'aiccs.aliyuncs.com'
    const fail = (verdict: AiccsVerdict, status: number, code: string, message: string): SimResponse => {
      entry.verdict = verdict
      entry.code = code
      entry.status = status
      return {
        status,
        headers: { 'content-type': 'application/json;charset=utf-8' },
        body: {
          RequestId: requestId,
          HostId: host,
          Code: code,
          Message: message,
          Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=aiccs&requestId=${requestId}`,
        },
      }
    }

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
    if (auth.accessKeyId !== options.accessKeyId) {
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
    const expected = createHmac('sha256', options.accessKeySecret).update(stringToSign).digest()
    const given = Buffer.from(auth.signature, 'hex')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return fail('bad_signature', 400, 'SignatureDoesNotMatch', 'Specified signature does not match our calculation.')
    }
    const sent = Date.parse(headerValue(request, 'x-acs-date') ?? '')
    if (!Number.isFinite(sent) || Math.abs(sent - now()) > MAX_SKEW_MS) {
      return fail('expired', 400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.')
    }
    const nonce = headerValue(request, 'x-acs-signature-nonce')!
    if (nonces.has(nonce)) {
      return fail('nonce_reused', 400, 'SignatureNonceUsed', 'Specified signature nonce was used already.')
    }
    nonces.add(nonce)

    // ——— The API, its permission, its parameters ———
    if (failure && failure.times > 0) {
      const { status, code } = failure
      failure.times -= 1
      if (failure.times === 0) failure = null
      return fail('fault', status, code, `Simulated failure ${code}.`)
    }
    if (throttled) {
      return fail('throttled', 400, 'Throttling.User', 'Request was denied due to user flow control.')
    }
    if (action !== ACTION || headerValue(request, 'x-acs-version') !== VERSION) {
      return fail(
        'unknown_action',
        404,
        'InvalidAction.NotFound',
        'Specified api is not found, please check your url and method.',
      )
    }
    if (forbidden.has(auth.accessKeyId)) {
      return fail(
        'forbidden',
        403,
        'Forbidden.RAM',
        "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
      )
    }
    const problem = checkParameters(parameters)
    if (problem) {
      return fail(
        problem.code === 'MissingParameter' ? 'missing_parameter' : 'invalid_parameter',
        400,
        problem.code,
        problem.message,
      )
    }
    const taskName = parameters['TaskName']!
    if (byName.has(taskName)) {
      return fail(
        'duplicate',
        400,
        AICCS_DUPLICATE_TASK_NAME_CODE,
        `The task name "${taskName}" already exists in this account.`,
      )
    }
    const taskId = nextTaskId
    nextTaskId += 1n
    entry.taskId = taskId.toString()
    const task = { taskId: taskId.toString(), taskName }
    tasks.push(task)
    byName.set(taskName, task)
    if (drops > 0) {
      drops -= 1
      entry.verdict = 'dropped'
      entry.status = 0
      request.socket.destroy()
      return null
    }
    // Written by hand so the 64-bit id is in the body exactly (JSON.stringify cannot hold a BigInt).
    return {
      status: 200,
      headers: { 'content-type': 'application/json;charset=utf-8' },
      body: `{"RequestId":${JSON.stringify(requestId)},"Code":"OK","Success":true,"Message":"","Data":${taskId.toString()}}`,
    }
  }

  const server = await startLoopbackServer(handle)
  return {
    ...server,
    requests,
    tasks,
    effects: (taskName) => tasks.filter((t) => t.taskName === taskName).length,
    failWith: (status, code, times = 1) => {
      failure = { status, code, times }
    },
    dropAfterBody: (times = 1) => {
      drops = times
    },
    throttle: (on) => {
      throttled = on
    },
  }
}
