import type { Component } from 'vue'
import type { ProviderName } from '@shared/providers/registry'
import ConnectCallbackFields from './ConnectCallbackFields.vue'
import WebexCallbackFields from './WebexCallbackFields.vue'

/** What the callback form hands a provider's own fields. */
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

/**
 * The callback form's sub-form of each provider with fields of its own (see the provider's
 * `callbackForm` in shared/providers): a provider whose callbacks need no more than a number,
 * a customer, a time and a reason has none.
 */
export const callbackFields: Partial<Record<ProviderName, Component>> = {
  webex: WebexCallbackFields,
  connect: ConnectCallbackFields,
}
