import type { Component } from 'vue'
import { providerList } from '@shared/providers/registry'
import { byFolder } from './by-folder'

const names = providerList.map((provider) => provider.name)

/** Each provider's profile editor fields (`<name>/ProfileFields.vue`): every provider has them. */
export const profileFields = byFolder(
  import.meta.glob<Component>('./*/ProfileFields.vue', { import: 'default', eager: true }),
  'ProfileFields',
  names,
  names,
)
