import type { ProfileOf, SecretOf } from '@shared/providers/registry'
import type { SandboxKit } from '../provider-module'
import { sandboxToken, NOT_LISTENING_URL } from '../simulator-kit/sandbox-kit'

// The voice platform's part of the built-in sandbox, pointing at its simulator once that runs.

/** The sandbox profile for a simulator at `at`. */
export function voiceBroadcastSandboxProfile(at: { url: string }): ProfileOf<'voice_broadcast'> {
  return {
    id: voiceBroadcastSandbox.profileId,
    provider: 'voice_broadcast',
    label: 'Sandbox · Voice broadcast',
    baseUrl: at.url,
    appId: 'sandbox-voice-app',
    defaultDisplayNum: '',
    senderId: 'Callboard',
    smsAppId: 'sandbox-sms-app',
    numberListShape: 'numberList',
  }
}

export const newVoiceBroadcastSandboxSecret = (): SecretOf<'voice_broadcast'> => ({
  provider: 'voice_broadcast',
  apiKey: sandboxToken('sbx-key-'),
  apiSecret: sandboxToken('sbx-'),
})

export const voiceBroadcastSandbox: SandboxKit<'voice_broadcast'> = {
  profileId: '5a4db0c5-0000-4000-8000-000000000005',
  newSecret: newVoiceBroadcastSandboxSecret,
  profile: () => voiceBroadcastSandboxProfile({ url: NOT_LISTENING_URL }),
  start: async (secret) => (await import('./voice-broadcast-sandbox-sim')).startVoiceBroadcastSandbox(secret),
}
