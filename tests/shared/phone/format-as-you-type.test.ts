import type { CountryCode } from 'libphonenumber-js/max'
import { describe, expect, it } from 'vitest'
import { formatAsYouType } from '@shared/phone/format-as-you-type'

describe('formatAsYouType', () => {
  it.each<[string, CountryCode, string]>([
    ['02079', 'GB', '020 79'],
    ['02079460958', 'GB', '020 7946 0958'],
    ['4155550132', 'US', '(415) 555-0132'],
    ['+4420794', 'US', '+44 20 794'],
    ['４１５５５５', 'US', '(415) 555'],
  ])('%j in %s shows %j', (input, region, shown) => {
    expect(formatAsYouType(input, region)).toBe(shown)
  })
})
