import { z } from 'zod'
import { issueText, noun } from '../../i18n/issue-message'
import { SecretText } from '../../schemas/fields'
import type { SecretIssue } from '../provider-module'
import type { EgainProfile } from './profile'

/**
 * The client application's secret. Acting on behalf of a user sends no user password (eGain's
 * on-behalf-of flow names the user only), so none is kept; a secret stored by an older Callboard
 * with a `password` is read without it, and the password is dropped when it is saved again.
 */
export const EgainSecret = z
  .object({
    provider: z.literal('egain'),
    /** Empty only for an agent's browser sign-in whose client application has no secret (PKCE alone). */
    clientSecret: z.union([z.literal(''), SecretText(500, 'clientSecret')]),
    /** Older Callboards kept the user's password here; it is never sent, and never kept again. */
    password: z.string().max(500).optional(),
  })
  .strict()
  .transform(({ provider, clientSecret }) => ({ provider, clientSecret }))
export type EgainSecret = z.infer<typeof EgainSecret>

/** The application's grants authenticate with the client secret; only an agent's sign-in may go without. */
export function egainSecretIssues(profile: EgainProfile, secret: EgainSecret): SecretIssue[] {
  if (secret.clientSecret !== '' || profile.grantType === 'authorization_code') return []
  return [{ path: ['clientSecret'], message: issueText('schema.text.enter', { what: noun('clientSecret') }) }]
}
