import type { ProfileDraft, WebexDataCenter } from '@shared/schemas/profiles'
import type { ProviderName } from '@shared/schemas/providers'

/** The order providers are listed in. */
export const providerOrder: readonly ProviderName[] = ['webex', 'egain', 'connect', 'aiccs', 'voice_broadcast']

/** API host of each Webex Contact Center data center (see the project notes on providers). */
export const webexHost = (dataCenter: WebexDataCenter) => `api.wxcc-${dataCenter}.cisco.com`

/** What a new profile of each provider starts with: every field present, so the form is complete. */
export function emptyDraft(provider: ProviderName): ProfileDraft {
  switch (provider) {
    case 'webex':
      return {
        provider,
        label: '',
        endpoint: { kind: 'data_center', dataCenter: 'us1' },
        orgId: '',
        authMethod: 'access_token',
        entryPoints: [],
        outdialAnis: [],
        scheduledCallbackQueueId: '',
      }
    case 'egain':
      return {
        provider,
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
      }
    case 'connect':
      return {
        provider,
        label: '',
        region: '',
        instanceId: '',
        contactFlows: [],
        taskTemplates: [],
        quickConnects: [],
      }
    case 'aiccs':
      // One host serves every region today.
      return {
        provider,
        label: '',
        endpoint: 'aiccs.aliyuncs.com',
        regionId: '',
        defaultAgentId: '',
        defaultVirtualNumber: '',
      }
    case 'voice_broadcast':
      return {
        provider,
        label: '',
        baseUrl: '',
        appId: '',
        defaultDisplayNum: '',
        senderId: '',
        smsAppId: '',
        numberListShape: 'numberList',
      }
  }
}
