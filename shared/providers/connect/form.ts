import { secretField } from '../form-kit'
import type { ProviderForm } from '../provider-module'
import type { ConnectProfile, ConnectProfileDraft } from './profile'
import type { ConnectSecret } from './secret'

export const connectForm: ProviderForm<ConnectProfile, ConnectProfileDraft, ConnectSecret> = {
  emptyDraft: () => ({
    provider: 'connect',
    label: '',
    region: '',
    instanceId: '',
    contactFlows: [],
    taskTemplates: [],
    quickConnects: [],
  }),
  secretFields: () => [
    secretField('accessKeyId', false),
    secretField('secretAccessKey', true),
    secretField('sessionToken', true, { optional: true, help: 'credentials.help.sessionToken' }),
  ],
  blankSecret: () => ({ provider: 'connect', accessKeyId: '', secretAccessKey: '', sessionToken: '' }),
  facts: (profile, t) => [
    { name: 'profiles.facts.region', value: profile.region },
    { name: 'profiles.facts.instance', value: profile.instanceId },
    {
      name: 'profiles.facts.lists',
      value: [
        t('profiles.counts.contactFlows', profile.contactFlows.length),
        t('profiles.counts.taskTemplates', profile.taskTemplates.length),
        t('profiles.counts.quickConnects', profile.quickConnects.length),
      ].join(', '),
    },
  ],
}
