// @vitest-environment happy-dom
import { said } from '../shared/in-english'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { msg } from '@shared/i18n/message'
import { broadcastSubject, subjectWords } from '@shared/providers/subject-kit'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import type { EventChannel, InvokeChannel } from '../../shared/ipc/channels'
import { createBridge } from '../../shared/ipc/bridge'
import type { Result } from '../../shared/ipc/result'
import type { HistoryPage } from '../../shared/schemas/list-pages'
import type { HistoryQuery, QueueItem } from '../../shared/schemas/outbox'
import { Profile } from '../../shared/schemas/profiles'
import type { UiLanguage } from '../../shared/schemas/settings'
import { bridgeKey } from '../../renderer/src/bridge'
import HistoryView from '../../renderer/src/features/history/HistoryView.vue'
import { createAppI18n } from '../../renderer/src/i18n'
import { useProfilesStore } from '../../renderer/src/stores/profiles-store'
import { drafts } from '../shared/fixtures'
import { giveListsARoom, mountInApp } from './mount'
import { CHANGE_COALESCE_MS, SEARCH_DEBOUNCE_MS, useHistoryStore } from '../../renderer/src/stores/history-store'
import { createApp } from 'vue'

// The history as the agent meets it: every task with its state and provider id, newest first as
// main answers; search (debounced) and filters go to main as a `history:list` query; the two empty
// states; copying an id; and the list following `queue:changed` with one re-query per burst.

const webex = Profile.parse({ ...drafts.webex, id: '11111111-1111-4111-8111-111111111111' })
const egain = Profile.parse({ ...drafts.egain, id: '22222222-2222-4222-8222-222222222222' })

function item(n: number, over: Partial<QueueItem>): QueueItem {
  const at = new Date(Date.UTC(2025, 2, 14, 9, n)).toISOString()
  return {
    id: `00000000-0000-4000-8000-00000000000${n}`,
    seq: n,
    version: 1,
    profileId: webex.id,
    provider: 'webex',
    kind: 'outdial',
    subject: said(`+1408555010${n}`),
    idempotencyKey: `key-${n}`,
    createdAt: at,
    updatedAt: at,
    notAfter: new Date(Date.parse(at) + 900_000).toISOString(),
    deadlineReason: msg('deadline.outdial', { minutes: 15 }),
    attempts: 0,
    state: 'queued',
    nextAttemptAt: null,
    lastProblem: null,
    providerId: null,
    dismissed: false,
    waitingBehind: null,
    ...over,
  }
}

// Newest first, as main answers.
const all: QueueItem[] = [
  item(3, {
    provider: 'egain',
    profileId: egain.id,
    kind: 'followUp',
    subject: said('Follow up: refund'),
    state: 'needs_review',
    attempts: 1,
    lastProblem: {
      message: msg('sendOutcome.sentNoAnswerTimedOut', { provider: 'eGain', what: msg('thing.task') }),
      providerMessage: null,
      httpStatus: null,
    },
  }),
  item(2, { state: 'sent', attempts: 1, providerId: 'wxcc-7f3a-42', updatedAt: '2025-03-14T09:05:00.000Z' }),
  item(1, { state: 'cancelled' }),
]

/** What main's historyPage does, enough for these tests. */
function answerHistory(input: unknown, items = all): Result<HistoryPage> {
  const q = input as HistoryQuery
  const search = q.search?.toLowerCase() ?? ''
  const matching = items.filter(
    (i) =>
      (!q.provider || i.provider === q.provider) &&
      (!q.states || q.states.includes(i.state)) &&
      (!search || [subjectWords(i.subject), i.providerId ?? '', i.id].join('\n').toLowerCase().includes(search)),
  )
  const offset = q.offset ?? 0
  return {
    ok: true,
    value: { items: matching.slice(offset, offset + (q.limit ?? 500)), offset, total: matching.length },
  }
}

function answer(channel: InvokeChannel, input: unknown): Result<unknown> | undefined {
  if (channel === 'history:list') return answerHistory(input)
  if (channel === 'profiles:list')
    return {
      ok: true,
      value: [webex, egain].map((profile) => ({
        profile,
        credentials: { profileId: profile.id, state: 'stored', hint: null },
        sandbox: false,
      })),
    }
  return undefined
}

