import { z } from 'zod'
import { NewTaskIntent } from './intents'

export const SubmitTask = z.object({ intent: NewTaskIntent }).strict()
export type SubmitTask = z.infer<typeof SubmitTask>
