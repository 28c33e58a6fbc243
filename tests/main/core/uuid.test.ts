import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { randomUuid } from '../../../electron/main/core/uuid'

// Task ids are their idempotency keys too (sent to the provider): they must stay random version-4
// UUIDs, as crypto.randomUUID made them, whatever spells them.
describe('randomUuid', () => {
  const ids = Array.from({ length: 1000 }, () => randomUuid())

  it('spells a version-4, RFC 9562 variant UUID in lowercase, as the journal and the contract read it', () => {
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(z.uuid().safeParse(id).success).toBe(true)
    }
  })

  it('never repeats, across many refills of its random pool', () => {
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('draws every random digit afresh: each of the 30 free hex positions takes all 16 values', () => {
    const free = Array.from({ length: 36 }, (_, i) => i).filter((i) => ![8, 13, 14, 18, 19, 23].includes(i))
    expect(free).toHaveLength(30)
    for (const i of free) expect(new Set(ids.map((id) => id[i])).size).toBe(16)
    // The variant digit keeps its two random bits.
    expect(new Set(ids.map((id) => id[19])).size).toBe(4)
  })
})
