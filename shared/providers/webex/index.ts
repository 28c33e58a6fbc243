import { defineSharedProvider } from '../provider-module'
import { namedSubject, typedSubject } from '../subject-kit'
import { webexCallbackForm } from './callback-form'
import { webexForm } from './form'
import {
  NewOutdialIntent,
  NewWebexCallbackIntent,
  OutdialIntent,
  WebexCallbackIntent,
  type WebexIntent,
} from './intents'
import { WebexProfile, WebexProfileDraft } from './profile'
import { webexSamples } from './samples'
import { WebexSecret, webexKeyId, webexSecretIssues } from './secret'
import { webexToWire } from './to-wire'

/** Webex Contact Center: outdials, and callbacks now or scheduled. */
export const webex = defineSharedProvider({
  name: 'webex',
  profile: WebexProfile,
  draft: WebexProfileDraft,
  secret: WebexSecret,
  secretIssues: webexSecretIssues,
  keyId: webexKeyId,
  choiceKinds: [
    /** Contact Center entry points (their id is a task's `entryPointId`). */
    'webex_entry_points',
    /** Contact Center outdial ANI entries (their number is a task's `origin`). */
    'webex_outdial_anis',
  ],
  intents: [
    { kind: 'outdial', intent: OutdialIntent, new: NewOutdialIntent },
    { kind: 'callback', intent: WebexCallbackIntent, new: NewWebexCallbackIntent },
  ],
  owns: (intent): intent is WebexIntent =>
    intent.kind === 'outdial' || (intent.kind === 'callback' && intent.provider === 'webex'),
  subject: (intent) =>
    intent.kind === 'callback'
      ? namedSubject(intent.customerName, intent.destination)
      : typedSubject(intent.destination),
  identity: (intent) => intent.destination,
  toWire: webexToWire,
  form: webexForm,
  callbackForm: webexCallbackForm,
  samples: webexSamples,
})
