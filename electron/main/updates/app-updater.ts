import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { UpdatesOffReason } from '@shared/schemas/updates'
import type { Logger } from '../services/logger'
import { electronUpdaterPort } from './electron-updater-port'
import type { UpdaterPort } from './update-keeper'

/**
 * The running app's updater: electron-updater's own class for this platform (NSIS on Windows, the
 * zip through Squirrel.Mac on macOS, AppImage on Linux), fetching through Electron's network stack
 * (the system's proxy and certificates). Off, with the reason, in a development build and in a
 * build that has no feed: electron-builder writes `app-update.yml` beside the app only when a
 * `publish` feed is set at build time.
 */
export function appUpdater(
  app: { isPackaged: boolean },
  logger: Logger,
  /** The administrator's feed (policy), in place of the one set at build time. */
  policyFeed?: string,
): { port: UpdaterPort | null; offReason?: UpdatesOffReason } {
  if (!app.isPackaged) return { port: null, offReason: 'development' }
  // Loaded only here: the module builds the platform's updater, which needs Electron, on first use.
  const load = () =>
    (createRequire(import.meta.url)('electron-updater') as typeof import('electron-updater')).autoUpdater
  if (policyFeed) return { port: electronUpdaterPort(load(), { logger, feedUrl: policyFeed }) }
  // process.resourcesPath is Electron's; a packaged app always has it.
  const resources = (process as { resourcesPath?: string }).resourcesPath
  if (!resources || !existsSync(join(resources, 'app-update.yml'))) {
    return { port: null, offReason: 'no_feed' }
  }
  return { port: electronUpdaterPort(load(), { logger }) }
}
