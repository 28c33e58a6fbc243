import { createHash, randomBytes } from 'node:crypto'
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http'
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DownloadOptions } from 'builder-util-runtime'
import { configureRequestOptions, configureRequestUrl, HttpExecutor } from 'builder-util-runtime'
import type { AppAdapter } from 'electron-updater/out/AppAdapter'

/**
 * electron-updater's HTTP goes through Electron's `net` in the app; here the same executor
 * interface over node:http, written as the library's own Electron executor is (download = its
 * doDownload, which checks the sha512 as the bytes arrive).
 */
export class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    return request(options, callback)
  }

  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined }
      configureRequestUrl(url, requestOptions)
      configureRequestOptions(requestOptions)
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error == null ? resolve(destination) : reject(error)),
          responseHandler: null,
        },
        0,
      )
    })
  }
}

/** The app as electron-updater sees it, without Electron: a packaged 0.1.0 with its folders in tmp. */
export function appAdapter(version = '0.1.0'): AppAdapter & { folder: string } {
  const folder = mkdtempSync(join(tmpdir(), 'callboard-update-'))
  const appUpdateConfigPath = join(folder, 'app-update.yml')
  writeFileSync(
    appUpdateConfigPath,
    'provider: generic\nurl: http://127.0.0.1:9/\nupdaterCacheDirName: callboard-updater\n',
  )
  return {
    folder,
    version,
    name: 'callboard',
    isPackaged: true,
    appUpdateConfigPath,
    userDataPath: join(folder, 'user-data'),
    baseCachePath: join(folder, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  }
}

export interface FeedOptions {
  version: string
  /** What the file URL answers: the real bytes, other bytes (a checksum mismatch) or a 404. */
  file?: 'ok' | 'corrupt' | 'missing'
}

/**
 * A generic update feed as electron-builder publishes one: `latest-linux.yml` naming an AppImage
 * with its size and sha512, and the file itself.
 */
export async function startFeed(initial: FeedOptions) {
  let options = initial
  const bytes = randomBytes(256 * 1024)
  const sha512 = createHash('sha512').update(bytes).digest('base64')
  const requests: string[] = []
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://feed').pathname
    requests.push(path)
    if (path === '/latest-linux.yml') {
      res.writeHead(200, { 'content-type': 'text/yaml' })
      return res.end(
        [
          `version: ${options.version}`,
          'files:',
          `  - url: Callboard-${options.version}.AppImage`,
          `    sha512: ${sha512}`,
          `    size: ${bytes.length}`,
          `path: Callboard-${options.version}.AppImage`,
          `sha512: ${sha512}`,
          `releaseDate: '2026-12-01T10:00:00.000Z'`,
          '',
        ].join('\n'),
      )
    }
    if (path === `/Callboard-${options.version}.AppImage` && options.file !== 'missing') {
      const body = options.file === 'corrupt' ? randomBytes(bytes.length) : bytes
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length })
      return res.end(body)
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    bytes,
    requests,
    set: (next: FeedOptions) => void (options = next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
