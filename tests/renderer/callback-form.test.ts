// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'
import { ElDatePicker, ElInputNumber, ElSelect, ElSelectV2 } from 'element-plus'
import { Profile } from '../../shared/schemas/profiles'
import type { ProfileOf } from '../../shared/schemas/profiles'
import CallbackForm from '../../renderer/src/features/tasks/callback/CallbackForm.vue'
import { drafts } from '../shared/fixtures'
import { mountInApp, settleValidation, answerSubmit } from './mount'

dayjs.extend(utc)
dayjs.extend(timezone)

// The callback form's rules as the agent meets them: the provider's time window (Webex scheduled
// callbacks ≥ 30 minutes and ≤ 31 days ahead in one day's window; Connect tasks in the future and
// ≤ 6 days ahead) judged as the time is picked, nothing queued outside it, and the exact intent
// main receives inside it: wall time in the chosen zone, sent as an instant with that zone's offset.

const webex = Profile.parse({
  ...drafts.webex,
  id: '11111111-1111-4111-8111-111111111111',
  entryPoints: [
    { id: 'EP-inbound-1', label: 'Support inbound', direction: 'inbound' },
    { id: 'EP-outbound-1', label: 'Sales outbound', direction: 'outbound' },
  ],
}) as ProfileOf<'webex'>
const connect = Profile.parse({
  ...drafts.connect,
  id: '22222222-2222-4222-8222-222222222222',
  quickConnects: [{ id: 'qc-1', label: 'Billing queue' }],
}) as ProfileOf<'connect'>

const WALL = 'YYYY-MM-DD HH:mm:ss'
const MINUTE = 60_000

/** A zone where `ms` from now falls between 01:00 and 21:59 (so a 30-minute window ends that day). */
function daytimeZone(ms: number): string {
  const zones = ['UTC', 'Asia/Tokyo', 'America/New_York', 'Pacific/Auckland']
  return zones.find((z) => {
    const hour = dayjs(Date.now() + ms)
      .tz(z)
      .hour()
    return hour >= 1 && hour <= 21
  })!
}

/** The wall time (to the minute, rounded down) `ms` from now in `zone`. */
const wallIn = (ms: number, zone: string) =>
  dayjs(Date.now() + ms)
    .tz(zone)
    .second(0)
    .format(WALL)

function setup(language: 'en' | 'es' = 'en') {
  const mounted = mountInApp(CallbackForm, {
    props: { profiles: [webex, connect], region: 'GB' },
    language,
    answer: answerSubmit,
  })
  const form = mounted.wrapper
  /** The select in the field whose label reads `label`. */
  const select = (label: string) => {
    const field = form.findAll('.field').find((f) => f.find('label').exists() && f.get('label').text() === label)
    const all = [...form.findAllComponents(ElSelect), ...form.findAllComponents(ElSelectV2)] as VueWrapper[]
    const found = all.find((s) => field?.element.contains(s.element))
    if (!found) throw new Error(`no select labelled ${label}`)
    return found
  }
  const choose = async (label: string, value: string) => {
    select(label).vm.$emit('update:modelValue', value)
    await settleValidation()
  }
  const later = async () => {
    await form.get('input[type="radio"][value="at"]').setValue(true)
    await settleValidation()
  }
  const pick = async (wall: string | null) => {
    form.getComponent(ElDatePicker).vm.$emit('update:modelValue', wall)
    await settleValidation()
  }
  const fill = async (name = 'Ada Lovelace') => {
    await form.get('input[type="tel"]').setValue('020 7946 0958')
    await form.get('input[name="customerName"]').setValue(name)
    await form.get('input[name="reason"]').setValue('Asked about her refund')
    await settleValidation()
  }
  const submit = async () => {
    await form.get('form').trigger('submit')
    await settleValidation()
  }
  const sent = () => mounted.calls.filter((c) => c.channel === 'tasks:submit')
  const timeError = () => form.find('[data-testid="date-time-error"]')
  return { ...mounted, form, choose, later, pick, fill, submit, sent, timeError }
}

