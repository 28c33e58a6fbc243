import { z } from 'zod'
import { RequiredText, SecretText } from '../../schemas/fields'
import type { SecretIssue } from '../provider-module'
import type { WebexProfile } from './profile'
import { issueText } from '../../i18n/issue-message'

export const WebexSecret = z.discriminatedUnion('kind', [
  z
    .object({
      provider: z.literal('webex'),
      kind: z.literal('access_token'),
      accessToken: SecretText(4096, 'accessToken'),
    })
    .strict(),
  z
    .object({
      provider: z.literal('webex'),
      kind: z.literal('oauth'),
      clientId: RequiredText(200, 'oauthClientId'),
      clientSecret: SecretText(500, 'oauthClientSecret'),
      refreshToken: SecretText(4096, 'refreshToken'),
    })
    .strict(),
  z
    .object({
      provider: z.literal('webex'),
      /**
       * Signed in with Webex in the browser: the tokens live in the keychain's token entry (with
       * their rotation); this holds only the integration's client secret, when its token
       * exchange needs one (empty: PKCE alone).
       */
      kind: z.literal('sign_in'),
      clientSecret: z.string().max(500).default(''),
    })
    .strict(),
])
export type WebexSecret = z.infer<typeof WebexSecret>

/** The secret must match how the profile signs in. */
export function webexSecretIssues(profile: WebexProfile, secret: WebexSecret): SecretIssue[] {
  if (secret.kind === profile.authMethod) return []
  return [
    {
      path: ['kind'],
      message:
        profile.authMethod === 'oauth'
          ? issueText('schema.webexSecret.profileSignsOauthEnter')
          : profile.authMethod === 'sign_in'
            ? issueText('schema.webexSecret.profileSignsWebexBrowser')
            : issueText('schema.webexSecret.profileUsesAccessToken'),
    },
  ]
}

/** The OAuth client id is a key id, not a secret: its last characters tell keys apart. */
export const webexKeyId = (secret: WebexSecret): string | null => (secret.kind === 'oauth' ? secret.clientId : null)
