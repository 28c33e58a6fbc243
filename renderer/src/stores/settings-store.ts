import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { IpcError } from '@shared/ipc/result'
import type { SettingsPatch, SettingsState } from '@shared/schemas/settings'
import { useBridge } from '../bridge'
import { takeEarly } from '../early-data'

export const useSettingsStore = defineStore('settings', () => {
  const bridge = useBridge()
  const state = ref<SettingsState | null>(null)
  const loadError = ref<IpcError | null>(null)
  const recoveryDismissed = ref(false)

  const settings = computed(() => state.value?.settings ?? null)
  const recovery = computed(() => (recoveryDismissed.value ? null : (state.value?.recovery ?? null)))

  async function load(): Promise<void> {
    const result = await (takeEarly('settings') ?? bridge.settings.get())
    if (result.ok) {
      state.value = result.value
      loadError.value = null
    } else {
      loadError.value = result.error
    }
  }

  /** Resolves to the error main returned, or null when saved. */
  async function update(patch: SettingsPatch): Promise<IpcError | null> {
    const result = await bridge.settings.update(patch)
    if (!result.ok) return result.error
    state.value = result.value
    return null
  }

  // Another window (or the harness) may change settings: main's event is the source of truth.
  const unsubscribe = bridge.settings.onChanged((next) => {
    state.value = next
  })

  return {
    state,
    settings,
    recovery,
    loadError,
    load,
    update,
    dismissRecovery: () => (recoveryDismissed.value = true),
    unsubscribe,
  }
})
