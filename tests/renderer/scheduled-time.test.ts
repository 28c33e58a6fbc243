// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import ScheduledTime from '../../renderer/src/components/ScheduledTime.vue'
import { mountInApp } from './mount'

// Item 4: a scheduled time in the customer's zone and on this computer, as two phrases. History
// shows them on one line, where they once ran together ("(UTC+01:00)on this computer").
describe('ScheduledTime', () => {
  it('says both zones, the two phrases apart', () => {
    const { wrapper } = mountInApp(ScheduledTime, {
      props: {
        at: '2026-12-07T19:30:00+01:00',
        timeZone: localZone() === 'Asia/Tokyo' ? 'Europe/Madrid' : 'Asia/Tokyo',
      },
    })
    expect(wrapper.text()).toMatch(/\(UTC[+-]\d\d:\d\d\)\s+on this computer: /)
  })
})

function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}
