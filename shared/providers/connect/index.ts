import { defineSharedProvider } from '../provider-module'
import { namedSubject, typedSubject } from '../subject-kit'
import { connectCallbackForm } from './callback-form'
import { connectFollowUpForm } from './follow-up-form'
import { connectForm } from './form'
import { ConnectCallbackIntent, ConnectFollowUpIntent, NewConnectCallbackIntent, type ConnectIntent } from './intents'
import { ConnectProfile, ConnectProfileDraft } from './profile'
import { connectSamples } from './samples'
import { ConnectSecret, connectKeyId, connectSecretIssues } from './secret'
import { connectToWire } from './to-wire'

/** Amazon Connect: callback and follow-up tasks (StartTaskContact). */
export const connect = defineSharedProvider({
  name: 'connect',
  profile: ConnectProfile,
  draft: ConnectProfileDraft,
  secret: ConnectSecret,
  secretIssues: connectSecretIssues,
  keyId: connectKeyId,
  choiceKinds: [
    /** ListContactFlows. */
    'connect_contact_flows',
    /** ListQuickConnects. */
    'connect_quick_connects',
    /** ListTaskTemplates. */
    'connect_task_templates',
  ],
  intents: [
    { kind: 'callback', intent: ConnectCallbackIntent, new: NewConnectCallbackIntent },
    { kind: 'followUp', intent: ConnectFollowUpIntent, new: ConnectFollowUpIntent },
  ],
  owns: (intent): intent is ConnectIntent =>
    (intent.kind === 'callback' || intent.kind === 'followUp') && intent.provider === 'connect',
  subject: (intent) =>
    intent.kind === 'callback' ? namedSubject(intent.customerName, intent.destination) : typedSubject(intent.name),
  identity: (intent) => (intent.kind === 'callback' ? intent.destination : intent.name.trim().toLowerCase()),
  toWire: connectToWire,
  form: connectForm,
  callbackForm: connectCallbackForm,
  followUpForm: connectFollowUpForm,
  samples: connectSamples,
})
