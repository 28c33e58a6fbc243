import type { Socket } from 'node:net'
import { createServer } from 'node:net'

/** A loopback port that was free a moment ago and has nobody listening: connections are refused. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const { port } = server.address() as { port: number }
  await new Promise<void>((r) => server.close(() => r()))
  return port
}

/** A loopback server that accepts connections and never answers (a blackholed provider). */
export async function silentServer(): Promise<{ port: number; received: Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>()
  let arrived = () => {}
  /** Resolves once the first bytes of a request have arrived (they are never answered). */
  const received = new Promise<void>((resolve) => (arrived = resolve))
  const silent = createServer((socket) => {
    sockets.add(socket)
    // 'readable', not 'data': the socket stays paused, so a large body still backs up unread.
    socket.once('readable', () => arrived())
  })
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()))
  const { port } = silent.address() as { port: number }
  return {
    port,
    received,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((r) => silent.close(() => r()))
    },
  }
}
