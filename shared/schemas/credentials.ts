import { z } from 'zod'
import type { Profile } from '../providers/registry'
import { Profile as ProfileSchema, ProviderSecret, secretIssues } from '../providers/registry'
import { ProfileId } from './fields'

// Credentials: each provider's secret schema lives in its folder (shared/providers/<name>/secret.ts);
// the union of them all follows from the provider registry. Secrets go one way, renderer to main.

export { AiccsSecret } from '../providers/aiccs/secret'
export { ConnectSecret } from '../providers/connect/secret'
export { EgainSecret } from '../providers/egain/secret'
export { VoiceBroadcastSecret } from '../providers/voice-broadcast/secret'
export { WebexSecret } from '../providers/webex/secret'
export { ProviderSecret } from '../providers/registry'

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
    profile: ProfileSchema,
    credentials: CredentialStatus,
    /** A built-in sandbox profile: backed by a simulator in the app, nothing reaches a real provider. */
    sandbox: z.boolean(),
  })
  .strict()
export type ProfileSummary = z.infer<typeof ProfileSummary>

/**
 * The secret a given profile accepts: its provider's schema plus the rules that depend on the
 * profile (Webex: the secret matches the profile's sign-in method). The credentials form and main both validate with this one schema.
 */
export function secretSchemaFor(profile: Profile) {
  return ProviderSecret.superRefine((secret, ctx) => {
    for (const issue of secretIssues(profile, secret)) ctx.addIssue({ code: 'custom', ...issue })
  })
}
