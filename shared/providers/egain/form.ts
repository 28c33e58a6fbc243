import { secretField } from '../form-kit'
import type { ProviderForm } from '../provider-module'
import type { EgainProfile, EgainProfileDraft } from './profile'
import type { EgainSecret } from './secret'

export const egainForm: ProviderForm<EgainProfile, EgainProfileDraft, EgainSecret> = {
  emptyDraft: () => ({
    provider: 'egain',
    label: '',
    apiBaseUrl: '',
    tokenUrl: '',
    clientId: '',
    grantType: 'client_credentials',
    username: '',
    scope: '',
    acceptLanguage: 'en-US',
    defaultDepartment: '',
    taskSubtypes: [],
  }),
  secretFields: (profile) =>
    profile.grantType === 'password'
      ? [secretField('clientSecret', true), secretField('password', true, { help: 'credentials.help.password' })]
      : [secretField('clientSecret', true)],
  blankSecret: () => ({ provider: 'egain', clientSecret: '', password: '' }),
  facts: (profile, t) => [
    { name: 'profiles.facts.baseUrl', value: profile.apiBaseUrl },
    { name: 'profiles.facts.grant', value: t(`profiles.egain.grantTypes.${profile.grantType}`) },
  ],
}
