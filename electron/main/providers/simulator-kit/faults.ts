import type { SimRequest, SimResponse } from './loopback-server'

/**
 * Faults every simulator can play while running, set with `setFault` (null clears). `times` limits
 * a fault to that many requests on the endpoints that create something; without it the fault stays
 * until cleared. `refuse` is different: it stops the listener altogether (ECONNREFUSED for every
 * endpoint, the token endpoint included) until the fault is cleared.
 */
export type HttpFault =
  | { kind: 'refuse' }
  /**
   * Answer this status before any check, in the provider's own error shape (the simulator picks
   * the provider's usual error for the status unless `code` / `message` say otherwise), creating nothing.
   */
  | {
      kind: 'status'
      status: number
      /** Retry-After in seconds, for 429 and 503. */
      retryAfterSeconds?: number
      /** The provider's error code or type, where its shape has one. */
      code?: string
      message?: string
      times?: number
    }
  /** Wait this long, then handle the request normally. */
  | { kind: 'slow'; ms: number; times?: number }
  /** Read the body, do the work (the effect happens), then destroy the connection without answering. */
  | { kind: 'dropAfterBody'; times?: number }
  /** Read the body and never answer; the connection stays open until the simulator closes. */
  | { kind: 'blackhole'; times?: number }
  /**
   * A provider that copies the request into its answer, as some error pages and debugging proxies
   * do: `status`, in the provider's own error shape, with the whole request (method, path, query,
   * every header, Authorization included, and the body) as its message. `at: 'api'` plays on every
   * endpoint but the OAuth token endpoint (the create endpoints and what Test connection asks);
   * `at: 'token'` plays on the token endpoint only, where a 2xx hands out a working token with the
   * request beside it. Stays until cleared: it is how tests prove no secret survives an echo.
   */
  | EchoFault

export type StatusFault = Extract<HttpFault, { kind: 'status' }>

export interface EchoFault {
  kind: 'echo'
  status: number
  at: 'api' | 'token'
}

/** The request, whole and as received, as the text an echoing provider puts in its answer. */
export function echoOfRequest(request: Pick<SimRequest, 'method' | 'url' | 'headers' | 'body'>): string {
  return JSON.stringify({
    method: request.method,
    path: request.url.pathname,
    query: request.url.search,
    headers: request.headers,
    body: request.body.toString('utf8'),
  })
}

/**
 * The echo an endpoint answers when the current fault is an echo at `at` (in the provider's error
 * shape, by `renderStatus`), else null and the endpoint goes on as usual.
 */
export function echoAnswer(
  fault: { kind: string } | null,
  at: EchoFault['at'],
  request: Pick<SimRequest, 'method' | 'url' | 'headers' | 'body'>,
  renderStatus: (fault: StatusFault) => SimResponse,
): SimResponse | null {
  const echo = fault as HttpFault | null
  if (echo?.kind !== 'echo' || echo.at !== at) return null
  return renderStatus({ kind: 'status', status: echo.status, message: echoOfRequest(request) })
}

/** The part of a loopback server a fault switch drives. */
interface Listener {
  stopListening(): Promise<void>
  resumeListening(): Promise<void>
}

export interface FaultSwitch<F extends { kind: string; times?: number }> {
  /** Set (or, with null, clear) the fault; resolves once the listener reflects it. */
  set(fault: F | HttpFault | null): Promise<void>
  /** The fault for this request, counting down `times`. `refuse` is never returned. */
  take(): Exclude<F | HttpFault, { kind: 'refuse' }> | null
  current(): F | HttpFault | null
}

/**
 * Holds a simulator's current fault. `F` adds provider-specific fault kinds (an HTTP 200 with a
 * business error code, say) to the common ones.
 */
export function createFaultSwitch<F extends { kind: string; times?: number } = HttpFault>(
  listener: Listener,
): FaultSwitch<F> {
  let fault: F | HttpFault | null = null
  return {
    async set(next) {
      fault = next && { ...next }
      if (next?.kind === 'refuse') await listener.stopListening()
      else await listener.resumeListening()
    },
    take() {
      const active = fault as (F | HttpFault) & { times?: number }
      if (!active || active.kind === 'refuse') return null
      if (active.times !== undefined) {
        if (active.times <= 1) fault = null
        else fault = { ...active, times: active.times - 1 } as F | HttpFault
      }
      return active as Exclude<F | HttpFault, { kind: 'refuse' }>
    },
    current: () => fault,
  }
}

/**
 * An OAuth token endpoint under an echo at `token`: an error in OAuth's shape with the request as
 * its description, or, for a 2xx, the token `issue` hands out with the request beside it; null
 * when no such echo is set (the endpoint answers as usual).
 */
export function echoTokenAnswer(
  fault: { kind: string } | null,
  request: Pick<SimRequest, 'method' | 'url' | 'headers' | 'body'>,
  issue: () => SimResponse,
): SimResponse | null {
  const echo = fault as HttpFault | null
  if (echo?.kind !== 'echo' || echo.at !== 'token') return null
  const text = echoOfRequest(request)
  if (echo.status < 200 || echo.status >= 300) {
    return { status: echo.status, body: { error: 'invalid_request', error_description: text } }
  }
  const issued = issue()
  return { ...issued, status: echo.status, body: { ...(issued.body as object), request: text } }
}

/**
 * Plays the common faults around a create endpoint's normal handling:
 * `blackhole` answers nothing, `status` answers `renderStatus(fault)`, `slow` waits then handles,
 * `dropAfterBody` handles (the effect happens) and then destroys the socket. Any other fault kind is
 * the simulator's own business and is passed to `handle`.
 */
export async function withFault(
  fault: { kind: string } | null,
  request: SimRequest,
  handlers: {
    renderStatus: (fault: StatusFault) => SimResponse
    handle: () => Promise<SimResponse | null> | SimResponse | null
    /** Called with a verdict for the ledger when a fault decides the answer. */
    note?: (verdict: string) => void
  },
): Promise<SimResponse | null> {
  const common = fault as HttpFault | null
  switch (common?.kind) {
    case 'blackhole':
      handlers.note?.('blackholed')
      return null
    case 'status':
      handlers.note?.(`fault_${common.status}`)
      return handlers.renderStatus(common)
    case 'slow':
      await new Promise((resolve) => setTimeout(resolve, common.ms))
      return handlers.handle()
    case 'echo': {
      const echoed = echoAnswer(common, 'api', request, handlers.renderStatus)
      if (echoed) handlers.note?.(`echo_${common.status}`)
      return echoed ?? handlers.handle()
    }
    case 'dropAfterBody': {
      await handlers.handle()
      handlers.note?.('dropped')
      request.socket.destroy()
      return null
    }
    default:
      return handlers.handle()
  }
}
