import { join } from 'node:path'
import type { AppInfo } from '@shared/schemas/app-info'
import type { SettingsValues } from '@shared/schemas/settings'
import { isSupportedCountry } from 'libphonenumber-js/min'
import type { Dispatch } from '../ipc/dispatch'
import { createDispatch } from '../ipc/dispatch'
import type { Clock } from './clock'
import { EventHub } from './event-hub'
import type { Logger } from './logger'
import type { SettingsService } from './settings-service'
import { createSettingsService } from './settings-service'

export interface AppServicesDeps {
  userDataDir: string
  appInfo: AppInfo
  clock: Clock
  logger: Logger
  /** BCP 47 locale of the OS, used to pick first-run defaults (region, language). */
  locale: string
  checkContract: boolean
}

export interface AppServices {
  dispatch: Dispatch
  events: EventHub
  settings: SettingsService
}

/** First-run settings from the OS locale: `en-GB` → region GB, English. */
export function defaultSettingsFor(locale: string): SettingsValues {
  let region: string | undefined
  let language = 'en'
  try {
    const parsed = new Intl.Locale(locale)
    region = parsed.maximize().region
    language = parsed.language
  } catch {
    // An unparseable locale falls back to the defaults below.
  }
  return {
    defaultRegion: region && isSupportedCountry(region) ? region : 'US',
    uiLanguage: language === 'es' ? 'es' : 'en',
    theme: 'system',
  }
}

/**
 * The composition root for everything behind the contract. The Electron main process and the
 * browser harness both build the app through this one function, so the harness exercises the
 * same services the desktop app runs.
 */
export async function createAppServices(deps: AppServicesDeps): Promise<AppServices> {
  const events = new EventHub(deps.logger.child('events'), deps.checkContract)
  const settings = await createSettingsService({
    file: join(deps.userDataDir, 'settings.json'),
    defaults: defaultSettingsFor(deps.locale),
    clock: deps.clock,
    logger: deps.logger.child('settings'),
    onChanged: (state) => events.emit('settings:changed', state),
  })
  const dispatch = createDispatch({
    logger: deps.logger.child('ipc'),
    checkOutputs: deps.checkContract,
    handlers: {
      'app:info': () => deps.appInfo,
      'settings:get': () => settings.get(),
      'settings:update': (patch) => settings.update(patch),
    },
  })
  return { dispatch, events, settings }
}
