import { describe, expect, it } from 'vitest'
import { Profile } from '../../shared/schemas/profiles'
import type { QuickContext } from '../../renderer/src/features/quick-entry/parse-quick-entry'
import { parseQuickEntry, wallTimeIn, zonedIso } from '../../renderer/src/features/quick-entry/parse-quick-entry'
import { drafts } from '../shared/fixtures'
import { inEnglish } from '../shared/in-english'
import quickMessages from '../../renderer/src/features/quick-entry/messages'

// Item 3: one line, read into the task it stands for and checked by the schemas main applies. The
// README's grammar examples are here, each with what must come out of it.

const webex = Profile.parse({ ...drafts.webex, id: '11111111-1111-4111-8111-111111111111' })
const egain = Profile.parse({ ...drafts.egain, id: '22222222-2222-4222-8222-222222222222' })
const connect = Profile.parse({ ...drafts.connect, id: '33333333-3333-4333-8333-333333333333' })
const voice = Profile.parse({ ...drafts.voice_broadcast, id: '44444444-4444-4444-8444-444444444444' })
const webexSales = Profile.parse({ ...drafts.webex, label: 'Sales EU', id: '55555555-5555-4555-8555-555555555555' })

// Monday 7 December 2026, 10:00 UTC; the agent's computer is in New York (05:00 there).
const NOW = new Date('2026-12-07T10:00:00Z')
const context = (over: Partial<QuickContext> = {}): QuickContext => ({
  region: 'US',
  language: 'en',
  profiles: [webex, egain, connect, voice, webexSales],
  defaults: { outdial: null, callback: null },
  now: NOW,
  localZone: 'America/New_York',
  ...over,
})

