import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

// The redirect of a browser sign-in comes back to Callboard on a loopback listener (RFC 8252 §7.3):
// bound to 127.0.0.1 only, on a port the system picks, for one answer. The path is the fixed
// `/callback` an administrator registers: RFC 8252 §7.3 has identity providers accept any port on a
// loopback redirect but match the path, so a per-sign-in path would be refused by a provider that
// compares it. Another app on this computer that found the port still cannot finish a sign-in: the
// answer must carry this sign-in's `state`, and its code is worth nothing without our PKCE verifier. Written here: it is the desktop half of the flow, which no OAuth library provides.

export class SignInError extends Error {
  constructor(
    readonly reason: 'timeout' | 'cancelled' | 'listener',
    message: string,
  ) {
    super(message)
    this.name = 'SignInError'
  }
}

export interface LoopbackRedirect {
  /** `http://127.0.0.1:<port>/callback`: what the authorization request names. */
  redirectUri: string
  /** The full URL the browser came back with (its query holds the code or the error). */
  callback: Promise<URL>
  /** Stops listening (the agent cancelled); `callback` rejects. */
  close(): void
}

/** What the browser shows once Callboard has the answer. No script, nothing from the query. */
const DONE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Callboard</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font:16px system-ui,sans-serif;margin:4rem auto;max-width:32rem;padding:0 1rem}</style></head>
<body><h1>You can go back to Callboard</h1><p>Callboard has the answer of the sign-in. You can close this tab.</p></body></html>`

/** A connection's source address is this computer's loopback (127.0.0.0/8 or ::1, IPv4-mapped too). */
export function fromThisComputer(address: string | undefined): boolean {
  if (!address) return false
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address
  return v4.startsWith('127.') || address === '::1'
}

export async function startLoopbackRedirect(options: { timeoutMs: number }): Promise<LoopbackRedirect> {
  const path = '/callback'
  let settle: { resolve(url: URL): void; reject(error: Error): void } | null = null
  const callback = new Promise<URL>((resolve, reject) => (settle = { resolve, reject }))
  // Nobody may be waiting yet when the listener fails; the rejection is still seen by who awaits.
  callback.catch(() => undefined)

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    // Bound to 127.0.0.1, nothing else can reach it; checked again here so that stays true whatever
    // the binding becomes (an answer from elsewhere never counts, and does not spend the listener).
    if (!fromThisComputer(req.socket.remoteAddress)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden')
      return
    }
    if (req.method !== 'GET' || url.pathname !== path || settle === null) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found')
      return
    }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    })
    const done = settle
    settle = null
    // Single use: nothing else is answered from here on, and the listener goes once the page is out.
    res.end(DONE_PAGE, stop)
    done.resolve(new URL(req.url ?? '/', `http://127.0.0.1:${port}`))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const port = (server.address() as AddressInfo).port
  const timer = setTimeout(
    () => fail(new SignInError('timeout', 'The sign-in took too long; nothing was signed in. Try again.')),
    options.timeoutMs,
  )

  let stopped = false
  function stop(): void {
    if (stopped) return
    stopped = true
    clearTimeout(timer)
    server.close()
    server.closeIdleConnections()
  }
  function fail(error: SignInError): void {
    const waiting = settle
    settle = null
    stop()
    waiting?.reject(error)
  }

  return {
    redirectUri: `http://127.0.0.1:${port}${path}`,
    callback,
    close: () => fail(new SignInError('cancelled', 'The sign-in was cancelled.')),
  }
}
