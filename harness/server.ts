import { msg } from '@shared/i18n/message'
import type { Profile } from '@shared/providers/registry'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { isInvokeChannel } from '@shared/ipc/channels'
import { fail } from '@shared/ipc/result'
import type { Result } from '@shared/ipc/result'
import { loadAsset, securityHeaders } from '../electron/main/security/app-protocol'
import type { AppServices } from '../electron/main/app/app-services'
import { createAppServices } from '../electron/main/app/app-services'
import * as keyring from '@napi-rs/keyring'
import { createKeyringStore } from '../electron/main/secrets/keyring-store'
import type { SecretStore } from '../electron/main/secrets/secret-store'
import type { Clock } from '../electron/main/core/clock'
import { systemClock } from '../electron/main/core/clock'
import type { LogSink } from '../electron/main/core/logger'
import { claimDataFolder } from '../electron/main/app/data-folder'
import { fileLogSink } from '../electron/main/core/log-file'
import { createLogger, teeSink } from '../electron/main/core/logger'
import { readPolicy } from '../electron/main/policy/read-policy'
import { buildBrowserBridge } from './build-bridge'
import type { HarnessClipboard } from './desktop-press'
import { press, pressRequest } from './desktop-press'
import { describeContract } from './contract-json-schema'

const root = resolve(import.meta.dirname, '..')
const BRIDGE_PATH = '/__harness/bridge.js'
const MAX_BODY_BYTES = 16 * 1024 * 1024

export interface HarnessOptions {
  /** The built renderer (`out/renderer`). */
  rendererDir?: string
  /** Stands in for Electron's user-data folder. */
  dataDir: string
  port?: number
  locale?: string
  clock?: Clock
  /**
   * The keychain. Default: the real OS keychain under the service name "Callboard harness", so a
   * developer's harness never touches the desktop app's entries.
   */
  secrets?: SecretStore
  /** Extra place for log lines (tests collect them); they always go to `<dataDir>/logs` too. */
  logSink?: LogSink
  /** The built-in sandbox (simulated providers), on by default as in the app. */
  sandbox?: boolean
  /**
   * Stands in for the OS clipboard (the harness has none): what the quick callback is offered.
   * Without it, the harness keeps a clipboard of its own, set through `POST /__harness/clipboard`.
   */
  readClipboard?: () => Promise<string>
  /** The harness clipboard's first text (`--clipboard`). */
  clipboard?: string
  /** An administrator's policy file (`--policy FILE`); the harness reads no machine-wide one. */
  policyFile?: string
  /**
   * Stands in for the system browser a sign-in opens (tests open a new page at the URL). Without
   * it, the harness prints `CALLBOARD_SIGN_IN_URL=<url>` for a developer to open.
   */
  openBrowser?: (url: string, authorizationEndpoint: string) => Promise<void>
  /** Where a test's own profile is reached instead of its provider (the test's simulators). */
  endpointFor?: (profile: Profile) => string | undefined
}

export interface Harness {
  url: string
  origin: string
  token: string
  services: AppServices
  close(): Promise<void>
}

function send(res: ServerResponse, status: number, body: string | Uint8Array, headers: Record<string, string>) {
  res.writeHead(status, { ...securityHeaders, 'cache-control': 'no-store', ...headers })
  res.end(body)
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  send(res, status, JSON.stringify(value), { 'content-type': 'application/json; charset=utf-8' })
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) return null
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice(7) : null
}

