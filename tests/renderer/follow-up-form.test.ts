// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import type { DOMWrapper, VueWrapper } from '@vue/test-utils'
import { Profile } from '../../shared/schemas/profiles'
import type { ProfileOf } from '../../shared/schemas/profiles'
import FollowUpForm from '../../renderer/src/features/tasks/follow-up/FollowUpForm.vue'
import { followUpFormSchema } from '../../renderer/src/features/tasks/follow-up/follow-up-schema'
import { initialFollowUpValues } from '../../renderer/src/features/tasks/follow-up/follow-up-intent'
import { drafts } from '../shared/fixtures'
import { mountInApp, settleValidation, answerSubmit } from './mount'
import { inEnglish } from '../shared/in-english'

// The follow-up form's rules as the agent meets them: the profile decides the provider; eGain's
// subject limit (in characters: code points, as zod counts them), the subject-or-content rule, the due date
// in the future and the assignee an application profile must name, as main's mapping judges them
// now; Connect's references (per-type values, 4,096 UTF-8 bytes in all). Nothing goes out while
// anything is wrong, and a valid form sends exactly the intent main expects.

// Each test types and re-validates a lot; on a busy machine that takes a while.
vi.setConfig({ testTimeout: 90_000 })

const egain = Profile.parse({ ...drafts.egain, id: '22222222-2222-4222-8222-222222222222' }) as ProfileOf<'egain'>
const egainUser = Profile.parse({
  ...drafts.egain,
  id: '44444444-4444-4444-8444-444444444444',
  label: 'eGain as me',
  grantType: 'password',
  username: 'agent.smith',
  defaultDepartment: 'Sales',
  taskSubtypes: ['Quote', 'Renewal'],
}) as ProfileOf<'egain'>
const connect = Profile.parse({
  ...drafts.connect,
  id: '33333333-3333-4333-8333-333333333333',
  quickConnects: [{ id: 'qc-1', label: 'Billing queue' }],
}) as ProfileOf<'connect'>

/** An ISO instant with a +00:00 offset, as the due-date picker's value format gives it in UTC. */
const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString().replace(/\.\d{3}Z$/, '+00:00')
const HOUR = 3_600_000
const propsOf = (c: VueWrapper) => c.props() as { id?: string; modelValue?: unknown }

function setup(profiles: readonly (ProfileOf<'egain'> | ProfileOf<'connect'>)[] = [egain, egainUser, connect]) {
  const mounted = mountInApp(FollowUpForm, {
    props: { profiles },
    answer: answerSubmit,
  })
  const form = mounted.wrapper
  const type = async (input: Pick<DOMWrapper<Element>, 'setValue'>, text: string) => {
    await input.setValue(text)
    await settleValidation()
  }
  /** The control a visible label names. */
  const field = (label: string) => {
    const element = form.findAll('label').find((l) => l.text().replace(/\s*\(optional\)$/, '') === label)
    if (!element) throw new Error(`No label ${label}`)
    return form.get(`#${CSS.escape(element.attributes('for')!)}`)
  }
  /** Picks in a library select (or date picker) the way its own events do. */
  const choose = async (label: string, value: unknown) => {
    const element = form.findAll('label').find((l) => l.text().replace(/\s*\(optional\)$/, '') === label)
    const id = element?.attributes('for')
    const component = [
      ...form.findAllComponents({ name: 'ElSelect' }),
      ...form.findAllComponents({ name: 'ElDatePicker' }),
    ]
      .map((c) => c as VueWrapper)
      .find((c) => propsOf(c).id === id)
    if (!component) throw new Error(`No select or picker for ${label}`)
    component.vm.$emit('update:modelValue', value)
    await settleValidation()
  }
  const submit = async () => {
    await form.get('form').trigger('submit')
    await settleValidation()
  }
  const sent = () => mounted.calls.filter((c) => c.channel === 'tasks:submit')
  return { ...mounted, form, type, field, choose, submit, sent }
}

