import { readFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import { RENDERER_CSP_HEADER } from '@shared/csp'

export const APP_SCHEME = 'app'
export const APP_HOST = 'callboard'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * Map a request path to a file inside `rootDir`, or null. Refuses anything that could climb out:
 * encoded dots and slashes are decoded first and the result must still lie under the root.
 */
export function resolveAssetPath(rootDir: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return null
  const relative = decoded === '/' ? '/index.html' : decoded
  const root = resolve(rootDir)
  const full = resolve(root, `.${relative}`)
  if (!full.startsWith(root + sep)) return null
  return full
}

export interface AssetResponse {
  status: number
  headers: Record<string, string>
  body: Uint8Array | string
}

export const securityHeaders: Record<string, string> = {
  'content-security-policy': RENDERER_CSP_HEADER,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
}

/** Read one asset of the built renderer, with the CSP header. Shared by app:// and the harness. */
export async function loadAsset(rootDir: string, pathname: string): Promise<AssetResponse> {
  const file = resolveAssetPath(rootDir, pathname)
  const notFound = { status: 404, headers: { ...securityHeaders, 'content-type': MIME['.txt']! }, body: 'Not found' }
  if (!file) return notFound
  try {
    const body = await readFile(file)
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream'
    return { status: 200, headers: { ...securityHeaders, 'content-type': type }, body }
  } catch {
    return notFound
  }
}

/** Request URL → asset, for the app:// scheme: only `app://callboard/...` is served. */
export async function loadAppUrl(rootDir: string, requestUrl: string): Promise<AssetResponse> {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return loadAsset(rootDir, '\0')
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) {
    return loadAsset(rootDir, '\0')
  }
  return loadAsset(rootDir, url.pathname)
}
