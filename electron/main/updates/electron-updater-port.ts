import type { AppUpdater } from 'electron-updater'
import type { Logger } from '../services/logger'
import type { UpdaterPort } from './update-keeper'

/**
 * electron-updater behind the keeper's port. The library does the real work (the feed's
 * latest*.yml, the download, the sha512 check, the platform's installer); this only sets it up the
 * way Callboard needs: download in the background, never install on its own at quit (the keeper
 * installs when nothing is on the wire), and log through the app's logger.
 */
export function electronUpdaterPort(
  updater: AppUpdater,
  options: {
    /** A generic feed's URL (set by IT); without it the library reads the app-update.yml packaged with the app. */
    feedUrl?: string
    logger: Logger
    install?: () => void
  },
): UpdaterPort {
  updater.autoDownload = true
  updater.autoInstallOnAppQuit = false
  updater.allowDowngrade = false
  if (options.feedUrl) updater.setFeedURL({ provider: 'generic', url: options.feedUrl })
  const log = options.logger
  updater.logger = {
    info: (message?: unknown) => log.info('updater', { message: String(message) }),
    warn: (message?: unknown) => log.warn('updater', { message: String(message) }),
    error: (message?: unknown) => log.error('updater', { message: String(message) }),
    debug: (message: string) => log.debug('updater', { message }),
  }
  // The library also emits 'error' for what the promises below reject with; without a listener an
  // EventEmitter would throw it.
  updater.on('error', () => undefined)

  return {
    async check() {
      const result = await updater.checkForUpdates()
      if (!result?.isUpdateAvailable) return null
      const downloaded = result.downloadPromise
      return {
        version: result.updateInfo.version,
        downloaded: downloaded
          ? downloaded.then(() => undefined)
          : Promise.reject(new Error('the update library started no download')),
      }
    },
    onProgress(listener) {
      updater.on('download-progress', (progress) => listener(progress.percent))
    },
    install: options.install ?? (() => updater.quitAndInstall(false, true)),
  }
}
