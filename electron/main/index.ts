import * as electron from 'electron'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startApp } from './app-lifecycle'

startApp(electron, {
  mainDir: dirname(fileURLToPath(import.meta.url)),
  devServerUrl: process.env['ELECTRON_RENDERER_URL'],
}).catch((error: unknown) => {
  console.error('Callboard failed to start', error)
  electron.app.exit(1)
})
