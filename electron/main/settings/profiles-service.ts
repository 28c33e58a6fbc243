import { msg } from '@shared/i18n/message'
import type { Profile, ProfileDraft } from '@shared/schemas/profiles'
import type { ProviderName } from '@shared/schemas/providers'
import { AppError } from '../core/app-error'
import type { Logger } from '../core/logger'
import type { SettingsFile } from './settings-file'

export interface ProfilesServiceDeps {
  file: SettingsFile
  newId: () => string
  logger: Logger
  /** Runs before a profile is dropped (its secrets are removed first, so none are orphaned). */
  beforeRemove: (profileId: string) => Promise<unknown>
  onChanged: (profiles: Profile[]) => void
  /** Profiles the administrator's policy provides: listed first, never edited or removed here. */
  managed?: Profile[]
  /** The providers the policy lets an agent add profiles for; undefined: any. */
  allowedProviders?: ProviderName[]
}

export interface ProfilesService {
  list(): Profile[]
  get(id: string): Profile | undefined
  save(draft: ProfileDraft): Promise<Profile>
  remove(id: string): Promise<void>
}

/** Provider profiles (the non-secret part), kept in the settings file. */
export function createProfilesService({
  file,
  newId,
  logger,
  beforeRemove,
  onChanged,
  managed = [],
  allowedProviders,
}: ProfilesServiceDeps): ProfilesService {
  const managedIds = new Set(managed.map((p) => p.id))
  // A profile of the agent's own under a provided profile's id gives way to the provided one.
  const list = () => [...managed, ...file.read().profiles.filter((p) => !managedIds.has(p.id))]
  const refuseManaged = (id: string | undefined) => {
    if (id && managedIds.has(id)) {
      throw new AppError('managed', msg('failure.managedProfile'))
    }
  }
  const get = (id: string) => list().find((p) => p.id === id)

  return {
    list,
    get,
    async save(draft) {
      refuseManaged(draft.id)
      const existing = draft.id ? get(draft.id) : undefined
      if (!existing && allowedProviders && !allowedProviders.includes(draft.provider)) {
        throw new AppError('managed', msg('failure.providerNotAllowed', { provider: draft.provider }))
      }
      // A profile set aside because it could not be read comes back under its own id, so the tasks
      // that waited for it go on.
      const restoring = draft.id && !existing ? file.setAside().some((s) => s.id === draft.id) : false
      if (draft.id && !existing && !restoring) throw new AppError('not_found', msg('failure.profileGoneRemoved'))
      if (existing && existing.provider !== draft.provider) {
        throw new AppError('conflict', msg('failure.providerChange'))
      }
      const clash = list().find(
        (p) =>
          p.provider === draft.provider && p.id !== draft.id && p.label.toLowerCase() === draft.label.toLowerCase(),
      )
      if (clash)
        throw new AppError('conflict', msg('failure.labelTaken', { provider: draft.provider, label: clash.label }))
      const profile = { ...draft, id: existing?.id ?? (restoring ? draft.id : undefined) ?? newId() } as Profile
      await file.update((doc) => {
        const setAside = (doc.setAside ?? []).filter((s) => s.id !== profile.id)
        const { setAside: _old, ...rest } = doc
        return {
          ...rest,
          ...(setAside.length ? { setAside } : {}),
          profiles: existing
            ? doc.profiles.map((p) => (p.id === profile.id ? profile : p))
            : [...doc.profiles, profile],
        }
      })
      logger.info(existing ? 'profile updated' : restoring ? 'profile repaired' : 'profile added', {
        profileId: profile.id,
        provider: profile.provider,
      })
      onChanged(list())
      return profile
    },
    async remove(id) {
      refuseManaged(id)
      // Refused before anything happens: removing clears the keychain first.
      if (file.readOnly)
        throw new AppError('settings_unwritable', msg('failure.settingsUnsaved', { reason: file.readOnly }))
      if (!get(id)) {
        // A profile set aside can be let go of too: its held tasks then stay held until cancelled.
        if (!file.setAside().some((s) => s.id === id)) throw new AppError('not_found', msg('failure.profileGone'))
        await beforeRemove(id)
        await file.update((doc) => ({ ...doc, setAside: (doc.setAside ?? []).filter((s) => s.id !== id) }))
        logger.info('set-aside profile discarded', { profileId: id })
        onChanged(list())
        return
      }
      await beforeRemove(id)
      await file.update((doc) => ({ ...doc, profiles: doc.profiles.filter((p) => p.id !== id) }))
      logger.info('profile removed', { profileId: id })
      onChanged(list())
    },
  }
}
