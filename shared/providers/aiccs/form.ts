import { secretField } from '../form-kit'
import type { ProviderForm } from '../provider-module'
import type { AiccsProfile, AiccsProfileDraft } from './profile'
import type { AiccsSecret } from './secret'

export const aiccsForm: ProviderForm<AiccsProfile, AiccsProfileDraft, AiccsSecret> = {
  // One host serves every region today.
  emptyDraft: () => ({
    provider: 'aiccs',
    label: '',
    endpoint: 'aiccs.aliyuncs.com',
    regionId: '',
    defaultAgentId: '',
    defaultVirtualNumber: '',
    credentialSource: 'access_key',
    roleArn: '',
    stsEndpoint: 'sts.aliyuncs.com',
  }),
  // Assuming a RAM role needs the AccessKey it is assumed with; an STS token is only pasted with a
  // temporary AccessKey.
  secretFields: (profile) => [
    secretField('accessKeyId', false, { label: 'credentials.fields.aliAccessKeyId' }),
    secretField('accessKeySecret', true),
    ...(profile.credentialSource === 'access_key'
      ? [secretField('securityToken', true, { optional: true, help: 'credentials.help.securityToken' })]
      : []),
  ],
  blankSecret: (profile) =>
    profile.credentialSource === 'access_key'
      ? { provider: 'aiccs', accessKeyId: '', accessKeySecret: '', securityToken: '' }
      : { provider: 'aiccs', accessKeyId: '', accessKeySecret: '' },
  facts: (profile, t) => [
    { name: 'profiles.facts.region', value: profile.regionId },
    { name: 'profiles.facts.endpoint', value: profile.endpoint },
    {
      name: 'profiles.facts.signIn',
      value:
        profile.credentialSource === 'sts_role'
          ? `${t('profiles.aiccs.credentialSources.sts_role')} · ${profile.roleArn}`
          : t('profiles.aiccs.credentialSources.access_key'),
    },
  ],
}
