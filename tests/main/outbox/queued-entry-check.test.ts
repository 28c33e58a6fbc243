import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { queuedEntryIssues } from '../../../electron/main/outbox/queued-entry-check'
import { issuesToAppend } from '../../../electron/main/outbox/outbox-events'
import { OutboxEntry } from '../../../shared/schemas/outbox'

// The journal's check of a task being queued is written by hand (it runs on every enqueue and must
// not allocate): it refuses exactly what OutboxEntry refuses, field by field, so a record the next
// start could not read is never written. The intent is the IPC boundary's (parsed there), so it is
// held valid here.

const valid = {
  id: '6f1c2a8e-4b7d-4c1e-9a3f-2d5b8e7c1a90',
  seq: 3,
  version: 0,
  profileId: '11111111-1111-4111-8111-111111111111',
  provider: 'webex',
  intent: {
    kind: 'outdial',
    profileId: '11111111-1111-4111-8111-111111111111',
    destination: '+14155550100',
    entryPointId: 'EP-1',
    origin: '+14085550100',
  },
  idempotencyKey: '6f1c2a8e-4b7d-4c1e-9a3f-2d5b8e7c1a90',
  scope: '11111111-1111-4111-8111-111111111111:customer:+14155550100',
  createdAt: '2026-12-07T13:00:00.000Z',
  notAfter: '2026-12-07T13:15:00.000Z',
  deadlineReason: 'An outdial is useless after 15 minutes.',
  attempts: 0,
  state: 'queued',
  nextAttemptAt: null,
  lastProblem: null,
  providerId: null,
  dismissed: false,
  updatedAt: '2026-12-07T13:00:00.000Z',
} as const

/** Values each field may be given: the right kind and wrong ones, near every limit the schema sets. */
const anything = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    true,
    0,
    -1,
    1.5,
    2 ** 53,
    Number.NaN,
    '',
    'x',
    'x'.repeat(200),
    'x'.repeat(201),
    'x'.repeat(300),
    'x'.repeat(301),
    '6f1c2a8e-4b7d-4c1e-9a3f-2d5b8e7c1a90',
    '6F1C2A8E-4B7D-4C1E-9A3F-2D5B8E7C1A90',
    '6f1c2a8e-4b7d-0c1e-9a3f-2d5b8e7c1a90',
    '2026-12-07T13:00:00.000Z',
    '2026-12-07T13:00:00+01:00',
    '2026-12-07T13:00:00',
    '2026-02-30T13:00:00Z',
    '2026-12-07',
    'webex',
    'nobody',
    'queued',
    'held',
    'no_profile',
    'clock_moved_back',
    [],
    {},
    { message: 'Refused.', providerMessage: null, httpStatus: 400 },
    { message: '', providerMessage: null, httpStatus: 400 },
    { message: 'Refused.', providerMessage: null, httpStatus: 99 },
  ),
  fc.string(),
)
const keys = [...Object.keys(OutboxEntry.shape).filter((k) => k !== 'intent'), 'extra']

describe('the hand check of a task being queued', () => {
  it('takes a well-formed entry, with or without a hold', () => {
    expect(queuedEntryIssues(valid)).toBeNull()
    expect(queuedEntryIssues({ ...valid, state: 'held', hold: 'no_profile' })).toBeNull()
    expect(issuesToAppend({ t: 'queued', entry: OutboxEntry.parse(valid) })).toBeNull()
  })

  it('refuses what OutboxEntry refuses, and only that, whichever fields are wrong', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), anything, { maxKeys: 3 }), fc.boolean(), (changes, drop) => {
        const entry: Record<string, unknown> = { ...valid, ...changes }
        // Now and then a field is missing rather than wrong.
        if (drop) for (const key of Object.keys(changes)) if (changes[key] === undefined) delete entry[key]
        const schemaTakes = OutboxEntry.safeParse(entry).success
        expect(queuedEntryIssues(entry) === null).toBe(schemaTakes)
      }),
      { numRuns: 3000 },
    )
  })

  it('names the field that is wrong, under the record’s entry', () => {
    const entry = OutboxEntry.parse(valid)
    expect(issuesToAppend({ t: 'queued', entry: { ...entry, scope: 'x'.repeat(301), seq: -1 } })).toEqual([
      { path: ['entry', 'seq'], message: expect.any(String) },
      { path: ['entry', 'scope'], message: 'Not 1 to 300 characters.' },
    ])
    expect(queuedEntryIssues('an entry')).toEqual([{ path: [], message: 'Not an entry.' }])
  })

  it('leaves every other change to the schema', () => {
    expect(issuesToAppend({ t: 'cancelled', id: valid.id, at: valid.createdAt })).toBeNull()
    expect(issuesToAppend({ t: 'cancelled', id: 'not-an-id', at: valid.createdAt })).toEqual([
      expect.objectContaining({ path: ['id'] }),
    ])
  })
})

describe('a deadline reason checked once', () => {
  const withReason = (deadlineReason: unknown) => queuedEntryIssues({ ...valid, deadlineReason })

  it('is not trusted again once changed, unless nothing in it can change', () => {
    const reason = { key: 'deadline.outdial', params: { minutes: 15 } as Record<string, unknown> }
    expect(withReason(reason)).toBeNull()
    reason.params.minutes = { not: 'a message' }
    expect(withReason(reason)).toEqual([{ path: ['deadlineReason'], message: 'Not a message.' }])

    // Frozen outside, its parameters not: still checked every time.
    const params: Record<string, unknown> = { minutes: 15 }
    const shell = Object.freeze({ key: 'deadline.outdial', params })
    expect(withReason(shell)).toBeNull()
    params.minutes = { not: 'a message' }
    expect(withReason(shell)).toEqual([{ path: ['deadlineReason'], message: 'Not a message.' }])
  })

  it('refuses a frozen message that is wrong, every time', () => {
    const wrong = Object.freeze({ key: '', params: Object.freeze({}) })
    expect(withReason(wrong)).toEqual([{ path: ['deadlineReason'], message: 'Not a message.' }])
    expect(withReason(wrong)).toEqual([{ path: ['deadlineReason'], message: 'Not a message.' }])
  })
})
