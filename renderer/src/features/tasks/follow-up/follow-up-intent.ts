import type { FollowUpIntent } from '@shared/schemas/intents'
import type { ProfileOf, ProvidersOfTask } from '@shared/providers/registry'
import type { FormFields } from '@shared/providers/provider-module'
import { followUpDefaults, followUpIntentFields, followUpKept } from '@shared/providers/task-forms'

// The follow-up form holds the fields of every provider at once (switching profile back and forth
// keeps what was typed); the intent sent is built from the chosen profile's provider only, with
// the optional fields that were left empty left out. What each provider's fields are, start with
// and keep is its module's `followUpForm` (shared/providers/<name>/follow-up-form.ts).

export type FollowUpProfile = ProfileOf<ProvidersOfTask<'followUp'>>

/** What the form holds: the profile, and every provider's own fields. */
export interface FollowUpValues extends FormFields {
  kind: 'followUp'
  profileId: string
}

/** Fresh values, with the defaults each profile brings (eGain's department and subtype, Connect's target, …). */
export function initialFollowUpValues(
  profiles: readonly FollowUpProfile[],
  profileId = profiles[0]?.id ?? '',
): FollowUpValues {
  const profile = profiles.find((p) => p.id === profileId)
  return { kind: 'followUp', profileId, ...followUpDefaults(profiles, profile) }
}

/** The intent the form's values stand for: only the chosen provider's fields, empty optional ones left out. */
export function followUpIntentOf(values: FormFields, profiles: readonly FollowUpProfile[]): FormFields {
  const profile = profiles.find((p) => p.id === values.profileId)
  return { kind: 'followUp', profileId: values.profileId ?? '', ...followUpIntentFields(profile, values) }
}

/** The same for any input: what is not the form's values is passed on as it is, for the schema to refuse. */
export function toFollowUpIntent(input: unknown, profiles: readonly FollowUpProfile[]): unknown {
  return typeof input === 'object' && input !== null ? followUpIntentOf({ ...input }, profiles) : input
}

/** What the form keeps for the next task once one is queued (or on starting over): the profile and its choices. */
export function keptAfterQueued(
  from: FollowUpIntent | FollowUpValues,
  profiles: readonly FollowUpProfile[],
): FollowUpValues {
  return { ...initialFollowUpValues(profiles, from.profileId), ...followUpKept(from) }
}
