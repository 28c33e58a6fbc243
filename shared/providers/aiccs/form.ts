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
  }),
  secretFields: () => [
    secretField('accessKeyId', false, { label: 'credentials.fields.aliAccessKeyId' }),
    secretField('accessKeySecret', true),
  ],
  blankSecret: () => ({ provider: 'aiccs', accessKeyId: '', accessKeySecret: '' }),
  facts: (profile) => [
    { name: 'profiles.facts.region', value: profile.regionId },
    { name: 'profiles.facts.endpoint', value: profile.endpoint },
  ],
}
