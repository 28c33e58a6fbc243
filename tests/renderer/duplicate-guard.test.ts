import { describe, expect, it } from 'vitest'
import type { TaskIntent } from '../../shared/schemas/intents'
import {
  createDuplicateGuard,
  DUPLICATE_WINDOW_MS,
  taskIdentity,
} from '../../renderer/src/features/tasks/duplicate-guard'

// Item 2: a second identical task within 30 s is asked about first. Identical: same kind, same
// profile, same customer or subject.

const P1 = '5a4db0c5-0000-4000-8000-000000000001'
const P2 = '5a4db0c5-0000-4000-8000-000000000002'
const callback = (over: Partial<Extract<TaskIntent, { kind: 'callback'; provider: 'webex' }>> = {}): TaskIntent => ({
  kind: 'callback',
  provider: 'webex',
  profileId: P1,
  when: { kind: 'now' },
  destination: '+447911123458',
  customerName: 'Ana',
  reason: '',
  entryPointId: 'EP',
  ...over,
})
const outdial = (destination: string, profileId = P1): TaskIntent => ({
  kind: 'outdial',
  profileId,
  destination,
  entryPointId: 'EP',
  origin: '+14085550100',
})

describe('the duplicate guard', () => {
  it('asks about the same callback 4 s later, with how long ago', () => {
    const guard = createDuplicateGuard()
    guard.remember(callback(), 1_000_000)
    expect(guard.recent(callback({ customerName: 'Ana Pérez', reason: 'again' }), 1_004_000)).toEqual({ agoMs: 4000 })
  })

  it('lets it through once the window has passed', () => {
    const guard = createDuplicateGuard()
    guard.remember(callback(), 0)
    expect(guard.recent(callback(), DUPLICATE_WINDOW_MS - 1)).not.toBeNull()
    expect(guard.recent(callback(), DUPLICATE_WINDOW_MS + 1)).toBeNull()
  })

  it('tells apart another number, another profile and another kind', () => {
    const guard = createDuplicateGuard()
    guard.remember(outdial('+14155550100'), 0)
    expect(guard.recent(outdial('+14155550101'), 1000)).toBeNull()
    expect(guard.recent(outdial('+14155550100', P2), 1000)).toBeNull()
    expect(guard.recent(callback({ destination: '+14155550100' }), 1000)).toBeNull()
    expect(guard.recent(outdial('+14155550100'), 1000)).toEqual({ agoMs: 1000 })
  })

  it('counts from the latest of two identical tasks', () => {
    const guard = createDuplicateGuard()
    guard.remember(outdial('+14155550100'), 0)
    guard.remember(outdial('+14155550100'), 20_000)
    expect(guard.recent(outdial('+14155550100'), 45_000)).toEqual({ agoMs: 25_000 })
  })

  it('identifies follow-ups by customer and subject, broadcasts by text and list', () => {
    const egain = (value: string, subject: string): TaskIntent => ({
      kind: 'followUp',
      provider: 'egain',
      profileId: P1,
      department: '',
      subtype: 'Call back',
      subject,
      lookup: { attribute: 'email.emailAddress', value },
      createCustomer: true,
    })
    expect(taskIdentity(egain('ana@example.com', 'Contract'))).toBe(taskIdentity(egain('ANA@example.com ', 'Contract')))
    expect(taskIdentity(egain('ana@example.com', 'Contract'))).not.toBe(
      taskIdentity(egain('ana@example.com', 'Refund')),
    )
  })
})
