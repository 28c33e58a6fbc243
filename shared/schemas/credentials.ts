import { z } from 'zod'
import { Profile } from './profiles'
import { ProfileId, RequiredText } from './providers'

const Secret = (max: number, what: string) =>
  z
    .string()
    .min(1, { error: `Enter the ${what}.` })
    .max(max, { error: `At most ${max} characters.` })
    .refine((v) => v.trim() === v, { error: `The ${what} starts or ends with a space; check the paste.` })

export const WebexSecret = z.discriminatedUnion('kind', [
  z
    .object({
      provider: z.literal('webex'),
      kind: z.literal('access_token'),
      accessToken: Secret(4096, 'access token'),
    })
    .strict(),
  z
    .object({
      provider: z.literal('webex'),
      kind: z.literal('oauth'),
      clientId: RequiredText(200, 'OAuth client id'),
      clientSecret: Secret(500, 'OAuth client secret'),
      refreshToken: Secret(4096, 'refresh token'),
    })
    .strict(),
])

export const EgainSecret = z
  .object({
    provider: z.literal('egain'),
    clientSecret: Secret(500, 'client secret'),
    /** Only for the password grant; empty otherwise. */
    password: z.string().max(500),
  })
  .strict()

export const ConnectSecret = z
  .object({
    provider: z.literal('connect'),
    accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/, {
      error: 'An AWS access key id is 16–128 capital letters and digits (AKIA…, ASIA…).',
    }),
    secretAccessKey: Secret(256, 'secret access key'),
    /** For temporary (ASIA…) credentials; empty otherwise. */
    sessionToken: z.string().max(4096),
  })
  .strict()

export const AiccsSecret = z
  .object({
    provider: z.literal('aiccs'),
    accessKeyId: z
      .string()
      .regex(/^[A-Za-z0-9]{8,64}$/, { error: 'An AccessKey id is 8–64 letters and digits (LTAI…).' }),
    accessKeySecret: Secret(128, 'AccessKey secret'),
  })
  .strict()

export const VoiceBroadcastSecret = z
  .object({
    provider: z.literal('voice_broadcast'),
    apiKey: Secret(128, 'API key'),
    apiSecret: Secret(128, 'API secret'),
  })
  .strict()

/** Secrets are write-only: the renderer sends them, and nothing ever sends them back. */
export const ProviderSecret = z.discriminatedUnion('provider', [
  WebexSecret,
  EgainSecret,
  ConnectSecret,
  AiccsSecret,
  VoiceBroadcastSecret,
])
export type ProviderSecret = z.infer<typeof ProviderSecret>

export const CredentialState = z.enum(['stored', 'missing', 'keychain_locked', 'keychain_unavailable'])
export type CredentialState = z.infer<typeof CredentialState>

export const CredentialStatus = z
  .object({
    profileId: ProfileId,
    state: CredentialState,
    /** The last characters of a key *id* (never of a secret), so the agent can tell keys apart. */
    hint: z.string().max(8).nullable(),
  })
  .strict()
export type CredentialStatus = z.infer<typeof CredentialStatus>

export const ProfileRef = z.object({ profileId: ProfileId }).strict()

export const SetCredentials = z.object({ profileId: ProfileId, secret: ProviderSecret }).strict()
export type SetCredentials = z.infer<typeof SetCredentials>

/** One row of the profiles list: the profile and whether its secret is in the keychain. */
export const ProfileSummary = z
  .object({
    profile: Profile,
    credentials: CredentialStatus,
    /** A built-in sandbox profile: backed by a simulator in the app, nothing reaches a real provider. */
    sandbox: z.boolean(),
  })
  .strict()
export type ProfileSummary = z.infer<typeof ProfileSummary>

/**
 * The secret a given profile accepts: its provider's schema plus the rules that depend on the
 * profile (Webex: the secret matches the profile's sign-in method; eGain: the password grant
 * needs the password). The credentials form and main both validate with this one schema.
 */
export function secretSchemaFor(profile: Profile) {
  return ProviderSecret.superRefine((secret, ctx) => {
    if (secret.provider !== profile.provider) {
      ctx.addIssue({
        code: 'custom',
        path: ['provider'],
        message: `These are ${secret.provider} credentials, but "${profile.label}" is a ${profile.provider} profile.`,
      })
      return
    }
    if (profile.provider === 'webex' && secret.provider === 'webex' && secret.kind !== profile.authMethod) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message:
          profile.authMethod === 'oauth'
            ? 'This profile signs in with OAuth: enter the client id, client secret and refresh token.'
            : 'This profile uses an access token: paste the access token.',
      })
    }
    if (
      profile.provider === 'egain' &&
      secret.provider === 'egain' &&
      profile.grantType === 'password' &&
      !secret.password
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['password'],
        message: 'This profile uses the password grant: enter the eGain password.',
      })
    }
  })
}
