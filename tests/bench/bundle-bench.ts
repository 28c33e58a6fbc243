import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

/**
 * The JavaScript the window must load before its first paint: the scripts index.html names and
 * the modules it preloads (lazy chunks, such as the task screens, come after). Gzipped at level 9,
 * as a size figure rather than what a file:// or app:// load transfers.
 */
export function initialRendererJsGzipKb(rendererDir = resolve(import.meta.dirname, '../../out/renderer')): number {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8')
  const urls = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]!)
  if (urls.length === 0) throw new Error('index.html names no module script: is the renderer built?')
  const bytes = urls.reduce((sum, url) => sum + gzipSync(readFileSync(join(rendererDir, url)), { level: 9 }).length, 0)
  return bytes / 1024
}
