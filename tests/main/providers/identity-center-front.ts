import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Where the Identity Center's APIs and device page live (SSO OIDC, the access portal); the rest is Connect's. */
export const IDENTITY_CENTER_PATHS = [
  '/client/register',
  '/device_authorization',
  '/token',
  '/device',
  '/assignment/',
  '/federation/',
]

/**
 * One loopback port in front of the Connect and Identity Center simulators, routed by path:
 * Callboard reaches a profile's Identity Center at the same override address as its Connect
 * endpoint. The Host header goes through unchanged, so SigV4 (which signs it) still holds.
 */
export async function oneAddressFor(connectUrl: string, identityCenterUrl: string) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const target = IDENTITY_CENTER_PATHS.some((p) => path.startsWith(p)) ? identityCenterUrl : connectUrl
    const upstream = httpRequest(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
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

/** The agent's browser on the device page Callboard opened: Allow for the code in its address. */
export async function allowDevice(pageUrl: string): Promise<void> {
  const page = new URL(pageUrl)
  const answer = await fetch(new URL('/device/decide', page), {
    method: 'POST',
    body: new URLSearchParams({ user_code: page.searchParams.get('user_code') ?? '', decision: 'allow' }),
  })
  if (!answer.ok) throw new Error(`the device page refused: ${answer.status}`)
}