describe('follow-up form: eGain', () => {
  it('starts on the first profile, with its default department and first subtype', () => {
    const { form, field } = setup()
    expect(form.get('[data-testid="follow-up-provider"]').text()).toBe('Sent as: eGain task activity')
    expect((field('Department').element as HTMLInputElement).value).toBe('Service')
    expect(form.text()).toContain('Left empty, the profile’s default department is used (Service).')
    // A client-credentials profile acts as an application: the assignee is required.
    expect(form.get('[data-testid="follow-up-assignee"]').text()).toContain('Required: this profile signs in')
  })

  it('takes the other eGain profile’s department and subtypes when it is chosen', async () => {
    const { form, field, choose } = setup()
    await choose('Profile', egainUser.id)
    expect((field('Department').element as HTMLInputElement).value).toBe('Sales')
    const subtype = form
      .findAllComponents({ name: 'ElSelect' })
      .map((c) => c as VueWrapper)
      .find((c) => propsOf(c).id === field('Task subtype').attributes('id'))!
    expect(propsOf(subtype).modelValue).toBe('Quote')
    // A user profile needs no assignee: eGain assigns the task to the signed-in user.
    expect(form.get('[data-testid="follow-up-assignee"]').text()).toContain('Left empty, the task goes to')
  })

  it('sends exactly the intent main expects, due date and priority included', async () => {
    const { field, type, choose, submit, sent } = setup()
    const due = isoIn(24 * HOUR)
    await type(field('Subject'), 'Send the revised quote')
    await type(field('Content'), 'Asked for the 24-month option.')
    await choose('Due date', due)
    await choose('Priority', '7')
    await type(field('Value to look up'), 'ada@example.com')
    await type(field('User'), 'sandbox.agent')
    await submit()
    expect(sent()).toHaveLength(1)
    expect(sent()[0]!.input).toEqual({
      window: 'main',
      intent: {
        kind: 'followUp',
        provider: 'egain',
        profileId: egain.id,
        department: 'Service',
        subtype: 'General',
        subject: 'Send the revised quote',
        content: 'Asked for the 24-month option.',
        dueDate: due,
        priority: '7',
        lookup: { attribute: 'email.emailAddress', value: 'ada@example.com' },
        createCustomer: true,
        assignee: { by: 'loginId', value: 'sandbox.agent' },
      },
    })
  })

  // eGain counts as Java's String does, in UTF-16 units: an emoji takes two of the 255.
  it('holds the subject to 255 characters in UTF-16 units: 127 emoji and a letter fit, 128 emoji do not', async () => {
    const { form, field, type, submit, sent } = setup([egainUser])
    await type(field('Value to look up'), 'ada@example.com')
    await type(field('Subject'), '😀'.repeat(128))
    expect(form.text()).toContain('The subject can be at most 255 characters.')
    await submit()
    expect(sent()).toHaveLength(0)
    await type(field('Subject'), `${'😀'.repeat(127)}a`)
    expect(form.text()).not.toContain('The subject can be at most 255 characters.')
    await submit()
    expect(sent()).toHaveLength(1)
    expect((sent()[0]!.input as { intent: { subject: string } }).intent.subject).toBe(`${'😀'.repeat(127)}a`)
  })

  it('needs a subject or some content, as eGain does', async () => {
    const { form, field, type, submit, sent } = setup([egainUser])
    await type(field('Value to look up'), 'ada@example.com')
    await submit()
    expect(form.text()).toContain('Give the task a subject or some content (at least one of the two).')
    expect(sent()).toHaveLength(0)
    await type(field('Content'), 'Only content')
    await submit()
    expect(sent()).toHaveLength(1)
    expect((sent()[0]!.input as { intent: Record<string, unknown> }).intent).not.toHaveProperty('subject')
  })

  it('refuses a due date that has passed, as main would on its clock, and sends nothing', async () => {
    const { form, field, type, choose, submit, sent } = setup([egainUser])
    await type(field('Subject'), 'Call back about the quote')
    await type(field('Value to look up'), 'ada@example.com')
    await choose('Due date', isoIn(-60_000))
    expect(form.text()).toContain('The due date must be in the future.')
    await submit()
    expect(sent()).toHaveLength(0)
    await choose('Due date', isoIn(HOUR))
    expect(form.text()).not.toContain('The due date must be in the future.')
    await submit()
    expect(sent()).toHaveLength(1)
  })

  it('asks an application profile for the assignee, and refuses a bad email lookup', async () => {
    const { form, field, type, submit, sent } = setup([egain])
    await type(field('Subject'), 'Quote')
    await type(field('Value to look up'), 'not-an-email')
    await submit()
    expect(form.text()).toContain('Enter a valid email address.')
    expect(sent()).toHaveLength(0)
    await type(field('Value to look up'), 'ada@example.com')
    await submit()
    expect(form.get('[data-testid="follow-up-assignee"]').text()).toContain(
      'When an application (not a user) creates the task, name the user to assign it to.',
    )
    expect(sent()).toHaveLength(0)
  })

  it('shows every problem of an empty eGain task on the first submit: lookup, subject and assignee at once', async () => {
    const { form, submit, sent } = setup([egain])
    await submit()
    const errors = form.findAll('.field-error').map((e) => e.text())
    expect(errors).toEqual(
      expect.arrayContaining(['Enter the customer lookup value.', expect.stringMatching(/subject/i)]),
    )
    expect(form.get('[data-testid="follow-up-assignee"]').text()).toContain(
      'When an application (not a user) creates the task, name the user to assign it to.',
    )
    expect(sent()).toHaveLength(0)
  })

  it('looks the customer up by a custom attribute, named in its own field', async () => {
    const { field, type, choose, submit, sent } = setup([egainUser])
    await type(field('Subject'), 'Quote')
    await choose('Find the customer by', 'custom')
    await type(field('Custom attribute name'), 'loyalty_id')
    await type(field('Value to look up'), 'L-42')
    await submit()
    expect((sent()[0]!.input as { intent: { lookup: unknown } }).intent.lookup).toEqual({
      attribute: 'custom.loyalty_id',
      value: 'L-42',
    })
  })
})

