import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer as createTlsServer } from 'node:tls'
import type { TLSSocket } from 'node:tls'
import { connect } from 'node:net'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// A certificate authority made for one test run with openssl, trusted by nothing until a test
// puts it in the store the app reads (SSL_CERT_FILE, in a child process), and the TLS that an
// inspecting proxy or a provider signs with it.

export interface ThrowawayCa {
  /** The CA certificate's PEM file: what IT would install on the machine. */
  caFile: string
  /** A key and certificate for these names (DNS names or IP addresses), signed by the CA. */
  issue(names: readonly string[]): { key: string; cert: string }
  dispose(): void
}

const openssl = (dir: string, args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })

export function throwawayCa(): ThrowawayCa {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-ca-'))
  openssl(
    dir,
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem'].concat([
      '-days',
      '2',
      '-subj',
      '/CN=Callboard throwaway inspection CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
    ]),
  )
  let serial = 0
  return {
    caFile: join(dir, 'ca.pem'),
    issue(names) {
      serial += 1
      const base = `leaf-${serial}`
      openssl(dir, [
        'req',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${base}.key`,
        '-out',
        `${base}.csr`,
        '-subj',
        `/CN=${names[0]}`,
      ])
      const alt = names.map((n) => (/^[\d.]+$/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',')
      writeFileSync(join(dir, `${base}.ext`), `subjectAltName=${alt}\n`)
      openssl(
        dir,
        [
          'x509',
          '-req',
          '-in',
          `${base}.csr`,
          '-CA',
          'ca.pem',
          '-CAkey',
          'ca.key',
          '-set_serial',
          String(serial),
        ].concat(['-out', `${base}.pem`, '-days', '2', '-extfile', `${base}.ext`]),
      )
      return {
        key: readFileSync(join(dir, `${base}.key`), 'utf8'),
        cert: readFileSync(join(dir, `${base}.pem`), 'utf8'),
      }
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/**
 * Terminates TLS on `socket` with `identity` and carries the plain bytes to 127.0.0.1:`port`:
 * what an inspecting proxy does inside a tunnel, or a TLS front before a plain-http simulator.
 * Calls `onHandshake` once the client accepted the certificate.
 */
export function terminateTls(socket: Socket | TLSSocket, port: number, onHandshake: () => void = () => {}): void {
  const upstream = connect(port, '127.0.0.1')
  socket.on('error', () => upstream.destroy())
  upstream.on('error', () => socket.destroy())
  onHandshake()
  socket.pipe(upstream).pipe(socket)
}

/** A TLS server on `host` (a loopback address) presenting `identity`, forwarding to a plain simulator on `port`. */
export async function tlsFront(
  identity: { key: string; cert: string },
  host: string,
  port: number,
): Promise<{ port: number; handshakes: () => number; close(): Promise<void> }> {
  let handshakes = 0
  const sockets = new Set<Socket>()
  const server = createTlsServer(identity, (socket) => {
    sockets.add(socket)
    terminateTls(socket, port, () => (handshakes += 1))
  })
  await new Promise<void>((r) => server.listen(0, host, () => r()))
  const { port: listening } = server.address() as { port: number }
  return {
    port: listening,
    handshakes: () => handshakes,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((r) => server.close(() => r()))
    },
  }
}
