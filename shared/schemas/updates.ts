import { z } from 'zod'

/**
 * Where the app's update stands, as the window shows it. One phase at a time:
 * - `off`: a development build, or a build with no update feed; `reason` says which.
 * - `checking`, `up_to_date`: the last check and what it found.
 * - `downloading`: in the background, `percent` done.
 * - `ready`: downloaded and verified; "Restart to update" installs it.
 * - `waiting_for_sends`: the agent asked to restart; no new send starts, and the app restarts once
 *   the `sending` requests on the wire are answered (never in the middle of one).
 * - `failed`: the check, download or install failed (`step`, and the library's `detail`); the next
 *   daily check tries again. Codes, not sentences: the window words them in the agent's language.
 */
export const UpdateStatus = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('off'), reason: z.enum(['development', 'no_feed']) }).strict(),
  z.object({ phase: z.literal('checking') }).strict(),
  z.object({ phase: z.literal('up_to_date'), checkedAt: z.iso.datetime() }).strict(),
  z.object({ phase: z.literal('downloading'), version: z.string(), percent: z.number().min(0).max(100) }).strict(),
  z.object({ phase: z.literal('ready'), version: z.string() }).strict(),
  z.object({ phase: z.literal('waiting_for_sends'), version: z.string(), sending: z.number().int().min(0) }).strict(),
  z
    .object({
      phase: z.literal('failed'),
      step: z.enum(['check', 'download', 'install']),
      /** The version being downloaded or installed; absent for a failed check. */
      version: z.string().optional(),
      detail: z.string(),
      at: z.iso.datetime(),
    })
    .strict(),
])
export type UpdateStatus = z.infer<typeof UpdateStatus>
export type UpdatesOffReason = Extract<UpdateStatus, { phase: 'off' }>['reason']
