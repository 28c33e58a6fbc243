import { afterAll, describe, expect, it } from 'vitest'
import { sampleTasks, toWireRequest } from '../../shared/providers/registry'
import type { Profile } from '../../shared/schemas/profiles'
import { createTestServices } from './test-app-services'

// The sandbox's sample tasks (its "Try" buttons, and many tests) must be valid whatever the time of
// day: Webex's "callback later" was two hours ahead, which between 21:30 and 22:00 in the customer's
// zone makes a window across midnight, and Webex refuses that (a CI run at 20:55 UTC failed on it).
const { services } = await createTestServices({ sandbox: true })
afterAll(() => services.close())

describe('sandbox sample tasks at any time of day', () => {
  const zones = ['Europe/Madrid', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC']
  it('every sample of every sandbox profile maps to a valid request, every 5 minutes of a day, in 5 zones', () => {
    const refused: string[] = []
    const profiles = services.sandbox!.profiles() as Profile[]
    expect(profiles.length).toBeGreaterThan(0)
    for (let minute = 0; minute < 24 * 60; minute += 5) {
      const now = new Date(Date.UTC(2026, 11, 7) + minute * 60_000)
      for (const timeZone of zones) {
        for (const profile of profiles) {
          for (const sample of sampleTasks(profile, now, timeZone)) {
            const wire = toWireRequest(sample.intent, profile, now)
            if ('error' in wire) refused.push(`${profile.provider} ${sample.id} ${now.toISOString()} ${timeZone}`)
          }
        }
      }
    }
    expect(refused).toEqual([])
  })
})
