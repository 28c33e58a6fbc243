import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ConnectCallbackIntent, WebexCallbackIntent } from '@shared/schemas/intents'
import { callbackFields } from '@shared/schemas/intent-fields'

// Issue 13, A.1: the fields every callback has are held to the limits its provider's intent states,
// not to limits borrowed from another provider.

describe("a callback's common fields", () => {
  const Pigeon = z.object({
    ...callbackFields({ customerNameChars: 5, reasonChars: 3 }),
    provider: z.literal('pigeon'),
  })
  const callback = {
    kind: 'callback',
    provider: 'pigeon',
    profileId: '11111111-1111-4111-8111-111111111111',
    when: { kind: 'now' },
    destination: '+14155550100',
    customerName: 'Ana',
    reason: 'Hi',
  }

  it("take the provider's own limits", () => {
    expect(Pigeon.safeParse(callback).success).toBe(true)
    expect(Pigeon.safeParse({ ...callback, customerName: 'Ana Ruiz' }).success).toBe(false)
    expect(Pigeon.safeParse({ ...callback, reason: 'Hello' }).success).toBe(false)
  })

  it('keep Webex and Connect at what they took before', () => {
    const webex = { ...callback, provider: 'webex', entryPointId: 'ep' }
    expect(WebexCallbackIntent.safeParse({ ...webex, customerName: 'é'.repeat(250) }).success).toBe(true)
    expect(WebexCallbackIntent.safeParse({ ...webex, customerName: 'é'.repeat(251) }).success).toBe(false)
    expect(WebexCallbackIntent.safeParse({ ...webex, reason: 'r'.repeat(4097) }).success).toBe(false)
    const connect = { ...callback, provider: 'connect', target: { kind: 'contactFlow', id: 'f' } }
    expect(ConnectCallbackIntent.safeParse({ ...connect, reason: 'r'.repeat(4096) }).success).toBe(true)
    expect(ConnectCallbackIntent.safeParse({ ...connect, reason: 'r'.repeat(4097) }).success).toBe(false)
    expect(ConnectCallbackIntent.safeParse({ ...connect, customerName: 'é'.repeat(251) }).success).toBe(false)
  })
})
