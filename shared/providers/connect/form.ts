import { secretField } from '../form-kit'
import type { ProviderForm } from '../provider-module'
import type { ConnectFlowTarget } from './intents'
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
    endpointUrl: '',
    fips: false,
    dualStack: false,
    credentialSource: 'access_keys',
    awsProfile: '',
    ssoStartUrl: '',
    ssoRegion: '',
    ssoAccountId: '',
    ssoRoleName: '',
  }),
  // Only an access key is typed: Identity Center is a sign-in in the browser, and a named AWS
  // profile keeps its credentials in this computer's AWS configuration.
  secretFields: (profile) =>
    profile.credentialSource === 'access_keys'
      ? [
          secretField('accessKeyId', false),
          secretField('secretAccessKey', true),
          secretField('sessionToken', true, { optional: true, help: 'credentials.help.sessionToken' }),
        ]
      : [],
  blankSecret: (profile) =>
    profile.credentialSource === 'aws_profile'
      ? { provider: 'connect', kind: 'aws_profile' }
      : profile.credentialSource === 'sso'
        ? // Never valid as typed: main writes this secret after the agent signs in.
          {
            provider: 'connect',
            kind: 'sso',
            clientId: '',
            clientSecret: '',
            clientSecretExpiresAt: '',
            accessToken: '',
            accessTokenExpiresAt: '',
          }
        : { provider: 'connect', accessKeyId: '', secretAccessKey: '', sessionToken: '' },
  facts: (profile, t) => [
    { name: 'profiles.facts.region', value: profile.region },
    { name: 'profiles.facts.instance', value: profile.instanceId },
    {
      name: 'profiles.facts.signIn',
      value:
        profile.credentialSource === 'aws_profile'
          ? `${t('profiles.connect.credentialSources.aws_profile')} · ${profile.awsProfile}`
          : profile.credentialSource === 'sso'
            ? `${t('profiles.connect.credentialSources.sso')} · ${profile.ssoStartUrl}`
            : t('profiles.connect.credentialSources.access_keys'),
    },
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

/** The kinds of target a Connect task starts with, in the order the task forms offer them. */
export const CONNECT_TARGET_KINDS: readonly ConnectFlowTarget['kind'][] = [
  'contactFlow',
  'quickConnect',
  'taskTemplate',
]

/** The targets of one kind a profile configures (the only ones its tasks may name). */
export function connectTargets(profile: ConnectProfile, kind: ConnectFlowTarget['kind']) {
  return kind === 'contactFlow'
    ? profile.contactFlows
    : kind === 'quickConnect'
      ? profile.quickConnects
      : profile.taskTemplates
}

/** The first target a profile has, in the forms' order; an empty contact flow when it has none. */
export function firstConnectTarget(profile: ConnectProfile | undefined): ConnectFlowTarget {
  const kind = CONNECT_TARGET_KINDS.find((k) => profile && connectTargets(profile, k).length > 0) ?? 'contactFlow'
  return { kind, id: (profile && connectTargets(profile, kind)[0]?.id) ?? '' }
}
