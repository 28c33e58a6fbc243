import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ManagedSettingKey, PolicyState } from '@shared/schemas/policy'
import { useBridge } from '../bridge'

/** The administrator's policy as main applied it (read once at start; it does not change while running). */
export const usePolicyStore = defineStore('policy', () => {
  const bridge = useBridge()
  const state = ref<PolicyState | null>(null)
  let loading: Promise<void> | null = null

  function load(): Promise<void> {
    loading ??= bridge.policy.state().then((result) => {
      if (result.ok) state.value = result.value
    })
    return loading
  }
  const locks = (key: ManagedSettingKey) => state.value?.lockedSettings.includes(key) ?? false
  const provides = (profileId: string) => state.value?.managedProfiles.includes(profileId) ?? false

  return { state, load, locks, provides }
})
