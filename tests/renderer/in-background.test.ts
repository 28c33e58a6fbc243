import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { inBackground } from '../../renderer/src/in-background'

// Background work in slices: each slice runs jobs until its time is up and then gives the thread
// back (a new task), so input and rendering are never kept waiting longer than one slice.

describe('inBackground', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  /** A clock that each job moves on by `ms`. */
  function jobsTaking(count: number, ms: number) {
    let now = 0
    const ran: number[] = []
    const jobs = Array.from({ length: count }, (_, i) => () => {
      ran.push(i)
      now += ms
    })
    return { jobs, ran, now: () => now }
  }

  it('runs nothing in the caller’s task, then every job in order', async () => {
    const { jobs, ran, now } = jobsTaking(5, 1)
    const done = inBackground(jobs, 8, now)
    expect(ran).toEqual([])
    await vi.runAllTimersAsync()
    await done
    expect(ran).toEqual([0, 1, 2, 3, 4])
  })

  it('gives the thread back once a slice has used its time', async () => {
    const { jobs, ran, now } = jobsTaking(10, 3)
    const done = inBackground(jobs, 8, now)
    // 3 ms a job: the third ends the 8 ms slice.
    await vi.advanceTimersToNextTimerAsync()
    expect(ran).toEqual([0, 1, 2])
    await vi.advanceTimersToNextTimerAsync()
    expect(ran).toEqual([0, 1, 2, 3, 4, 5])
    await vi.runAllTimersAsync()
    await done
    expect(ran).toHaveLength(10)
  })

  it('runs a job longer than a slice alone in its slice', async () => {
    const { jobs, ran, now } = jobsTaking(3, 20)
    void inBackground(jobs, 8, now)
    await vi.advanceTimersToNextTimerAsync()
    expect(ran).toEqual([0])
    await vi.advanceTimersToNextTimerAsync()
    expect(ran).toEqual([0, 1])
  })

  it('stops at a job that throws, and says so', async () => {
    const ran: string[] = []
    const done = inBackground(
      [
        () => ran.push('a'),
        () => {
          throw new Error('no')
        },
        () => ran.push('c'),
      ],
      8,
      () => 0,
    )
    const outcome = expect(done).rejects.toThrow('no')
    await vi.runAllTimersAsync()
    await outcome
    expect(ran).toEqual(['a'])
  })

  it('resolves at once (in the next task) when there is nothing to do', async () => {
    const done = inBackground([], 8, () => 0)
    await vi.runAllTimersAsync()
    await expect(done).resolves.toBeUndefined()
  })
})
