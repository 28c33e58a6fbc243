import type { Message } from '@shared/i18n/message'
import type { ConnectionTestResult } from '@shared/schemas/connection-test'
import type { InvokeHandlers } from '@shared/ipc/contract'
import { AppError } from '../core/app-error'
import type { CredentialsService } from '../secrets/credentials-service'
import type { ProfilesService } from '../settings/profiles-service'
import type { ProfileDirectory } from './profile-directory'

type ProfileChannel =
  | 'profiles:list'
  | 'profiles:save'
  | 'profiles:remove'
  | 'profiles:test'
  | 'credentials:status'
  | 'credentials:set'
  | 'credentials:clear'
  | 'keychain:health'

export interface ProfileHandlerDeps {
  directory: ProfileDirectory
  profiles: ProfilesService
  /** The OS keychain's own service (its health). */
  keychain: Pick<CredentialsService, 'health'>
  testConnection: (profileId: string) => Promise<ConnectionTestResult>
  /** Why this process may not write (another Callboard owns the data folder), or null. */
  notOwner: Message | null
  /** New credentials were stored for a profile (tasks parked on refused ones go again). */
  credentialsChanged: (profileId: string) => void
}

/** Profiles, their credentials and the keychain, as the contract offers them. */
export function profileHandlers(deps: ProfileHandlerDeps): InvokeHandlers<ProfileChannel> {
  const { directory, profiles } = deps
  const writable = () => {
    if (deps.notOwner) throw new AppError('settings_unwritable', deps.notOwner)
  }
  return {
    'profiles:list': () => directory.summaries(),
    'profiles:save': async (draft) => {
      directory.refuseChange(draft.id, 'settings')
      return directory.summarize(await profiles.save(draft))
    },
    'profiles:remove': async ({ profileId }) => {
      directory.refuseChange(profileId, 'settings')
      await profiles.remove(profileId)
      return { profileId }
    },
    'profiles:test': ({ profileId }) => deps.testConnection(profileId),
    'credentials:status': ({ profileId }) => directory.credentials.status(profileId),
    'credentials:set': async ({ profileId, secret }) => {
      writable()
      const status = await directory.credentials.set(profileId, secret)
      // Tasks parked on refused credentials go again with the new ones.
      deps.credentialsChanged(profileId)
      return status
    },
    'credentials:clear': ({ profileId }) => {
      writable()
      return directory.credentials.clear(profileId)
    },
    'keychain:health': () => deps.keychain.health({ fresh: true }),
  }
}
