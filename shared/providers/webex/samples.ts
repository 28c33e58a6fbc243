import type { SampleTask } from '../provider-module'
import { HOUR, isoAt, SAMPLE_CUSTOMER } from '../sample-kit'
import type { WebexProfile } from './profile'
import { wallClockParts, WEBEX_SCHEDULED_CALLBACK_LIMITS } from './wire'

/**
 * Two hours from now, unless its shortest window would then run past midnight in the customer's zone
 * (Webex refuses a window across midnight, so the sample failed between 21:30 and 22:00 there): then
 * three hours from now, which starts after that midnight.
 */
function laterToday(now: Date, timeZone: string): number {
  const window = WEBEX_SCHEDULED_CALLBACK_LIMITS.minDurationMinutes * 60_000
  const fits = (start: number) => wallClockParts(start, timeZone).date === wallClockParts(start + window, timeZone).date
  const candidates = [2, 3].map((hours) => now.getTime() + hours * HOUR)
  return candidates.find(fits) ?? candidates[0]!
}

export function webexSamples(profile: WebexProfile, now: Date, timeZone: string): SampleTask[] {
  const outbound = profile.entryPoints.find((e) => e.direction === 'outbound') ?? profile.entryPoints[0]
  const ani = profile.outdialAnis[0]
  if (!outbound || !ani) return []
  const base = { profileId: profile.id }
  return [
    {
      id: 'outdial',
      intent: {
        ...base,
        kind: 'outdial',
        destination: SAMPLE_CUSTOMER.destination,
        entryPointId: outbound.id,
        origin: ani.number,
      },
    },
    {
      id: 'callback-now',
      intent: {
        ...base,
        kind: 'callback',
        provider: 'webex',
        when: { kind: 'now' },
        ...SAMPLE_CUSTOMER,
        reason: 'Asked to be called back about her order',
        entryPointId: outbound.id,
      },
    },
    {
      id: 'callback-later',
      intent: {
        ...base,
        kind: 'callback',
        provider: 'webex',
        when: { kind: 'at', at: isoAt(laterToday(now, timeZone)), timeZone },
        ...SAMPLE_CUSTOMER,
        reason: 'Prefers the afternoon',
      },
    },
  ]
}
