import { createServer } from 'node:http'
import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import { createProxy } from 'proxy'

// A real forward proxy for tests: TooTallNate's `proxy` (the one https-proxy-agent is tested
// against), with Basic authentication and its own name resolution: `<name>.sim.internal` means
// 127.0.0.1 to the proxy alone. The test process cannot resolve those names, so a request that
// reaches a simulator by one of them went through the proxy.

export interface ForwardProxy {
  /** `http://127.0.0.1:<port>`, without credentials. */
  url: string
  /** Every CONNECT it was asked for: the target as asked, and the credentials sent, decoded. */
  connects: { target: string; credentials: string | null }[]
  close(): Promise<void>
}

/** Names only the proxy resolves. */
export const PROXY_ONLY_HOST = /^([a-z_]+)\.sim\.internal:(\d+)$/

const basicCredentials = (req: IncomingMessage): string | null => {
  const header = req.headers['proxy-authorization']
  const match = typeof header === 'string' ? /^Basic (.+)$/.exec(header) : null
  return match ? Buffer.from(match[1]!, 'base64').toString('utf8') : null
}

/** Starts the proxy on a random loopback port; `credentials` (`user:password`) are required when given. */
export async function startForwardProxy(
  options: { credentials?: string; refuseWith?: 403 | 407 } = {},
): Promise<ForwardProxy> {
  const server = createServer()
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  const connects: ForwardProxy['connects'] = []
  if (options.refuseWith) {
    // A proxy whose rules forbid the destination: it answers the CONNECT and never connects.
    const status = options.refuseWith
    // Its refusal echoes what it was sent (the Proxy-Authorization header, decoded too), as a
    // careless proxy's error page might: none of it may reach the agent.
    server.on('connect', (req: IncomingMessage, socket: Socket) => {
      connects.push({ target: req.url ?? '', credentials: basicCredentials(req) })
      const echo = JSON.stringify({ got: req.headers['proxy-authorization'] ?? null, decoded: basicCredentials(req) })
      socket.end(
        `HTTP/1.1 ${status} Refused\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(echo)}\r\nConnection: close\r\n\r\n${echo}`,
      )
    })
  } else {
    // Registered before the proxy's own handler, so it runs first: record, then resolve.
    server.on('connect', (req: IncomingMessage) => {
      connects.push({ target: req.url ?? '', credentials: basicCredentials(req) })
      const match = PROXY_ONLY_HOST.exec(req.url ?? '')
      if (match) req.url = `127.0.0.1:${match[2]}`
    })
    const proxy = createProxy(server)
    if (options.credentials) {
      const wanted = options.credentials
      proxy.authenticate = (req) => basicCredentials(req) === wanted
    }
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((r) => server.close(() => r()))
    },
  }
}
