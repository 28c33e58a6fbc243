import { secretField } from '../form-kit'
import type { ProviderForm } from '../provider-module'
import type { WebexProfile, WebexProfileDraft } from './profile'
import { webexApiHost } from './profile'
import type { WebexSecret } from './secret'

export const webexForm: ProviderForm<WebexProfile, WebexProfileDraft, WebexSecret> = {
  emptyDraft: () => ({
    provider: 'webex',
    label: '',
    endpoint: { kind: 'data_center', dataCenter: 'us1' },
    identityUrl: '',
    orgId: '',
    authMethod: 'access_token',
    clientId: '',
    entryPoints: [],
    outdialAnis: [],
    scheduledCallbackQueueId: '',
  }),
  secretFields: (profile) =>
    profile.authMethod === 'access_token'
      ? [secretField('accessToken', true, { help: 'credentials.help.accessToken' })]
      : profile.authMethod === 'sign_in'
        ? [
            secretField('clientSecret', true, {
              label: 'credentials.fields.oauthClientSecret',
              help: 'credentials.help.signInClientSecret',
              optional: true,
            }),
          ]
        : [
            secretField('clientId', false),
            secretField('clientSecret', true, { label: 'credentials.fields.oauthClientSecret' }),
            secretField('refreshToken', true),
          ],
  blankSecret: (profile) =>
    profile.authMethod === 'access_token'
      ? { provider: 'webex', kind: 'access_token', accessToken: '' }
      : profile.authMethod === 'sign_in'
        ? { provider: 'webex', kind: 'sign_in', clientSecret: '' }
        : { provider: 'webex', kind: 'oauth', clientId: '', clientSecret: '', refreshToken: '' },
  facts: (profile, t) => [
    profile.endpoint.kind === 'data_center'
      ? {
          name: 'profiles.facts.dataCenter',
          value: `${t(`profiles.webex.dataCenters.${profile.endpoint.dataCenter}`)} · ${webexApiHost(profile.endpoint.dataCenter)}`,
        }
      : { name: 'profiles.facts.baseUrl', value: profile.endpoint.baseUrl },
    { name: 'profiles.facts.signIn', value: t(`profiles.webex.authMethods.${profile.authMethod}`) },
    {
      name: 'profiles.facts.lists',
      value: `${t('profiles.counts.entryPoints', profile.entryPoints.length)}, ${t('profiles.counts.outdialAnis', profile.outdialAnis.length)}`,
    },
  ],
}