async function setup(options: { items?: QueueItem[]; language?: UiLanguage } = {}) {
  const mounted = mountInApp(HistoryView, {
    language: options.language,
    answer: (channel, input) =>
      channel === 'history:list' && options.items ? answerHistory(input, options.items) : answer(channel, input),
  })
  await useProfilesStore().refreshList()
  await mounted.settle()
  const historyCalls = () =>
    mounted.calls.filter((c) => c.channel === 'history:list').map((c) => c.input as HistoryQuery)
  const rows = () => mounted.wrapper.findAll('[data-testid="history-row"]')
  return { ...mounted, historyCalls, rows }
}

/** Only the store's timers are faked: flushPromises (setImmediate) and the DOM keep running. */
const fakeTimers = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })

giveListsARoom()

afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

describe('history section', () => {
  it('lists every task in the order main answered, with kind, profile, provider, state and provider id', async () => {
    const { wrapper, rows, historyCalls } = await setup()
    expect(historyCalls()).toEqual([{ limit: 50, offset: 0 }])
    expect(rows()).toHaveLength(3)
    expect(rows().map((r) => r.get('[data-testid="history-subject"]').text())).toEqual([
      'Follow up: refund',
      '+14085550102',
      '+14085550101',
    ])
    const [review, sent, cancelled] = rows()
    expect(review!.text()).toContain('Follow-up')
    expect(review!.get('[data-testid="history-profile"]').text()).toBe('eGain service')
    expect(review!.get('[data-testid="history-provider-name"]').text()).toBe('eGain')
    expect(review!.get('[data-testid="history-state-cell"]').text()).toBe('Needs review')
    expect(review!.text()).toContain('The task was sent to eGain but no answer came back in time')
    expect(review!.text()).toContain('None yet')
    expect(sent!.get('[data-testid="history-profile"]').text()).toBe('Webex US')
    expect(sent!.get('[data-testid="history-state-cell"]').text()).toBe('Sent')
    expect(sent!.get('[data-testid="history-provider-id"]').text()).toBe('wxcc-7f3a-42')
    expect(sent!.text()).toMatch(/since \d/)
    expect(sent!.text()).toContain('1 attempt')
    expect(cancelled!.get('[data-testid="history-state-cell"]').text()).toBe('Cancelled')
    expect(wrapper.get('[data-testid="history-count"]').text()).toBe('3 tasks shown')
  })

  it('copies a provider id to the clipboard and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve())
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    const { wrapper } = await setup()
    const button = wrapper.get('[data-testid="history-copy"]')
    // Named by its visible text, described by the id beside it.
    expect(button.text()).toBe('Copy')
    expect(wrapper.get(`#${button.attributes('aria-describedby')}`).text()).toBe('wxcc-7f3a-42')
    await button.trigger('click')
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith('wxcc-7f3a-42')
    expect(button.text()).toBe('Copied')
    expect(wrapper.text()).toContain('Provider id wxcc-7f3a-42 copied.')
  })

  it('asks main once the typing pauses, and tells "nothing matches" from "no tasks yet"', async () => {
    const { wrapper, rows, historyCalls } = await setup()
    const input = wrapper.get('input[data-testid="history-search"]')
    fakeTimers()
    for (const text of ['w', 'wx', 'wxcc', 'wxcc-7f3a']) await input.setValue(text)
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1)
    expect(historyCalls()).toHaveLength(1)
    vi.advanceTimersByTime(1)
    await flushPromises()
    expect(historyCalls()).toEqual([
      { limit: 50, offset: 0 },
      { limit: 50, offset: 0, search: 'wxcc-7f3a' },
    ])
    expect(rows()).toHaveLength(1)

    await input.setValue('nobody')
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS)
    await flushPromises()
    expect(rows()).toHaveLength(0)
    expect(wrapper.get('[data-testid="history-empty"]').text()).toContain(
      'Nothing matches this search or these filters.',
    )
    await wrapper.get('[data-testid="history-clear"]').trigger('click')
    await flushPromises()
    expect(historyCalls().at(-1)).toEqual({ limit: 50, offset: 0 })
    expect(rows()).toHaveLength(3)
  })

  it('says there are no tasks yet when nothing was ever queued', async () => {
    const { wrapper } = await setup({ items: [] })
    expect(wrapper.get('[data-testid="history-empty"]').text()).toBe(
      'No tasks yet. Every task you create appears here, whatever becomes of it.',
    )
    expect(wrapper.find('[data-testid="history-clear"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="history-table"]').isVisible()).toBe(false)
  })

  it('filters by provider and by state at once, through main', async () => {
    const { wrapper, rows, historyCalls } = await setup()
    const provider = wrapper.get('select[data-testid="history-provider"]')
    const state = wrapper.get('select[data-testid="history-state"]')
    await provider.setValue('egain')
    await flushPromises()
    expect(historyCalls().at(-1)).toEqual({ limit: 50, offset: 0, provider: 'egain' })
    expect(rows()).toHaveLength(1)

    ;(provider.element as HTMLSelectElement).value = 'all'
    ;(state.element as HTMLSelectElement).value = 'attention'
    provider.element.dispatchEvent(new Event('change'))
    state.element.dispatchEvent(new Event('change'))
    await flushPromises()
    // Both changes in one go: one query.
    expect(historyCalls()).toHaveLength(3)
    expect(historyCalls().at(-1)).toEqual({ limit: 50, offset: 0, states: ['needs_auth', 'needs_review', 'held'] })
    expect(rows().map((r) => r.get('[data-testid="history-state-cell"]').text())).toEqual(['Needs review'])
  })

  it('every control has a name, and the header names every cell’s column in the same table', async () => {
    const { wrapper } = await setup()
    const name = (testid: string) => {
      const control = wrapper.get(`[data-testid="${testid}"]`)
      return wrapper.get(`label[for="${control.attributes('id')}"]`).text()
    }
    expect([name('history-search'), name('history-provider'), name('history-state')]).toEqual([
      'Search',
      'Provider',
      'State',
    ])
    const table = wrapper.get('[role="table"]')
    expect(table.findAll('[role="columnheader"]').map((h) => h.text())).toEqual([
      'Time',
      'Task',
      'Profile',
      'State',
      'Provider id',
    ])
    expect(table.findAll('[role="row"]')).toHaveLength(4)
    expect(table.attributes('aria-rowcount')).toBe('4')
    expect(table.findAll('[role="row"]')[1]!.findAll('[role="cell"]')).toHaveLength(5)
  })

  it('is in Spanish when the app is', async () => {
    const { wrapper, rows } = await setup({ language: 'es' })
    expect(wrapper.get('h1').text()).toBe('Historial')
    expect(wrapper.text()).toContain('Id del proveedor')
    expect(rows()[0]!.get('[data-testid="history-state-cell"]').text()).toBe('Hay que revisarla')
    expect(rows()[0]!.text()).toContain('Seguimiento')
    // Main's words too: the outcome travels as a key and is worded here.
    expect(rows()[0]!.text()).toContain('Se envió la tarea a eGain, pero no llegó respuesta a tiempo')
    expect(wrapper.get('[data-testid="history-count"]').text()).toBe('Se muestran 3 tareas')
  })
})

