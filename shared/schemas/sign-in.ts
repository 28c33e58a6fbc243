import { z } from 'zod'
import { Message } from '../i18n/message'
import { ProfileId } from './fields'

// Signing a profile in through the identity provider (the system browser, or a device code typed
// elsewhere). The renderer only ever sees who is signed in and how it is going: never a token, a
// code or a verifier.

/** `browser`: Authorization Code + PKCE, back to a loopback listener; `device`: the Device Grant. */
export const SignInMethod = z.enum(['browser', 'device'])
export type SignInMethod = z.infer<typeof SignInMethod>

export const StartSignIn = z.object({ profileId: ProfileId, method: SignInMethod.default('browser') }).strict()
export type StartSignIn = z.infer<typeof StartSignIn>

/** What the agent types at the address, when signing in with a device code. */
export const DeviceCodePrompt = z
  .object({
    userCode: z.string().min(1).max(64),
    verificationUri: z.url().max(2048),
    expiresAt: z.iso.datetime(),
  })
  .strict()
export type DeviceCodePrompt = z.infer<typeof DeviceCodePrompt>

/**
 * Why the last sign-in did not work, as a code the window explains (`access_denied`,
 * `invalid_client`, `redirect_uri_mismatch`, `expired_token`, `timeout`, …) and main's own words.
 */
/** Why a sign-in ended: a code the window may explain in its own words, and main's message. */
export const SignInProblem = z.object({ code: z.string().max(64), message: Message }).strict()
export type SignInProblem = z.infer<typeof SignInProblem>

export const SignInStatus = z
  .object({
    profileId: ProfileId,
    /** `not_offered`: this profile does not sign in through its identity provider. */
    state: z.enum(['not_offered', 'signed_out', 'signing_in', 'signed_in']),
    /** How this profile can sign in (the device code only where its provider offers one). */
    methods: z.array(SignInMethod).max(2),
    /** Whom the identity provider signed in (its display name), or null. */
    user: z.string().max(200).nullable(),
    /** The access token is renewed by itself (there is a refresh token). */
    renews: z.boolean(),
    /** When the access token in hand expires (without `renews`, when the agent must sign in again). */
    expiresAt: z.iso.datetime().nullable(),
    /** The code to type, while a device sign-in waits for it. */
    device: DeviceCodePrompt.nullable(),
    problem: SignInProblem.nullable(),
  })
  .strict()
export type SignInStatus = z.infer<typeof SignInStatus>
