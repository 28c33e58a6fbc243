import type { Logger } from '../core/logger'
import type { SettingsFile } from '../settings/settings-file'
import type { SettingsService } from '../settings/settings-service'
import { watchSettingsFile } from '../settings/settings-watch'
import type { EventHub } from './event-hub'

/**
 * The settings file read again when it changes on disk (restored or repaired outside Callboard),
 * or when asked: the window hears of the new settings, then `afterReload` lets the rest follow
 * (the sandbox's setting, profiles back with their held tasks).
 */
export function wireSettingsReload(deps: {
  settingsPath: string
  file: SettingsFile
  settings: SettingsService
  events: EventHub
  logger: Logger
  afterReload: () => Promise<void>
}) {
  async function reloadSettings(): Promise<boolean> {
    if (!(await deps.file.reload())) return false
    deps.events.emit('settings:changed', deps.settings.get())
    await deps.afterReload()
    return true
  }
  const stopWatching = watchSettingsFile(deps.settingsPath, reloadSettings, deps.logger.child('settings'))
  return { reloadSettings, stopWatching }
}
