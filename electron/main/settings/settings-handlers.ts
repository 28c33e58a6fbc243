import type { InvokeHandlers } from '@shared/ipc/contract'
import type { SettingsService } from './settings-service'

/** The agent's preferences, as the contract offers them. */
export function settingsHandlers(
  settings: SettingsService,
  /** What follows from a change before it is answered (the sandbox switched on or off). */
  afterUpdate: () => Promise<unknown> = async () => undefined,
): InvokeHandlers<'settings:get' | 'settings:update'> {
  return {
    'settings:get': () => settings.get(),
    'settings:update': async (patch) => {
      const state = await settings.update(patch)
      await afterUpdate()
      return state
    },
  }
}
