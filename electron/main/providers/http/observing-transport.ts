import type { HttpTransport } from './http-transport'
import { nodeHttpTransport } from './http-transport'

/** A transport that tells `onAnswer` each answer's `Date` header (the provider's clock). */
export function observingTransport(
  inner: HttpTransport,
  onAnswer: (dateHeader: string | undefined, sentAtMs: number, receivedAtMs: number) => void,
): HttpTransport {
  return async (request) => {
    const sent = Date.now()
    const answer = await inner(request)
    onAnswer(answer.headers['date'], sent, Date.now())
    return answer
  }
}

/** The node:http transport, telling `onServerDate` of every answer's Date header when it is given. */
export function transportFor(
  onServerDate: ((dateHeader: string | undefined, sentAtMs: number, receivedAtMs: number) => void) | undefined,
  inner: HttpTransport = nodeHttpTransport,
): HttpTransport {
  return onServerDate ? observingTransport(inner, onServerDate) : inner
}
