import * as keyring from '@napi-rs/keyring'
import * as electron from 'electron'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startApp } from './app-lifecycle'
import { createKeyringStore } from './secrets/keyring-store'
import { systemClock } from './core/clock'

startApp(electron, {
  mainDir: dirname(fileURLToPath(import.meta.url)),
  devServerUrl: process.env['ELECTRON_RENDERER_URL'],
  secrets: createKeyringStore({ binding: keyring, service: 'Callboard', clock: systemClock }),
}).catch((error: unknown) => {
  console.error('Callboard failed to start', error)
  electron.app.exit(1)
})
