import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { RENDERER_CSP, RENDERER_CSP_DEV } from './shared/csp'

const root = import.meta.dirname
const alias = { '@shared': resolve(root, 'shared') }

/** Puts the CSP meta tag into index.html: strict in builds, relaxed only for Vite's dev server. */
function cspMeta(): Plugin {
  let policy = RENDERER_CSP
  return {
    name: 'callboard-csp',
    configResolved(config) {
      policy = config.command === 'serve' ? RENDERER_CSP_DEV : RENDERER_CSP
    },
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' },
    ],
  }
}

export default defineConfig({
  main: {
    resolve: { alias },
    // The crash harness's crash points are for tests only: not compiled into the app (crash-points.ts).
    define: { __CRASH_POINTS__: 'false' },
    build: { lib: { entry: resolve(root, 'electron/main/index.ts') } },
  },
  preload: {
    resolve: { alias },
    build: {
      lib: { entry: resolve(root, 'electron/preload/index.ts') },
      // A sandboxed preload cannot load ES modules or other files: one CommonJS bundle.
      rollupOptions: { output: { format: 'cjs', entryFileNames: 'index.cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    resolve: { alias },
    plugins: [vue(), cspMeta()],
    build: {
      // electron-vite leaves bundles unminified; the renderer is worth shrinking (start-up parse time).
      minify: true,
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
})
