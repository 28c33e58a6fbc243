import { AsyncLocalStorage } from 'node:async_hooks'
import { subscribe } from 'node:diagnostics_channel'
import type { ClientRequest, IncomingMessage } from 'node:http'
import { flatten } from './http-transport'

// Some SDKs keep the answer's headers to themselves (Alibaba's openapi-core drops them from its
// errors: a 429's Retry-After and every answer's Date are lost). Node publishes every client
// request it creates on the `http.client.request.start` diagnostics channel, synchronously, in the
// async context of the code that made it; so a listener set for one SDK call (AsyncLocalStorage)
// is told the headers of exactly the answers to that call, errors included.

/** One answer's headers (lower-case names), with when its request left and the answer came (local ms). */
export type AnswerListener = (
  headers: Record<string, string | undefined>,
  sentAtMs: number,
  receivedAtMs: number,
) => void

const listening = new AsyncLocalStorage<AnswerListener>()
let subscribed = false

function onRequestStart(message: unknown): void {
  const listener = listening.getStore()
  if (!listener) return
  const { request } = message as { request: ClientRequest }
  const sentAtMs = Date.now()
  request.once('response', (response: IncomingMessage) => listener(flatten(response.headers), sentAtMs, Date.now()))
}

/** Runs `work`, telling `listener` the headers of every HTTP answer the requests it makes receive. */
export function withAnswerHeaders<T>(listener: AnswerListener, work: () => Promise<T>): Promise<T> {
  if (!subscribed) {
    subscribe('http.client.request.start', onRequestStart)
    subscribed = true
  }
  return listening.run(listener, work)
}
