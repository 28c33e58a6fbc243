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

  // Loads overlap (each step of a sample task asks again) and their answers can come back out of
  // order: an older answer must never replace a newer one, or the created count goes backwards.
  let request = 0
  async function load(): Promise<void> {
    const mine = ++request
    const result = await bridge.sandbox.state()
    if (mine !== request) return
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
    const mine = ++request
    const result = await bridge.sandbox.simulate({ provider, scenario })
    if (!result.ok) return result.error
    if (mine === request) state.value = result.value
    return null
  }

  return { state, error, load, forProvider, simulate }
})
