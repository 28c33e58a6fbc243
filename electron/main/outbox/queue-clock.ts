import type { Clock } from '../core/clock'

/**
 * The queue's time: the wall clock, except that it never goes back and never moves slower than
 * the monotonic clock. Deadlines are wall-clock instants (a scheduled callback is "at 15:00"), but
 * a wall clock set back (NTP, a user fixing the time, a VM restore) must not give a waiting task
 * more time: an outdial asked for 15 minutes ago is 15 minutes old whatever the clock now says.
 * A wall clock that jumps forward, or a computer waking from sleep (the monotonic clock stops while
 * it sleeps), moves this time forward with it: a task is expired, never sent late.
 *
 * Only within one process: across a restart there is no monotonic clock, so the outbox asks the
 * agent about a task queued "later" than the wall clock at start instead.
 */
export function createQueueClock(source: Clock): Clock {
  let lastWall = source.now().getTime()
  let lastMono = source.monotonicMs()
  return {
    now(): Date {
      const wall = source.now().getTime()
      const mono = source.monotonicMs()
      const t = Math.max(wall, lastWall + (mono - lastMono))
      lastWall = t
      lastMono = mono
      return new Date(t)
    },
    monotonicMs: () => source.monotonicMs(),
  }
}
