// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import type { DOMWrapper } from '@vue/test-utils'
import { Profile } from '../../shared/schemas/profiles'
import type { ProfileOf } from '../../shared/schemas/profiles'
import type { CountryCode } from '../../shared/phone/dialable'
import OutdialForm from '../../renderer/src/features/tasks/outdial/OutdialForm.vue'
import { drafts } from '../shared/fixtures'
import { mountInApp, settleValidation, answerSubmit } from './mount'

// The outdial form's rules, as the agent meets them: the phone field, and the attribute and SIP
// header limits that Webex counts in UTF-8 bytes (so multi-byte text reaches them sooner).

const webex = Profile.parse({ ...drafts.webex, id: '11111111-1111-4111-8111-111111111111' }) as ProfileOf<'webex'>

function setup(region: CountryCode = 'GB', language: 'en' | 'es' = 'en') {
  const mounted = mountInApp(OutdialForm, {
    props: { profiles: [webex], region },
    answer: answerSubmit,
    language,
  })
  const form = mounted.wrapper
  const type = async (input: Pick<DOMWrapper<Element>, 'setValue'>, text: string) => {
    await input.setValue(text)
    await settleValidation()
  }
  const phone = () => form.get('input[type="tel"]')
  const editor = (n: number) => form.findAll('.key-value')[n]!
  const addRow = async (n: number, key: string, value: string) => {
    await editor(n).get('.add-row').trigger('click')
    const inputs = editor(n).findAll('.row').at(-1)!.findAll('input')
    await type(inputs[0]!, key)
    await type(inputs[1]!, value)
  }
  const submit = async () => {
    await form.get('form').trigger('submit')
    await settleValidation()
  }
  const shown = () => (phone().element as HTMLInputElement).value
  const sent = () =>
    mounted.calls
      .filter((c) => c.channel === 'tasks:submit')
      .map((c) => (c.input as { intent: { destination: string } }).intent.destination)
  return { ...mounted, form, type, phone, editor, addRow, submit, shown, sent }
}

