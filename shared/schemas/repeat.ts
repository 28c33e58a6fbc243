import { z } from 'zod'
import { TaskKind } from './intents'
import { QueueItem } from './outbox'

// Issue 16, item 2: an agent unsure whether Enter worked presses it again (or queues the same
// callback from the quick-callback window after the main one), and the provider creates the task
// twice. Main, which owns the queue, asks first when an identical task was queued a moment ago from
// any window. What makes two tasks identical is each provider's `identity` (shared/providers, beside
// its intents), joined with the kind and the profile by `taskIdentity` in the registry.

/** How long after a task an identical one is asked about. */
export const REPEAT_WINDOW_MS = 30_000

/** The windows a task is queued from, so the question can say where the first one came from. */
export const TaskWindow = z.enum(['main', 'quickCallback', 'confirmDial'])
export type TaskWindow = z.infer<typeof TaskWindow>

/** Main's answer instead of queueing: the same task was queued `agoMs` ago, from `window`. */
export const RepeatAsked = z
  .object({
    repeat: z.object({ agoMs: z.int().min(0), kind: TaskKind, window: TaskWindow }).strict(),
  })
  .strict()
export type RepeatAsked = z.infer<typeof RepeatAsked>

/** What queueing a task answers: the task queued, or the question whether to queue it again. */
export const SubmitAnswer = z.union([QueueItem, RepeatAsked])
export type SubmitAnswer = z.infer<typeof SubmitAnswer>

export const isRepeat = (answer: SubmitAnswer): answer is RepeatAsked => 'repeat' in answer

/** In a request: the agent was asked and said to queue it again. */
export const ConfirmedRepeat = z.literal(true).optional()
