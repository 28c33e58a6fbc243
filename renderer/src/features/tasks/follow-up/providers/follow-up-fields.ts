import type { Component } from 'vue'
import type { ProviderName } from '@shared/providers/registry'
import ConnectFollowUpFields from './ConnectFollowUpFields.vue'
import EgainFollowUpFields from './EgainFollowUpFields.vue'

/** What the follow-up form hands a provider's own fields. */
export interface FollowUpFieldsProps<Profile> {
  /** The chosen profile (one of this provider's). */
  profile: Profile
}

/**
 * The follow-up form's sub-form of each provider that takes follow-ups (see the provider's
 * `followUpForm` in shared/providers): everything of a follow-up but the profile is the provider's own.
 */
export const followUpFields: Partial<Record<ProviderName, Component>> = {
  egain: EgainFollowUpFields,
  connect: ConnectFollowUpFields,
}
