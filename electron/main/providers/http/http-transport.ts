import { request as httpRequest } from 'node:http'
import type { ClientRequest, IncomingHttpHeaders } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { networkProblemOf } from '../../net/network-problem'
import { proxyFor } from '../../net/network'
import type { ProxyResolver } from '../../net/proxy-route'
import { RoutedAgent } from '../../net/routed-agent'

// Providers without an idempotency key (Webex, eGain) need to know, after a network failure,
// whether the request could have reached them. `fetch` cannot say (every failure is the same TypeError), so
// the send goes through this small port, backed by node:http(s):
//
// - The request is written with a Content-Length, on a fresh connection (no keep-alive reuse, so
//   no request is ever written into a socket the server already closed), straight or through the
//   proxy the proxy decision names for its URL (net/routed-agent.ts: always a CONNECT tunnel).
// - `finish` on the ClientRequest fires once the last byte of the body is handed to the OS. Until
//   then the server cannot hold a complete request (Content-Length framing), so it cannot act on
//   it: any failure before `finish` is `before_send`.
// - After `finish` (reset, "socket hang up", a timeout or abort while waiting, a broken response)
//   the provider may have the whole request and may have acted on it: `after_send`.
// - ECONNREFUSED, DNS failures, unreachable hosts and TLS handshake failures are `before_send`
//   whatever the timing: no application byte can have been delivered. So is a proxy's refusal of
//   the tunnel (`ERR_PROXY_407`…): it comes before the socket exists, and no tunnel, no delivery.
// - A tunnel that dies after the body was written is like any connection that dies then:
//   `after_send`, the provider may have it.

export type SendPhase = 'before_send' | 'after_send'

export interface HttpRequest {
  method: 'POST'
  url: string
  headers: Record<string, string>
  body: string
  signal: AbortSignal
  timeoutMs: number
}

export interface HttpAnswer {
  status: number
  /** Lower-case names. */
  headers: Record<string, string | undefined>
  body: string
}

/** A request that got no HTTP answer, and whether it could have reached the server. */
export class TransportError extends Error {
  constructor(
    readonly phase: SendPhase,
    readonly code: string,
    readonly timedOut: boolean,
  ) {
    super(`${code} (${phase})`)
    this.name = 'TransportError'
  }
}

/** Sends one request and resolves with the answer, or rejects with a `TransportError`. */
export type HttpTransport = (request: HttpRequest) => Promise<HttpAnswer>

const NOTHING_DELIVERED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'ERR_INVALID_URL',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
])

/** Which side of "the whole request was handed to the OS" a failure falls on (see above). */
export function sendPhase(code: string, bodyWritten: boolean): SendPhase {
  return bodyWritten && !NOTHING_DELIVERED.has(code) && !networkProblemOf(code) ? 'after_send' : 'before_send'
}

const MAX_ANSWER_CHARS = 64_000

/** Node's headers as one string per (lower-case) name, repeated ones joined. */
export function flatten(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(headers)) out[name] = Array.isArray(value) ? value.join(', ') : value
  return out
}

/**
 * The code a transport failure is known by: Node's `code` (ECONNRESET, ECONNREFUSED…); for anything
 * without one, the error's message, or the thrown value as text. Pure.
 */
export function failureCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' && code) return code
  return error instanceof Error ? error.message : String(error)
}

/** node:http / node:https, one connection per request, routed as `routeFor` says (default: the process's proxy decision). */
export const createNodeHttpTransport =
  (routeFor: ProxyResolver = proxyFor): HttpTransport =>
  (request) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const body = Buffer.from(request.body, 'utf8')
      let req: ClientRequest
      try {
        // Both throw before anything is sent: an unusable URL, a header value Node will not write.
        const target = new URL(request.url)
        const send = target.protocol === 'https:' ? httpsRequest : httpRequest
        req = send(target, {
          method: request.method,
          agent: new RoutedAgent(routeFor),
          headers: { ...request.headers, 'content-length': String(body.length) },
        })
      } catch (error) {
        const code = failureCode(error)
        reject(new TransportError('before_send', code, false))
        return
      }
      let bodyWritten = false
      let settled = false
      let timedOut = false
      const abort = () => {
        const reason: unknown = request.signal.reason
        timedOut = reason instanceof Error && reason.name === 'TimeoutError'
        req.destroy(Object.assign(new Error('aborted'), { code: 'ABORT_ERR' }))
      }
      const timer = setTimeout(() => {
        timedOut = true
        req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }))
      }, request.timeoutMs)
      // The first of answer, failure, time limit or abort decides; whatever comes after it is ignored.
      const settle = (outcome: () => void) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        request.signal.removeEventListener('abort', abort)
        outcome()
      }
      const fail = (error: unknown) =>
        settle(() => {
          const code = failureCode(error)
          reject(new TransportError(sendPhase(code, bodyWritten), timedOut ? 'ETIMEDOUT' : code, timedOut))
        })
      if (request.signal.aborted) {
        abort()
      } else {
        request.signal.addEventListener('abort', abort, { once: true })
      }
      req.on('finish', () => {
        bodyWritten = true
      })
      req.on('error', fail)
      req.on('response', (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          if (text.length < MAX_ANSWER_CHARS) text += chunk
        })
        res.on('error', fail)
        res.on('aborted', () => fail(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })))
        res.on('end', () =>
          settle(() =>
            resolve({
              // Always set on the response to a client request.
              status: res.statusCode as number,
              headers: flatten(res.headers),
              body: text.slice(0, MAX_ANSWER_CHARS),
            }),
          ),
        )
      })
      req.end(body)
    })

/** The production transport. */
export const nodeHttpTransport: HttpTransport = createNodeHttpTransport()

// Read once for every provider: see retry-after.ts.
export { retryAfterMs } from './retry-after'

/** One attempt, before classification: an HTTP answer, or a network failure and which side of "sent" it fell on. */
export type TransportAnswer =
  | { kind: 'http'; status: number; headers: Record<string, string | undefined>; body: string }
  | { kind: 'network'; phase: SendPhase; code: string; timedOut: boolean }

/** Send through `transport` and capture the answer or the failure; never throws. */
export async function sendCapturing(transport: HttpTransport, request: HttpRequest): Promise<TransportAnswer> {
  try {
    return { kind: 'http', ...(await transport(request)) }
  } catch (error) {
    return error instanceof TransportError
      ? { kind: 'network', phase: error.phase, code: error.code, timedOut: error.timedOut }
      : // A transport that broke without saying where: assume the worst (it may have been sent).
        { kind: 'network', phase: 'after_send', code: 'unknown', timedOut: false }
  }
}
