import { taskIdentity } from '@shared/providers/registry'
import type { TaskIntent } from '@shared/schemas/intents'

// Issue 16, item 2: an agent unsure whether Enter worked presses it again, and the provider creates
// the task twice. A second identical task within a short window is asked about first.

/** How long after a task an identical one is asked about. */
export const DUPLICATE_WINDOW_MS = 30_000

/**
 * What makes two tasks the same for the agent: the same kind, on the same profile, for the same
 * customer or subject (shared/providers: each provider says which). Details that differ in a
 * deliberate resend (a note, a reason, the attributes) are left out: a callback to the same number
 * twice in a few seconds is asked about either way.
 */
export { taskIdentity } from '@shared/providers/registry'

export interface DuplicateGuard {
  /** A task was queued at `at` (ms). */
  remember(intent: TaskIntent, at: number): void
  /** Whether an identical task was queued within the window before `now`: how long ago, in ms. */
  recent(intent: TaskIntent, now: number): { agoMs: number } | null
}

export function createDuplicateGuard(windowMs = DUPLICATE_WINDOW_MS): DuplicateGuard {
  const queuedAt = new Map<string, number>()
  const forget = (now: number) => {
    for (const [key, at] of queuedAt) if (now - at > windowMs) queuedAt.delete(key)
  }
  return {
    remember(intent, at) {
      forget(at)
      queuedAt.set(taskIdentity(intent), at)
    },
    recent(intent, now) {
      forget(now)
      const at = queuedAt.get(taskIdentity(intent))
      return at === undefined || now - at < 0 ? null : { agoMs: now - at }
    },
  }
}

/** This window's guard: every form (and the quick entry) of one window shares it. */
export const duplicateGuard = createDuplicateGuard()
