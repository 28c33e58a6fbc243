import { AsYouType, type CountryCode } from 'libphonenumber-js/max'
import { foldPhoneText } from './fold-text'

// How a number looks while the agent types it. Whether it is a number, and which, is decided by
// dialable.ts (the one rule) and find-numbers.ts (the one extraction), never here.

/** Partial formatting while the agent types, e.g. "02079" → "020 79" for GB. */
export function formatAsYouType(input: string, region: CountryCode): string {
  return new AsYouType(region).input(foldPhoneText(input))
}
