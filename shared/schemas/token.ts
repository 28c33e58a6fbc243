import { z } from 'zod'

/** An access token obtained at run time (Webex or eGain OAuth). Kept only in the OS keychain. */
export const CachedToken = z
  .object({
    accessToken: z.string().min(1).max(8192),
    expiresAt: z.iso.datetime(),
    /** Webex may rotate the refresh token with each refresh; the newest one is kept with the token. */
    refreshToken: z.string().max(8192).optional(),
    /** Whom a browser or device sign-in signed in (a display name, no secret), kept across renewals. */
    signedInAs: z.string().max(200).optional(),
  })
  .strict()
export type CachedToken = z.infer<typeof CachedToken>