describe('quick entry', () => {
  it('call 415 555 0100: an outdial on the first Webex profile, in E.164, ready to queue', () => {
    const read = parseQuickEntry('call 415 555 0100', context())
    expect(read.problems).toEqual([])
    expect(read.intent).toEqual({
      kind: 'outdial',
      profileId: webex.id,
      destination: '+14155550100',
      origin: '+14085550100',
      entryPointId: 'EP-outbound-1',
    })
    expect(read.understood?.number?.international).toBe('+1 415 555 0100')
  })

  it('a number alone is an outdial; @word picks the profile; the default profile is used otherwise', () => {
    expect(parseQuickEntry('+44 20 7946 0958', context()).intent).toMatchObject({ kind: 'outdial' })
    expect(parseQuickEntry('dial 415 555 0100 @sales', context()).intent).toMatchObject({ profileId: webexSales.id })
    expect(
      parseQuickEntry('call 415 555 0100', context({ defaults: { outdial: webexSales.id, callback: null } })).intent,
    ).toMatchObject({ profileId: webexSales.id })
  })

  it('callback … tomorrow 3pm London re: refund: 15:00 in London tomorrow, the reason, the customer’s name', () => {
    const read = parseQuickEntry(
      'callback Ana Ruiz +44 20 7946 0958 tomorrow 3pm London re: refund',
      context({ region: 'GB' }),
    )
    expect(read.problems).toEqual([])
    expect(read.intent).toEqual({
      kind: 'callback',
      provider: 'webex',
      profileId: webex.id,
      when: { kind: 'at', at: '2026-12-08T15:00:00+00:00', timeZone: 'Europe/London' },
      destination: '+442079460958',
      customerName: 'Ana Ruiz',
      reason: 'refund',
      windowMinutes: 30,
    })
  })

  it('without a name the callback is not queued, and says what is missing', () => {
    const read = parseQuickEntry('callback +44 20 7946 0958 tomorrow 3pm London re: refund', context())
    expect(read.intent).toBeNull()
    expect(read.problems.map((p) => p.path)).toEqual(['customerName'])
    // The form gets everything else, for Tab.
    expect(read.formValues).toMatchObject({
      destination: '+442079460958',
      reason: 'refund',
      when: { kind: 'at', at: '2026-12-08T15:00:00+00:00', timeZone: 'Europe/London' },
    })
  })

  it('“tomorrow” is the customer’s tomorrow: 9am Tokyo asked at 20:00 Tokyo time is the next morning there', () => {
    // 11:00 UTC = 20:00 in Tokyo, 06:00 in New York.
    const read = parseQuickEntry(
      'callback Kenji +81 3-1234-5678 tomorrow 9am Tokyo',
      context({ now: new Date('2026-12-07T11:00:00Z') }),
    )
    expect(read.intent).toMatchObject({ when: { kind: 'at', at: '2026-12-08T09:00:00+09:00', timeZone: 'Asia/Tokyo' } })
  })

  it('Spanish: devolución … mañana a las 10:30 Madrid', () => {
    const read = parseQuickEntry(
      'devolución Lucía Gómez +34 612 345 678 mañana a las 10:30 Madrid motivo: factura',
      context({ language: 'es' }),
    )
    expect(read.problems).toEqual([])
    expect(read.intent).toMatchObject({
      kind: 'callback',
      customerName: 'Lucía Gómez',
      destination: '+34612345678',
      reason: 'factura',
      when: { kind: 'at', at: '2026-12-08T10:30:00+01:00', timeZone: 'Europe/Madrid' },
    })
  })

  it('a line in the other language than the window’s is read whole: its longer time wins', () => {
    // An English line in the Spanish window: "tomorrow 3pm", not Spanish chrono's "3pm" alone
    // (which left "tomorrow" in the customer's name and the time on the wrong day).
    const english = parseQuickEntry(
      'callback Ana Ruiz +44 20 7946 0958 tomorrow 3pm London re: refund',
      context({ region: 'GB', language: 'es', now: new Date('2026-12-07T09:00:00Z') }),
    )
    expect(english.problems).toEqual([])
    expect(english.intent).toMatchObject({
      customerName: 'Ana Ruiz',
      when: { kind: 'at', at: '2026-12-08T15:00:00+00:00', timeZone: 'Europe/London' },
    })
    // And a Spanish line in the English window.
    const spanish = parseQuickEntry(
      'devolución Lucía Gómez +34 612 345 678 mañana a las 10:30 Madrid motivo: factura',
      context({ language: 'en' }),
    )
    expect(spanish.problems).toEqual([])
    expect(spanish.intent).toMatchObject({
      customerName: 'Lucía Gómez',
      when: { kind: 'at', at: '2026-12-08T10:30:00+01:00', timeZone: 'Europe/Madrid' },
    })
  })

  it('the README’s other words: ahora, in 2 hours, a zone as Londres or NYC', () => {
    const when = (line: string, over: Partial<QuickContext> = {}) =>
      (parseQuickEntry(line, context(over)).intent as { when?: unknown } | null)?.when
    expect(when('devolución Ana +34 612 345 678 ahora', { language: 'es' })).toEqual({ kind: 'now' })
    expect(when('callback Ana +1 415 555 0101 in 2 hours')).toMatchObject({
      kind: 'at',
      at: '2026-12-07T07:00:00-05:00',
      timeZone: 'America/New_York',
    })
    expect(when('devolución Ana +44 20 7946 0958 mañana a las 15:00 Londres', { language: 'es' })).toMatchObject({
      at: '2026-12-08T15:00:00+00:00',
      timeZone: 'Europe/London',
    })
    expect(when('callback Ana +1 212 555 0199 tomorrow 9am NYC')).toMatchObject({
      at: '2026-12-08T09:00:00-05:00',
      timeZone: 'America/New_York',
    })
  })

  it('callback now: the entry point is the profile’s outbound one', () => {
    const read = parseQuickEntry('callback Bo +1 415 555 0101 now', context())
    expect(read.intent).toMatchObject({ when: { kind: 'now' }, customerName: 'Bo', entryPointId: 'EP-outbound-1' })
  })

  it('refuses a time Webex cannot schedule, with the provider’s rule', () => {
    const read = parseQuickEntry('callback Ana +1 415 555 0101 in 10 minutes', context())
    expect(read.intent).toBeNull()
    expect(inEnglish(read.problems)).toEqual([{ path: 'when.at', message: 'Start at least 30 minutes from now.' }])
  })

  it('follow up Ana Ruiz friday: send the contract — a Connect task when only a name is given', () => {
    const read = parseQuickEntry('follow up Ana Ruiz friday: send the contract', context())
    expect(read.problems).toEqual([])
    expect(read.intent).toMatchObject({
      kind: 'followUp',
      provider: 'connect',
      profileId: connect.id,
      name: 'send the contract',
    })
    expect((read.intent as { description: string }).description).toMatch(/^Ana Ruiz · Due 2026-12-11/)
  })

  it('writes the due time into a Connect task in the UI’s language: “Para” in Spanish', () => {
    const read = parseQuickEntry('seguimiento Ana Ruiz viernes: enviar el contrato', context({ language: 'es' }))
    expect((read.intent as { description: string }).description).toMatch(/^Ana Ruiz · Para 2026-12-11/)
  })

  it('follow up with an email: an eGain task for that customer, due on the day, for the user named', () => {
    // The profile acts as an application: eGain needs the user to assign it to, and says so.
    expect(
      inEnglish(parseQuickEntry('follow up ana@example.com friday 4pm: send the contract', context()).problems),
    ).toEqual([
      {
        path: 'assignee',
        message: 'When an application (not a user) creates the task, name the user to assign it to.',
      },
    ])
    const read = parseQuickEntry('follow up ana@example.com friday 4pm assign jdoe: send the contract', context())
    expect(read.problems).toEqual([])
    expect(read.intent).toMatchObject({
      assignee: { by: 'loginId', value: 'jdoe' },
      provider: 'egain',
      profileId: egain.id,
      subject: 'send the contract',
      lookup: { attribute: 'email.emailAddress', value: 'ana@example.com' },
      dueDate: '2026-12-11T16:00:00-05:00',
    })
  })

  it('eGain with a name only: all its problems at once', () => {
    const read = parseQuickEntry('follow up Ana Ruiz friday: send the contract @egain', context())
    expect(read.intent).toBeNull()
    expect(read.problems.map((p) => p.path)).toEqual(['lookup.value', 'assignee'])
  })

  it('broadcast es "Su pedido llegó" to list: Spanish text, the list to come in the form', () => {
    const read = parseQuickEntry('broadcast es "Su pedido llegó" to list', context())
    expect(read.understood).toMatchObject({
      kind: 'broadcast',
      language: 'ES',
      text: 'Su pedido llegó',
      numbers: 'list',
    })
    expect(read.intent).toBeNull()
    expect(read.problems.map((p) => p.path)).toEqual(['numbers'])
    expect(read.formValues).toMatchObject({ lan: 'ES', text: 'Su pedido llegó', profileId: voice.id })
  })

  it('a broadcast with its numbers in the line is ready to queue', () => {
    const read = parseQuickEntry('broadcast vietnamese "Xin chào" to +84 90 123 4567, +84 90 123 4568', context())
    expect(read.problems).toEqual([])
    expect(read.intent).toMatchObject({ lan: 'VN', text: 'Xin chào', numbers: ['84901234567', '84901234568'] })
  })

  it('says why a number is refused, and what an unknown line lacks', () => {
    expect(parseQuickEntry('call +999 1234567', context()).problems).toEqual([
      expect.objectContaining({ path: 'destination' }),
    ])
    expect(parseQuickEntry('hello there', context()).problems).toEqual([{ path: 'kind', message: 'kind' }])
    expect(parseQuickEntry('   ', context())).toMatchObject({ understood: null, intent: null, problems: [] })
  })

  it('says when a bare hour was read as p.m., so the agent sees 3 became 15:00', () => {
    const read = parseQuickEntry('callback Ana +1 415 555 0101 tomorrow at 3', context())
    expect(read.understood?.when).toMatchObject({ at: '2026-12-08T15:00:00-05:00' })
    expect(read.understood?.notes).toEqual(['afternoon'])
    expect(parseQuickEntry('callback Ana +1 415 555 0101 tomorrow at 3pm', context()).understood?.notes).toEqual([])
  })

  it('reads "mañana por la tarde" whole and asks for the hour, the name left alone', () => {
    const read = parseQuickEntry('devolución Ana +34 612 345 678 mañana por la tarde', context({ language: 'es' }))
    expect(read.understood?.customer).toBe('Ana')
    expect(read.problems).toEqual([{ path: 'when.at', message: 'hour' }])
  })

  it('a repeated hour (clocks back) takes the first and says so; a skipped one (clocks forward) is refused', () => {
    const twice = parseQuickEntry(
      'callback Ana +1 415 555 0101 tomorrow 1:30am',
      context({ now: new Date('2026-10-31T16:00:00Z') }),
    )
    expect(twice.understood?.when).toMatchObject({ at: '2026-11-01T01:30:00-04:00' })
    expect(twice.understood?.notes).toEqual(['earlierOfTwo'])
    const never = parseQuickEntry(
      'callback Ana +1 415 555 0101 tomorrow 2:30am',
      context({ now: new Date('2027-03-13T17:00:00Z') }),
    )
    expect(never.problems).toEqual([{ path: 'when.at', message: 'skippedHour' }])
  })

  it('a broadcast with a time is refused with the reason, not queued at once without it', () => {
    const read = parseQuickEntry('broadcast es "Su pedido llegó" +1 415 555 0101 tomorrow 3pm', context())
    expect(read.intent).toBeNull()
    expect(read.problems).toEqual([{ path: 'when', message: 'broadcastTime' }])
  })

  it('turns a wall time into the zone’s offset on that day, daylight saving included', () => {
    expect(zonedIso({ year: 2026, month: 7, day: 1, hour: 15, minute: 0 }, 'Europe/London')).toBe(
      '2026-07-01T15:00:00+01:00',
    )
    expect(zonedIso({ year: 2026, month: 12, day: 1, hour: 15, minute: 0 }, 'America/Sao_Paulo')).toBe(
      '2026-12-01T15:00:00-03:00',
    )
    expect(zonedIso({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, 'Europe/London')).toBe(
      '2026-10-25T01:30:00+01:00',
    )
    expect(wallTimeIn({ year: 2027, month: 3, day: 14, hour: 2, minute: 30 }, 'America/New_York').occurs).toBe('never')
    expect(wallTimeIn({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York').occurs).toBe('twice')
    expect(wallTimeIn({ year: 2026, month: 11, day: 1, hour: 3, minute: 0 }, 'America/New_York').occurs).toBe('once')
  })

  // The line's placeholder is the first example a newcomer copies: each task in it must be ready
  // whatever the default region ("call 415 555 0100" was refused in GB, "No such number exists").
  it.each(['en', 'es'] as const)(
    'the %s placeholder’s examples are ready to queue in any default region',
    (language) => {
      const examples = quickMessages[language].placeholder.replace(/^[^:]*:\s*/, '').split(' · ')
      expect(examples).toHaveLength(2)
      for (const region of ['US', 'GB', 'ES', 'MX'] as const) {
        for (const line of examples) {
          const read = parseQuickEntry(line, context({ region, language }))
          expect({ region, line, problems: read.problems }).toEqual({ region, line, problems: [] })
          expect(read.intent).not.toBeNull()
        }
      }
    },
  )

  it('call … tomorrow 3pm: dialled now, and the preview says the time is not used (it was dropped without a word)', () => {
    const read = parseQuickEntry('call 020 7946 0958 tomorrow 3pm', context({ region: 'GB' }))
    expect(read.intent).toMatchObject({ kind: 'outdial', destination: '+442079460958' })
    expect(read.understood?.when).toEqual({ kind: 'now' })
    expect(read.understood?.notes).toEqual(['outdialNow'])
    const es = parseQuickEntry('llamar 612 345 678 mañana a las 10', context({ region: 'ES', language: 'es' }))
    expect(es.understood?.notes).toEqual(['outdialNow'])
    // Without a time, nothing is said.
    expect(parseQuickEntry('call 415 555 0100', context()).understood?.notes).toEqual([])
    expect(parseQuickEntry('Jane: 415 555 0100', context()).understood?.when).toBeNull()
  })
})
