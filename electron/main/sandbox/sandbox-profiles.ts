import type { ProviderSecret } from '@shared/schemas/credentials'
import type { ProfileOf } from '@shared/schemas/profiles'
import type { ProviderName } from '@shared/schemas/providers'

// The sandbox's profiles: fixed ids (so a task queued against one survives a restart), labels that
// say "Sandbox", and settings that point at the loopback simulators. Pure, so tests can build them.

export const SANDBOX_PROFILE_IDS: Readonly<Record<ProviderName, string>> = {
  webex: '5a4db0c5-0000-4000-8000-000000000001',
  egain: '5a4db0c5-0000-4000-8000-000000000002',
  connect: '5a4db0c5-0000-4000-8000-000000000003',
  aiccs: '5a4db0c5-0000-4000-8000-000000000004',
  voice_broadcast: '5a4db0c5-0000-4000-8000-000000000005',
}

const sandboxIds = new Set(Object.values(SANDBOX_PROFILE_IDS))
export const isSandboxProfileId = (id: string): boolean => sandboxIds.has(id)

/** The Connect instance the sandbox's simulator serves. */
export const SANDBOX_CONNECT_INSTANCE = '5a4db0c5-c0c0-4000-8000-00000000c0c0'

/** Where each simulator listens, as the profiles need it. */
export interface SandboxEndpoints {
  webex: { url: string; orgId: string }
  egain: { url: string; tokenUrl: string }
  /** Connect is reached through the SDK's endpoint override, not through the profile. */
  aiccs: { host: string }
  voice_broadcast: { url: string }
}

/** Credentials that exist only in memory, for one run of the app. */
export type SandboxSecrets = { [P in Exclude<ProviderName, 'webex'>]: Extract<ProviderSecret, { provider: P }> } & {
  /** OAuth, so the sandbox plays the refresh-then-retry path of a real Webex profile. */
  webex: Extract<ProviderSecret, { provider: 'webex'; kind: 'oauth' }>
}

export function sandboxProfiles(at: SandboxEndpoints, secrets: SandboxSecrets): { [P in ProviderName]: ProfileOf<P> } {
  return {
    webex: {
      id: SANDBOX_PROFILE_IDS.webex,
      provider: 'webex',
      label: 'Sandbox · Webex Contact Center',
      endpoint: { kind: 'custom', baseUrl: at.webex.url },
      orgId: at.webex.orgId,
      authMethod: secrets.webex.kind,
      entryPoints: [
        { id: 'sandbox-outdial-ep', label: 'Sandbox outdial', direction: 'outbound' },
        { id: 'sandbox-callback-ep', label: 'Sandbox callbacks', direction: 'inbound' },
      ],
      outdialAnis: [{ number: '+14085550100', label: 'Sandbox main line' }],
      scheduledCallbackQueueId: 'sandbox-callback-queue',
    },
    egain: {
      id: SANDBOX_PROFILE_IDS.egain,
      provider: 'egain',
      label: 'Sandbox · eGain',
      apiBaseUrl: at.egain.url,
      tokenUrl: at.egain.tokenUrl,
      clientId: sandboxEgainClientId,
      grantType: 'client_credentials',
      username: '',
      scope: '',
      acceptLanguage: 'en-US',
      defaultDepartment: 'Service',
      taskSubtypes: ['General', 'Billing'],
    },
    connect: {
      id: SANDBOX_PROFILE_IDS.connect,
      provider: 'connect',
      label: 'Sandbox · Amazon Connect',
      region: 'us-east-1',
      instanceId: SANDBOX_CONNECT_INSTANCE,
      contactFlows: [{ id: 'sandbox-task-flow', label: 'Sandbox task flow' }],
      taskTemplates: [{ id: 'sandbox-task-template', label: 'Sandbox follow-up template' }],
      quickConnects: [{ id: 'sandbox-quick-connect', label: 'Sandbox queue' }],
    },
    aiccs: {
      id: SANDBOX_PROFILE_IDS.aiccs,
      provider: 'aiccs',
      label: 'Sandbox · Alibaba Cloud AI calls',
      endpoint: at.aiccs.host,
      regionId: 'cn-shanghai',
      defaultAgentId: 'sandbox-agent',
      defaultVirtualNumber: '057100000000',
    },
    voice_broadcast: {
      id: SANDBOX_PROFILE_IDS.voice_broadcast,
      provider: 'voice_broadcast',
      label: 'Sandbox · Voice broadcast',
      baseUrl: at.voice_broadcast.url,
      appId: 'sandbox-voice-app',
      defaultDisplayNum: '',
      senderId: 'Callboard',
      smsAppId: 'sandbox-sms-app',
      numberListShape: 'numberList',
    },
  }
}

export const sandboxEgainClientId = 'callboard-sandbox-client'

/** The last characters of a key id, shown as the credential hint. */
export function sandboxHint(secret: ProviderSecret): string | null {
  switch (secret.provider) {
    case 'connect':
    case 'aiccs':
      return secret.accessKeyId.slice(-4)
    case 'voice_broadcast':
      return secret.apiKey.slice(-4)
    case 'webex':
      return secret.kind === 'oauth' ? secret.clientId.slice(-4) : null
    case 'egain':
      return sandboxEgainClientId.slice(-4)
  }
}
