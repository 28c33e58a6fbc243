import { createServer } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface SimRequest {
  method: string
  /** Path and query, as sent. */
  url: URL
  headers: IncomingHttpHeaders
  body: Buffer
  /** The connection, for simulating faults (destroy it, then answer `null`). */
  socket: Socket
}

export interface SimResponse {
  status: number
  headers?: Record<string, string>
  body?: string | Buffer | object
}

export interface RunningSimulator {
  /** `http://127.0.0.1:<port>` */
  url: string
  host: string
  close(): Promise<void>
}

export interface LoopbackServer extends RunningSimulator {
  /** Stop accepting connections on the port (callers then see ECONNREFUSED); open ones are closed. */
  stopListening(): Promise<void>
  /** Listen on the same port again after `stopListening`. */
  resumeListening(): Promise<void>
}

/**
 * A provider simulator's HTTP shell: loopback only, a random port, the body read in full before
 * the handler runs. Each simulator supplies the protocol in `handle`; a handler that answers
 * `null` writes nothing (it destroyed the socket, or leaves the caller waiting until `close`).
 */
export async function startLoopbackServer(
  handle: (request: SimRequest) => Promise<SimResponse | null> | SimResponse | null,
  options: {
    /** The provider's own clock: every answer's `Date` header reads it, as a real server's does. */
    now?: () => number
  } = {},
): Promise<LoopbackServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
      const request = { method: req.method ?? 'GET', url, headers: req.headers, body: Buffer.concat(chunks) }
      Promise.resolve(handle({ ...request, socket: req.socket }))
        .then((answer) => {
          if (answer === null || res.destroyed) return
          const isObject = answer.body !== undefined && typeof answer.body === 'object' && !Buffer.isBuffer(answer.body)
          const body = isObject ? JSON.stringify(answer.body) : (answer.body as string | Buffer | undefined)
          res.writeHead(answer.status, {
            ...(options.now ? { date: new Date(options.now()).toUTCString() } : {}),
            ...(isObject ? { 'content-type': 'application/json; charset=utf-8' } : {}),
            ...answer.headers,
          })
          res.end(body)
        })
        .catch((error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' })
          res.end(`simulator error: ${String(error)}`)
        })
    })
  })
  const listen = (on: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(on, '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
  const stop = async () => {
    if (!server.listening) return
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  await listen(0)
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    close: stop,
    stopListening: stop,
    resumeListening: async () => {
      if (!server.listening) await listen(port)
    },
  }
}
