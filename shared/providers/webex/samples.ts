import type { SampleTask } from '../provider-module'
import { HOUR, isoAt, SAMPLE_CUSTOMER } from '../sample-kit'
import type { WebexProfile } from './profile'

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
        when: { kind: 'at', at: isoAt(now.getTime() + 2 * HOUR), timeZone },
        ...SAMPLE_CUSTOMER,
        reason: 'Prefers the afternoon',
      },
    },
  ]
}
