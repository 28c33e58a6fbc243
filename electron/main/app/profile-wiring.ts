import type { Message } from '@shared/i18n/message'
import type { Profile } from '@shared/providers/registry'
import { join } from 'node:path'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'
import { createCredentialsService } from '../secrets/credentials-service'
import type { SecretStore } from '../secrets/secret-store'
import { createTokenCache } from '../secrets/token-cache'
import { createProfilesService } from '../settings/profiles-service'
import { defaultSettingsFor } from '../settings/settings-defaults'
import { openSettingsFile } from '../settings/settings-file'
import { createSettingsService } from '../settings/settings-service'
import type { EventHub } from './event-hub'
import { applyPolicy } from '../policy/applied-policy'
import type { PolicyRead } from '../policy/read-policy'
import { createProfileDirectory } from './profile-directory'

export interface ProfileWiringDeps {
  userDataDir: string
  secrets: SecretStore
  clock: Clock
  logger: Logger
  newId: () => string
  /** BCP 47 locale of the OS, for first-run defaults. */
  locale: string
  /** Why this process may not write the settings (another Callboard owns the folder), or null. */
  notOwner: Message | null
  events: EventHub
  /** The list of profiles changed (saved, removed). */
  onProfilesChanged: () => void
  /** A profile is being removed: what is kept for it elsewhere goes too. */
  onProfileRemoved?: (profileId: string) => Promise<void>
  /** A keychain check found it working again after it was locked or missing. */
  onKeychainAvailable: () => void
  /** The administrator's policy as read at start: it locks settings and provides profiles. */
  policy?: PolicyRead
  /**
   * Where a profile that is not the sandbox's is reached instead of its provider: the harness's
   * simulators for a test's own profile (never set in the app).
   */
  endpointFor?: (profile: Profile) => string | undefined
}

/**
 * The settings file and what is kept in it (preferences, profiles), the credentials of those
 * profiles in the OS keychain, and the directory that adds the sandbox's profiles to them.
 */
export async function wireProfiles(deps: ProfileWiringDeps) {
  const { clock, logger, events } = deps
  const applied = applyPolicy(deps.policy, logger)
  const { policy } = applied
  const settingsPath = join(deps.userDataDir, 'settings.json')
  const file = await openSettingsFile({
    file: settingsPath,
    clock,
    logger: logger.child('settings'),
    readOnly: deps.notOwner,
  })
  const settings = createSettingsService({
    file,
    // A managed install starts at sign-in unless the policy says otherwise.
    defaults: { ...defaultSettingsFor(deps.locale), ...(policy ? { startAtLogin: true } : {}) },
    ...(policy?.settings ? { locked: policy.settings } : {}),
    logger: logger.child('settings'),
    onChanged: (state) => events.emit('settings:changed', state),
  })
  // Profiles and credentials refer to each other: removing a profile clears its secrets first,
  // and credentials exist only for known profiles.
  const credentials = createCredentialsService({
    secrets: deps.secrets,
    findProfile: (id) => profiles.get(id),
    clock,
    logger: logger.child('credentials'),
    onKeychainAvailable: deps.onKeychainAvailable,
  })
  const profiles = createProfilesService({
    file,
    managed: policy?.profiles ?? [],
    ...(policy?.allowedProviders ? { allowedProviders: policy.allowedProviders } : {}),
    newId: deps.newId,
    logger: logger.child('profiles'),
    beforeRemove: async (id) => {
      await credentials.clear(id)
      await deps.onProfileRemoved?.(id)
    },
    onChanged: deps.onProfilesChanged,
  })
  const tokens = createTokenCache({ secrets: deps.secrets, clock, logger: logger.child('tokens') })
  const directory = createProfileDirectory({
    profiles,
    credentials,
    tokens,
    clock,
    logger,
    ...(deps.endpointFor && { endpointFor: deps.endpointFor }),
  })
  return { settingsPath, file, settings, credentials, profiles, directory, policy: applied }
}
