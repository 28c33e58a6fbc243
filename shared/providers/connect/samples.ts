import type { SampleTask } from '../provider-module'
import { HOUR, isoAt, SAMPLE_CUSTOMER } from '../sample-kit'
import type { ConnectProfile } from './profile'

export function connectSamples(profile: ConnectProfile, now: Date, timeZone: string): SampleTask[] {
  const flow = profile.contactFlows[0]
  if (!flow) return []
  const base = { profileId: profile.id }
  const target = { kind: 'contactFlow', id: flow.id } as const
  return [
    {
      id: 'follow-up',
      intent: {
        ...base,
        kind: 'followUp',
        provider: 'connect',
        name: 'Check the refund',
        description: 'Refund promised on the call',
        target,
        references: { Order: { Type: 'URL', Value: 'https://example.com/orders/42' } },
      },
    },
    {
      id: 'callback-later',
      intent: {
        ...base,
        kind: 'callback',
        provider: 'connect',
        when: { kind: 'at', at: isoAt(now.getTime() + 2 * HOUR), timeZone },
        ...SAMPLE_CUSTOMER,
        reason: 'Prefers the afternoon',
        target,
      },
    },
  ]
}
