// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import type { DOMWrapper, VueWrapper } from '@vue/test-utils'
import { Profile } from '../../shared/schemas/profiles'
import type { ProfileOf } from '../../shared/schemas/profiles'
import VoiceBroadcastForm from '../../renderer/src/features/tasks/broadcast/voice/VoiceBroadcastForm.vue'
import { languageOptions, voiceFor } from '../../renderer/src/features/tasks/broadcast/voice/languages'
import { pack, unpack } from '../../renderer/src/features/tasks/broadcast/voice/number-list-protocol'
import { drafts } from '../shared/fixtures'
import { mountInApp, settleValidation, answerSubmit } from './mount'

// The voice broadcast form's rules, as the agent meets them: the text limit and its counter, the
// number list (normalized, duplicates removed, bad rows listed by line), the call settings at their
// bounds, the conditional SMS and transfer parts, and exactly the intent main expects when all is well.

// happy-dom runs no module workers: the list is parsed in-thread here with the same parser the worker runs.
vi.mock('../../renderer/src/features/tasks/broadcast/voice/number-list-client', async () => {
  const { parseNumberList } = await import('../../shared/phone/number-list')
  return {
    createNumberListParser: () => ({
      async parse(
        request: {
          source: { kind: 'text'; text: string } | { kind: 'file'; file: File }
          defaultRegion: 'GB'
          maxNumbers: number
        },
        onProgress: (done: number, total: number) => void,
      ) {
        const text = request.source.kind === 'text' ? request.source.text : await request.source.file.text()
        const { numbers, ...rest } = parseNumberList(text, {
          defaultRegion: request.defaultRegion,
          maxNumbers: request.maxNumbers,
          onProgress,
        })
        return { summary: { ...rest, count: numbers.length }, numbers: () => numbers }
      },
      dispose() {},
    }),
  }
})

const voice = Profile.parse({
  ...drafts.voice_broadcast,
  smsAppId: 'sms-app-1',
  id: '55555555-5555-4555-8555-555555555555',
}) as ProfileOf<'voice_broadcast'>
const noSms = Profile.parse({
  ...drafts.voice_broadcast,
  label: 'No SMS',
  id: '66666666-6666-4666-8666-666666666666',
}) as ProfileOf<'voice_broadcast'>

function setup(profiles = [voice]) {
  const mounted = mountInApp(VoiceBroadcastForm, {
    props: { profiles, region: 'GB' },
    answer: answerSubmit,
  })
  const form = mounted.wrapper
  const type = async (input: Pick<DOMWrapper<Element>, 'setValue'>, text: string) => {
    await input.setValue(text)
    await settleValidation()
  }
  const field = (name: string) => form.get(`[name="${name}"]`)
  const chooseLanguage = async (code: string) => {
    const selects = form.findAllComponents({ name: 'ElSelect' }) as VueWrapper[]
    selects[1]!.vm.$emit('update:modelValue', code)
    await settleValidation()
  }
  const paste = async (text: string) => {
    await form.get('textarea.paste').setValue(text)
    // The list is read after a pause in typing, then parsed: wait for its summary, however long that takes.
    await vi.waitFor(() => expect(form.find('[data-testid="number-summary"]').exists()).toBe(true), {
      timeout: 10_000,
    })
    await settleValidation()
  }
  const submit = async () => {
    await form.get('form').trigger('submit')
    await settleValidation()
  }
  const submitted = () => mounted.calls.filter((c) => c.channel === 'tasks:submit')
  return { ...mounted, form, type, field, chooseLanguage, paste, submit, submitted }
}

