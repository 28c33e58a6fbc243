import { msg } from '@shared/i18n/message'
import type { Note } from '../core/note'

export type { Note }

export interface BatchTimers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const nodeTimers: BatchTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/**
 * OS notifications about tasks, without a storm: when many tasks change at once (a damaged settings
 * file holds 200 of them, a computer waking up expires a dozen), the first notification of a kind
 * goes out at once and the rest of that kind within `windowMs` become one summary ("and 199 more").
 * Kinds are told apart by their title's key.
 */
export function createNotificationBatcher(notify: (note: Note) => void, windowMs = 3_000, timers = nodeTimers) {
  const open = new Map<string, { more: number; timer: unknown }>()
  return {
    notify(note: Note): void {
      const kind = note.title.key
      const batch = open.get(kind)
      if (batch) {
        batch.more += 1
        return
      }
      notify(note)
      const entry = {
        more: 0,
        timer: timers.setTimeout(() => {
          open.delete(kind)
          if (entry.more > 0) {
            notify({
              // No taskId: the summary is about several tasks, so its click opens the queue.
              title: note.title,
              body: msg(entry.more === 1 ? 'notice.more.one' : 'notice.more.many', { n: entry.more }),
            })
          }
        }, windowMs),
      }
      open.set(kind, entry)
    },
    dispose(): void {
      for (const { timer } of open.values()) timers.clearTimeout(timer)
      open.clear()
    },
  }
}
