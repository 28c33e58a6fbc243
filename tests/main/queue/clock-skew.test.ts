import { describe, expect, it } from 'vitest'
import { createClockSkew, providerClock } from '../../../electron/main/providers/clock-skew'
import { systemClock } from '../../../electron/main/core/clock'

describe('clock skew from Date headers (Q8)', () => {
  const at = (iso: string) => Date.parse(iso)
  it('estimates from the midpoint of the request, per profile, and keeps 0 while unknown', () => {
    const skew = createClockSkew()
    expect(skew.offsetMs('a')).toBe(0)
    expect(skew.known('a')).toBeNull()
    // Sent at :00.000, answered at :00.200; the provider said 10:05:00 (so 10:05:00.000–.999).
    skew.observe('a', 'Mon, 23 Nov 2026 10:05:00 GMT', at('2026-11-23T10:00:00.000Z'), at('2026-11-23T10:00:00.200Z'))
    expect(skew.offsetMs('a')).toBe(300_400)
    expect(skew.offsetMs('b')).toBe(0)
  })

  it('ignores a missing or unreadable header, and one odd answer cannot move the median', () => {
    const skew = createClockSkew()
    const t = at('2026-11-23T10:00:00.000Z')
    skew.observe('a', undefined, t, t)
    skew.observe('a', 'not a date', t, t)
    expect(skew.known('a')).toBeNull()
    for (const seconds of [60, 60, 3600, 61]) {
      skew.observe('a', new Date(t + seconds * 1000).toUTCString(), t, t)
    }
    expect(skew.offsetMs('a')).toBeGreaterThanOrEqual(60_000)
    expect(skew.offsetMs('a')).toBeLessThan(62_000)
  })

  it('a provider clock reads ours plus the offset, and is ours when there is none', () => {
    expect(providerClock(systemClock, 0)).toBe(systemClock)
    const ahead = providerClock({ now: () => new Date(1000), monotonicMs: () => 5 }, 60_000)
    expect(ahead.now().getTime()).toBe(61_000)
    expect(ahead.monotonicMs()).toBe(5)
  })
})
