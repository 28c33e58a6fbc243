/** What the callback form hands a provider's own fields (its `CallbackFields.vue`). */
export interface CallbackFieldsProps<Profile> {
  /** The chosen profile (one of this provider's). */
  profile: Profile | undefined
  /** The callback is for later (at a time), not now. */
  later: boolean
  /** The chosen time, as the form holds it. */
  when: { kind: string; at: string; timeZone: string } | undefined
  /** The provider's refusal of the chosen time, at its path (`when…`, `windowMinutes`), judged as the agent types. */
  refusal: { path: string; message: string } | null
}

/** What the follow-up form hands a provider's own fields (its `FollowUpFields.vue`). */
export interface FollowUpFieldsProps<Profile> {
  /** The chosen profile (one of this provider's). */
  profile: Profile
}
