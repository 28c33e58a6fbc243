import type { Clock } from '../../../electron/main/core/clock'
import type { Timers } from '../../../electron/main/outbox/dispatcher'

/**
 * Time the test moves: a wall clock and a monotonic clock, and timers that fire only when
 * `advance` passes them. `suspend` moves the wall clock alone, as a laptop asleep does.
 */
export function virtualTime(startIso = '2026-11-23T10:00:00.000Z') {
  let wall = Date.parse(startIso)
  let mono = 1_000_000
  let nextHandle = 1
  const pending = new Map<number, { at: number; fn: () => void }>()

  const clock: Clock = { now: () => new Date(wall), monotonicMs: () => mono }
  const timers: Timers = {
    setTimeout(fn, ms) {
      const handle = nextHandle++
      pending.set(handle, { at: mono + Math.max(0, ms), fn })
      return handle
    },
    clearTimeout(handle) {
      pending.delete(handle as number)
    },
  }

  /** Let every promise chain that can run, run (sends resolve through real microtasks and I/O). */
  async function settle(rounds = 20): Promise<void> {
    for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve))
  }

  /** Move both clocks forward by `ms`, firing each due timer at its own time, in order. */
  async function advance(ms: number): Promise<void> {
    const end = mono + ms
    for (;;) {
      await settle()
      let next: [number, { at: number; fn: () => void }] | null = null
      for (const item of pending) if (item[1].at <= end && (next === null || item[1].at < next[1].at)) next = item
      if (next === null) break
      pending.delete(next[0])
      wall += next[1].at - mono
      mono = next[1].at
      next[1].fn()
    }
    wall += end - mono
    mono = end
    await settle()
  }

  return {
    clock,
    timers,
    settle,
    advance,
    /** The wall clock jumps (a clock change, or time spent asleep); timers do not fire. */
    jumpWall(ms: number) {
      wall += ms
    },
    nowMs: () => wall,
    monoMs: () => mono,
  }
}
