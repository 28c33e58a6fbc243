import { describe, expect, it } from 'vitest'
import { ProviderSecret, secretSchemaFor } from '../../shared/schemas/credentials'
import { Profile, ProfileDraft } from '../../shared/schemas/profiles'
import { drafts, providerKeys, secrets } from './fixtures'

const ID = '0b8e3c1a-5d2f-4e6a-8b9c-1d2e3f4a5b6c'

/** Patch one field of a provider's valid draft. */
const withField = (provider: keyof typeof drafts, patch: Record<string, unknown>) => ({ ...drafts[provider], ...patch })

describe('profile schemas accept each provider', () => {
  it.each(providerKeys)('%s draft (no id) and stored profile (with id)', (provider) => {
    expect(ProfileDraft.safeParse(drafts[provider]).success).toBe(true)
    expect(Profile.safeParse({ ...drafts[provider], id: ID }).success).toBe(true)
    expect(Profile.safeParse(drafts[provider]).success).toBe(false) // a stored profile has an id
  })

  it('accepts the limits exactly', () => {
    const ok = (p: keyof typeof drafts, patch: Record<string, unknown>) =>
      expect(ProfileDraft.safeParse(withField(p, patch)).success, JSON.stringify(patch).slice(0, 80)).toBe(true)
    ok('webex', { entryPoints: [{ id: 'e'.repeat(36), label: 'x', direction: 'inbound' }] })
    ok('webex', { outdialAnis: [{ number: '1'.repeat(36), label: 'x' }] })
    ok('webex', { endpoint: { kind: 'custom', baseUrl: 'https://api.wxcc-eu2.cisco.com' } })
    ok('webex', { endpoint: { kind: 'custom', baseUrl: 'http://127.0.0.1:4010' } })
    ok('connect', { instanceId: 'i'.repeat(100), region: 'us-gov-west-1' })
    ok('connect', { contactFlows: [{ id: 'f'.repeat(500), label: 'x' }] })
    ok('voice_broadcast', { defaultDisplayNum: '1'.repeat(20), senderId: 's'.repeat(32) })
    ok('voice_broadcast', { baseUrl: 'https://api.laaffic.com/v3' })
    ok('egain', { grantType: 'password', username: 'agent1' })
  })
})

describe('profile schemas refuse what the providers refuse', () => {
  it.each([
    [
      'webex entry point id over 36 chars',
      'webex',
      { entryPoints: [{ id: 'e'.repeat(37), label: 'x', direction: 'outbound' }] },
      'entryPoints.0.id',
    ],
    [
      'webex ANI over 36 chars',
      'webex',
      { outdialAnis: [{ number: '1'.repeat(37), label: 'x' }] },
      'outdialAnis.0.number',
    ],
    [
      'webex unknown data center',
      'webex',
      { endpoint: { kind: 'data_center', dataCenter: 'us9' } },
      'endpoint.dataCenter',
    ],
    [
      'webex plain http to a remote host',
      'webex',
      { endpoint: { kind: 'custom', baseUrl: 'http://api.wxcc-us1.cisco.com' } },
      'endpoint.baseUrl',
    ],
    [
      'webex credentials in the URL',
      'webex',
      { endpoint: { kind: 'custom', baseUrl: 'https://u:p@api.example.com' } },
      'endpoint.baseUrl',
    ],
    ['webex unknown auth method', 'webex', { authMethod: 'basic' }, 'authMethod'],
    [
      'webex entry point direction',
      'webex',
      { entryPoints: [{ id: 'a', label: 'x', direction: 'sideways' }] },
      'entryPoints.0.direction',
    ],
    ['empty label', 'webex', { label: '   ' }, 'label'],
    ['label over 60', 'webex', { label: 'l'.repeat(61) }, 'label'],
    ['egain on behalf of nobody', 'egain', { grantType: 'password', username: '' }, 'username'],
    ['egain on behalf of a name and an id', 'egain', { grantType: 'password', username: 'a', userId: '7' }, 'userId'],
    ['egain unknown Accept-Language', 'egain', { acceptLanguage: 'en-GB' }, 'acceptLanguage'],
    ['egain token URL not a URL', 'egain', { tokenUrl: 'egain token' }, 'tokenUrl'],
    ['egain department over 255', 'egain', { defaultDepartment: 'd'.repeat(256) }, 'defaultDepartment'],
    ['connect region as a city', 'connect', { region: 'Frankfurt' }, 'region'],
    ['connect instance id over 100', 'connect', { instanceId: 'i'.repeat(101) }, 'instanceId'],
    ['connect empty instance id', 'connect', { instanceId: '' }, 'instanceId'],
    [
      'connect task template over 500',
      'connect',
      { taskTemplates: [{ id: 't'.repeat(501), label: 'x' }] },
      'taskTemplates.0.id',
    ],
    ['aiccs endpoint with a path', 'aiccs', { endpoint: 'https://aiccs.aliyuncs.com/' }, 'endpoint'],
    ['aiccs region id', 'aiccs', { regionId: 'Shanghai' }, 'regionId'],
    ['voice displayNum with letters', 'voice_broadcast', { defaultDisplayNum: '+84123' }, 'defaultDisplayNum'],
    ['voice displayNum over 20 digits', 'voice_broadcast', { defaultDisplayNum: '1'.repeat(21) }, 'defaultDisplayNum'],
    ['voice senderId over 32', 'voice_broadcast', { senderId: 's'.repeat(33) }, 'senderId'],
    ['voice unknown list shape', 'voice_broadcast', { numberListShape: 'csv' }, 'numberListShape'],
    ['unknown key', 'aiccs', { accessKeySecret: 'oops' }, ''],
  ] as const)('%s', (_name, provider, patch, path) => {
    const result = ProfileDraft.safeParse(withField(provider, patch))
    expect(result.success).toBe(false)
    if (!result.success) expect(result.error.issues.map((i) => i.path.join('.'))).toContain(path)
  })

  it('refuses an unknown provider with the list of known ones', () => {
    const result = ProfileDraft.safeParse({ provider: 'twilio', label: 'x' })
    expect(result.success).toBe(false)
    if (!result.success) expect(result.error.issues[0]?.message).toContain('voice_broadcast')
  })
})

