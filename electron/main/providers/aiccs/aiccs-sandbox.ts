import type { ProfileOf, SecretOf } from '@shared/providers/registry'
import type { SandboxKit } from '../provider-module'
import { randomHex, sandboxToken, NOT_LISTENING_HOST } from '../simulator-kit/sandbox-kit'

// Alibaba Cloud AICCS's part of the built-in sandbox, pointing at its simulator once that runs.

/** The sandbox profile for a simulator at `at`. */
export function aiccsSandboxProfile(at: { host: string }): ProfileOf<'aiccs'> {
  return {
    id: aiccsSandbox.profileId,
    provider: 'aiccs',
    label: 'Sandbox · Alibaba Cloud AI calls',
    endpoint: at.host,
    regionId: 'cn-shanghai',
    defaultAgentId: 'sandbox-agent',
    defaultVirtualNumber: '057100000000',
    credentialSource: 'access_key',
    roleArn: '',
    stsEndpoint: 'sts.aliyuncs.com',
  }
}

export const newAiccsSandboxSecret = (): SecretOf<'aiccs'> => ({
  provider: 'aiccs',
  accessKeyId: `LTAIsandbox${randomHex(6)}`,
  accessKeySecret: sandboxToken('sbx-'),
})

export const aiccsSandbox: SandboxKit<'aiccs'> = {
  profileId: '5a4db0c5-0000-4000-8000-000000000004',
  newSecret: newAiccsSandboxSecret,
  profile: () => aiccsSandboxProfile({ host: NOT_LISTENING_HOST }),
  start: async (secret) => (await import('./aiccs-sandbox-sim')).startAiccsSandbox(secret),
}