describe('follow-up form: Amazon Connect', () => {
  const connectFirst = () => setup([connect, egain])
  const addReference = async (
    s: ReturnType<typeof setup>,
    name: string,
    referenceType: string,
    value: string,
  ): Promise<void> => {
    await s.form.get('.references .add-row').trigger('click')
    await settleValidation()
    const row = s.form.findAll('.reference-row').at(-1)!
    await s.type(row.get('input.reference-name'), name)
    const select = s.form
      .findAllComponents({ name: 'ElSelect' })
      .map((c) => c as VueWrapper)
      .filter((c) => row.element.contains(c.element))[0]!
    select.vm.$emit('update:modelValue', referenceType)
    await settleValidation()
    const valueInput = s.form.findAll('.reference-row').at(-1)!.findAll('input').at(-1)!
    await s.type(valueInput, value)
  }

  it('shows Connect’s fields for a Connect profile and sends the intent with URL and STRING references', async () => {
    const s = connectFirst()
    expect(s.form.get('[data-testid="follow-up-provider"]').text()).toBe('Sent as: Amazon Connect task')
    await s.type(s.field('Task name'), 'Check the refund')
    await s.type(s.field('Description'), 'Refund promised on the call')
    await addReference(s, 'Order', 'URL', 'https://example.com/orders/42')
    await addReference(s, 'Ticket', 'STRING', 'Devolución nº 7')
    await s.type(s.field('Previous contact id'), 'c0ffee00-0000-4000-8000-000000000001')
    await s.submit()
    expect(s.sent()).toHaveLength(1)
    expect(s.sent()[0]!.input).toEqual({
      window: 'main',
      intent: {
        kind: 'followUp',
        provider: 'connect',
        profileId: connect.id,
        name: 'Check the refund',
        description: 'Refund promised on the call',
        target: { kind: 'contactFlow', id: 'flow-1' },
        references: {
          Order: { Type: 'URL', Value: 'https://example.com/orders/42' },
          Ticket: { Type: 'STRING', Value: 'Devolución nº 7' },
        },
        previousContactId: 'c0ffee00-0000-4000-8000-000000000001',
      },
    })
  })

  it('starts the task at a chosen time, at most 6 days ahead as Connect takes it, or now', async () => {
    const s = connectFirst()
    await s.type(s.field('Task name'), 'Call back about the refund')
    await s.choose('Starts at', isoIn(7 * 24 * HOUR))
    await s.submit()
    expect(s.form.text()).toContain('Schedule the task at most 6 days ahead.')
    expect(s.sent()).toHaveLength(0)
    const at = isoIn(24 * HOUR)
    await s.choose('Starts at', at)
    await s.submit()
    expect(s.sent()).toHaveLength(1)
    expect(s.sent()[0]!.input).toMatchObject({ intent: { provider: 'connect', scheduledTime: at } })
  })

  it('checks each reference against its type, and sends nothing while one is wrong', async () => {
    const s = connectFirst()
    await s.type(s.field('Task name'), 'Check the refund')
    await addReference(s, 'Order', 'URL', 'example.com/orders/42')
    expect(s.form.text()).toContain('Enter a full web address, starting with https:// or http://.')
    await addReference(s, 'Amount', 'NUMBER', '12,50')
    expect(s.form.text()).toContain('Enter a number, such as 42 or -3.5.')
    await addReference(s, 'Mail', 'EMAIL', 'ada@')
    expect(s.form.text()).toContain('Enter an email address, such as ada@example.com.')
    await s.submit()
    expect(s.sent()).toHaveLength(0)
    // Fixed: 12.50 is a number, the address has its scheme, the email its domain.
    const rows = s.form.findAll('.reference-row')
    await s.type(rows[0]!.findAll('input').at(-1)!, 'https://example.com/orders/42')
    await s.type(rows[1]!.findAll('input').at(-1)!, '12.50')
    await s.type(rows[2]!.findAll('input').at(-1)!, 'ada@example.com')
    expect(s.form.findAll('.reference-row .field-error').every((e) => e.text() === '')).toBe(true)
    await s.submit()
    expect(s.sent()).toHaveLength(1)
  })

  it('counts references in UTF-8 bytes: 4,096 in all fit, 4,098 do not', async () => {
    const s = connectFirst()
    await s.type(s.field('Task name'), 'Bytes')
    // "ab" (2 bytes) + 2047 × "é" (4094 bytes) = 4096.
    await addReference(s, 'ab', 'STRING', 'é'.repeat(2047))
    expect(s.form.text()).toContain('4096 / 4096 bytes')
    expect(s.form.text()).not.toContain('References take at most')
    await s.type(s.form.get('.reference-row').findAll('input').at(-1)!, 'é'.repeat(2048))
    expect(s.form.text()).toContain('4098 / 4096 bytes')
    expect(s.form.text()).toContain(
      'References take at most 4,096 bytes (UTF-8, names and values together); these take 4,098.',
    )
    await s.submit()
    expect(s.sent()).toHaveLength(0)
  })

  it('offers the profile’s quick connects when that kind of target is chosen', async () => {
    const s = connectFirst()
    await s.type(s.field('Task name'), 'Route it')
    const quick = s.form
      .findAll('input[type="radio"]')
      .find((r) => (r.element as HTMLInputElement).value === 'quickConnect')!
    await quick.setValue(true)
    await settleValidation()
    await s.submit()
    expect((s.sent()[0]!.input as { intent: { target: unknown } }).intent.target).toEqual({
      kind: 'quickConnect',
      id: 'qc-1',
    })
  })

  it('holds the description to 4,096 characters, with a live count: 4,096 × "€" fit, 4,097 do not', async () => {
    const s = connectFirst()
    await s.type(s.field('Task name'), 'Long')
    await s.type(s.field('Description'), '€'.repeat(4097))
    expect(s.form.text()).toContain('4097 / 4096 characters')
    expect(s.form.text()).toContain('At most 4,096 characters.')
    await s.submit()
    expect(s.sent()).toHaveLength(0)
    await s.type(s.field('Description'), '€'.repeat(4096))
    expect(s.form.text()).toContain('4096 / 4096 characters')
    expect(s.form.text()).not.toContain('At most 4,096 characters.')
    await s.submit()
    expect(s.sent()).toHaveLength(1)
  })

  it('refuses an empty task name and sends nothing', async () => {
    const s = connectFirst()
    await s.submit()
    expect(s.form.text()).toContain('Enter the task name.')
    expect(s.sent()).toHaveLength(0)
  })
})

