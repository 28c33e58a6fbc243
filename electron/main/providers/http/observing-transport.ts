import type { HttpTransport } from './http-transport'

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