describe('outdial form', () => {
  it('keeps the number as E.164 and shows its national and international forms', async () => {
    const { form, type, phone } = setup()
    await type(phone(), '020 7946 0958')
    expect(form.get('.phone-formats').text()).toContain('+44 20 7946 0958')
    expect(form.get('.phone-formats').text()).toContain('020 7946 0958')
  })

  it('names what is wrong with an impossible number, and sends nothing', async () => {
    const { form, type, phone, submit, calls } = setup()
    await type(phone(), '020 7946')
    await submit()
    expect(form.text()).toMatch(/No such number exists in GB|too short|wrong number of digits/)
    expect(calls.filter((c) => c.channel === 'tasks:submit')).toHaveLength(0)
  })

  it('takes the number out of a pasted sentence, as the shortcut does, and sends only that', async () => {
    const { form, type, shown, submit, sent } = setup('US')
    await type(form.get('input[type="tel"]'), 'Customer: Jane, call 415-555-0123 ext. 22 after 3pm')
    expect(shown()).toBe('(415) 555-0123 ext. 22')
    expect(form.get('[data-testid="phone-taken"]').text()).toBe('Number taken from the pasted text.')
    expect(form.get('.phone-formats').text()).toContain('Extension 22')
    await submit()
    expect(sent()).toEqual(['+14155550123'])
  })

  it('takes the first of several numbers, says so, and offers the others', async () => {
    const { form, type, shown, submit, sent } = setup('GB')
    await type(form.get('input[type="tel"]'), 'Office 020 7946 0958, or her US mobile +1 415 555 0132')
    expect(shown()).toBe('020 7946 0958')
    const taken = form.get('[data-testid="phone-taken"]')
    expect(taken.text()).toContain('The text holds 2 numbers; the one above is used.')
    await taken.get('button').trigger('click')
    await settleValidation()
    expect(shown()).toBe('+1 415 555 0132')
    expect(form.get('[data-testid="phone-taken"] button').text()).toBe('Use +44 20 7946 0958')
    await submit()
    expect(sent()).toEqual(['+14155550132'])
  })

  it('refuses a number whose country code does not exist, as the shortcut does', async () => {
    const { form, type, phone, submit, sent } = setup()
    await type(phone(), '+999 1234567')
    await submit()
    expect(form.text()).toContain('The country code is not one that exists.')
    expect(sent()).toEqual([])
  })

  it('names the reason precisely, and the country the number itself names', async () => {
    const cases: Array<[CountryCode, string, string]> = [
      ['US', '+1 555', 'This number is too short to be a phone number.'],
      ['GB', '+1 234 567 8', 'This number is too short to be a phone number.'],
      ['US', '+44 20 0000 000', 'No such number exists in GB.'],
      ['GB', '12345', 'This number is too short to be a phone number.'],
    ]
    for (const [region, text, message] of cases) {
      const { form, type, phone, submit, sent, wrapper } = setup(region)
      await type(phone(), text)
      await submit()
      expect(form.get('.field-error').text(), text).toBe(message)
      expect(sent()).toEqual([])
      wrapper.unmount()
    }
  })

  it('reads a pasted number through invisible characters, and refuses one under a direction override', async () => {
    const { form, type, phone, shown, submit, sent } = setup('US')
    await type(phone(), '+49\u200d30\u202f1234\u20095678')
    expect(shown()).toBe('+49 30 12345678')
    await submit()
    expect(sent()).toEqual(['+493012345678'])

    const again = setup('US', 'es')
    await again.type(again.phone(), '\u202e8590 6497 02 44+\u202c')
    await again.submit()
    expect(again.form.get('.field-error').text()).toContain('controles de derecha a izquierda')
    expect(again.sent()).toEqual([])
    expect(form.text()).not.toContain('controles')
  })

  it('counts attribute values in UTF-8 bytes: 512 × "é" fits in 1024, 513 does not', async () => {
    const { form, phone, type, addRow, submit, calls } = setup()
    await type(phone(), '+44 20 7946 0958')
    await addRow(0, 'note', 'é'.repeat(512))
    expect(form.text()).toContain('1024 / 1024 bytes')
    expect(form.text()).not.toContain('At most 1,024 bytes')

    const value = form.findAll('.key-value')[0]!.findAll('.row input')[1]!
    await type(value, 'é'.repeat(513))
    expect(form.text()).toContain('1026 / 1024 bytes')
    expect(form.text()).toContain('At most 1,024 bytes (UTF-8) per value.')
    await submit()
    expect(calls.filter((c) => c.channel === 'tasks:submit')).toHaveLength(0)
  })

  it('counts attribute names in bytes too: 100 × "ü" fits in 200, 101 does not', async () => {
    const { form, phone, type, addRow } = setup()
    await type(phone(), '+44 20 7946 0958')
    await addRow(0, 'ü'.repeat(100), 'x')
    expect(form.text()).not.toContain('Attribute names take at most 200 bytes')
    await type(form.findAll('.key-value')[0]!.findAll('.row input')[0]!, 'ü'.repeat(101))
    expect(form.text()).toContain('Attribute names take at most 200 bytes (UTF-8).')
  })

  it('holds SIP headers to 1100 bytes in all, names lower-cased as typed', async () => {
    const { form, phone, type, addRow, submit, calls } = setup()
    await type(phone(), '+44 20 7946 0958')
    // "x-note" (6) + 364 × "€" (1092) = 1098 bytes: fits.
    await addRow(1, 'X-Note', '€'.repeat(364))
    const header = form.findAll('.key-value')[1]!
    expect((header.findAll('.row input')[0]!.element as HTMLInputElement).value).toBe('x-note')
    expect(header.text()).toContain('1098 / 1100 bytes')
    expect(header.text()).not.toContain('SIP headers take at most')
    // One more "€": 1101 bytes.
    await type(header.findAll('.row input')[1]!, '€'.repeat(365))
    expect(header.text()).toContain('1101 / 1100 bytes')
    expect(header.text()).toContain('SIP headers take at most 1,100 bytes')
    await submit()
    expect(calls.filter((c) => c.channel === 'tasks:submit')).toHaveLength(0)
  })

  it('refuses a name used twice, and a valid form sends exactly the intent main expects', async () => {
    const { form, phone, type, addRow, submit, calls } = setup()
    await type(phone(), '020 7946 0958')
    await addRow(0, 'reason', 'Devolución')
    await addRow(0, 'reason', 'again')
    expect(form.text()).toContain('This name is used twice.')
    await form.findAll('.key-value')[0]!.findAll('.remove-row')[1]!.trigger('click')
    await settleValidation()
    await submit()
    const sent = calls.filter((c) => c.channel === 'tasks:submit')
    expect(sent).toHaveLength(1)
    expect(sent[0]!.input).toEqual({
      window: 'main',
      intent: {
        kind: 'outdial',
        profileId: webex.id,
        destination: '+442079460958',
        origin: '+14085550100',
        entryPointId: 'EP-outbound-1',
        attributes: { reason: 'Devolución' },
      },
    })
  })

  it('a second Enter in a hurry, on the form just emptied, queues nothing and keeps the task it repeats in view', async () => {
    const { form, phone, type, submit, sent } = setup()
    await type(phone(), '020 7946 0958')
    await submit()
    expect(sent()).toEqual(['+442079460958'])
    const lastTask = () => form.find('[data-testid="last-task"]')
    expect(lastTask().exists()).toBe(true)
    // The second Enter: the number field is empty again.
    expect((phone().element as HTMLInputElement).value).toBe('')
    await submit()
    expect(sent()).toHaveLength(1)
    expect(form.text()).not.toMatch(/need attention|international format/)
    expect(lastTask().exists()).toBe(true)
    // Typed into again, the form is a new task and judged as one.
    await type(phone(), '020 7946')
    await submit()
    expect(sent()).toHaveLength(1)
    expect(form.text()).toMatch(/need attention/)
  })
})
