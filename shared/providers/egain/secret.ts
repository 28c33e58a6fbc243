import { z } from 'zod'
import { SecretText } from '../../schemas/fields'
import type { SecretIssue } from '../provider-module'
import type { EgainProfile } from './profile'

export const EgainSecret = z
  .object({
    provider: z.literal('egain'),
    clientSecret: SecretText(500, 'client secret'),
    /** Only for the password grant; empty otherwise. */
    password: z.string().max(500),
  })
  .strict()
export type EgainSecret = z.infer<typeof EgainSecret>

/** The password grant needs the password. */
export function egainSecretIssues(profile: EgainProfile, secret: EgainSecret): SecretIssue[] {
  return profile.grantType === 'password' && !secret.password
    ? [{ path: ['password'], message: 'This profile uses the password grant: enter the eGain password.' }]
    : []
}
