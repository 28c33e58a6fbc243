import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A loopback address in front of several simulators, each request passed to the one its path names. */
export interface OneAddress {
  url: string
  close(): Promise<void>
}

/**
 * One loopback address for simulators that a real client reaches at one address (Callboard reaches
 * a Connect profile's Identity Center at the same override address as its Connect endpoint). The
 * request goes through unchanged, Host header included, so a signature over it (SigV4) still holds.
 * A simulator that does not answer has the client's connection closed.
 */
export async function startOneAddress(targetFor: (path: string) => string): Promise<OneAddress> {
  const server = createServer((incoming, outgoing) => {
    const path = new URL(incoming.url ?? '/', 'http://127.0.0.1').pathname
    const target = new URL(targetFor(path))
    const forwarded = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(outgoing)
      },
    )
    forwarded.on('error', () => outgoing.destroy())
    incoming.pipe(forwarded)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