describe('follow-up form schema', () => {
  const t = (key: string) => key
  const schema = followUpFormSchema({ profiles: () => [egainUser], t })
  const valid = {
    ...initialFollowUpValues([egainUser]),
    subject: 'Quote',
    lookup: { attribute: 'email.emailAddress', value: 'ada@example.com' },
  }

  it('takes priority 1 to 7 and nothing else', () => {
    for (const priority of ['1', '7']) expect(schema.safeParse({ ...valid, priority }).success).toBe(true)
    for (const priority of ['0', '8', '10']) {
      const result = schema.safeParse({ ...valid, priority })
      expect(result.success).toBe(false)
      expect(result.error?.issues[0]?.path).toEqual(['priority'])
    }
  })

  it('judges the due date on the clock it is given', () => {
    const at = '2030-01-01T09:00:00+00:00'
    const before = followUpFormSchema({ profiles: () => [egainUser], t, now: () => new Date('2030-01-01T08:59:59Z') })
    const after = followUpFormSchema({ profiles: () => [egainUser], t, now: () => new Date('2030-01-01T09:00:00Z') })
    expect(before.safeParse({ ...valid, dueDate: at }).success).toBe(true)
    const late = after.safeParse({ ...valid, dueDate: at })
    expect(inEnglish(late.error?.issues)).toEqual([
      expect.objectContaining({ path: ['dueDate'], message: 'The due date must be in the future.' }),
    ])
  })
})
