import type { Result } from '@shared/ipc/result'
import type { ProfileSummary } from '@shared/schemas/credentials'
import type { SettingsState } from '@shared/schemas/settings'

// The first screen needs the settings (theme, language, region) and the profiles (the task form's
// choices). Asked here, before the rest of the app's modules run, so main answers while they load;
// the stores take these answers instead of asking again. Read once: later loads ask afresh.

type Early = { settings: Promise<Result<SettingsState>>; profiles: Promise<Result<ProfileSummary[]>> }

const api = typeof window === 'undefined' ? undefined : window.callboard
const early: Partial<Early> | null = api
  ? {
      settings: api.settings.get(),
      profiles: location.hash.startsWith('#/confirm-dial') ? undefined : api.profiles.list(),
    }
  : null

/** The answer asked for at start, once; undefined afterwards (or when none was asked). */
export function takeEarly<K extends keyof Early>(key: K): Early[K] | undefined {
  const answer = early?.[key]
  if (early) delete early[key]
  return answer
}
