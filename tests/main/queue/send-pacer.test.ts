import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createSendPacer } from '../../../electron/main/outbox/send-pacer'
import type { RateLimit } from '../../../electron/main/services/rate-limit'
import { createRateLimiter } from '../../../electron/main/services/rate-limit'

// The lane's pacer against the simulators' own limiter (the provider's count, on arrival): however
// long each request takes to arrive, within its send-to-answer span, the provider never refuses one.

interface Run {
  arrivals: number[]
  sent: number
  endMs: number
}

/**
 * Sends `count` requests as fast as the pacer allows, up to `concurrency` at a time. Each arrives
 * `arrive[i]` ms after it was let go and is answered `answer[i]` ms after arriving.
 */
function drive(limit: RateLimit, count: number, concurrency: number, arrive: number[], answer: number[]): Run {
  const pacer = createSendPacer(limit)
  const arrivals: number[] = []
  const pending: { answerAt: number; ticket: Parameters<typeof pacer.settle>[0] }[] = []
  let now = 0
  let sent = 0
  while (sent < count) {
    pending.sort((a, b) => a.answerAt - b.answerAt)
    while (pending.length && pending[0]!.answerAt <= now) pacer.settle(pending.shift()!.ticket, now)
    const slot = pending.length < concurrency ? pacer.reserve(now) : null
    if (slot?.ok) {
      const i = sent++
      arrivals.push(now + arrive[i % arrive.length]!)
      pending.push({ answerAt: now + arrive[i % arrive.length]! + answer[i % answer.length]!, ticket: slot.ticket })
      continue
    }
    // Next moment anything changes: an answer, or the pacer's own wait.
    const nextAnswer = pending.length ? Math.min(...pending.map((p) => p.answerAt)) : Infinity
    const wait = slot && !slot.ok && slot.retryAfterMs !== null ? now + slot.retryAfterMs : Infinity
    now = Math.max(now + 1, Math.min(nextAnswer, wait))
  }
  return { arrivals, sent, endMs: now }
}

function refusals(limit: RateLimit, arrivals: number[]): number {
  const provider = createRateLimiter(limit)
  return [...arrivals].sort((a, b) => a - b).filter((t) => !provider.take(t).ok).length
}

const limits: RateLimit[] = [
  { kind: 'bucket', perSecond: 2, burst: 5 },
  { kind: 'bucket', perSecond: 20, burst: 5 },
  { kind: 'bucket', perSecond: 10, burst: 1 },
  { kind: 'window', max: 60, windowMs: 2000 },
  { kind: 'window', max: 5, windowMs: 1000 },
]

describe('send pacer', () => {
  it('never lets the provider see more than its limit, however the requests are delayed on the way', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...limits),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 50 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 1, max: 8 }),
        (limit, arrive, answer, concurrency) => {
          const run = drive(limit, 120, concurrency, arrive, answer)
          expect(refusals(limit, run.arrivals)).toBe(0)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('keeps a hair under a whole token: a provider summing the refill in another order still finds one', () => {
    // Found by the property above (seed 1403036111): the seventh request arrived where the
    // provider's bucket held 0.9999… of a token.
    const limit: RateLimit = { kind: 'bucket', perSecond: 2, burst: 5 }
    const run = drive(limit, 120, 2, [0, 169, 250], [0])
    expect(refusals(limit, run.arrivals)).toBe(0)
  })

  it('the plain limiter on send times, as lanes used it before, is refused when delays vary', () => {
    // The failure the pacer exists for: paced on send times, a slow request followed by a fast
    // one arrive closer together than the limit allows.
    const limit: RateLimit = { kind: 'bucket', perSecond: 10, burst: 1 }
    const ours = createRateLimiter(limit)
    const arrivals: number[] = []
    for (let now = 0, i = 0; i < 100; now++) {
      if (ours.take(now).ok) arrivals.push(now + (i++ % 2 === 0 ? 180 : 1))
    }
    expect(refusals(limit, arrivals)).toBeGreaterThan(0)
  })

  it('uses at least 90% of a bucket’s rate while round trips stay under (burst − 1) / rate', () => {
    const limit: RateLimit = { kind: 'bucket', perSecond: 2, burst: 5 }
    const run = drive(limit, 400, 2, [40, 120, 15], [30, 200, 10])
    const allowed = limit.burst + (limit.perSecond * run.endMs) / 1000
    expect(run.sent / allowed).toBeGreaterThanOrEqual(0.9)
  })

  it('uses at least 90% of a window’s allowance over many windows', () => {
    const limit: RateLimit = { kind: 'window', max: 300, windowMs: 60_000 }
    const run = drive(limit, 3000, 4, [50, 300], [100, 20])
    const allowed = limit.max * Math.ceil(run.endMs / limit.windowMs)
    expect(run.sent / allowed).toBeGreaterThanOrEqual(0.9)
  })
})
