import { isSupportedCountry } from 'libphonenumber-js/max'
import { DEFAULT_DIAL_ACCELERATOR } from '@shared/desktop/accelerator'
import type { SettingsValues } from '@shared/schemas/settings'

/** First-run settings from the OS locale: `en-GB` → region GB, English. The sandbox is on to begin with. */
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
    dialShortcut: DEFAULT_DIAL_ACCELERATOR,
    dialFromSelection: false,
    autoDial: false,
    closeToTray: true,
    startAtLogin: false,
    defaultOutdialProfileId: null,
    defaultCallbackProfileId: null,
    sandbox: true,
  }
}
