import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { HttpRequest } from '../../../electron/main/providers/http/http-transport'
import {
  TransportError,
  failureCode,
  nodeHttpTransport,
  sendCapturing,
} from '../../../electron/main/providers/http/http-transport'
import { closedPort, silentServer } from './net-fixtures'
import { ANSWERED_MS, NEVER_ANSWERED_MS } from './time-limits'

// The transport's side of the classification: an answer, or a failure and which side of "the whole
// request was handed to the OS" it fell on (before_send / after_send), against real loopback sockets.

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

/** A raw loopback HTTP server (not a provider simulator): for answers no simulator gives. */
async function rawServer(handle: Parameters<typeof createServer>[1]): Promise<string> {
  const server: Server = createServer(handle)
  const sockets = new Set<Socket>()
  server.on('connection', (socket) => sockets.add(socket))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const post = (url: string, extra: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'POST',
  url,
  headers: { 'content-type': 'application/json' },
  body: '{}',
  signal: new AbortController().signal,
  timeoutMs: ANSWERED_MS,
  ...extra,
})

describe('nodeHttpTransport: answers', () => {
  it('a repeated header (Set-Cookie, always a list in Node) is joined; single ones are kept', async () => {
    const url = await rawServer((_req, res) => {
      res.setHeader('set-cookie', ['a=1', 'b=2'])
      res.setHeader('retry-after', '5')
      res.writeHead(201)
      res.end('{"id":"x"}')
    })
    const answer = await nodeHttpTransport(post(url))
    expect(answer).toMatchObject({ status: 201, body: '{"id":"x"}' })
    expect(answer.headers['set-cookie']).toBe('a=1, b=2')
    expect(answer.headers['retry-after']).toBe('5')
  })

  it('an answer is kept to its first 64,000 characters', async () => {
    const url = await rawServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' })
      res.end('<p>'.padEnd(200_000, 'x'))
    })
    const answer = await nodeHttpTransport(post(url))
    expect(answer.status).toBe(500)
    expect(answer.body).toHaveLength(64_000)
    expect(answer.body.startsWith('<p>xxx')).toBe(true)
  })

  it('an answer cut off in the middle of its body: ECONNRESET after the send, settled once', async () => {
    const url = await rawServer((req, res) => {
      req.resume()
      req.on('end', () => {
        res.writeHead(200, { 'content-length': '1000' })
        res.write('{"partial":', () => res.socket?.destroy())
      })
    })
    const error = await nodeHttpTransport(post(url)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransportError)
    expect(error).toMatchObject({ phase: 'after_send', code: 'ECONNRESET', timedOut: false })
  })
})

describe('nodeHttpTransport: failures before the request was sent', () => {
  it.each([
    ['refused (http)', 'http'],
    ['refused (https)', 'https'],
  ])('%s → before_send ECONNREFUSED', async (_name, scheme) => {
    const port = await closedPort()
    const error = await nodeHttpTransport(post(`${scheme}://127.0.0.1:${port}/x`)).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'TransportError', phase: 'before_send', code: 'ECONNREFUSED' })
  })

  it('an unusable URL is refused before anything is sent', async () => {
    const error = await nodeHttpTransport(post('not a url')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransportError)
    expect(error).toMatchObject({ phase: 'before_send', code: 'ERR_INVALID_URL', timedOut: false })
    // So a client sees "could not be reached", never "may have been sent".
    expect(await sendCapturing(nodeHttpTransport, post('not a url'))).toEqual({
      kind: 'network',
      phase: 'before_send',
      code: 'ERR_INVALID_URL',
      timedOut: false,
    })
  })

  it('a header value Node will not write (a pasted token with a line break) is refused before sending', async () => {
    const silent = await silentServer()
    cleanups.push(silent.close)
    const error = await nodeHttpTransport(
      post(`http://127.0.0.1:${silent.port}/x`, { headers: { authorization: 'Bearer abc\r\nx-evil: 1' } }),
    ).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'TransportError', phase: 'before_send', code: 'ERR_INVALID_CHAR' })
  })

  it('the time limit runs out while the body is still being written → before_send, timed out', async () => {
    // The server accepts and never reads: once the socket buffers are full the body cannot be
    // handed over, so the server cannot hold the whole request.
    const silent = await silentServer()
    cleanups.push(silent.close)
    const started = Date.now()
    const error = await nodeHttpTransport(
      post(`http://127.0.0.1:${silent.port}/x`, { body: 'x'.repeat(32 * 1024 * 1024), timeoutMs: NEVER_ANSWERED_MS }),
    ).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'TransportError', phase: 'before_send', code: 'ETIMEDOUT', timedOut: true })
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('the time limit runs out after the body was written → after_send, timed out', async () => {
    const silent = await silentServer()
    cleanups.push(silent.close)
    const error = await nodeHttpTransport(
      post(`http://127.0.0.1:${silent.port}/x`, { timeoutMs: NEVER_ANSWERED_MS }),
    ).catch((e: unknown) => e)
    expect(error).toMatchObject({ phase: 'after_send', code: 'ETIMEDOUT', timedOut: true })
  })

  it('the caller aborts (not a timeout) after the body was written → after_send, not timed out', async () => {
    const silent = await silentServer()
    cleanups.push(silent.close)
    const controller = new AbortController()
    void silent.received.then(() => controller.abort())
    const error = await nodeHttpTransport(
      post(`http://127.0.0.1:${silent.port}/x`, { signal: controller.signal }),
    ).catch((e: unknown) => e)
    expect(error).toMatchObject({ phase: 'after_send', code: 'ABORT_ERR', timedOut: false })
  })
})

describe('failureCode (pure)', () => {
  it.each([
    ['a Node error code', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'ECONNRESET'],
    ['an empty code: the message', Object.assign(new Error('odd'), { code: '' }), 'odd'],
    ['a code that is not text: the message', Object.assign(new Error('odder'), { code: 42 }), 'odder'],
    ['no code: the message', new Error('no code here'), 'no code here'],
    ['not an Error: as text', 'plain words', 'plain words'],
    ['null', null, 'null'],
  ])('%s', (_name, error, code) => {
    expect(failureCode(error)).toBe(code)
  })
})
