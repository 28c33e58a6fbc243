import type { SampleTask } from '../provider-module'
import type { AiccsProfile } from './profile'

export function aiccsSamples(profile: AiccsProfile): SampleTask[] {
  return [
    {
      id: 'broadcast',
      intent: {
        profileId: profile.id,
        kind: 'broadcast',
        provider: 'aiccs',
        taskName: 'Sandbox reminder',
        agentId: '',
        virtualNumber: '',
        callTimes: [{ startTime: '09:00:00', endTime: '18:00:00' }],
        callDays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
        retryTimes: 1,
        retryIntervalMinutes: 30,
        concurrency: 5,
        start: { kind: 'now' },
      },
    },
  ]
}
