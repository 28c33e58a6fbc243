import type { SampleTask } from '../provider-module'
import { HOUR, isoAt } from '../sample-kit'
import type { EgainProfile } from './profile'

export function egainSamples(profile: EgainProfile, now: Date): SampleTask[] {
  return [
    {
      id: 'follow-up',
      intent: {
        profileId: profile.id,
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
}
