import { resolve } from 'node:path'
import { build } from 'vite'

const root = resolve(import.meta.dirname, '..')

let built: Promise<string> | undefined

/**
 * Bundles harness/browser/bridge.ts into one classic script, in memory, once per process: tests
 * start many harnesses, and the source does not change under a running process.
 */
export function buildBrowserBridge(): Promise<string> {
  built ??= bundleBridge().catch((error: unknown) => {
    built = undefined
    throw error
  })
  return built
}

async function bundleBridge(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    resolve: { alias: { '@shared': resolve(root, 'shared') } },
    build: {
      write: false,
      minify: false,
      emptyOutDir: false,
      lib: { entry: resolve(root, 'harness/browser/bridge.ts'), formats: ['iife'], name: 'CallboardHarnessBridge' },
    },
  })
  const outputs = Array.isArray(result) ? result : [result]
  for (const output of outputs) {
    if (!('output' in output)) continue
    const chunk = output.output.find((item) => item.type === 'chunk')
    if (chunk && chunk.type === 'chunk') return chunk.code
  }
  throw new Error('harness bridge build produced no script')
}
