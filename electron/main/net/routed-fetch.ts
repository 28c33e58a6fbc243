import { ProxyAgent, fetch as undiciFetch } from 'undici'
import { proxyFor } from './network'
import { ProxyRefusedError } from './proxy-refused'
import type { ProxyResolver } from './proxy-route'

/** undici's words for a refused CONNECT: "Proxy response (407) !== 200 when HTTP Tunneling". */
const REFUSED = /Proxy response \((\d{3})\) !== 200/

/** The proxy's status inside a failed fetch, or null when the proxy did not refuse. */
function refusedStatus(error: unknown): number | null {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const match = REFUSED.exec(e.message)
    if (match) return Number(match[1])
  }
  return null
}

/** Provider requests made with fetch carry a text or a form; anything else is refused, never dropped. */
function textBody(body: RequestInit['body']): string | URLSearchParams | undefined {
  if (body === undefined || body === null) return undefined
  if (typeof body === 'string' || body instanceof URLSearchParams) return body
  throw new TypeError('A request through the proxy carries a text or a form body only.')
}

/**
 * `fetch` for provider requests (token requests, connection tests, lists, sign-in): the URL's
 * proxy decision is asked first; a proxied request goes through undici's ProxyAgent, always as a
 * CONNECT tunnel (as RoutedAgent does, for the same reason), with the proxy URL's Basic
 * credentials. A refused tunnel rejects with a `ProxyRefusedError` (its `code` read where callers
 * already read a network code), undici's own error as its cause.
 */
export function routedFetch(resolve: ProxyResolver = proxyFor): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input)
    const route = await resolve(url)
    if (route.kind === 'direct') return fetch(input, init)
    const dispatcher = new ProxyAgent({ uri: route.proxy.href, proxyTunnel: true })
    try {
      // undici's own fetch with its own dispatcher: the global fetch's bundled undici may be
      // another major version than the package's ProxyAgent. Provider answers are small, so the
      // body is read whole before the tunnel closes, and handed on as a standard Response.
      const response = await undiciFetch(url, {
        method: init?.method,
        headers: init?.headers ? [...new Headers(init.headers)] : undefined,
        body: textBody(init?.body),
        signal: init?.signal ?? undefined,
        dispatcher,
      })
      const body = response.status === 204 || response.status === 304 ? null : await response.arrayBuffer()
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
      })
    } catch (error) {
      const status = refusedStatus(error)
      if (status !== null) throw new ProxyRefusedError(status, { cause: error })
      throw error
    } finally {
      void dispatcher.close()
    }
  }
}
