import type { ProviderSecret } from '@shared/schemas/credentials'
import type { Profile } from '@shared/schemas/profiles'

export interface SecretField {
  name: string
  /** i18n keys. */
  label: string
  help?: string
  /** Key ids are typed in plain text (they are not secret, and main shows their last characters). */
  secret: boolean
  optional?: boolean
}

const field = (name: string, secret: boolean, extra: Partial<SecretField> = {}): SecretField => ({
  name,
  label: `credentials.fields.${name}`,
  secret,
  ...extra,
})

/** What the agent types for a profile, which depends on how the profile signs in. */
export function secretFields(profile: Profile): SecretField[] {
  switch (profile.provider) {
    case 'webex':
      return profile.authMethod === 'access_token'
        ? [field('accessToken', true, { help: 'credentials.help.accessToken' })]
        : [
            field('clientId', false),
            field('clientSecret', true, { label: 'credentials.fields.oauthClientSecret' }),
            field('refreshToken', true),
          ]
    case 'egain':
      return profile.grantType === 'password'
        ? [field('clientSecret', true), field('password', true, { help: 'credentials.help.password' })]
        : [field('clientSecret', true)]
    case 'connect':
      return [
        field('accessKeyId', false),
        field('secretAccessKey', true),
        field('sessionToken', true, { optional: true, help: 'credentials.help.sessionToken' }),
      ]
    case 'aiccs':
      return [
        field('accessKeyId', false, { label: 'credentials.fields.aliAccessKeyId' }),
        field('accessKeySecret', true),
      ]
    case 'voice_broadcast':
      return [field('apiKey', true), field('apiSecret', true)]
  }
}

/** An empty secret of the right shape: the form starts from it and returns to it after saving. */
export function blankSecret(profile: Profile): ProviderSecret {
  switch (profile.provider) {
    case 'webex':
      return profile.authMethod === 'access_token'
        ? { provider: 'webex', kind: 'access_token', accessToken: '' }
        : { provider: 'webex', kind: 'oauth', clientId: '', clientSecret: '', refreshToken: '' }
    case 'egain':
      return { provider: 'egain', clientSecret: '', password: '' }
    case 'connect':
      return { provider: 'connect', accessKeyId: '', secretAccessKey: '', sessionToken: '' }
    case 'aiccs':
      return { provider: 'aiccs', accessKeyId: '', accessKeySecret: '' }
    case 'voice_broadcast':
      return { provider: 'voice_broadcast', apiKey: '', apiSecret: '' }
  }
}
