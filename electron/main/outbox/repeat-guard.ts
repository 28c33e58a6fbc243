import { createHmac, createSecretKey, randomBytes } from 'node:crypto'
import { taskIdentity } from '@shared/providers/registry'
import type { TaskIntent } from '@shared/schemas/intents'
import type { QueueItem } from '@shared/schemas/outbox'
import { REPEAT_WINDOW_MS, type RepeatAsked, type SubmitAnswer, type TaskWindow } from '@shared/schemas/repeat'
import type { Clock } from '../core/clock'

export interface RepeatGuardDeps {
  /** Its monotonic time measures "how long ago" (a wall-clock change moves nothing). */
  clock: Clock
  /** Queues the task (the outbox). */
  submit: (intent: TaskIntent) => Promise<QueueItem>
  /** Throws what `submit` would refuse the task with, queueing nothing. */
  check: (intent: TaskIntent) => Promise<void>
  windowMs?: number
}

export interface QueueRequest {
  intent: TaskIntent
  window: TaskWindow
  /** The agent was asked and said to queue it again. */
  confirmedRepeat: boolean
}

interface Recent {
  at: number
  window: TaskWindow
}

/**
 * Asks before queueing a task identical to one queued a moment ago, from any window (issue 16
 * item 2). Memory only: a keyed hash of each task's identity (which holds customer numbers), with a
 * key made at start and never kept, so what it holds cannot be turned back into a number; entries
 * older than the window are dropped as new ones come. One Map lookup per task.
 */
export function createRepeatGuard({ clock, submit, check, windowMs = REPEAT_WINDOW_MS }: RepeatGuardDeps) {
  // A key object, made once: HMAC with raw bytes makes one for every task.
  const key = createSecretKey(randomBytes(32))
  /** In the order last queued (an entry queued again moves to the end), so the oldest come first. */
  const recent = new Map<string, Recent>()
  const fingerprint = (intent: TaskIntent) =>
    createHmac('sha256', key).update(taskIdentity(intent), 'utf8').digest('base64')

  /**
   * No later than when the first task remembered was queued: while that is inside the window, the
   * walk below would stop at once, so the map is not walked (an iterator per task queued). Answers
   * never depend on it: an entry past the window is not a repeat, forgotten or not.
   */
  let oldestAt = 0
  const remember = (print: string, entry: Recent) => {
    oldestAt = recent.size === 0 ? entry.at : Math.min(oldestAt, entry.at)
    recent.set(print, entry)
  }

  function forgetOlderThan(now: number): void {
    if (now - oldestAt < windowMs) return
    for (const [print, entry] of recent) {
      if (now - entry.at < windowMs) {
        oldestAt = entry.at
        return
      }
      recent.delete(print)
    }
  }

  return {
    /**
     * Queues the task through `submit` unless an identical one was queued within the window and the
     * agent has not confirmed: then, if `check` does not refuse it, answers how long ago and from
     * where, and queues nothing. The
     * task counts as queued from the moment it is let through, so two presses of Enter that race
     * are asked about too; a refused submit leaves what was there before.
     */
    async submit(request: QueueRequest): Promise<SubmitAnswer> {
      const now = clock.monotonicMs()
      forgetOlderThan(now)
      const print = fingerprint(request.intent)
      const before = recent.get(print)
      if (before && now - before.at < windowMs && !request.confirmedRepeat) {
        // A task the queue would refuse is refused with its reason, not asked about: "queue it
        // again?" then a refusal would cost the agent a question for nothing.
        await check(request.intent)
        return asked(request.intent, before, clock.monotonicMs())
      }
      recent.delete(print)
      const mine: Recent = { at: now, window: request.window }
      remember(print, mine)
      try {
        return await submit(request.intent)
      } catch (error) {
        if (recent.get(print) === mine) {
          recent.delete(print)
          if (before) remember(print, before)
        }
        throw error
      }
    },
    /** How many tasks it remembers (for tests: nothing is kept past the window). */
    size: () => recent.size,
  }
}

const asked = (intent: TaskIntent, before: Recent, now: number): RepeatAsked => ({
  repeat: { agoMs: Math.max(0, Math.round(now - before.at)), kind: intent.kind, window: before.window },
})

export type RepeatGuard = ReturnType<typeof createRepeatGuard>