describe('callback form', () => {
  it('Webex now: a CALLBACK through an outbound entry point, exactly the intent main expects', async () => {
    const { form, fill, submit, sent } = setup()
    // Only the outbound entry point is offered (Webex takes an outbound one for CALLBACK).
    expect(form.text()).not.toContain('Support inbound')
    await fill()
    await submit()
    expect(sent()).toHaveLength(1)
    expect(sent()[0]!.input).toEqual({
      window: 'main',
      intent: {
        kind: 'callback',
        provider: 'webex',
        profileId: webex.id,
        when: { kind: 'now' },
        destination: '+442079460958',
        customerName: 'Ada Lovelace',
        reason: 'Asked about her refund',
        entryPointId: 'EP-outbound-1',
      },
    })
  })

  it('a customer name is needed and takes at most 250 characters (multi-byte ones count as one)', async () => {
    const { form, fill, submit, sent } = setup()
    await fill('')
    await submit()
    expect(form.text()).toContain('Enter the customer name.')
    expect(sent()).toHaveLength(0)
    await form.get('input[name="customerName"]').setValue('é'.repeat(251))
    await settleValidation()
    expect(form.text()).toContain('At most 250 characters.')
    await submit()
    expect(sent()).toHaveLength(0)
    await form.get('input[name="customerName"]').setValue('é'.repeat(250))
    await settleValidation()
    expect(form.text()).not.toContain('At most 250 characters.')
    await submit()
    expect(sent()).toHaveLength(1)
  })

  it('Webex later: 29 minutes ahead is refused as picked, 32 minutes is queued as a scheduled callback in the chosen zone', async () => {
    const zone = daytimeZone(32 * MINUTE)
    const { form, choose, later, pick, fill, submit, sent, timeError } = setup()
    await fill()
    await later()
    await choose('Time zone', zone)
    await pick(wallIn(29 * MINUTE, zone))
    // Shown as soon as it is picked, before any submit.
    expect(timeError().text()).toBe('Start at least 30 minutes from now.')
    await submit()
    expect(sent()).toHaveLength(0)

    const wall = wallIn(32 * MINUTE + MINUTE, zone)
    await pick(wall)
    expect(timeError().exists()).toBe(false)
    expect(form.text()).toContain(`in ${zone} (UTC${dayjs.tz(wall, zone).format('Z')})`)
    await submit()
    expect(sent()).toHaveLength(1)
    expect(sent()[0]!.input).toEqual({
      window: 'main',
      intent: {
        kind: 'callback',
        provider: 'webex',
        profileId: webex.id,
        // The wall time picked, with the zone's offset (never `Z`, even in UTC).
        when: { kind: 'at', at: dayjs.tz(wall, zone).format('YYYY-MM-DDTHH:mm:ssZ'), timeZone: zone },
        destination: '+442079460958',
        customerName: 'Ada Lovelace',
        reason: 'Asked about her refund',
        windowMinutes: 30,
      },
    })
    // The offset in the instant is the zone's, and the instant is the wall time in that zone.
    const at = (sent()[0]!.input as { intent: { when: { at: string } } }).intent.when.at
    expect(dayjs(at).tz(zone).format(WALL)).toBe(wall)
  })

  it('Webex later: 31 days ahead is taken, 32 days is refused', async () => {
    const { later, pick, fill, submit, sent, timeError } = setup()
    await fill()
    await later()
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
    const day = (n: number) => dayjs().tz(zone).add(n, 'day').format('YYYY-MM-DD')
    await pick(`${day(32)} 12:00:00`)
    expect(timeError().text()).toBe('Schedule the callback at most 31 days ahead.')
    await submit()
    expect(sent()).toHaveLength(0)
    await pick(`${day(31)} 12:00:00`)
    expect(timeError().exists()).toBe(false)
    await submit()
    expect(sent()).toHaveLength(1)
  })

  it('Webex later: the window is 30 minutes to 8 hours and may not run past midnight', async () => {
    const { form, later, pick, fill, submit, sent } = setup()
    await fill()
    await later()
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
    const tomorrow = dayjs().tz(zone).add(1, 'day').format('YYYY-MM-DD')
    const window = form.getComponent(ElInputNumber)
    const setWindow = async (minutes: number) => {
      window.vm.$emit('update:modelValue', minutes)
      await settleValidation()
    }
    // The control holds the window to the API's range: 481 becomes 480, 29 becomes 30.
    await pick(`${tomorrow} 10:00:00`)
    await setWindow(481)
    expect(form.get('.window-field').text()).toContain('10:00–18:00')
    await setWindow(29)
    expect(form.get('.window-field').text()).toContain('10:00–10:30')

    // 23:00 for 60 minutes ends tomorrow: refused at once; 59 minutes ends at 23:59.
    await pick(`${tomorrow} 23:00:00`)
    await setWindow(60)
    expect(form.get('[data-testid="window-error"]').text()).toBe('The callback window has to end on the day it starts.')
    await submit()
    expect(sent()).toHaveLength(0)
    await setWindow(59)
    expect(form.find('[data-testid="window-error"]').exists()).toBe(false)
    expect(form.text()).toContain('23:00–23:59')
    await submit()
    expect(sent()).toHaveLength(1)
    expect((sent()[0]!.input as { intent: { windowMinutes: number } }).intent.windowMinutes).toBe(59)
  })

  it('Connect later: up to 6 days ahead; 6 days and 5 minutes is refused, as is a time past', async () => {
    const { choose, later, pick, fill, submit, sent, timeError } = setup()
    await choose('Profile', connect.id)
    await fill()
    await later()
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
    await pick(wallIn(6 * 24 * 60 * MINUTE + 5 * MINUTE, zone))
    expect(timeError().text()).toBe('Amazon Connect takes a task at most 6 days ahead.')
    await submit()
    expect(sent()).toHaveLength(0)
    await pick(wallIn(-2 * MINUTE, zone))
    expect(timeError().text()).toBe('The scheduled time has to be in the future.')
    await submit()
    expect(sent()).toHaveLength(0)
    const wall = wallIn(6 * 24 * 60 * MINUTE - 5 * MINUTE, zone)
    await pick(wall)
    expect(timeError().exists()).toBe(false)
    await submit()
    expect(sent()).toHaveLength(1)
    expect(sent()[0]!.input).toEqual({
      window: 'main',
      intent: {
        kind: 'callback',
        provider: 'connect',
        profileId: connect.id,
        when: { kind: 'at', at: dayjs.tz(wall, zone).format('YYYY-MM-DDTHH:mm:ssZ'), timeZone: zone },
        destination: '+442079460958',
        customerName: 'Ada Lovelace',
        reason: 'Asked about her refund',
        target: { kind: 'contactFlow', id: 'flow-1' },
      },
    })
  })

  it('Connect now: the target is a flow or a quick connect of the profile', async () => {
    const { form, choose, fill, submit, sent } = setup()
    await choose('Profile', connect.id)
    await fill()
    await form.get('input[type="radio"][value="quickConnect"]').setValue(true)
    await settleValidation()
    await submit()
    expect(sent()).toHaveLength(1)
    expect(sent()[0]!.input).toEqual({
      window: 'main',
      intent: {
        kind: 'callback',
        provider: 'connect',
        profileId: connect.id,
        when: { kind: 'now' },
        destination: '+442079460958',
        customerName: 'Ada Lovelace',
        reason: 'Asked about her refund',
        target: { kind: 'quickConnect', id: 'qc-1' },
      },
    })
  })

  it('another zone keeps the wall time typed, moves the instant, and shows the time on this computer', async () => {
    const { form, choose, later, pick, fill } = setup()
    await fill()
    await later()
    const local = Intl.DateTimeFormat().resolvedOptions().timeZone
    const other = local === 'Asia/Tokyo' ? 'America/Los_Angeles' : 'Asia/Tokyo'
    const tomorrow = dayjs().tz(other).add(2, 'day').format('YYYY-MM-DD')
    await pick(`${tomorrow} 10:00:00`)
    expect(form.text()).not.toContain('On this computer')
    await choose('Time zone', other)
    const picker = form.get('.el-date-editor input').element as HTMLInputElement
    expect(picker.value).toBe(`${tomorrow} 10:00`)
    const summary = form.get('[data-testid="date-time-summary"]').text()
    expect(summary).toContain(`in ${other} (UTC${dayjs.tz(`${tomorrow} 10:00`, other).format('Z')})`)
    expect(summary).toContain(`On this computer (${local})`)
    const localTime = new Intl.DateTimeFormat('en', { timeStyle: 'short', timeZone: local }).format(
      dayjs.tz(`${tomorrow} 10:00`, other).toDate(),
    )
    expect(summary).toContain(localTime)
  })

  it('in Spanish, the provider window is said in Spanish', async () => {
    const { later, pick, fill, timeError, submit, sent } = setup('es')
    await fill()
    await later()
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
    await pick(wallIn(10 * MINUTE, zone))
    expect(timeError().text()).toBe('Empiece como mínimo dentro de 30 minutos.')
    await submit()
    expect(sent()).toHaveLength(0)
  })
})
