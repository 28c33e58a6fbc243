import { describe, expect, it } from 'vitest'
import { findNumbers } from '@shared/phone/find-numbers'
import { foldPhoneText } from '@shared/phone/fold-text'
import { normalizeNumber as readListEntry } from '@shared/phone/number-list'
import { phoneInput } from '@shared/phone/phone-field-input'
import { DialableE164 } from '@shared/schemas/intents'
import { CORPUS } from './corpus'
import type { CorpusCase } from './corpus/types'

// Every path that reads a number from text, over the whole corpus, against what a person reading
// the text means: the shortcut, tel:/callto: links and the confirm window (findNumbers), the form
// field as the agent pastes into it (phoneInput), and the schema main applies when the task is
// queued (DialableE164), on whatever the field hands it. They must all agree.

const all = Object.entries(CORPUS).flatMap(([kind, cases]) => cases.map((c) => ({ kind, ...c })))
const name = (c: CorpusCase) => `${c.region} ${JSON.stringify(c.text)}`

// A broadcast list entry has no words around it to say it is a date or a reference, and the list's
// own column header already says it is a phone number; for the rest it must agree.
const LIST_MAY_READ = new Set(['date', 'card_number', 'coordinates', 'reference', 'no_number'])

describe('the corpus', () => {
  it('is large enough, over enough regions', () => {
    expect(all.length).toBeGreaterThanOrEqual(300)
    expect(new Set(all.map((c) => c.region)).size).toBeGreaterThanOrEqual(4)
  })

  describe.each(Object.keys(CORPUS))('%s', (kind) => {
    it.each(all.filter((c) => c.kind === kind).map((c) => [name(c), c] as const))('%s', (_name, c) => {
      const shortcut = findNumbers(c.text, c.region)
      const field = phoneInput('', c.text, c.region)
      const submitted = DialableE164.safeParse(field.value)
      const list = readListEntry(c.text, c.region)

      if ('numbers' in c.expect) {
        expect(
          shortcut.candidates.map((n) => n.e164),
          'shortcut',
        ).toEqual(c.expect.numbers)
        expect(field.value, 'form field').toBe(c.expect.numbers[0])
        expect(submitted.success && submitted.data, 'schema at submit').toBe(c.expect.numbers[0])
        // A list never reads another number than the one meant.
        if (list.ok) expect(`+${list.number}`, 'number list').toBe(c.expect.numbers[0])
      } else {
        const reason = c.expect.refused
        expect(
          shortcut.candidates.map((n) => n.e164),
          'shortcut offers nothing',
        ).toEqual([])
        const shortcutReason =
          shortcut.refusals[0]?.reason ?? (foldPhoneText(c.text).trim() === '' ? 'empty' : 'no_number')
        expect(shortcutReason, 'shortcut reason').toBe(reason)
        expect(field.reading, 'form field reading').toMatchObject({ ok: false, reason })
        expect(submitted.success, 'schema at submit refuses the field value').toBe(false)
        if (!LIST_MAY_READ.has(reason)) expect(list.ok, 'number list refuses').toBe(false)
      }
    })
  })
})
