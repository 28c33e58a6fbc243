import { defineSharedProvider } from '../provider-module'
import { typedSubject } from '../subject-kit'
import { egainFollowUpForm } from './follow-up-form'
import { egainForm } from './form'
import { EgainFollowUpIntent } from './intents'
import { EgainProfile, EgainProfileDraft } from './profile'
import { egainSamples } from './samples'
import { EgainSecret, egainSecretIssues } from './secret'
import { egainToWire } from './to-wire'

/** eGain: follow-up task activities. */
export const egain = defineSharedProvider({
  name: 'egain',
  profile: EgainProfile,
  draft: EgainProfileDraft,
  secret: EgainSecret,
  // The client secret is all eGain's grants need (on behalf of a user, no password is sent); an
  // agent's browser sign-in may need none.
  secretIssues: egainSecretIssues,
  // The client id is on the profile, not in the secret: nothing in the secret identifies it.
  keyId: () => null,
  choiceKinds: [],
  intents: [{ kind: 'followUp', intent: EgainFollowUpIntent, new: EgainFollowUpIntent }],
  owns: (intent): intent is EgainFollowUpIntent => intent.kind === 'followUp' && intent.provider === 'egain',
  subject: (intent) => typedSubject(intent.subject || intent.subtype),
  identity: (intent) =>
    `${intent.lookup.attribute}=${intent.lookup.value.trim().toLowerCase()}|${intent.subject ?? ''}`,
  toWire: egainToWire,
  form: egainForm,
  followUpForm: egainFollowUpForm,
  samples: egainSamples,
})
