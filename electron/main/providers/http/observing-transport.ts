import type { HttpTransport } from './http-transport'
import { nodeHttpTransport } from './http-transport'

/** Told of one answer's `Date` header, with when the request left and the answer came (local ms). */
export type DateObserver = (dateHeader: string | undefined, sentAtMs: number, receivedAtMs: number) => void

/** A transport that tells `onAnswer` each answer's `Date` header (the provider's clock). */
export function observingTransport(inner: HttpTransport, onAnswer: DateObserver): HttpTransport {
  return async (request) => {
    const sent = Date.now()
    const answer = await inner(request)
    onAnswer(answer.headers['date'], sent, Date.now())
    return answer
  }
}

/** The node:http transport, telling `onServerDate` of every answer's Date header when it is given. */
export function transportFor(onServerDate: DateObserver | undefined, inner: HttpTransport = nodeHttpTransport) {
  return onServerDate ? observingTransport(inner, onServerDate) : inner
}

/**
 * `fetch`, telling `onServerDate` of every answer's Date header when it is given: how the token
 * endpoints a client reaches with fetch (OAuth refreshes and grants) teach the provider's clock too.
 */
export function observingFetch(inner: typeof fetch, onServerDate: DateObserver | undefined): typeof fetch {
  if (!onServerDate) return inner
  return async (input, init) => {
    const sent = Date.now()
    const response = await inner(input, init)
    onServerDate(response.headers.get('date') ?? undefined, sent, Date.now())
    return response
  }
}