describe('voice broadcast form', () => {
  it('offers the 14 platform languages by native and English name', () => {
    const options = languageOptions()
    expect(options.map((o) => o.value)).toEqual([
      'VN',
      'EN',
      'JP',
      'ARB',
      'DE',
      'IN',
      'IT',
      'KR',
      'RU',
      'ES',
      'PT',
      'IDN',
      'BD',
      'TH',
    ])
    const vn = options.find((o) => o.value === 'VN')!
    expect(vn.native).toBe('Tiếng Việt')
    expect(vn.english).toBe('Vietnamese')
    expect(vn.label).toBe('Tiếng Việt · Vietnamese')
    expect(options.find((o) => o.value === 'IN')!.english).toBe('Hindi')
    expect(options.find((o) => o.value === 'JP')!.label).toBe('日本語 · Japanese')
    expect(options.find((o) => o.value === 'EN')!.label).toBe('English')
  })

  it('picks this computer’s voice by language, and says so plainly when it has none', async () => {
    const v = (lang: string, extra: Partial<SpeechSynthesisVoice> = {}) =>
      ({ lang, name: lang, default: false, localService: true, voiceURI: lang, ...extra }) as SpeechSynthesisVoice
    expect(voiceFor([v('en-US'), v('vi-VN')], 'vi')?.lang).toBe('vi-VN')
    expect(voiceFor([v('in_ID')], 'id')?.lang).toBe('in_ID')
    expect(voiceFor([v('en-US')], 'th')).toBeUndefined()

    const { form, chooseLanguage } = setup()
    await chooseLanguage('TH')
    // happy-dom has no speech voices: the form says the preview cannot play, and why it does not matter.
    expect(form.get('[data-testid="speech-preview"]').text()).toMatch(/no voice for ไทย · Thai|cannot play speech/)
  })

  it('counts the text live: 1000 characters fit, 1001 do not, and nothing is sent', async () => {
    const { form, type, field, chooseLanguage, paste, submit, submitted } = setup()
    await chooseLanguage('EN')
    await paste('+44 20 7946 0958')
    await type(field('text'), 'a'.repeat(1000))
    expect(form.text()).toContain('1,000 / 1,000 characters')
    expect(form.text()).not.toContain('at most 1,000 characters')
    await type(field('text'), 'a'.repeat(1001))
    expect(form.text()).toContain('1,001 / 1,000 characters')
    expect(form.get('.counter').classes()).toContain('over')
    await submit()
    expect(form.text()).toContain('The text to speak can be at most 1,000 characters.')
    expect(submitted()).toHaveLength(0)
  })

  it('normalizes a pasted list: duplicates removed, bad rows listed by line, the count shown', async () => {
    const { form, paste } = setup()
    await paste(['020 7946 0958', '+44 20 7946 0958', 'not a number', '', '07911 123456', '123'].join('\n'))
    const summary = form.get('[data-testid="number-summary"]')
    expect(summary.get('[data-testid="number-count"]').text()).toBe('2 numbers to call')
    expect(summary.get('[data-testid="duplicates"]').text()).toBe('1 duplicate removed')
    expect(summary.get('[data-testid="invalid-count"]').text()).toBe('2 entries are not numbers that can be called')
    const rows = summary.findAll('[data-testid="invalid-rows"] li').map((li) => li.text())
    expect(rows[0]).toMatch(/^Line 3:\s*not a number\s*not a phone number$/)
    expect(rows[1]).toMatch(/^Line 6:\s*123\s*/)
  })

  it('holds loops, call length and ringing time to their bounds', async () => {
    const { form, type, field, chooseLanguage, paste, submit, submitted } = setup()
    await chooseLanguage('EN')
    await paste('+44 20 7946 0958')
    await type(field('text'), 'Hello')
    await type(field('loopCount'), '10')
    await type(field('maxCalls'), '1000')
    await type(field('maxRingingTime'), '19')
    await submit()
    expect(form.text()).toContain('The loop count can be at most 9.')
    expect(form.text()).toContain('The maximum call duration (seconds) can be at most 999.')
    expect(form.text()).toContain('The maximum ringing time (seconds) must be at least 20.')
    expect(submitted()).toHaveLength(0)

    await type(field('loopCount'), '9')
    await type(field('maxCalls'), '999')
    await type(field('maxRingingTime'), '120')
    await submit()
    expect(submitted()).toHaveLength(1)
    expect(submitted()[0]!.input).toMatchObject({ intent: { loopCount: 9, maxCalls: 999, maxRingingTime: 120 } })
  })

  it('needs a list before it sends anything', async () => {
    const { form, type, field, chooseLanguage, submit, submitted } = setup()
    await chooseLanguage('EN')
    await type(field('text'), 'Hello')
    await submit()
    expect(form.get('[data-testid="numbers-error"]').text()).toBe('Give at least one number to call.')
    expect(submitted()).toHaveLength(0)
  })

  it('lets the agent choose when the hang-up SMS goes out, and refuses none', async () => {
    const { form, type, field, chooseLanguage, paste, submit, submitted } = setup()
    await chooseLanguage('EN')
    await paste('+44 20 7946 0958')
    await type(field('text'), 'Hello')
    await form.get('[data-testid="sms-toggle"]').setValue(true)
    await settleValidation()
    await type(field('hangUpSms.content'), 'Thanks for listening.')
    await form.get('[name="hangUpSms.onSuccess"]').setValue(false)
    await settleValidation()
    await submit()
    expect(form.text()).toContain('Choose when the SMS is sent')
    expect(submitted()).toHaveLength(0)
    await form.get('[name="hangUpSms.onFailed"]').setValue(true)
    await type(field('hangUpSms.onKey'), '3')
    await submit()
    expect(submitted()).toHaveLength(1)
    expect(submitted()[0]!.input).toMatchObject({
      intent: { hangUpSms: { onSuccess: false, onFailed: true, onRing: false, onKey: '3' } },
    })
  })

  it('asks for the SMS text and the transfer key only when they are on, and refuses them empty', async () => {
    const { form, type, field, chooseLanguage, paste, submit, submitted } = setup()
    await chooseLanguage('EN')
    await paste('+44 20 7946 0958')
    await type(field('text'), 'Hello')
    expect(form.find('[name="hangUpSms.content"]').exists()).toBe(false)
    await form.get('[data-testid="sms-toggle"]').setValue(true)
    await form.get('[data-testid="transfer-toggle"]').setValue(true)
    await settleValidation()
    await form.get('input[type="radio"][value="key"]').setValue(true)
    await settleValidation()
    await submit()
    expect(form.text()).toContain('Enter the SMS text.')
    expect(form.text()).toContain('The agent group id must be a whole number.')
    expect(form.text()).toContain('Enter the key that transfers the call (0 to 9).')
    expect(submitted()).toHaveLength(0)

    await type(field('hangUpSms.content'), 'Thanks, call us back on 0800 000 000.')
    await type(field('toSeat.sipGroupId'), '42')
    await type(field('toSeat.key'), '10')
    await submit()
    expect(form.text()).toContain('The transfer key can be at most 9.')
    expect(submitted()).toHaveLength(0)
    await type(field('toSeat.key'), '0')
    await submit()
    expect(submitted()).toHaveLength(1)
    expect(submitted()[0]!.input).toMatchObject({
      intent: {
        hangUpSms: {
          content: 'Thanks, call us back on 0800 000 000.',
          onSuccess: true,
          successDelaySeconds: 0,
          onFailed: false,
          onRing: false,
          onKey: '',
        },
        toSeat: { sipGroupId: 42, calloutRate: 100, key: 0 },
      },
    })
  })

  it('cannot turn on the hang-up SMS for a profile without an SMS app id', () => {
    const { form } = setup([noSms])
    expect(form.get('[data-testid="sms-toggle"]').attributes('disabled')).toBeDefined()
    expect(form.text()).toContain('This profile has no SMS app id')
  })

  it('a valid form sends exactly the intent main expects, windows included', async () => {
    const { form, type, field, chooseLanguage, paste, submit, submitted } = setup()
    await chooseLanguage('VN')
    await type(field('text'), 'Xin chào, đơn hàng của bạn đã được giao.')
    await paste('020 7946 0958\n07911 123456\n020 7946 0958')
    await form.get('.windows .add-row').trigger('click')
    await settleValidation()
    await type(field('allowSendTime[0].endTime'), '17:30')
    await submit()
    expect(submitted()).toHaveLength(1)
    expect(submitted()[0]!.input).toEqual({
      window: 'main',
      intent: {
        kind: 'broadcast',
        provider: 'voice_broadcast',
        profileId: voice.id,
        taskName: 'Callboard broadcast',
        numbers: ['442079460958', '447911123456'],
        text: 'Xin chào, đơn hàng của bạn đã được giao.',
        lan: 'VN',
        loopCount: 1,
        maxCalls: 60,
        maxRingingTime: 60,
        allowSendTime: [{ strTime: '09:00', endTime: '17:30' }],
      },
    })
    // Queued: the list and the text are cleared for the next broadcast, the language is kept.
    expect(form.find('[data-testid="number-summary"]').exists()).toBe(false)
    expect((field('text').element as HTMLTextAreaElement).value).toBe('')
  })

  it('moves the numbers as one packed buffer and back', () => {
    const numbers = ['442079460958', '447911123456']
    expect(unpack(pack(numbers))).toEqual(numbers)
    expect(unpack(pack([]))).toEqual([])
  })
})
