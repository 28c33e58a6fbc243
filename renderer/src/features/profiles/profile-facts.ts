import type { Profile } from '@shared/schemas/profiles'
import { webexHost } from './providers'

export interface ProfileFact {
  /** i18n key of the fact's name. */
  name: string
  value: string
}

type Translate = (key: string, plural?: number) => string

/** The few facts that tell profiles apart at a glance: where they point, and what they hold. */
export function profileFacts(profile: Profile, t: Translate): ProfileFact[] {
  const count = (key: string, n: number) => t(`profiles.counts.${key}`, n)
  switch (profile.provider) {
    case 'webex':
      return [
        profile.endpoint.kind === 'data_center'
          ? {
              name: 'profiles.facts.dataCenter',
              value: `${t(`profiles.webex.dataCenters.${profile.endpoint.dataCenter}`)} · ${webexHost(profile.endpoint.dataCenter)}`,
            }
          : { name: 'profiles.facts.baseUrl', value: profile.endpoint.baseUrl },
        { name: 'profiles.facts.signIn', value: t(`profiles.webex.authMethods.${profile.authMethod}`) },
        {
          name: 'profiles.facts.lists',
          value: `${count('entryPoints', profile.entryPoints.length)}, ${count('outdialAnis', profile.outdialAnis.length)}`,
        },
      ]
    case 'egain':
      return [
        { name: 'profiles.facts.baseUrl', value: profile.apiBaseUrl },
        { name: 'profiles.facts.grant', value: t(`profiles.egain.grantTypes.${profile.grantType}`) },
      ]
    case 'connect':
      return [
        { name: 'profiles.facts.region', value: profile.region },
        { name: 'profiles.facts.instance', value: profile.instanceId },
        {
          name: 'profiles.facts.lists',
          value: [
            count('contactFlows', profile.contactFlows.length),
            count('taskTemplates', profile.taskTemplates.length),
            count('quickConnects', profile.quickConnects.length),
          ].join(', '),
        },
      ]
    case 'aiccs':
      return [
        { name: 'profiles.facts.region', value: profile.regionId },
        { name: 'profiles.facts.endpoint', value: profile.endpoint },
      ]
    case 'voice_broadcast':
      return [
        { name: 'profiles.facts.baseUrl', value: profile.baseUrl },
        { name: 'profiles.facts.appId', value: profile.appId },
      ]
  }
}
