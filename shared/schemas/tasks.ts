import { z } from 'zod'
import { TaskIntent } from './intents'
import { SendOutcome } from './send-outcome'

export const SubmitTask = z.object({ intent: TaskIntent }).strict()
export type SubmitTask = z.infer<typeof SubmitTask>

/** What became of a submitted task: its id, and the provider's answer classified. */
export const SubmittedTask = z
  .object({
    taskId: z.uuid(),
    /** The key the provider uses to recognise a resend (ClientToken, task name), or null where it has none. */
    idempotencyKey: z.string().min(1),
    outcome: SendOutcome,
  })
  .strict()
export type SubmittedTask = z.infer<typeof SubmittedTask>
