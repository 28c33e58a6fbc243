import { createPinia, setActivePinia } from 'pinia'
import { createApp } from 'vue'
import { describe, expect, it } from 'vitest'
import { createBridge } from '../../shared/ipc/bridge'
import type { Result } from '../../shared/ipc/result'
import type { SandboxState } from '../../shared/schemas/sandbox'
import { bridgeKey } from '../../renderer/src/bridge'
import { useSandboxStore } from '../../renderer/src/stores/sandbox-store'

const stateWith = (created: number): SandboxState => ({
  running: true,
  problem: null,
  providers: [{ provider: 'webex', profileId: 'sandbox-webex', scenario: 'normal', created }],
})

describe('the sandbox store', () => {
  it('keeps the newest answer when two loads come back out of order', async () => {
    // Each load is answered when the test says so: the first one asked is answered last.
    const pending: ((answer: Result<unknown>) => void)[] = []
    const bridge = createBridge({
      invoke: () => new Promise<Result<unknown>>((resolve) => pending.push(resolve)),
      subscribe: () => () => undefined,
    })
    const app = createApp({ render: () => null })
    app.provide(bridgeKey, bridge)
    const pinia = createPinia()
    app.use(pinia)
    setActivePinia(pinia)
    const store = app.runWithContext(() => useSandboxStore())

    const older = store.load()
    const newer = store.load()
    expect(pending).toHaveLength(2)
    pending[1]!({ ok: true, value: stateWith(1) })
    await newer
    pending[0]!({ ok: true, value: stateWith(0) })
    await older

    expect(store.forProvider('webex')?.created).toBe(1)
  })
})