/**
 * The browser harness: the built renderer and the real main-process services, joined over
 * loopback HTTP instead of Electron IPC. A development and test tool, never shipped.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = options.rendererDir ?? join(root, 'out/renderer')
  const clock = options.clock ?? systemClock
  // The data folder first: a harness that does not own it (a Callboard already runs on it) writes
  // nothing there, not even its log.
  const dataFolder = await claimDataFolder(options.dataDir, () => clock.now())
  const sinks: LogSink[] = dataFolder.owner ? [fileLogSink(join(options.dataDir, 'logs', 'callboard.log'))] : []
  if (options.logSink) sinks.push(options.logSink)
  const logger = createLogger(teeSink(...sinks), clock)
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; productName: string }
  const clipboard: HarnessClipboard = { text: options.clipboard ?? '', selection: '' }

  const policy = options.policyFile ? await readPolicy({ kind: 'file', path: options.policyFile }) : undefined
  const services = await createAppServices({
    ...(policy ? { policy } : {}),
    userDataDir: options.dataDir,
    appInfo: {
      name: pkg.productName,
      version: pkg.version,
      platform: process.platform,
      arch: process.arch,
      runtime: 'harness',
      electronVersion: null,
    },
    clock,
    logger,
    secrets: options.secrets ?? createKeyringStore({ binding: keyring, service: 'Callboard harness', clock }),
    locale: options.locale ?? Intl.DateTimeFormat().resolvedOptions().locale,
    checkContract: true,
    dataFolder,
    sandbox: options.sandbox ?? true,
    // No desktop here: a notification is a log line (tests read them there).
    notify: (notification) => logger.info('notification', notification),
    readClipboard: options.readClipboard ?? (async () => clipboard.text),
    ...(options.endpointFor && { endpointFor: options.endpointFor }),
    openBrowser: options.openBrowser ?? (async (url) => void process.stdout.write(`CALLBOARD_SIGN_IN_URL=${url}\n`)),
  })
  const bridgeScript = await buildBrowserBridge()
  const token = randomBytes(24).toString('base64url')
  const streams = new Set<ServerResponse>()
  let origin = ''

  const unsubscribe = services.events.subscribe((channel, payload) => {
    const frame = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const stream of streams) stream.write(frame)
  })

  async function handleIpc(req: IncomingMessage, res: ServerResponse, channel: string) {
    if (!sameToken(bearer(req), token))
      return sendJson(res, 401, fail('forbidden_sender', harnessSays('Missing or wrong token.')))
    // A page from another origin must not drive the app even if it learned the token.
    if (req.headers.origin !== undefined && req.headers.origin !== origin) {
      return sendJson(res, 403, fail('forbidden_sender', harnessSays('Cross-origin calls are refused.')))
    }
    const body = await readBody(req)
    if (body === null) {
      return sendJson(
        res,
        413,
        fail('invalid_input', harnessSays('The request body is too large.'), [{ path: [], message: 'too large' }]),
      )
    }
    let input: unknown = undefined
    if (body.length > 0) {
      try {
        input = JSON.parse(body.toString('utf8'))
      } catch (error) {
        const message = `The request body is not JSON (${(error as Error).message}).`
        return sendJson(res, 200, fail('invalid_input', harnessSays(message), [{ path: [], message: 'not JSON' }]))
      }
    }
    const result: Result<unknown> = await services.dispatch(channel, input)
    sendJson(res, isInvokeChannel(channel) ? 200 : 404, result)
  }

  async function handlePress(req: IncomingMessage, res: ServerResponse, path: string) {
    if (!sameToken(bearer(req), token))
      return sendJson(res, 401, fail('forbidden_sender', harnessSays('Missing or wrong token.')))
    if (req.headers.origin !== undefined && req.headers.origin !== origin) {
      return sendJson(res, 403, fail('forbidden_sender', harnessSays('Cross-origin calls are refused.')))
    }
    const body = await readBody(req)
    let input: unknown
    try {
      input = body && body.length > 0 ? JSON.parse(body.toString('utf8')) : {}
    } catch {
      input = null
    }
    const request = pressRequest(path, input)
    if (!request) {
      return sendJson(res, 400, {
        ok: false,
        error:
          'POST /__harness/clipboard {"text"}, /__harness/shortcut {"clipboard"?, "selection"?}, /__harness/link {"url"}, /__harness/quick-entry or /__harness/notification-click {"taskId"}.',
      })
    }
    sendJson(res, 200, await press(request, services, clipboard))
  }

  function handleEvents(res: ServerResponse) {
    res.writeHead(200, {
      ...securityHeaders,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    })
    res.write(': connected\n\n')
    streams.add(res)
    res.on('close', () => streams.delete(res))
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    // Loopback only, and only under our own host name: defeats DNS-rebinding pages.
    if (req.headers.host !== new URL(origin).host)
      return send(res, 403, 'Forbidden host', { 'content-type': 'text/plain' })
    const url = new URL(req.url ?? '/', origin)
    const queryToken = url.searchParams.get('token')
    const authorized = sameToken(bearer(req) ?? queryToken, token)

    // The desktop paths (issue 16, item 10): the clipboard, a shortcut press, a tel: link.
    if (url.pathname.startsWith('/__harness/') && url.pathname !== BRIDGE_PATH) {
      if (req.method !== 'POST') return send(res, 405, 'Use POST', { allow: 'POST', 'content-type': 'text/plain' })
      return handlePress(req, res, url.pathname.slice('/__harness/'.length))
    }
    if (url.pathname.startsWith('/ipc/')) {
      if (req.method !== 'POST') return send(res, 405, 'Use POST', { allow: 'POST', 'content-type': 'text/plain' })
      return handleIpc(req, res, decodeURIComponent(url.pathname.slice('/ipc/'.length)))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'Method not allowed', { allow: 'GET, HEAD', 'content-type': 'text/plain' })
    }
    if (url.pathname === '/events') {
      if (!authorized) return sendJson(res, 401, fail('forbidden_sender', harnessSays('Missing or wrong token.')))
      return handleEvents(res)
    }
    if (url.pathname === '/contract') {
      if (!authorized) return sendJson(res, 401, fail('forbidden_sender', harnessSays('Missing or wrong token.')))
      return sendJson(res, 200, describeContract())
    }
    if (url.pathname === BRIDGE_PATH) {
      return send(res, 200, bridgeScript, { 'content-type': 'text/javascript; charset=utf-8' })
    }
    const asset = await loadAsset(rendererDir, url.pathname)
    if (asset.status === 200 && asset.headers['content-type']?.startsWith('text/html')) {
      // The bridge must run before the app's module script, exactly like a preload: a deferred
      // script placed before it runs before it (document order), without holding up the parser.
      const html = String(asset.body).replace(
        '<script type="module"',
        `<script defer src="${BRIDGE_PATH}"></script>\n    <script type="module"`,
      )
      return send(res, 200, html, asset.headers)
    }
    send(res, asset.status, asset.body, asset.headers)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error('harness request failed', { url: req.url, error: String(error) })
      if (!res.headersSent) sendJson(res, 500, fail('internal', harnessSays('The harness failed to answer.')))
      else res.end()
    })
  })
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen())
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  logger.info('harness listening', { origin, dataDir: options.dataDir })

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    services,
    async close() {
      unsubscribe()
      for (const stream of streams) stream.end()
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
      await services.close()
      if (dataFolder.owner) await dataFolder.lock.release()
    },
  }
}

/** The harness's own refusals (a developer's tool): said as they are, never translated. */
function harnessSays(text: string) {
  return msg('asIs', { text })
}
