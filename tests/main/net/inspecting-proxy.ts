import { createServer } from 'node:http'
import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import { TLSSocket, createSecureContext } from 'node:tls'
import { PROXY_ONLY_HOST } from './forward-proxy'
import type { ThrowawayCa } from './throwaway-ca'
import { terminateTls } from './throwaway-ca'

/**
 * A TLS-inspecting proxy, as many corporate networks run: it accepts the CONNECT, then answers the
 * TLS handshake itself with a certificate for the asked host signed by its own CA, and reads
 * and forwards the plain request. `<name>.sim.internal` resolves to 127.0.0.1 here alone.
 */
export async function startInspectingProxy(ca: ThrowawayCa): Promise<{
  url: string
  connects: string[]
  close(): Promise<void>
}> {
  const connects: string[] = []
  const sockets = new Set<Socket>()
  const identities = new Map<string, ReturnType<ThrowawayCa['issue']>>()
  const server = createServer()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    const target = req.url ?? ''
    connects.push(target)
    const match = PROXY_ONLY_HOST.exec(target)
    if (!match) {
      socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n')
      return
    }
    const host = target.replace(/:\d+$/, '')
    let identity = identities.get(host)
    if (!identity) identities.set(host, (identity = ca.issue([host])))
    socket.write('HTTP/1.1 200 Connection established\r\n\r\n')
    const tls = new TLSSocket(socket, { isServer: true, secureContext: createSecureContext(identity) })
    tls.on('error', () => socket.destroy())
    terminateTls(tls, Number(match[2]))
  })
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
