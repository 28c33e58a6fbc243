// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import type { DOMWrapper } from '@vue/test-utils'
import { Profile } from '../../shared/schemas/profiles'
import type { ProfileOf } from '../../shared/schemas/profiles'
import OutdialForm from '../../renderer/src/features/tasks/outdial/OutdialForm.vue'
import { drafts } from '../shared/fixtures'
import { mountInApp, settleValidation, answerSubmit } from './mount'

// The outdial form's rules, as the agent meets them: the phone field, and the attribute and SIP
// header limits that Webex counts in UTF-8 bytes (so multi-byte text reaches them sooner).

const webex = Profile.parse({ ...drafts.webex, id: '11111111-1111-4111-8111-111111111111' }) as ProfileOf<'webex'>

function setup() {
  const mounted = mountInApp(OutdialForm, {
    props: { profiles: [webex], region: 'GB' },
    answer: answerSubmit,
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
  return { ...mounted, form, type, phone, editor, addRow, submit }
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

  it('counts attribute values in UTF-8 bytes: 512 × "é" fits in 1024, 513 does not', async () => {
    const { form, phone, type, addRow, submit, calls } = setup()
    await type(phone(), '+44 20 7946 0958')
    await addRow(0, 'note', 'é'.repeat(512))
    expect(form.text()).toContain('1024 / 1024 bytes')
    expect(form.text()).not.toContain('At most 1024 bytes')

    const value = form.findAll('.key-value')[0]!.findAll('.row input')[1]!
    await type(value, 'é'.repeat(513))
    expect(form.text()).toContain('1026 / 1024 bytes')
    expect(form.text()).toContain('At most 1024 bytes (UTF-8) per value.')
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
    expect(header.text()).toContain('SIP headers take at most 1100 bytes')
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
})
