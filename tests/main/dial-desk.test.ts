import { renderMessage } from '../../shared/i18n/render-message'
import { describe, expect, it } from 'vitest'
import type { DialRequest } from '../../shared/schemas/dial'
import { createTestServices } from './test-app-services'
import { inEnglish } from '../shared/in-english'
import { noteInEnglish } from '../../electron/main/core/note'
import { undialable } from '../../electron/main/desktop/dial-desk'
import { issueMessage } from '../../shared/i18n/issue-message'

// The shortcut's path from text to a queued outdial, on the real services with the sandbox:
// what the confirm window would show, what the agent confirms, and what reaches the Webex simulator.

async function setup(settings: Record<string, unknown> = {}) {
  const notes: { title: string; body: string }[] = []
  const requests: DialRequest[] = []
  const { services } = await createTestServices({ sandbox: true, notify: (n) => notes.push(noteInEnglish(n)) })
  if (Object.keys(settings).length) await services.settings.update(settings)
  services.events.subscribe((channel, payload) => {
    if (channel === 'dial:requested') requests.push(payload as DialRequest)
  })
  return { services, notes, requests }
}

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('the dial desk', () => {
  it('turns "+44 20 7946 0958 ext. 12" into one confirmable number, and dials the main number on confirm', async () => {
    const { services, requests } = await setup()
    try {
      const outcome = await services.desk.fromText('+44 20 7946 0958 ext. 12', 'clipboard')
      expect(outcome.kind).toBe('confirm')
      expect(requests).toHaveLength(1)
      const pending = await services.dispatch('dial:pending', undefined)
      expect(pending).toMatchObject({
        ok: true,
        value: {
          origin: 'clipboard',
          candidates: [{ e164: '+442079460958', national: '020 7946 0958', extension: '12', source: 'text' }],
          profile: { label: 'Sandbox · Webex Contact Center' },
        },
      })
      const request = (pending as { value: DialRequest }).value
      const queued = await services.dispatch('dial:confirm', { requestId: request.id, index: 0 })
      expect(queued).toMatchObject({ ok: true, value: { kind: 'outdial', state: 'queued' } })
      await until(() => services.sandbox!.ledger('webex').length === 1)
      expect((services.sandbox!.ledger('webex')[0] as { body: unknown }).body).toMatchObject({
        destination: '+442079460958',
        outboundType: 'OUTDIAL',
        origin: request.callerId.number,
        entryPointId: request.entryPoint.id,
      })
      expect(await services.dispatch('dial:pending', undefined)).toEqual({ ok: true, value: null })
      // A second confirm of the same request is refused: nothing is dialled twice.
      const again = await services.dispatch('dial:confirm', { requestId: request.id, index: 0 })
      expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } })
    } finally {
      await services.close()
    }
  })

  it('lists several numbers in text order, and tel: links', async () => {
    const { services } = await setup()
    try {
      const text = 'Call +1 (415) 555-0132 or tel:+44-20-7946-0958;ext=7, not order 123456789.'
      const outcome = await services.desk.fromText(text, 'clipboard')
      expect(outcome.kind === 'confirm' && outcome.request.candidates.map((c) => c.e164)).toEqual([
        '+14155550132',
        '+442079460958',
      ])
    } finally {
      await services.close()
    }
  })

  it('says so in a notification when nothing is dialable, and opens no window', async () => {
    const { services, notes, requests } = await setup()
    try {
      for (const text of ['', 'Meeting on 2026-11-23 at 10:30', 'Order #123456789', '020 7946']) {
        const outcome = await services.desk.fromText(text, 'clipboard')
        expect(outcome.kind, text).toBe('nothing')
      }
      expect(requests).toEqual([])
      expect(notes).toHaveLength(4)
      expect(notes.every((n) => n.title === 'Callboard: nothing to dial')).toBe(true)
      expect(notes[3]!.body).toMatch(/020 7946/)
      expect(services.sandbox!.ledger('webex')).toHaveLength(0)
    } finally {
      await services.close()
    }
  })

  it('gives the reason as keys, which Spanish says in full', async () => {
    const { services } = await setup({ defaultRegion: 'GB', uiLanguage: 'es' })
    try {
      const why = async (text: string) => {
        const outcome = await services.desk.fromText(text, 'clipboard')
        if (outcome.kind !== 'nothing') throw new Error(`${text}: ${outcome.kind}`)
        return outcome.why
      }
      expect(await why('')).toEqual({ key: 'dialNothing.noNumberInClipboard' })
      const short = await why('12345')
      expect(short).toEqual({
        key: 'dialNothing.notANumber',
        params: { text: '12345', why: { key: 'dialNothing.why.too_short_in', params: { country: 'GB' } } },
      })
      expect(renderMessage(short, 'es')).toBe(
        '«12345» no es un número que se pueda marcar: es demasiado corto para un número de GB.',
      )
      expect(renderMessage(await why('Meeting on 2026-11-23'), 'es')).toMatch(/: es una fecha\.$/)
    } finally {
      await services.close()
    }
  })

  it('names what is wrong precisely, and the country the number itself names', async () => {
    const { services, notes } = await setup({ defaultRegion: 'GB' })
    try {
      const said = async (text: string) => {
        const outcome = await services.desk.fromText(text, 'clipboard')
        expect(outcome.kind, text).toBe('nothing')
        return notes.at(-1)!.body
      }
      expect(await said('12345')).toBe('"12345" is not a number to dial: too short for a number in GB.')
      expect(await said('+1 555')).toBe('"+1 555" is not a number to dial: too short for a number in US.')
      expect(await said('+1 234 567 8')).toBe('"+1 234 567 8" is not a number to dial: too short for a number in US.')
      expect(await said('+1 555 555 0100')).toBe(
        '"+1 555 555 0100" is not a number to dial: no such number exists in US.',
      )
      expect(await said('+999 1234567')).toBe(
        '"+999 1234567" is not a number to dial: its country code does not exist.',
      )
      expect(await said('Invoice 020 7946 0958')).toBe(
        '"020 7946 0958" is not a number to dial: it follows a reference label (order, invoice, account…), not a phone label.',
      )
      // The override is left out of the notification: it would reorder the notification's own text.
      expect(await said('\u202e8590 6497 02 44+\u202c')).toBe(
        '"8590 6497 02 44+" is not a number to dial: it is inside right-to-left or isolate controls, so the digits shown may not be the ones read.',
      )
    } finally {
      await services.close()
    }
  })

  it('never offers the rest of an international number cut by an invisible character as a national one', async () => {
    const { services } = await setup({ defaultRegion: 'US' })
    try {
      for (const joiner of ['\u200d', '\ufeff', '\u202f', '\u2009', '\u2007', '\u200c', '\u2060']) {
        const outcome = await services.desk.fromText(`+49${joiner}30 12345678`, 'clipboard')
        expect(outcome.kind === 'confirm' && outcome.request.candidates.map((c) => c.e164)).toEqual(['+493012345678'])
      }
    } finally {
      await services.close()
    }
  })

  it('refuses at submit a destination libphonenumber calls invalid, with a specific message', async () => {
    const { services } = await setup()
    try {
      const webex = services.sandbox!.profiles().find((p) => p.provider === 'webex')!
      const intent = {
        kind: 'outdial',
        profileId: webex.id,
        destination: '+9991234567',
        entryPointId: webex.entryPoints.find((e) => e.direction === 'outbound')!.id,
        origin: webex.outdialAnis[0]!.number,
      }
      const refused = await services.dispatch('tasks:submit', { intent })
      expect(inEnglish(refused)).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          issues: [
            {
              path: ['intent', 'destination'],
              message: 'This country code does not exist, so the number cannot be dialled.',
            },
          ],
        },
      })
      const accepted = await services.dispatch('tasks:submit', { intent: { ...intent, destination: '+14155550132' } })
      expect(accepted).toMatchObject({ ok: true })
    } finally {
      await services.close()
    }
  })

  it("words a refusal without the schema's own words in the agent's language, on the field too", () => {
    // The schema always says why today; the fallback must not be the one English text that reaches
    // the window when it does not.
    const refusal = undialable(undefined)
    expect(renderMessage(refusal.said, 'es')).toBe('Ese número no se puede marcar.')
    expect(refusal.issues?.map((i) => [i.path, renderMessage(issueMessage(i.message), 'es')])).toEqual([
      [['destination'], 'Ese número no se puede marcar.'],
    ])
  })

  it('dials a single number at once when auto-dial is on, and still asks when there are several', async () => {
    const { services, notes, requests } = await setup({ autoDial: true })
    try {
      const one = await services.desk.fromText('+1 415 555 0132', 'selection')
      expect(one.kind).toBe('dialled')
      expect(notes.at(-1)?.title).toBe('Callboard: dialling')
      await until(() => services.sandbox!.ledger('webex').length === 1)
      const two = await services.desk.fromText('+1 415 555 0132, +44 20 7946 0958', 'clipboard')
      expect(two.kind).toBe('confirm')
      expect(requests).toHaveLength(1)
    } finally {
      await services.close()
    }
  })

  it('a cancelled request cannot be confirmed', async () => {
    const { services } = await setup()
    try {
      const outcome = await services.desk.fromText('+1 415 555 0132', 'link')
      if (outcome.kind !== 'confirm') throw new Error('expected a confirm')
      await services.dispatch('dial:cancel', { requestId: outcome.request.id })
      const confirmed = await services.dispatch('dial:confirm', { requestId: outcome.request.id, index: 0 })
      expect(confirmed).toMatchObject({ ok: false, error: { code: 'conflict' } })
    } finally {
      await services.close()
    }
  })
})
