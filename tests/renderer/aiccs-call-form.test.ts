// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { ElCheckboxGroup, ElDatePicker, ElInputNumber, ElSelect, ElTimePicker } from 'element-plus'
import { Profile } from '../../shared/schemas/profiles'
import type { ProfileOf } from '../../shared/schemas/profiles'
import AiccsCallForm from '../../renderer/src/features/tasks/broadcast/aiccs/AiccsCallForm.vue'
import { drafts } from '../shared/fixtures'
import { mountInApp, settleValidation, answerSubmit } from './mount'

// The Alibaba Cloud AI call task form: the intent's own rules (ranges of the retry and concurrency
// numbers, windows that end after they start) and those toWireRequest adds on the provider's clock
// (a default agent to fall back on, at least one day, a start time in the future), met as the
// agent types; nothing is submitted while any is broken, and a valid form sends the exact intent.

const aiccs = Profile.parse({ ...drafts.aiccs, id: '22222222-2222-4222-8222-222222222222' }) as ProfileOf<'aiccs'>
const bare = Profile.parse({
  ...drafts.aiccs,
  id: '33333333-3333-4333-8333-333333333333',
  label: 'AICCS without defaults',
  defaultAgentId: '',
  defaultVirtualNumber: '',
}) as ProfileOf<'aiccs'>

function setup(options: { profiles?: ProfileOf<'aiccs'>[]; language?: 'en' | 'es' } = {}) {
  const profiles = options.profiles ?? [aiccs]
  const mounted = mountInApp(AiccsCallForm, {
    props: { profiles, region: 'ES' },
    ...(options.language && { language: options.language }),
    answer: answerSubmit,
  })
  const form = mounted.wrapper
  const input = (name: string) => form.get(`input[name="${name}"]`)
  const type = async (name: string, text: string) => {
    await input(name).setValue(text)
    await settleValidation()
  }
  /** An Element Plus control as the agent would leave it: its model value. */
  const emit = async (component: { vm: { $emit: (event: string, value: unknown) => void } }, value: unknown) => {
    component.vm.$emit('update:modelValue', value)
    await settleValidation()
  }
  const numbers = () => form.findAllComponents(ElInputNumber)
  const number = (field: 'retryTimes' | 'retryIntervalMinutes' | 'concurrency') =>
    numbers()[['retryTimes', 'retryIntervalMinutes', 'concurrency'].indexOf(field)]!
  const times = () => form.findAllComponents(ElTimePicker)
  const fieldOf = (name: string) => form.get(`[name="${name}"]`).element.closest('.field')!
  const submit = async () => {
    await form.get('form').trigger('submit')
    await settleValidation()
  }
  const submitted = () => mounted.calls.filter((c) => c.channel === 'tasks:submit')
  return { ...mounted, form, input, type, emit, number, times, fieldOf, submit, submitted }
}

const DAYS_MON_FRI = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY']

