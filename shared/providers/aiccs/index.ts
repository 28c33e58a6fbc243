import { defineSharedProvider } from '../provider-module'
import { typedSubject } from '../subject-kit'
import { aiccsForm } from './form'
import { AiccsBroadcastIntent } from './intents'
import { AiccsProfile, AiccsProfileDraft } from './profile'
import { aiccsSamples } from './samples'
import { AiccsSecret } from './secret'
import { aiccsToWire } from './to-wire'

/** Alibaba Cloud AICCS: AI agent call tasks. */
export const aiccs = defineSharedProvider({
  name: 'aiccs',
  profile: AiccsProfile,
  draft: AiccsProfileDraft,
  secret: AiccsSecret,
  secretIssues: () => [],
  keyId: (secret) => secret.accessKeyId,
  choiceKinds: [],
  intents: [{ kind: 'broadcast', intent: AiccsBroadcastIntent, new: AiccsBroadcastIntent }],
  owns: (intent): intent is AiccsBroadcastIntent => intent.kind === 'broadcast' && intent.provider === 'aiccs',
  subject: (intent) => typedSubject(intent.taskName),
  identity: (intent) => intent.taskName,
  toWire: aiccsToWire,
  form: aiccsForm,
  samples: aiccsSamples,
})
