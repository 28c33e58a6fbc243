import { z } from 'zod'
import { SecretText } from '../../schemas/fields'
import type { SecretIssue } from '../provider-module'
import type { ConnectProfile } from './profile'
import { issueText } from '../../i18n/issue-message'

/** An access key typed by the agent. Secrets stored before the choice existed have no `kind`. */
const ConnectAccessKeys = z
  .object({
    provider: z.literal('connect'),
    kind: z.literal('access_keys').optional(),
    accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/, {
      error: issueText('schema.connectSecret.awsAccessKeyId'),
    }),
    secretAccessKey: SecretText(256, 'secretAccessKey'),
    /** For temporary (ASIA…) credentials; empty otherwise. */
    sessionToken: z.string().max(4096),
  })
  .strict()

/**
 * What an IAM Identity Center sign-in leaves in the keychain: Callboard's client registration with
 * the Identity Center (RegisterClient) and the tokens CreateToken gave. Written by main after the
 * sign-in, never typed. The newest access and refresh tokens live in the profile's token cache;
 * these are the ones the sign-in obtained.
 */
const ConnectSsoSession = z
  .object({
    provider: z.literal('connect'),
    kind: z.literal('sso'),
    clientId: z.string().min(1).max(4096),
    clientSecret: z.string().min(1).max(16384),
    /** When the registration ends (RegisterClient's clientSecretExpiresAt): then the agent signs in again. */
    clientSecretExpiresAt: z.iso.datetime(),
    accessToken: z.string().min(1).max(16384),
    accessTokenExpiresAt: z.iso.datetime(),
    /** Absent when the Identity Center gave none: the agent signs in again when the access token ends. */
    refreshToken: z.string().max(16384).optional(),
  })
  .strict()

/** A named profile of this computer's AWS configuration: nothing secret is kept, the files hold it. */
const ConnectAwsProfileMarker = z.object({ provider: z.literal('connect'), kind: z.literal('aws_profile') }).strict()

export const ConnectSecret = z.discriminatedUnion('kind', [
  ConnectAccessKeys,
  ConnectSsoSession,
  ConnectAwsProfileMarker,
])
export type ConnectSecret = z.infer<typeof ConnectSecret>
export type ConnectAccessKeysSecret = z.infer<typeof ConnectAccessKeys>
export type ConnectSsoSecret = z.infer<typeof ConnectSsoSession>

/** The source a secret is for (a secret without `kind` holds access keys). */
export const connectSecretSource = (secret: ConnectSecret) => secret.kind ?? 'access_keys'

/** The secret must be of the profile's credential source. */
export function connectSecretIssues(profile: ConnectProfile, secret: ConnectSecret): SecretIssue[] {
  if (connectSecretSource(secret) === profile.credentialSource) return []
  const message = {
    access_keys: issueText('schema.connectSecret.profileUsesAccessKey'),
    sso: issueText('schema.connectSecret.profileSignsIamIdentity'),
    aws_profile: issueText('schema.connectSecret.profileUsesProfileYour'),
  }[profile.credentialSource]
  return [{ path: ['kind'], message }]
}

/** Only an access key has a key id to show. */
export const connectKeyId = (secret: ConnectSecret): string | null =>
  secret.kind === 'sso' || secret.kind === 'aws_profile' ? null : secret.accessKeyId
