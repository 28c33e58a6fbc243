import { createHash } from 'node:crypto'
import type { FaultSwitch, HttpFault, StatusFault } from '../simulator-kit/faults'
import { createFaultSwitch, echoAnswer, withFault } from '../simulator-kit/faults'
import type { RunningSimulator, SimRequest, SimResponse } from '../simulator-kit/loopback-server'
import { startLoopbackServer } from '../simulator-kit/loopback-server'
import type { RateLimit } from '../../core/rate-limit'
import { createRateLimiter, retryAfterSeconds } from '../../core/rate-limit'
import { checkVoiceSend } from './voice-broadcast-rules'

/**
 * The platform publishes no API rate (providers.md §5: unknown), so the default is a generous
 * guess that only a runaway loop meets: 600 requests a minute.
 */
export const VOICE_BROADCAST_DEFAULT_RATE_LIMIT: RateLimit = { kind: 'window', max: 600, windowMs: 60_000 }

export interface VoiceBroadcastSimulatorOptions {
  apiKey: string
  apiSecret: string
  /** How far the Timestamp header may be from the simulator's clock (undocumented; default 60 s). */
  maxSkewS?: number
  /** The platform's clock is `Date.now() + clockOffsetMs`: the Timestamp check uses it. */
  clockOffsetMs?: number
  /** The two documented envelopes: `{status, reason}` or `{code, msg}`. */
  envelope?: 'status' | 'code'
  /** Answer -2 (IP restricted) to everyone. */
  ipRestricted?: boolean
  /** The send endpoint's rate limit; null for none. Default `VOICE_BROADCAST_DEFAULT_RATE_LIMIT`. */
  rateLimit?: RateLimit | null
}

/**
 * Faults on `POST …/voice/group/call/send`. The platform answers its own errors as HTTP 200 with a
 * business code: that is `code` (after the signature checks). The common HTTP faults play the
 * gateway in front of it, so a `status` fault is an HTTP error page from that gateway, not an
 * envelope — which is what our classifier reads by status: 400/404 rejected, 401/403 needs_auth,
 * 429 and 5xx retry (Retry-After honoured). Given a `code`, a `status` fault instead answers the
 * envelope with that code at that HTTP status. `echo` plays on every endpoint, as a gateway page
 * with the request below its title.
 */
export type VoiceBroadcastFault =
  | HttpFault
  /** Answer HTTP 200 with this business code, creating nothing. */
  | { kind: 'code'; code: string; text?: string; times?: number }

export interface VoiceBroadcastTask {
  /** The jobId answered as `data`. */
  id: number
  taskName: string
  /** The callee numbers, from numberList or numberInfoList. */
  numbers: string[]
  /**
   * When the hang-up SMS goes out, by its push flags (seed 004): on the feedback key, after a
   * successful call, after a failed one, once it rang. Empty without `hangUpSms=1`, or with every
   * flag 0: then no SMS is ever sent.
   */
  smsWhen: VoiceSmsTrigger[]
}

export type VoiceSmsTrigger = 'feedback_key' | 'success' | 'failed' | 'ring'
const SMS_FLAGS: [string, VoiceSmsTrigger][] = [
  ['feedbackPush', 'feedback_key'],
  ['successPush', 'success'],
  ['failedPush', 'failed'],
  ['ringPush', 'ring'],
]

export interface VoiceBroadcastSimulator extends RunningSimulator {
  ledger: { path: string; verdict: string; rules?: string[] }[]
  /** Tasks created by `…/voice/group/call/send`, in order. */
  tasks: VoiceBroadcastTask[]
  /** Tasks created per taskName (the platform refuses a second one, so at most 1). */
  effects: Map<string, number>
  /** Move the platform's clock. */
  setClockOffset(ms: number): void
  /** Set (or clear with null) a fault for the send endpoint; resolves once the listener reflects it. */
  setFault(fault: VoiceBroadcastFault | null): Promise<void>
}

const SEND_PATH = /\/voice\/group\/call\/send$/
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Authorization Required',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
}

