import type { SampleTask } from '../provider-module'
import type { VoiceBroadcastProfile } from './profile'

export function voiceBroadcastSamples(profile: VoiceBroadcastProfile): SampleTask[] {
  return [
    {
      id: 'broadcast',
      intent: {
        profileId: profile.id,
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
