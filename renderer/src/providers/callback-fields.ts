import type { Component } from 'vue'
import { providerList } from '@shared/providers/registry'
import { byFolder } from './by-folder'

/**
 * The callback form's sub-form of each provider with fields of its own (`<name>/CallbackFields.vue`,
 * needed by a provider whose shared module has a `callbackForm`): a provider whose callbacks need no
 * more than a number, a customer, a time and a reason has none.
 */
export const callbackFields = byFolder(
  import.meta.glob<Component>('./*/CallbackFields.vue', { import: 'default', eager: true }),
  'CallbackFields',
  providerList.map((provider) => provider.name),
  providerList.filter((provider) => provider.callbackForm !== undefined).map((provider) => provider.name),
)
