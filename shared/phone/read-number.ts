import type { CountryCode } from './dialable'
import { findNumbers, type Candidate, type FindRefusalReason } from './find-numbers'
import { foldPhoneText } from './fold-text'

// A field that takes one number (the outdial and callback forms) reads what the agent types or
// pastes with the same extraction as the shortcut, so a sentence pasted into it gives the number
// the shortcut would offer, and a text the shortcut refuses is refused here for the same reason.

/** `no_number`: text without anything that looked like a number. */
export type ReadRefusalReason = FindRefusalReason | 'no_number'

export type NumberReading =
  | {
      ok: true
      number: Candidate
      /** The other numbers in the text, in text order. */
      others: Candidate[]
      /**
       * The text is this number and nothing else, written plainly (as typed): not a text it was
       * taken from, nor one with invisible characters, odd spaces or blanks around it.
       */
      whole: boolean
    }
  | {
      ok: false
      reason: ReadRefusalReason
      /** What was refused, as written. */
      raw?: string
      /** The country the refused number names, when the reason is about that country's numbers. */
      country?: CountryCode
    }

/**
 * The number `text` holds, national numbers read in `region`. With several, the first is taken
 * and the others are returned, rather than refusing until the agent picks one: the confirm window
 * also puts the first one first, a field that refused would leave the whole sentence in place, and
 * the field shows the others so taking another one is one click.
 */
export function readNumber(text: string, region: CountryCode): NumberReading {
  if (foldPhoneText(text).trim() === '') return { ok: false, reason: 'empty' }
  const found = findNumbers(text, region)
  const [first, ...others] = found.candidates
  if (first) {
    const whole =
      others.length === 0 && found.refusals.length === 0 && first.raw === text && foldPhoneText(first.raw) === first.raw
    return { ok: true, number: first, others, whole }
  }
  const refusal = found.refusals[0]
  if (!refusal) return { ok: false, reason: 'no_number' }
  return {
    ok: false,
    reason: refusal.reason,
    raw: refusal.raw,
    ...(refusal.country && { country: refusal.country }),
  }
}
