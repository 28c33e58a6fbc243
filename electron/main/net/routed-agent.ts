import type { ClientRequest } from 'node:http'
import * as net from 'node:net'
import * as tls from 'node:tls'
import type { AgentConnectOpts } from 'agent-base'
import { Agent } from 'agent-base'
import { HttpsProxyAgent } from 'https-proxy-agent'
import { proxyFor } from './network'
import { ProxyRefusedError } from './proxy-refused'
import type { ProxyResolver } from './proxy-route'

/**
 * A node:http(s) agent that asks the proxy decision for every request and connects accordingly:
 * straight to the provider, or through a CONNECT tunnel (https-proxy-agent) with Basic
 * credentials when the proxy URL has them. Every request through a proxy is tunnelled, plain-http
 * ones too (only loopback simulators speak plain http, and loopback is never proxied): the proxy
 * never sees a request, so its own error answers (407, 403, 502) can never be taken for the
 * provider's, and a refusal comes before anything was written (`before_send`).
 *
 * https-proxy-agent answers a refused CONNECT with a fake socket that replays the proxy's answer
 * as if the provider had said it; here the refusal is a `ProxyRefusedError` instead, so every
 * client reads it the same way.
 */
export class RoutedAgent extends Agent {
  constructor(private readonly resolve: ProxyResolver = proxyFor) {
    super({ keepAlive: false })
  }

  override async connect(req: ClientRequest, opts: AgentConnectOpts): Promise<net.Socket> {
    const scheme = opts.secureEndpoint ? 'https' : 'http'
    const host = net.isIPv6(opts.host ?? '') ? `[${opts.host}]` : opts.host
    const route = await this.resolve(`${scheme}://${host}:${opts.port}${req.path}`)
    if (route.kind === 'direct') {
      return opts.secureEndpoint ? tls.connect({ ...opts, servername: servername(opts) }) : net.connect(opts)
    }
    let status: number | null = null
    req.once('proxyConnect', (answer: { statusCode: number }) => (status = answer.statusCode))
    const socket = await new HttpsProxyAgent(route.proxy).connect(req, opts)
    if (status !== 200) {
      socket.destroy()
      throw new ProxyRefusedError(status ?? 502)
    }
    return socket
  }
}

/** SNI for a host name (never for an IP address, which TLS forbids). */
function servername(opts: AgentConnectOpts): string | undefined {
  if ('servername' in opts && typeof opts.servername === 'string') return opts.servername
  return opts.host && !net.isIP(opts.host) ? opts.host : undefined
}
