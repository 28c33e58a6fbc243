import { z } from 'zod'
import { TaskIntent } from './intents'

export const SubmitTask = z.object({ intent: TaskIntent }).strict()
export type SubmitTask = z.infer<typeof SubmitTask>
