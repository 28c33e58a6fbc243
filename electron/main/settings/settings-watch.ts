import type { FSWatcher } from 'node:fs'
import { watch } from 'node:fs'
import { basename, dirname } from 'node:path'
import type { Logger } from '../core/logger'

/**
 * Reads the settings file again when it changes on disk (the agent or IT restored or repaired it):
 * the profiles it brings back take their held tasks with them, without a restart. Callboard's own
 * saves also trigger it; `reload` tells those apart (the text is what was just written). A hint
 * only: where the platform cannot watch, a restart reads the file anyway.
 */
export function watchSettingsFile(file: string, reload: () => Promise<unknown>, logger: Logger): () => void {
  let watcher: FSWatcher | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  try {
    watcher = watch(dirname(file), { persistent: false }, (_event, name) => {
      if (name !== basename(file)) return
      // A replace is several events (a temp file, a rename): read once they are over.
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => {
        timer = null
        reload().catch((error: unknown) => logger.warn('settings reload failed', { error: String(error) }))
      }, 200)
    })
    watcher.on('error', (error) => logger.warn('settings watch stopped', { error: String(error) }))
  } catch (error) {
    logger.warn('settings file cannot be watched', { error: String(error) })
  }
  return () => {
    if (timer) clearTimeout(timer)
    watcher?.close()
  }
}
