/** One valid profile draft and secret per provider, shared by schema, service and e2e tests. */
export const drafts = {
  webex: {
    provider: 'webex',
    label: 'Webex US',
    endpoint: { kind: 'data_center', dataCenter: 'us1' },
    orgId: 'f5a1c1d4-3b2e-4c55-9f0e-1a2b3c4d5e6f',
    authMethod: 'oauth',
    entryPoints: [{ id: 'EP-outbound-1', label: 'Sales outbound', direction: 'outbound' }],
    outdialAnis: [{ number: '+14085550100', label: 'Main line' }],
    scheduledCallbackQueueId: 'queue-1',
  },
  egain: {
    provider: 'egain',
    label: 'eGain service',
    apiBaseUrl: 'https://api.ai.egain.cloud',
    tokenUrl: 'https://ai.egain.cloud/system/auth/TENANT-U/oauth2/token',
    clientId: 'client-123',
    grantType: 'client_credentials',
    username: '',
    scope: 'https://api.egain.cloud/auth/app.core.casemgr.manage',
    acceptLanguage: 'en-US',
    defaultDepartment: 'Service',
    taskSubtypes: ['General'],
  },
  connect: {
    provider: 'connect',
    label: 'Connect Frankfurt',
    region: 'eu-central-1',
    instanceId: '3f0a7c7e-1234-4c2b-9a33-7b1e2d3c4f5a',
    contactFlows: [{ id: 'flow-1', label: 'Tasks flow' }],
    taskTemplates: [],
    quickConnects: [],
  },
  aiccs: {
    provider: 'aiccs',
    label: 'AICCS Shanghai',
    endpoint: 'aiccs.aliyuncs.com',
    regionId: 'cn-shanghai',
    defaultAgentId: 'agent-7',
    defaultVirtualNumber: '057112345678',
  },
  voice_broadcast: {
    provider: 'voice_broadcast',
    label: 'ITNIO broadcast',
    baseUrl: 'https://api.itniotech.com',
    appId: 'app-1',
    defaultDisplayNum: '8412345678',
    senderId: 'Callboard',
    smsAppId: '',
    numberListShape: 'numberList',
  },
} as const

/** Distinctive values, so a test can search every output for them. */
export const secrets = {
  webex: {
    provider: 'webex',
    kind: 'oauth',
    clientId: 'C0ffeeClientIdWebex9876',
    clientSecret: 'S3cr3t-webex-client-QX7Z',
    refreshToken: 'RT-webex-refresh-token-LK9P-unique',
  },
  egain: { provider: 'egain', clientSecret: 'S3cr3t-egain-client-MN4B' },
  connect: {
    provider: 'connect',
    accessKeyId: 'AKIAZZTESTKEY0004567',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY-SECRET-ZZ',
    sessionToken: '',
  },
  aiccs: { provider: 'aiccs', accessKeyId: 'LTAI5tTestKeyId8899', accessKeySecret: 'S3cr3t-aliyun-AK-secret-HJ2K' },
  voice_broadcast: {
    provider: 'voice_broadcast',
    apiKey: 'itnio-api-key-5566',
    apiSecret: 'S3cr3t-itnio-api-secret-PO0I',
  },
} as const

export type ProviderKey = keyof typeof drafts
export const providerKeys = Object.keys(drafts) as ProviderKey[]

/** The desktop preferences (shortcut, tray, defaults) at their first-run values. */
export const desktopSettings = {
  dialShortcut: 'CommandOrControl+Alt+D',
  dialFromSelection: false,
  autoDial: false,
  closeToTray: true,
  startAtLogin: false,
  defaultOutdialProfileId: null,
  defaultCallbackProfileId: null,
  sandbox: true,
} as const
