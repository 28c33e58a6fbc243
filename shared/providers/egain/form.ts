import { secretField } from '../form-kit'
import type { ProviderForm } from '../provider-module'
import type { EgainProfile, EgainProfileDraft } from './profile'
import { EGAIN_SCOPES } from './profile'
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
    userId: '',
    authorizeUrl: '',
    scope: EGAIN_SCOPES.client_credentials,
    acceptLanguage: 'en-US',
    defaultDepartment: '',
    taskSubtypes: [],
  }),
  // Both grants authenticate the client application alone: on behalf of a user, eGain takes the
  // user's name or id, never a password.
  secretFields: (profile) => [
    secretField('clientSecret', true, {
      ...(profile.grantType === 'authorization_code' && {
        optional: true,
        help: 'credentials.help.signInClientSecret',
      }),
    }),
  ],
  blankSecret: () => ({ provider: 'egain', clientSecret: '' }),
  facts: (profile, t) => [
    { name: 'profiles.facts.baseUrl', value: profile.apiBaseUrl },
    { name: 'profiles.facts.grant', value: t(`profiles.egain.grantTypes.${profile.grantType}`) },
  ],
}
