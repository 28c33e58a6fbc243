import type { WebContents } from 'electron'
import type { Logger } from '../core/logger'

export interface GuardDeps {
  logger: Logger
  /** Links the page asks to open go to the allow-listed external opener, never a new window. */
  openExternal: (url: unknown) => Promise<boolean>
}

const guarded = new WeakSet<WebContents>()

/**
 * Navigation away from the app and new windows are refused for every web contents, including
 * ones we did not create ourselves (attached at `web-contents-created`). Idempotent: Electron
 * reports our own windows there too, and the factory guards them again.
 */
export function guardWebContents(contents: WebContents, { logger, openExternal }: GuardDeps): void {
  if (guarded.has(contents)) return
  guarded.add(contents)
  contents.setWindowOpenHandler(({ url }) => {
    void openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    event.preventDefault()
    logger.warn('navigation refused', { url: String(url).slice(0, 200) })
  })
  contents.on('will-redirect', (event, url) => {
    event.preventDefault()
    logger.warn('redirect refused', { url: String(url).slice(0, 200) })
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    logger.warn('webview refused')
  })
  contents.on('render-process-gone', (_event, details) => {
    // The queue lives in main, so a renderer crash loses nothing; bring the page back.
    logger.error('renderer process gone; reloading', { reason: details.reason, exitCode: details.exitCode })
    if (details.reason !== 'clean-exit' && !contents.isDestroyed()) contents.reload()
  })
}
