import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { isSupportedCountry } from 'libphonenumber-js/min'
import type { ProfileSummary } from '@shared/schemas/credentials'
import type { AppInfo } from '@shared/schemas/app-info'
import type { Profile } from '@shared/schemas/profiles'
import type { SettingsValues } from '@shared/schemas/settings'
import type { Dispatch } from '../ipc/dispatch'
import { createDispatch } from '../ipc/dispatch'
import { defaultProbes } from '../providers/probes'
import type { SecretStore } from '../secrets/secret-store'
import type { Clock } from './clock'
import type { ProbeRegistry } from './connection-tester'
import { createConnectionTester } from './connection-tester'
import type { CredentialsService } from './credentials-service'
import { createCredentialsService } from './credentials-service'
import { EventHub } from './event-hub'
import type { Logger } from './logger'
import type { ProfilesService } from './profiles-service'
import { createProfilesService } from './profiles-service'
import { openSettingsFile } from './settings-file'
import type { SettingsService } from './settings-service'
import { createSettingsService } from './settings-service'
import { createTokenCache } from './token-cache'

export interface AppServicesDeps {
  userDataDir: string
  appInfo: AppInfo
  clock: Clock
  logger: Logger
  /** The OS keychain (or, in tests, something with the same contract). */
  secrets: SecretStore
  /** BCP 47 locale of the OS, used to pick first-run defaults (region, language). */
  locale: string
  checkContract: boolean
  newId?: () => string
  /** "Test connection" probes; default: the real providers. */
  probes?: ProbeRegistry
  /** HTTP for the probes and clients; default: the runtime's fetch. */
  fetch?: typeof fetch
}

export interface AppServices {
  dispatch: Dispatch
  events: EventHub
  settings: SettingsService
  profiles: ProfilesService
  credentials: CredentialsService
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
  const { clock, logger } = deps
  const events = new EventHub(logger.child('events'), deps.checkContract)
  const file = await openSettingsFile({
    file: join(deps.userDataDir, 'settings.json'),
    clock,
    logger: logger.child('settings'),
  })
  const settings = createSettingsService({
    file,
    defaults: defaultSettingsFor(deps.locale),
    logger: logger.child('settings'),
    onChanged: (state) => events.emit('settings:changed', state),
  })
  // Profiles and credentials refer to each other: removing a profile clears its secrets first,
  // and credentials exist only for known profiles.
  const credentials: CredentialsService = createCredentialsService({
    secrets: deps.secrets,
    findProfile: (id) => profiles.get(id),
    clock,
    logger: logger.child('credentials'),
  })
  const profiles: ProfilesService = createProfilesService({
    file,
    newId: deps.newId ?? randomUUID,
    logger: logger.child('profiles'),
    beforeRemove: (id) => credentials.clear(id),
    onChanged: (list) => events.emit('profiles:changed', { profiles: list }),
  })

  const tokens = createTokenCache({ secrets: deps.secrets, clock, logger: logger.child('tokens') })
  const testConnection = createConnectionTester({
    credentials,
    findProfile: (id) => profiles.get(id),
    tokens,
    probes: deps.probes ?? defaultProbes(),
    clock,
    logger: logger.child('connection-test'),
    fetch: deps.fetch ?? fetch,
  })

  const summarize = async (profile: Profile): Promise<ProfileSummary> => ({
    profile,
    credentials: await credentials.status(profile.id),
  })

  const dispatch = createDispatch({
    logger: logger.child('ipc'),
    checkOutputs: deps.checkContract,
    handlers: {
      'app:info': () => deps.appInfo,
      'settings:get': () => settings.get(),
      'settings:update': (patch) => settings.update(patch),
      'profiles:list': async () => Promise.all(profiles.list().map(summarize)),
      'profiles:save': async (draft) => summarize(await profiles.save(draft)),
      'profiles:remove': async ({ profileId }) => {
        await profiles.remove(profileId)
        return { profileId }
      },
      'profiles:test': ({ profileId }) => testConnection(profileId),
      'credentials:status': ({ profileId }) => credentials.status(profileId),
      'credentials:set': ({ profileId, secret }) => credentials.set(profileId, secret),
      'credentials:clear': ({ profileId }) => credentials.clear(profileId),
      'keychain:health': () => credentials.health({ fresh: true }),
    },
  })

  // Know the keychain's state from the start (and log it), without holding up start-up.
  void credentials.health({ fresh: true })

  return { dispatch, events, settings, profiles, credentials }
}
