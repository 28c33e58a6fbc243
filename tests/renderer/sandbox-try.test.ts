// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Profile } from '../../shared/schemas/profiles'
import SandboxTry from '../../renderer/src/features/sandbox/SandboxTry.vue'
import { drafts } from '../shared/fixtures'
import { mountInApp } from './mount'

// The sandbox's try-out buttons say what each sample does: the Webex "later" callback is 3 hours
// ahead, not 2, when 2 would put its window across the customer's midnight (this computer's zone).

const webex = Profile.parse({ ...drafts.webex, id: '11111111-1111-4111-8111-111111111111' })
const laterButton = (language: 'en' | 'es') =>
  mountInApp(SandboxTry, { props: { profile: webex }, language })
    .wrapper.find('[data-sample="callback-later"]')
    .text()

describe('sandbox try-out buttons', () => {
  const machineZone = process.env['TZ']
  beforeEach(() => {
    process.env['TZ'] = 'UTC'
  })
  afterEach(() => {
    vi.useRealTimers()
    if (machineZone === undefined) delete process.env['TZ']
    else process.env['TZ'] = machineZone
  })

  it('say "in 2 hours" in the afternoon', () => {
    vi.useFakeTimers({ now: new Date('2026-12-07T14:00:00Z'), toFake: ['Date'] })
    expect(laterButton('en')).toBe('Schedule a callback in 2 hours')
  })

  it('say "in 3 hours" at 21:45, when the sample moves past midnight, in both languages', () => {
    vi.useFakeTimers({ now: new Date('2026-12-07T21:45:00Z'), toFake: ['Date'] })
    expect(laterButton('en')).toBe('Schedule a callback in 3 hours')
    expect(laterButton('es')).toBe('Programar una devolución dentro de 3 horas')
  })
})
