import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { IpcError } from '@shared/ipc/result'
import type { ProviderName } from '@shared/schemas/providers'
import type { SandboxProviderState, SandboxScenario, SandboxState } from '@shared/schemas/sandbox'
import { useBridge } from '../bridge'

/** The built-in sandbox: which scenario each simulated provider plays, and sending sample tasks. */
export const useSandboxStore = defineStore('sandbox', () => {
  const bridge = useBridge()
  const state = ref<SandboxState | null>(null)
  const error = ref<IpcError | null>(null)

  async function load(): Promise<void> {
    const result = await bridge.sandbox.state()
    if (result.ok) {
      state.value = result.value
      error.value = null
    } else {
      error.value = result.error
    }
  }

  const forProvider = (provider: ProviderName): SandboxProviderState | null =>
    state.value?.providers.find((p) => p.provider === provider) ?? null

  async function simulate(provider: ProviderName, scenario: SandboxScenario): Promise<IpcError | null> {
    const result = await bridge.sandbox.simulate({ provider, scenario })
    if (!result.ok) return result.error
    state.value = result.value
    return null
  }

  return { state, error, load, forProvider, simulate }
})
