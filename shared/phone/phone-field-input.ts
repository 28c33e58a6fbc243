import { getCountryCallingCode } from 'libphonenumber-js/max'
import type { CountryCode } from './dialable'
import type { Candidate } from './find-numbers'
import { formatAsYouType } from './format-as-you-type'
import { readNumber, type NumberReading } from './read-number'

// What the phone field (renderer/src/forms/PhoneField.vue) does with each input, apart from the
// component so every corpus text can be put through it (tests/shared/phone/corpus.test.ts). The
// field reads its text with the shortcut's extraction (read-number.ts): a pasted sentence gives the
// number the shortcut would offer, and a text the shortcut refuses is refused for the same reason.

export interface PhoneInput {
  /** What the field shows. */
  text: string
  /**
   * What the form holds: the number in E.164, or the text itself when it holds no dialable number,
   * so the schema refuses it (the field shows the reading's more precise reason).
   */
  value: string
  /** `text`, read. */
  reading: NumberReading
  /**
   * The text was replaced by a number taken from what was pasted: every number that held, in text
   * order, and which of them is shown.
   */
  taken?: { numbers: Candidate[]; chosen: number }
}

// Typing adds one character at a time; a paste, a drop or autofill adds several at once.
const isPaste = (previous: string, next: string) => next.length - previous.length > 1
// Formatting as the agent types fits only a number being typed: AsYouType turns prose into
// nothing, which is how a pasted sentence used to empty the field.
const TYPING_A_NUMBER = /^[+\d\s().\-/]*$/

/**
 * How the field shows a number: national when the agent dials it as one (it shares the default
 * region's country code: a Guernsey mobile from the UK, a Canadian number from the US), else
 * international.
 */
export function displayNumber(number: Candidate, region: CountryCode): string {
  const national = number.e164.startsWith(`+${getCountryCallingCode(region)}`)
  const shown = national ? number.national : number.international
  return number.extension ? `${shown} ext. ${number.extension}` : shown
}

/** The field's state after its text went from `previous` to `next`. */
export function phoneInput(previous: string, next: string, region: CountryCode): PhoneInput {
  const reading = readNumber(next, region)
  if (reading.ok && !reading.whole && isPaste(previous, next)) {
    // A pasted sentence: the field keeps the number, as the shortcut would offer it.
    return pickNumber([reading.number, ...reading.others], 0, region)
  }
  // What is read is the text as given; formatting only changes how it looks, so it is kept only
  // when the formatted text reads the same (AsYouType turns a date or an IP address into digit
  // groups that read as a number, and a text with a leading invisible character into nothing). A
  // number still being typed is formatted as it grows; pasted text that is no number is left as
  // written (AsYouType drops the spaces of `+999 1234567`).
  const formatted = next.length > previous.length && TYPING_A_NUMBER.test(next) ? formatAsYouType(next, region) : next
  const typed = next.length - previous.length === 1
  const reformatted = formatted === next ? reading : readNumber(formatted, region)
  const keep = formatted !== next && (sameNumber(reading, reformatted) || (typed && sameRefusal(reading, reformatted)))
  const text = keep ? formatted : next
  return { text, value: reading.ok ? reading.number.e164 : next, reading }
}

function sameNumber(a: NumberReading, b: NumberReading): boolean {
  return a.ok && b.ok && a.number.e164 === b.number.e164 && a.number.extension === b.number.extension
}

const sameRefusal = (a: NumberReading, b: NumberReading) => !a.ok && !b.ok && a.reason === b.reason

/** The field showing `numbers[chosen]`, one of the numbers a pasted text held. */
export function pickNumber(numbers: Candidate[], chosen: number, region: CountryCode): PhoneInput {
  const number = numbers[chosen]!
  const text = displayNumber(number, region)
  return { text, value: number.e164, reading: readNumber(text, region), taken: { numbers, chosen } }
}
