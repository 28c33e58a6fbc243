import { afterEach, describe, expect, it, vi } from 'vitest'
import { createOutbox } from '../../../electron/main/outbox/outbox'
import { DEFAULT_DEADLINES } from '../../../electron/main/outbox/deadlines'
import { attemptOf } from '../../../electron/main/providers/task-sender'
import { createLogger } from '../../../electron/main/core/logger'
import { drafts, secrets } from '../../shared/fixtures'
import { harness, parse, sampleIntent } from '../providers/attempt-harness'
import { ANSWERED_MS } from '../providers/time-limits'
import { memoryLog } from './memory-log'
import { virtualTime } from './virtual-time'

// Issue #13 B, end to end: Alibaba answered 429 with `Retry-After: 5` and the queue called again
// 0.58 s later. Here the queue (virtual time: its timers wait only on `advance`) sends through the
// real task sender and AICCS client to a loopback gateway that throttles the first request; the
// second may not come before the five seconds the gateway asked for.

const h = harness()
afterEach(() => h.cleanup())

describe('the queue waits out the Retry-After the seam read', () => {
  it('AICCS 429 with Retry-After: 5 → the next call no sooner than 5 s later, then sent', async () => {
    // From now: the task sender checks the deadline on the real clock.
    const time = virtualTime(new Date().toISOString())
    const calledAt: number[] = []
    const s = await h.answering(() => {
      calledAt.push(time.nowMs())
      return calledAt.length === 1
        ? {
            status: 429,
            headers: { 'retry-after': '5' },
            body: '{"Code":"Throttling.User","Message":"Request was denied","RequestId":"r-1"}',
          }
        : { status: 200, body: '{"Code":"OK","Success":true,"Data":"8812345","RequestId":"r-2"}' }
    })
    const { profile, secret } = parse({ ...drafts.aiccs, endpoint: `127.0.0.1:${s.port}` }, secrets.aiccs)
    const send = h.senderFor(profile, secret, { timeoutMs: ANSWERED_MS })
    let ids = 0
    const outbox = createOutbox({
      log: memoryLog(),
      clock: time.clock,
      logger: createLogger(() => undefined, time.clock),
      newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
      findProfile: (id) => (id === profile.id ? profile : undefined),
      send: (entry) => send(attemptOf(entry)),
      onChanged: () => undefined,
      deadlines: DEFAULT_DEADLINES,
      // random 0: the queue's own jittered backoff would try again at once.
      dispatcher: { timers: time.timers, random: () => 0, tickMs: 30_000 },
    })
    await outbox.start()
    const entry = await outbox.submit(sampleIntent(profile))
    await vi.waitFor(async () => {
      await time.advance(0)
      expect(outbox.get(entry.id)?.nextAttemptAt).toEqual(expect.any(String))
    })
    expect(calledAt).toHaveLength(1)
    // The entry itself is due no sooner than the wait.
    expect(Date.parse(outbox.get(entry.id)!.nextAttemptAt!) - calledAt[0]!).toBeGreaterThanOrEqual(5_000)
    await time.advance(4_990)
    expect(calledAt).toHaveLength(1)
    await time.advance(20)
    await vi.waitFor(async () => {
      await time.advance(0)
      expect(outbox.get(entry.id)?.state).toBe('sent')
    })
    expect(calledAt).toHaveLength(2)
    expect(calledAt[1]! - calledAt[0]!).toBeGreaterThanOrEqual(5_000)
    outbox.stop()
  })
})
