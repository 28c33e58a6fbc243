import { secretField } from '../form-kit'
import type { ProviderForm } from '../provider-module'
import type { VoiceBroadcastProfile, VoiceBroadcastProfileDraft } from './profile'
import type { VoiceBroadcastSecret } from './secret'

export const voiceBroadcastForm: ProviderForm<VoiceBroadcastProfile, VoiceBroadcastProfileDraft, VoiceBroadcastSecret> =
  {
    emptyDraft: () => ({
      provider: 'voice_broadcast',
      label: '',
      baseUrl: '',
      appId: '',
      defaultDisplayNum: '',
      senderId: '',
      smsAppId: '',
      numberListShape: 'numberList',
    }),
    secretFields: () => [secretField('apiKey', true), secretField('apiSecret', true)],
    blankSecret: () => ({ provider: 'voice_broadcast', apiKey: '', apiSecret: '' }),
    facts: (profile) => [
      { name: 'profiles.facts.baseUrl', value: profile.baseUrl },
      { name: 'profiles.facts.appId', value: profile.appId },
    ],
  }
