import type { TaskIntent } from './schemas/intents'
import type { Profile } from './schemas/profiles'

// One ready-made task per task kind for each sandbox profile, so a new user can see every provider
// take a task (and, with a sandbox scenario, every kind of outcome) before the quick-task forms
// exist for them. Built from the profile, so every id they name is one the profile configures.

export interface SampleTask {
  /** Stable within a profile: `outdial`, `callback-now`, … */
  id: string
  intent: TaskIntent
}

const HOUR = 3_600_000

/** A UTC instant as ISO 8601 with `Z`, to the second. */
const isoAt = (ms: number) => new Date(Math.ceil(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')

export function sampleTasks(profile: Profile, now: Date, timeZone: string): SampleTask[] {
  const base = { profileId: profile.id }
  const later = isoAt(now.getTime() + 2 * HOUR)
  switch (profile.provider) {
    case 'webex': {
      const outbound = profile.entryPoints.find((e) => e.direction === 'outbound') ?? profile.entryPoints[0]
      const ani = profile.outdialAnis[0]
      if (!outbound || !ani) return []
      return [
        {
          id: 'outdial',
          intent: {
            ...base,
            kind: 'outdial',
            destination: '+14155550123',
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
            destination: '+14155550123',
            customerName: 'Ada Lovelace',
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
            when: { kind: 'at', at: later, timeZone },
            destination: '+14155550123',
            customerName: 'Ada Lovelace',
            reason: 'Prefers the afternoon',
          },
        },
      ]
    }
    case 'egain':
      return [
        {
          id: 'follow-up',
          intent: {
            ...base,
            kind: 'followUp',
            provider: 'egain',
            department: '',
            subtype: profile.taskSubtypes[0] ?? 'General',
            subject: 'Send the revised quote',
            content: 'The customer asked for the 24-month option.',
            dueDate: isoAt(now.getTime() + 24 * HOUR),
            priority: '2',
            lookup: { attribute: 'email.emailAddress', value: 'ada@example.com' },
            createCustomer: true,
            // A client-credentials profile acts as an application, which must name the assignee.
            assignee: { by: 'loginId', value: 'sandbox.agent' },
          },
        },
      ]
    case 'connect': {
      const flow = profile.contactFlows[0]
      if (!flow) return []
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
            when: { kind: 'at', at: later, timeZone },
            destination: '+14155550123',
            customerName: 'Ada Lovelace',
            reason: 'Prefers the afternoon',
            target,
          },
        },
      ]
    }
    case 'aiccs':
      return [
        {
          id: 'broadcast',
          intent: {
            ...base,
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
    case 'voice_broadcast':
      return [
        {
          id: 'broadcast',
          intent: {
            ...base,
            kind: 'broadcast',
            provider: 'voice_broadcast',
            taskName: 'Sandbox reminder',
            numbers: ['14155550123', '14155550124'],
            text: 'Your order has shipped and arrives tomorrow.',
            lan: 'EN',
            loopCount: 1,
            maxCalls: 60,
            maxRingingTime: 40,
            allowSendTime: [{ strTime: '09:00', endTime: '18:00' }],
          },
        },
      ]
  }
}
