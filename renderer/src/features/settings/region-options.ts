import { getCountryCallingCode } from 'libphonenumber-js/max'
import type { CountryCode } from 'libphonenumber-js/max'
import { regionCodes } from '@shared/schemas/settings'

export interface RegionOption {
  code: string
  label: string
}

/** Every region libphonenumber-js knows, named in the UI language and sorted by that name. */
export function regionOptions(locale: string): RegionOption[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })
  return regionCodes
    .map((code) => {
      const name = names.of(code) ?? code
      return { code, label: `${name} (+${getCountryCallingCode(code as CountryCode)})` }
    })
    .sort((a, b) => a.label.localeCompare(b.label, locale))
}
