import type { ProfileDraft } from '@shared/schemas/profiles'
import type { ProviderName } from '@shared/schemas/providers'
import type { SetAsideProfile } from '@shared/schemas/settings'
import { emptyDraft } from '@shared/providers/registry'

/**
 * The editor's starting point for repairing a set-aside profile: an empty profile of its provider
 * with every field the damaged one still had, and its own id (so the tasks that wait for it go on
 * once it is saved). Whatever is still wrong is shown by the form's own checks on save.
 */
export function repairDraft(entry: SetAsideProfile & { provider: ProviderName; id: string }): ProfileDraft {
  const base = emptyDraft(entry.provider) as Record<string, unknown>
  const kept = Object.fromEntries(Object.entries(entry.data).filter(([key]) => key in base && key !== 'provider'))
  // The form validates every field against main's schema before anything is saved.
  return { ...base, ...kept, provider: entry.provider, id: entry.id } as ProfileDraft
}
