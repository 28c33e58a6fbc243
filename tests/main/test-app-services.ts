import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppServicesDeps } from '../../electron/main/app/app-services'
import { createAppServices } from '../../electron/main/app/app-services'
import { systemClock } from '../../electron/main/core/clock'
import { createLogger } from '../../electron/main/core/logger'
import { memorySecretStore } from './memory-secret-store'

/**
 * The app's real services on a fresh user-data folder, with a memory keychain and collected log
 * lines, for tests and benchmarks that exercise the contract without Electron or a browser.
 */
export async function createTestServices(overrides: Partial<AppServicesDeps> = {}) {
  const lines: string[] = []
  const clock = overrides.clock ?? systemClock
  const store = memorySecretStore()
  const services = await createAppServices({
    userDataDir: mkdtempSync(join(tmpdir(), 'callboard-test-')),
    appInfo: {
      name: 'Callboard',
      version: '0',
      platform: 'linux',
      arch: 'x64',
      runtime: 'harness',
      electronVersion: null,
    },
    clock,
    logger: createLogger((l) => lines.push(l), clock),
    secrets: store,
    locale: 'en-GB',
    checkContract: true,
    ...overrides,
  })
  return { services, store, lines }
}
