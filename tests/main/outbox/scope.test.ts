import { describe, expect, it } from 'vitest'
import { scopeFor } from '../../../electron/main/outbox/scope'
import type { TaskIntent } from '../../../shared/schemas/intents'
import { OutboxEntry } from '../../../shared/schemas/outbox'

// A scope is an internal key built from what the agent typed: it must fit the entry's schema
// whatever the text (item 3), and keep its meaning: two tasks of one chain share it, others do not.

const profileId = '6f1c2a8e-4b7d-4c1e-9a3f-2d5b8e7c1a90'
const scopeLimit = OutboxEntry.shape.scope.maxLength!
const target = { kind: 'contactFlow', id: 'flow-1' } as const
const connect = (name: string, previousContactId?: string): TaskIntent => ({
  kind: 'followUp',
  provider: 'connect',
  profileId,
  name,
  target,
  ...(previousContactId === undefined ? {} : { previousContactId }),
})
const egain = (attribute: `custom.${string}`, value: string): TaskIntent => ({
  kind: 'followUp',
  provider: 'egain',
  profileId,
  department: '',
  subtype: 'General',
  lookup: { attribute, value },
  createCustomer: false,
})

describe('scopeFor', () => {
  const long: [string, TaskIntent, TaskIntent, TaskIntent][] = [
    [
      'a Connect name of 1,024 characters',
      connect('N'.repeat(1024)),
      connect('N'.repeat(1024)),
      connect(`${'N'.repeat(1023)}M`),
    ],
    ['1,024 emoji', connect('📞'.repeat(1024)), connect('📞'.repeat(1024)), connect(`${'📞'.repeat(1023)}☎`)],
    [
      'a previous contact id of 256 characters',
      connect('a', 'c'.repeat(256)),
      connect('b', 'c'.repeat(256)),
      connect('a', `${'c'.repeat(255)}d`),
    ],
    [
      'an eGain lookup of 255 characters',
      egain(`custom.${'a'.repeat(100)}`, 'v'.repeat(255)),
      egain(`custom.${'a'.repeat(100)}`, 'v'.repeat(255)),
      egain(`custom.${'a'.repeat(100)}`, `${'v'.repeat(254)}w`),
    ],
  ]

  it.each(long)('%s: fits the schema, is shared by the same chain and differs for another', (_, a, same, other) => {
    const scope = scopeFor(a)!
    expect(scope.length).toBeLessThanOrEqual(scopeLimit)
    expect(OutboxEntry.shape.scope.safeParse(scope).success).toBe(true)
    expect(scopeFor(same)).toBe(scope)
    expect(scopeFor(other)).not.toBe(scope)
    expect(scope.startsWith(`${profileId}:`)).toBe(true)
  })

  it('keeps a scope that fits exactly as it was, so tasks queued before this change keep their order', () => {
    expect(scopeFor(connect('Check the refund', 'contact-1'))).toBe(`${profileId}:contact:contact-1`)
    expect(scopeFor(connect('Check the refund'))).toBe(`${profileId}:contact:Check the refund`)
    expect(scopeFor(egain('custom.account', 'A-1'))).toBe(`${profileId}:customer:custom.account=A-1`)
  })
})
