import { said } from '../shared/in-english'
import type { Component } from 'vue'
import { afterEach } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { InvokeChannel } from '../../shared/ipc/channels'
import { createBridge } from '../../shared/ipc/bridge'
import type { Result } from '../../shared/ipc/result'
import { QueueItem } from '../../shared/schemas/outbox'
import type { UiLanguage } from '../../shared/schemas/settings'
import { bridgeKey } from '../../renderer/src/bridge'
import { createAppI18n } from '../../renderer/src/i18n'

// Each test's component is unmounted after it: left mounted, every earlier form kept validating and
// re-rendering on later tests' changes, and a file's tests took longer one after another (the
// follow-up form's 16 tests: 1.9 s for the first, 11 s for the eighth).
enableAutoUnmount(afterEach)
afterEach(() => {
  document.body.innerHTML = ''
})

export interface BridgeCall {
  channel: InvokeChannel
  input: unknown
}

/**
 * Mounts a renderer component as the app does (pinia, vue-i18n, the bridge), with a bridge whose
 * answers the test scripts and whose calls it records: the form tests check what would reach main.
 */
export function mountInApp<C extends Component>(
  component: C,
  options: {
    props?: Record<string, unknown>
    language?: UiLanguage
    answer?: (channel: InvokeChannel, input: unknown) => Result<unknown> | undefined
  } = {},
) {
  const calls: BridgeCall[] = []
  const bridge = createBridge({
    async invoke(channel, input) {
      calls.push({ channel, input })
      return (
        options.answer?.(channel, input) ?? { ok: false, error: { code: 'internal', message: said('not scripted') } }
      )
    },
    subscribe: () => () => undefined,
  })
  // The named routes a component links to (a waiting task links to Settings' proxy sign-in).
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { render: () => null } },
      { path: '/settings', name: 'settings', component: { render: () => null } },
    ],
  })
  const wrapper = mount(component, {
    props: (options.props ?? {}) as never,
    attachTo: document.body,
    global: {
      plugins: [createPinia(), createAppI18n(options.language ?? 'en'), router],
      provide: { [bridgeKey]: bridge },
    },
  })
  return { wrapper, calls, settle: () => flushPromises() }
}

/** Lets vee-validate's debounced, asynchronous validation finish. */
export async function settleValidation(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}

/**
 * Main's answer to `tasks:submit`, as the forms' tests script it: the task queued, shaped from the
 * intent sent. Every other channel is left unscripted.
 */
export function answerSubmit(channel: InvokeChannel, input: unknown): Result<unknown> | undefined {
  if (channel !== 'tasks:submit') return undefined
  const intent = (input as { intent: { kind: string; profileId: string; provider?: string } }).intent
  const now = new Date()
  return {
    ok: true,
    // Parsed, so this fake answer cannot drift from the contract.
    value: QueueItem.parse({
      id: '00000000-0000-4000-8000-000000000001',
      idempotencyKey: '00000000-0000-4000-8000-000000000001',
      deadlineReason: 'A test deadline.',
      seq: 0,
      version: 0,
      kind: intent.kind,
      profileId: intent.profileId,
      provider: intent.provider ?? 'webex',
      subject: intent.kind,
      state: 'queued',
      attempts: 0,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      notAfter: new Date(now.getTime() + 60_000).toISOString(),
      nextAttemptAt: null,
      lastProblem: null,
      providerId: null,
      dismissed: false,
      waitingBehind: null,
    }),
  }
}

/**
 * happy-dom lays nothing out, so a virtualized list would find no room for any row: its scroller
 * (`.list-scroller`) is given a window's height and width here, as a laid-out page would.
 */
export function giveListsARoom(): void {
  const size = (name: 'clientHeight' | 'clientWidth', value: number) => {
    const original = Object.getOwnPropertyDescriptor(Element.prototype, name)
    Object.defineProperty(HTMLElement.prototype, name, {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('list-scroller') ? value : (original?.get?.call(this) ?? 0)
      },
    })
  }
  size('clientHeight', 800)
  size('clientWidth', 1000)
}
