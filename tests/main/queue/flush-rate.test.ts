import { describe, expect, it } from 'vitest'
import { simulateFlush } from './flush-simulation'

describe('flushing a backlog under the providers’ limits (Q5)', () => {
  it('drains 10,000 tasks across the five lanes with 0 limit violations and ≥ 90% of the allowed rate used', async () => {
    const t0 = performance.now()
    const result = await simulateFlush(2000)
    expect(result.unsent).toBe(0)
    expect(result.violations).toEqual({ webex: 0, egain: 0, connect: 0, aiccs: 0, voice_broadcast: 0 })
    // eGain takes one request at a time per user.
    expect(result.maxConcurrent.egain).toBe(1)
    expect(result.utilization.webex).toBeGreaterThanOrEqual(0.9)
    expect(result.utilization.connect).toBeGreaterThanOrEqual(0.9)
    console.log(`flush: ${JSON.stringify(result.utilization)} in ${Math.round(performance.now() - t0)} ms`)
  }, 120_000)
})