describe('Alibaba Cloud AI call task form', () => {
  it('sends the exact intent: the profile’s defaults left to main, Monday to Friday, 09:00–18:00, now', async () => {
    const { form, type, submit, submitted } = setup()
    expect(form.text()).toContain('Leave empty for this profile’s default agent: agent-7.')
    expect(form.text()).toContain('Leave empty for this profile’s default: 057112345678.')
    await type('taskName', 'Renewal reminders')
    expect(form.text()).toContain('“Renewal reminders [callboard-…]”')
    await submit()
    expect(submitted()).toHaveLength(1)
    expect(submitted()[0]!.input).toEqual({
      window: 'main',
      intent: {
        kind: 'broadcast',
        provider: 'aiccs',
        profileId: aiccs.id,
        taskName: 'Renewal reminders',
        agentId: '',
        virtualNumber: '',
        callTimes: [{ startTime: '09:00:00', endTime: '18:00:00' }],
        callDays: DAYS_MON_FRI,
        start: { kind: 'now' },
      },
    })
    // Queued: the name and start are cleared for the next task, the campaign's settings stay.
    expect((form.get('input[name="taskName"]').element as HTMLInputElement).value).toBe('')
    expect(form.getComponent(ElCheckboxGroup).props('modelValue')).toEqual(DAYS_MON_FRI)
  })

  it('takes every limit at its edge: 3 retries, 120 minutes, 500 concurrent calls, all 7 reasons, 2 windows', async () => {
    const { form, type, emit, number, times, submit, submitted } = setup()
    await type('taskName', 'Edge')
    await type('agentId', '  agent-99  ')
    await emit(number('retryTimes'), 3)
    await emit(number('retryIntervalMinutes'), 120)
    await emit(number('concurrency'), 500)
    await emit(form.findAllComponents(ElSelect)[1]!, [
      'NO_ANSWER',
      'CALL_REJECTED',
      'USER_BUSY',
      'SUSPEND',
      'INVALID_NUMBER',
      'POWERED_OFF',
      'NETWORK_BUSY',
    ])
    await form.get('.add-row').trigger('click')
    await settleValidation()
    await emit(times()[2]!, '19:00:00')
    await emit(times()[3]!, '21:30:00')
    await emit(form.getComponent(ElCheckboxGroup), ['SUNDAY', 'SATURDAY'])
    expect(form.findAll('.field-error').map((e) => e.text())).toEqual([])
    await submit()
    expect(submitted()).toHaveLength(1)
    expect(submitted()[0]!.input).toEqual({
      window: 'main',
      intent: {
        kind: 'broadcast',
        provider: 'aiccs',
        profileId: aiccs.id,
        taskName: 'Edge',
        agentId: 'agent-99',
        virtualNumber: '',
        callTimes: [
          { startTime: '09:00:00', endTime: '18:00:00' },
          { startTime: '19:00:00', endTime: '21:30:00' },
        ],
        // In the week's order, whatever the order of the clicks.
        callDays: ['SATURDAY', 'SUNDAY'],
        retryTimes: 3,
        retryIntervalMinutes: 120,
        // In the enum's order.
        retryReasons: [
          'CALL_REJECTED',
          'USER_BUSY',
          'SUSPEND',
          'INVALID_NUMBER',
          'POWERED_OFF',
          'NETWORK_BUSY',
          'NO_ANSWER',
        ],
        concurrency: 500,
        start: { kind: 'now' },
      },
    })
  })

  it('refuses numbers just past their limits, and sends nothing', async () => {
    const { form, type, emit, number, fieldOf, submit, submitted } = setup()
    await type('taskName', 'Too many')
    await emit(number('retryTimes'), 4)
    await emit(number('retryIntervalMinutes'), 121)
    await emit(number('concurrency'), 501)
    expect(fieldOf('retryTimes').textContent).toContain('The number of retries can be at most 3.')
    expect(fieldOf('retryIntervalMinutes').textContent).toContain('The retry interval (minutes) can be at most 120.')
    expect(fieldOf('concurrency').textContent).toContain('The task concurrency can be at most 500.')
    await emit(number('retryTimes'), -1)
    await emit(number('concurrency'), 0)
    expect(fieldOf('retryTimes').textContent).toContain('The number of retries must be at least 0.')
    expect(fieldOf('concurrency').textContent).toContain('The task concurrency must be at least 1.')
    await submit()
    expect(form.text()).toContain('Some fields need attention')
    expect(submitted()).toHaveLength(0)
    // Cleared, a number is left out (the provider's default), not sent as 0.
    await emit(number('retryTimes'), null)
    await emit(number('retryIntervalMinutes'), 0)
    await emit(number('concurrency'), 1)
    await submit()
    expect(submitted()).toHaveLength(1)
    const intent = (submitted()[0]!.input as { intent: Record<string, unknown> }).intent
    expect(intent['retryTimes']).toBeUndefined()
    expect(intent).toMatchObject({ retryIntervalMinutes: 0, concurrency: 1 })
  })

  it('refuses a window that ends when or before it starts, on its end field', async () => {
    const { form, type, emit, times, submit, submitted } = setup()
    await type('taskName', 'Backwards')
    await emit(times()[1]!, '09:00:00')
    const end = times()[1]!.element.closest('.field')!
    expect(end.textContent).toContain('The window must end after it starts.')
    expect(end.querySelector('input')!.getAttribute('aria-invalid')).toBe('true')
    await emit(times()[1]!, '08:59:00')
    await submit()
    // Said once, on the end field (not again for the list by the wire check).
    expect(form.text().split('The window must end after it starts.')).toHaveLength(2)
    expect(submitted()).toHaveLength(0)
    // Focus went to the first field that needs attention: that end time.
    expect(document.activeElement).toBe(end.querySelector('input'))
    await emit(times()[1]!, '09:01:00')
    expect(end.textContent).not.toContain('The window must end after it starts.')
    await submit()
    expect(submitted()).toHaveLength(1)
  })

  it('needs a window and a day (toWireRequest’s rules), and refuses both as fields', async () => {
    const { form, type, emit, submit, submitted } = setup()
    await type('taskName', 'Nowhere')
    await form.get('.remove-row').trigger('click')
    await settleValidation()
    await emit(form.getComponent(ElCheckboxGroup), [])
    await submit()
    expect(submitted()).toHaveLength(0)
    // toWireRequest reports one rule at a time: the windows first.
    expect(form.get('.aiccs-windows').text()).toContain('Give at least one window in which calls may be made.')
    await form.get('.add-row').trigger('click')
    await settleValidation()
    await submit()
    expect(submitted()).toHaveLength(0)
    expect(form.get('.days-field').text()).toContain('Choose at least one day on which calls may be made.')
    await emit(form.getComponent(ElCheckboxGroup), ['WEDNESDAY'])
    await submit()
    expect(submitted()).toHaveLength(1)
  })

  it('with a profile that has no default agent or number, asks for them', async () => {
    const { form, type, submit, submitted, fieldOf } = setup({ profiles: [bare] })
    expect(form.text()).toContain('This profile has no default agent: enter the id of a published agent.')
    await type('taskName', 'No defaults')
    await submit()
    expect(submitted()).toHaveLength(0)
    expect(fieldOf('agentId').textContent).toContain('Choose an agent: this profile has no default agent.')
    await type('agentId', 'agent-1')
    await submit()
    expect(fieldOf('virtualNumber').textContent).toContain('Choose a virtual number: this profile has no default one.')
    await type('virtualNumber', '057199999999')
    await submit()
    expect(submitted()).toHaveLength(1)
    expect(submitted()[0]!.input).toMatchObject({ intent: { agentId: 'agent-1', virtualNumber: '057199999999' } })
  })

  it('starts at a time only in the future', async () => {
    const { form, type, emit, submit, submitted } = setup()
    await type('taskName', 'Later')
    const [, at] = form.findAll('.start-field input[type="radio"]')
    await at!.setValue(true)
    await settleValidation()
    await submit()
    expect(submitted()).toHaveLength(0)
    expect(form.get('.start-field').text()).toContain('Choose the date and time to start.')
    await emit(form.getComponent(ElDatePicker), new Date(Date.now() - 60_000))
    await submit()
    expect(submitted()).toHaveLength(0)
    expect(form.get('.start-field').text()).toContain('The start time must be in the future.')
    const later = new Date(Date.now() + 3_600_000)
    await emit(form.getComponent(ElDatePicker), later)
    expect(form.get('.start-field').text()).not.toContain('The start time must be in the future.')
    await submit()
    expect(submitted()).toHaveLength(1)
    expect(submitted()[0]!.input).toMatchObject({ intent: { start: { kind: 'at', at: later.toISOString() } } })
  })

  it('speaks Spanish: days and reasons included', async () => {
    const { form } = setup({ language: 'es' })
    const text = form.text()
    for (const word of [
      'Días de llamada',
      'Lunes',
      'Miércoles',
      'Domingo',
      'Franjas de llamada',
      'Reintentos por número',
    ]) {
      expect(text).toContain(word)
    }
  })
})