/** The gateway's own error page (nginx style): no business envelope, the status and any detail it adds. */
function gatewayPage(status: number, retryAfterS?: number, detail?: string): SimResponse {
  const title = `${status} ${REASONS[status] ?? 'Error'}`
  return {
    status,
    headers: {
      'content-type': 'text/html',
      ...(retryAfterS === undefined ? {} : { 'retry-after': String(retryAfterS) }),
    },
    body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n${detail === undefined ? '' : `<pre>${detail}</pre>\r\n`}</body>\r\n</html>\r\n`,
  }
}

/** The ITNIO-family voice API: gateway, header signature and timestamp checks, then the endpoints. */
export async function startVoiceBroadcastSimulator(
  options: VoiceBroadcastSimulatorOptions,
): Promise<VoiceBroadcastSimulator> {
  let offset = options.clockOffsetMs ?? 0
  const now = () => Date.now() + offset
  const ledger: VoiceBroadcastSimulator['ledger'] = []
  const tasks: VoiceBroadcastTask[] = []
  const effects = new Map<string, number>()
  const limiter = createRateLimiter(
    options.rateLimit === undefined ? VOICE_BROADCAST_DEFAULT_RATE_LIMIT : options.rateLimit,
  )
  let nextJobId = 1001
  const note = (path: string, verdict: string, rules?: string[]) =>
    ledger.push({ path, verdict, ...(rules ? { rules } : {}) })
  const envelope = (code: string, text: string, data: unknown = null) =>
    options.envelope === 'code' ? { code, msg: text, data } : { status: code, reason: text, data }
  const reply = (path: string, verdict: string, code: string, text: string, data: unknown = null): SimResponse => {
    note(path, verdict)
    return { status: 200, body: envelope(code, text, data) }
  }
  const renderStatus = (fault: StatusFault): SimResponse =>
    fault.code === undefined
      ? gatewayPage(fault.status, fault.retryAfterSeconds, fault.message)
      : {
          status: fault.status,
          ...(fault.retryAfterSeconds === undefined
            ? {}
            : { headers: { 'retry-after': String(fault.retryAfterSeconds) } }),
          body: envelope(fault.code, fault.message ?? 'error'),
        }

  /** The platform's checks every endpoint shares; null when the caller may go on. */
  function gate({ url, headers }: Pick<SimRequest, 'url' | 'headers'>): SimResponse | null {
    const path = url.pathname
    const timestamp = String(headers['timestamp'] ?? '')
    if (String(headers['api-key'] ?? '') !== options.apiKey)
      return reply(path, 'unknown_key', '-1', 'authentication error')
    const expected = createHash('md5').update(`${options.apiKey}${options.apiSecret}${timestamp}`).digest('hex')
    if (String(headers['sign'] ?? '').toLowerCase() !== expected)
      return reply(path, 'bad_sign', '-1', 'authentication error')
    if (!/^\d+$/.test(timestamp) || Math.abs(now() / 1000 - Number(timestamp)) > (options.maxSkewS ?? 60)) {
      return reply(path, 'stale_timestamp', '-16', 'timestamp expires')
    }
    if (options.ipRestricted) return reply(path, 'ip_restricted', '-2', 'IP restricted')
    return null
  }

  function send(request: SimRequest, fault: VoiceBroadcastFault | null): SimResponse {
    const path = request.url.pathname
    const refused = gate(request)
    if (refused) return refused
    if (fault?.kind === 'code') return reply(path, `code_${fault.code}`, fault.code, fault.text ?? 'error')
    const rate = limiter.take(now())
    if (!rate.ok) {
      note(path, 'rate_limited')
      return gatewayPage(429, retryAfterSeconds(rate.retryAfterMs))
    }
    let json: unknown
    try {
      json = JSON.parse(request.body.toString('utf8'))
    } catch {
      return reply(path, 'invalid', '-22', 'parameter error: the body is not JSON')
    }
    const breaches = checkVoiceSend(json)
    if (breaches.length) {
      note(
        path,
        'invalid',
        breaches.map((b) => b.rule),
      )
      const text = breaches.map((b) => `${b.field}: ${b.message}`).join('; ')
      return { status: 200, body: envelope('-22', `parameter error: ${text}`) }
    }
    const body = json as {
      taskName: string
      numberList?: string[]
      numberInfoList?: { calleeNumber: string }[]
      hangUpSms?: number
    } & Record<string, unknown>
    const existing = tasks.find((t) => t.taskName === body.taskName)
    if (existing) return reply(path, 'duplicate', '-20', 'data already exists', existing.id)
    const task: VoiceBroadcastTask = {
      id: nextJobId++,
      taskName: body.taskName,
      numbers: body.numberInfoList ? body.numberInfoList.map((n) => n.calleeNumber) : (body.numberList ?? []),
      smsWhen: body.hangUpSms === 1 ? SMS_FLAGS.filter(([flag]) => body[flag] === 1).map(([, when]) => when) : [],
    }
    tasks.push(task)
    effects.set(task.taskName, (effects.get(task.taskName) ?? 0) + 1)
    return reply(path, 'created', '0', 'success', task.id)
  }

  let faults: FaultSwitch<VoiceBroadcastFault> | null = null
  const server = await startLoopbackServer(
    (request) => {
      const { url, method } = request
      const path = url.pathname
      if (!/\/voice\//.test(path)) return gatewayPage(404)
      if (method === 'POST' && SEND_PATH.test(path)) {
        const fault = faults?.take() ?? null
        return withFault(fault, request, {
          renderStatus,
          handle: () => send(request, fault as VoiceBroadcastFault | null),
          note: (verdict) => note(path, verdict),
        })
      }
      const echoed = echoAnswer(faults?.current() ?? null, 'api', request, renderStatus)
      if (echoed) return echoed
      const refused = gate(request)
      if (refused) return refused
      if (/\/voice\/group\/call\/detail\/\d+$/.test(path))
        return reply(path, 'no_such_task', '-24', 'data does not exist')
      return reply(path, 'unknown_path', '-22', 'parameter error')
    },
    { now },
  )
  faults = createFaultSwitch<VoiceBroadcastFault>(server)
  const switchboard = faults
  return {
    url: server.url,
    host: server.host,
    close: server.close,
    ledger,
    tasks,
    effects,
    setClockOffset: (ms) => void (offset = ms),
    setFault: (fault) => switchboard.set(fault),
  }
}
