import { describe, expect, it } from 'vitest'
import { defineComponent } from 'vue'
import { providerList } from '@shared/providers/registry'
import { byFolder } from '../../renderer/src/providers/by-folder'
import { callbackFields } from '../../renderer/src/providers/callback-fields'
import { followUpFields } from '../../renderer/src/providers/follow-up-fields'
import { profileFields } from '../../renderer/src/providers/profile-fields'

// Issue 13, A.1: a provider's renderer components are files in its folder
// (renderer/src/providers/<name>/), found by import.meta.glob and checked against the registry.

const Fields = defineComponent({ name: 'Fields', render: () => null })
const names = ['webex', 'pigeon'] as const

describe('components found by folder', () => {
  it('files each component under its folder, the provider of that name', () => {
    const found = byFolder({ './pigeon/CallbackFields.vue': Fields }, 'CallbackFields', names, ['pigeon'])
    expect(found).toEqual({ pigeon: Fields })
  })

  it('refuses a folder named after no provider', () => {
    expect(() => byFolder({ './pidgeon/CallbackFields.vue': Fields }, 'CallbackFields', names, [])).toThrow(
      'renderer/src/providers/pidgeon: no provider is named pidgeon',
    )
  })

  it('refuses a provider that offers a task without its component', () => {
    expect(() => byFolder({ './webex/CallbackFields.vue': Fields }, 'CallbackFields', names, names)).toThrow(
      'pigeon/CallbackFields.vue missing',
    )
  })
})

describe("the registry's providers", () => {
  it('each has its profile fields, and its task fields for each task form it offers', () => {
    for (const provider of providerList) {
      expect(profileFields[provider.name], provider.name).toBeDefined()
      expect(callbackFields[provider.name] !== undefined, provider.name).toBe(provider.callbackForm !== undefined)
      expect(followUpFields[provider.name] !== undefined, provider.name).toBe(provider.followUpForm !== undefined)
    }
  })
})
