import { z } from 'zod'
import { NewTaskIntent } from './intents'
import { ConfirmedRepeat, TaskWindow } from './repeat'

export const SubmitTask = z
  .object({
    intent: NewTaskIntent,
    /** Where the agent queued it (the main window when left out). */
    window: TaskWindow.optional(),
    /** The agent was asked about an identical task queued a moment ago and said to queue it again. */
    confirmedRepeat: ConfirmedRepeat,
  })
  .strict()
export type SubmitTask = z.infer<typeof SubmitTask>
