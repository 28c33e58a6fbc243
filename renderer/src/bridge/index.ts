import type { InjectionKey } from 'vue'
import { inject } from 'vue'
import type { CallboardApi } from '@shared/ipc/bridge'

export type CallboardBridge = CallboardApi

export const bridgeKey: InjectionKey<CallboardBridge> = Symbol('callboard-bridge')

/**
 * The only place that reads `window.callboard`. Stores and views get the bridge injected, so
 * tests can hand them a fake.
 */
export function bridgeFromWindow(): CallboardBridge | null {
  return window.callboard ?? null
}

export function useBridge(): CallboardBridge {
  const bridge = inject(bridgeKey)
  if (!bridge) throw new Error('Callboard bridge not provided')
  return bridge
}