describe('history section, live', () => {
  it('follows the app language without a reload', async () => {
    const errors = vi.spyOn(console, 'error')
    const warnings = vi.spyOn(console, 'warn')
    const { wrapper, rows } = await setup()
    expect(rows()).toHaveLength(3)
    const i18n = (wrapper.vm as unknown as { $i18n: { locale: string } }).$i18n
    i18n.locale = 'es'
    await flushPromises()
    await vi.waitFor(() => expect(wrapper.get('[role="columnheader"]').text()).toBe('Hora'))
    expect(rows()[1]!.get('[data-testid="history-state-cell"]').text()).toBe('Enviada')
    i18n.locale = 'en'
    await flushPromises()
    expect(wrapper.get('[role="columnheader"]').text()).toBe('Time')
    expect(errors).not.toHaveBeenCalled()
    expect(warnings).not.toHaveBeenCalled()
  })

  it("words a broadcast's subject in the app language, again when it changes", async () => {
    const broadcast = item(4, {
      kind: 'broadcast',
      provider: 'voice_broadcast',
      subject: broadcastSubject('Pedidos', 3),
    })
    const { wrapper, rows } = await setup({ items: [broadcast], language: 'es' })
    const subject = () => rows()[0]!.get('[data-testid="history-subject"]').text()
    expect(subject()).toBe('Pedidos · 3 números')
    const i18n = (wrapper.vm as unknown as { $i18n: { locale: string } }).$i18n
    i18n.locale = 'en'
    await flushPromises()
    expect(subject()).toBe('Pedidos · 3 numbers')
  })

  it('asks main again once per burst of queue changes', async () => {
    const listeners = new Map<EventChannel, ((payload: unknown) => void)[]>()
    const channels: string[] = []
    const bridge = createBridge({
      async invoke(channel, input) {
        channels.push(channel)
        return answer(channel, input) ?? { ok: false, error: { code: 'internal', message: said('not scripted') } }
      },
      subscribe(channel, listener) {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener])
        return () =>
          listeners.set(
            channel,
            (listeners.get(channel) ?? []).filter((l) => l !== listener),
          )
      },
    })
    const wrapper = mount(HistoryView, {
      attachTo: document.body,
      global: { plugins: [createPinia(), createAppI18n('en')], provide: { [bridgeKey]: bridge } },
    })
    await flushPromises()
    const lists = () => channels.filter((c) => c === 'history:list').length
    expect(lists()).toBe(1)
    const emit = () => listeners.get('queue:changed')?.forEach((l) => l({ item: all[0], counts: {}, lanes: [] }))
    fakeTimers()
    for (let i = 0; i < 5; i++) emit()
    vi.advanceTimersByTime(CHANGE_COALESCE_MS - 1)
    expect(lists()).toBe(1)
    vi.advanceTimersByTime(1)
    await flushPromises()
    expect(lists()).toBe(2)
    emit()
    vi.advanceTimersByTime(CHANGE_COALESCE_MS)
    expect(lists()).toBe(3)
    wrapper.unmount()
    expect(listeners.get('queue:changed')).toEqual([])
  })
})

