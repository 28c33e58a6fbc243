import { describe, expect, it } from 'vitest'
import { searchZones } from '../../renderer/src/forms/zone-search'

// Issue 16 item 4: Enter takes the first match, so the first match must be the zone meant.

const zones = Intl.supportedValuesOf('timeZone').map((tz) => ({ value: tz, label: tz }))
const first = (query: string) => searchZones(zones, query)[0]?.value

describe('the time-zone picker’s search', () => {
  it('puts the zone whose city starts with what was typed first: "Tok" is Tokyo, not Antarctica/Vostok', () => {
    expect(first('Tok')).toBe('Asia/Tokyo')
    expect(first('tokyo')).toBe('Asia/Tokyo')
    expect(first('york')).toBe('America/New_York')
    expect(first('new y')).toBe('America/New_York')
    expect(first('los')).toBe('America/Los_Angeles')
    expect(first('Madrid')).toBe('Europe/Madrid')
    expect(first('Sao P')).toBe('America/Sao_Paulo')
  })

  it('then a zone with any part starting so, then one that only contains it; none when nothing does', () => {
    expect(first('Europe')).toBe('Europe/Amsterdam')
    expect(searchZones(zones, 'vostok').map((z) => z.value)).toEqual(['Antarctica/Vostok', 'Asia/Vladivostok'])
    expect(searchZones(zones, 'zzzz')).toEqual([])
    expect(searchZones(zones, '')).toHaveLength(zones.length)
  })
})