describe('secret schemas', () => {
  it.each(providerKeys)('accepts %s', (provider) => {
    expect(ProviderSecret.safeParse(secrets[provider]).success).toBe(true)
  })

  it.each([
    ['webex access token empty', { provider: 'webex', kind: 'access_token', accessToken: '' }, 'accessToken'],
    [
      'webex pasted token with a trailing newline',
      { provider: 'webex', kind: 'access_token', accessToken: 'abc\n' },
      'accessToken',
    ],
    [
      'webex oauth without refresh token',
      { provider: 'webex', kind: 'oauth', clientId: 'a', clientSecret: 'b' },
      'refreshToken',
    ],
    ['aws key id lower case', { ...secrets.connect, accessKeyId: 'akiazztestkey0004567' }, 'accessKeyId'],
    ['aws key id too short', { ...secrets.connect, accessKeyId: 'AKIA123' }, 'accessKeyId'],
    ['aliyun key id with symbols', { ...secrets.aiccs, accessKeyId: 'LTAI-5t$' }, 'accessKeyId'],
    ['itnio secret empty', { ...secrets.voice_broadcast, apiSecret: '' }, 'apiSecret'],
    ['extra field', { ...secrets.egain, token: 'x' }, ''],
  ] as const)('refuses %s', (_name, secret, path) => {
    const result = ProviderSecret.safeParse(secret)
    expect(result.success).toBe(false)
    if (!result.success) expect(result.error.issues.map((i) => i.path.join('.'))).toContain(path)
  })
})

describe('profiles and secrets stored by an older Callboard stay readable', () => {
  it('an eGain profile without a scope reads with the scope its grant needs, and without a user id', () => {
    const { scope: _scope, ...stored } = { ...drafts.egain, id: ID }
    const app = Profile.parse({ ...stored, scope: '' })
    expect(app).toMatchObject({ scope: 'https://api.egain.cloud/auth/app.core.casemgr.manage', userId: '' })
    const user = Profile.parse({ ...stored, scope: '', grantType: 'password', username: 'agent1' })
    expect(user).toMatchObject({ scope: 'https://api.egain.cloud/auth/core.casemgr.manage', username: 'agent1' })
    // The editor requires one (the form starts from the default).
    expect(ProfileDraft.safeParse({ ...drafts.egain, scope: '' }).success).toBe(false)
  })

  it('an eGain secret with the password older Callboards kept reads without it', () => {
    const stored = { provider: 'egain', clientSecret: 'S3cr3t-egain-client-MN4B', password: 'agent-password-1' }
    expect(ProviderSecret.parse(stored)).toEqual({ provider: 'egain', clientSecret: 'S3cr3t-egain-client-MN4B' })
  })

  it('a Webex profile without a sign-in address reads as Webex identity (empty)', () => {
    expect(Profile.parse({ ...drafts.webex, id: ID })).toMatchObject({ identityUrl: '' })
    expect(Profile.safeParse({ ...drafts.webex, id: ID, identityUrl: 'http://idbroker.example.com' }).success).toBe(
      false,
    )
  })
})

describe('secretSchemaFor(profile)', () => {
  const webex = Profile.parse({ ...drafts.webex, id: ID })
  const egainPassword = Profile.parse({ ...drafts.egain, id: ID, grantType: 'password', username: 'agent1' })

  it('accepts the secret that fits the profile', () => {
    expect(secretSchemaFor(webex).safeParse(secrets.webex).success).toBe(true)
    // On behalf of a user, eGain takes no password: the client secret alone fits.
    expect(secretSchemaFor(egainPassword).safeParse(secrets.egain).success).toBe(true)
  })

  it.each([
    ['another provider', webex, secrets.connect, 'provider'],
    [
      'a pasted token for an OAuth profile',
      webex,
      { provider: 'webex', kind: 'access_token', accessToken: 'tok' },
      'kind',
    ],
  ] as const)('refuses %s, on the right field', (_name, profile, secret, path) => {
    const result = secretSchemaFor(profile).safeParse(secret)
    expect(result.success).toBe(false)
    if (!result.success) expect(result.error.issues.map((i) => i.path.join('.'))).toEqual([path])
  })
})