describe('history section, read ahead', () => {
  /** A bridge whose `queue:changed` the test fires, counting what is asked of main. */
  function liveBridge() {
    const listeners: ((payload: unknown) => void)[] = []
    const asked: unknown[] = []
    const bridge = createBridge({
      async invoke(channel, input) {
        if (channel === 'history:list') asked.push(input)
        return answer(channel, input) ?? { ok: false, error: { code: 'internal', message: said('not scripted') } }
      },
      subscribe(channel, listener) {
        if (channel === 'queue:changed') listeners.push(listener)
        return () => listeners.splice(listeners.indexOf(listener), 1)
      },
    })
    const emit = () => listeners.forEach((l) => l({ item: all[0], counts: {}, lanes: [] }))
    return { bridge, asked, listeners, emit }
  }

  it('opens with the first page read ahead, kept current while it is not shown, without asking again', async () => {
    const { bridge, asked, listeners, emit } = liveBridge()
    const pinia = createPinia()
    const i18n = createAppI18n('en')
    // What the window does once its first screen is up (AppShell), with the app's injections.
    const app = createApp({ render: () => null })
    app.use(pinia).provide(bridgeKey, bridge)
    const history = app.runWithContext(() => useHistoryStore())
    history.prefetch()
    await flushPromises()
    expect(asked).toEqual([{ limit: 50, offset: 0 }])

    // A change while History is not shown reads the first page again (once per burst).
    fakeTimers()
    emit()
    emit()
    vi.advanceTimersByTime(CHANGE_COALESCE_MS)
    await flushPromises()
    expect(asked).toHaveLength(2)
    vi.useRealTimers()

    const wrapper = mount(HistoryView, {
      attachTo: document.body,
      global: { plugins: [pinia, i18n], provide: { [bridgeKey]: bridge } },
    })
    // Its rows are there in the view's first draw, and main is not asked again.
    expect(wrapper.findAll('[data-testid="history-row"]')).toHaveLength(3)
    await flushPromises()
    expect(asked).toHaveLength(2)

    // Left, it keeps following the queue; stopped (the window goes), it stops.
    wrapper.unmount()
    expect(listeners).toHaveLength(1)
    expect(history.list.ready).toBe(true)
    history.stop()
    expect(listeners).toHaveLength(0)
  })
})
