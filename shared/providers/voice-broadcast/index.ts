import { defineSharedProvider } from '../provider-module'
import { broadcastSubject } from '../subject-kit'
import { voiceBroadcastForm } from './form'
import { NewVoiceBroadcastIntent, VoiceBroadcastIntent } from './intents'
import { VoiceBroadcastProfile, VoiceBroadcastProfileDraft } from './profile'
import { voiceBroadcastSamples } from './samples'
import { VoiceBroadcastSecret } from './secret'
import { voiceBroadcastToWire } from './to-wire'

/** The voice-broadcast platform: spoken messages to number lists. */
export const voiceBroadcast = defineSharedProvider({
  name: 'voice_broadcast',
  profile: VoiceBroadcastProfile,
  draft: VoiceBroadcastProfileDraft,
  secret: VoiceBroadcastSecret,
  secretIssues: () => [],
  // The API key names the account (its last characters tell keys apart); the secret signs.
  keyId: (secret) => secret.apiKey,
  choiceKinds: [],
  intents: [{ kind: 'broadcast', intent: VoiceBroadcastIntent, new: NewVoiceBroadcastIntent }],
  owns: (intent): intent is VoiceBroadcastIntent =>
    intent.kind === 'broadcast' && intent.provider === 'voice_broadcast',
  subject: (intent) => broadcastSubject(intent.taskName, intent.numbers.length),
  identity: (intent) => `${intent.text}|${intent.numbers.length}|${intent.numbers[0] ?? ''}`,
  toWire: (intent, profile) => voiceBroadcastToWire(intent, profile),
  form: voiceBroadcastForm,
  samples: voiceBroadcastSamples,
})
