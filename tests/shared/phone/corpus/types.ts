import type { CountryCode } from '@shared/phone/dialable'
import type { ReadRefusalReason } from '@shared/phone/read-number'

/**
 * One clipboard text and what a person reading it means: the numbers in it to offer, in text
 * order (the form field takes the first), or that none is, and why (`no_number`: nothing in it
 * looks like a phone number at all). Written from the text's meaning, never from what the code does.
 */
export interface CorpusCase {
  region: CountryCode
  text: string
  expect: { numbers: string[] } | { refused: ReadRefusalReason }
}

export const numbers = (...e164: string[]) => ({ numbers: e164 })
export const refused = (reason: ReadRefusalReason) => ({ refused: reason })
