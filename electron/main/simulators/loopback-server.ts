import { createServer } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SimRequest {
  method: string
  /** Path and query, as sent. */
  url: URL
  headers: IncomingHttpHeaders
  body: Buffer
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

/**
 * A provider simulator's HTTP shell: loopback only, a random port, the body read in full before
 * the handler runs. Each simulator supplies the protocol in `handle`.
 */
export async function startLoopbackServer(
  handle: (request: SimRequest) => Promise<SimResponse> | SimResponse,
): Promise<RunningSimulator> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
      Promise.resolve(handle({ method: req.method ?? 'GET', url, headers: req.headers, body: Buffer.concat(chunks) }))
        .then((answer) => {
          const isObject = answer.body !== undefined && typeof answer.body === 'object' && !Buffer.isBuffer(answer.body)
          const body = isObject ? JSON.stringify(answer.body) : (answer.body as string | Buffer | undefined)
          res.writeHead(answer.status, {
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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
