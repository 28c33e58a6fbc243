import type { Component } from 'vue'
import { providerList } from '@shared/providers/registry'
import { byFolder } from './by-folder'

/**
 * The follow-up form's sub-form of each provider that takes follow-ups (`<name>/FollowUpFields.vue`,
 * needed by a provider whose shared module has a `followUpForm`): everything of a follow-up but the
 * profile is the provider's own.
 */
export const followUpFields = byFolder(
  import.meta.glob<Component>('./*/FollowUpFields.vue', { import: 'default', eager: true }),
  'FollowUpFields',
  providerList.map((provider) => provider.name),
  providerList.filter((provider) => provider.followUpForm !== undefined).map((provider) => provider.name),
)
