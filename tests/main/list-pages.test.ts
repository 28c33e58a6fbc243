import { describe, expect, it } from 'vitest'
import { historyPage, queuePage } from '../../electron/main/outbox/list-pages'
import { toQueueItem } from '../../electron/main/outbox/queue-items'
import { OutboxEntry, type EntryState } from '../../shared/schemas/outbox'
import { HistoryPage } from '../../shared/schemas/list-pages'

// History and the queue view are read a page at a time (issue 16): newest first, counted whole,
// and only the page asked for is turned into rows.

const PROFILE = '6f1c2a8e-4b7d-4c1e-9a3f-2d5b8e7c1a90'

function entry(seq: number, state: EntryState, extra: Partial<OutboxEntry> = {}): OutboxEntry {
  const at = new Date(Date.UTC(2026, 11, 1, 9, 0, seq)).toISOString()
  return OutboxEntry.parse({
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    seq,
    version: 0,
    profileId: PROFILE,
    provider: 'webex',
    intent: {
      kind: 'outdial',
      profileId: PROFILE,
      destination: `+1415555${String(seq).padStart(4, '0')}`,
      entryPointId: 'EP',
      origin: '+14085550100',
    },
    idempotencyKey: `k${seq}`,
    scope: `s${seq}`,
    createdAt: at,
    notAfter: at,
    deadlineReason: 'test',
    attempts: 0,
    state,
    nextAttemptAt: null,
    lastProblem: null,
    providerId: state === 'sent' ? `P-${seq}` : null,
    dismissed: false,
    updatedAt: at,
    ...extra,
  })
}

// Inserted out of order: the page is by submission order (seq), not by insertion.
const entries = [
  ...Array.from({ length: 120 }, (_, i) => entry(i * 2, 'sent')),
  ...Array.from({ length: 120 }, (_, i) => entry(i * 2 + 1, i % 10 === 0 ? 'needs_review' : 'queued')),
]
const label = () => 'Sales'
const rows = (e: OutboxEntry) => toQueueItem(e)

describe('history pages', () => {
  it('gives the page asked for, newest first, with the total of matching tasks', () => {
    const first = historyPage(entries, { limit: 50 }, label, rows)
    expect(HistoryPage.parse(first)).toEqual(first)
    expect(first.total).toBe(240)
    expect(first.offset).toBe(0)
    expect(first.items.map((i) => i.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 239 - i))
    const third = historyPage(entries, { limit: 50, offset: 100 }, label, rows)
    expect(third.items[0]!.seq).toBe(139)
    expect(third.items).toHaveLength(50)
    const last = historyPage(entries, { limit: 50, offset: 200 }, label, rows)
    expect(last.items.map((i) => i.seq)).toEqual(Array.from({ length: 40 }, (_, i) => 39 - i))
    expect(historyPage(entries, { limit: 50, offset: 400 }, label, rows)).toEqual({
      items: [],
      offset: 400,
      total: 240,
    })
  })

  it('counts and pages a search and a state filter', () => {
    const sent = historyPage(entries, { states: ['sent'], limit: 10, offset: 10 }, label, rows)
    expect(sent.total).toBe(120)
    expect(sent.items.every((i) => i.state === 'sent')).toBe(true)
    expect(sent.items[0]!.seq).toBe(238 - 20)
    const found = historyPage(entries, { search: 'p-23' }, label, rows)
    // P-23x: 230, 232, 234, 236, 238
    expect(found.items.map((i) => i.providerId)).toEqual(['P-238', 'P-236', 'P-234', 'P-232', 'P-230'])
    expect(found.total).toBe(5)
  })

  it('turns only the page into rows', () => {
    let made = 0
    historyPage(entries, { limit: 20 }, label, (e) => (made++, toQueueItem(e)))
    expect(made).toBe(20)
  })
})

describe('queue pages', () => {
  it('lists unfinished tasks newest first, of the states asked for, with their total', () => {
    const all = queuePage(entries, undefined, rows)
    expect(all.total).toBe(120)
    expect(all.items[0]!.seq).toBe(239)
    const attention = queuePage(entries, { states: ['needs_review'], limit: 5 }, rows)
    expect(attention.total).toBe(12)
    expect(attention.items.map((i) => i.seq)).toEqual([221, 201, 181, 161, 141])
    const countsOnly = queuePage(entries, { limit: 0 }, rows)
    expect(countsOnly).toEqual({ items: [], offset: 0, total: 120 })
  })
})

describe('a row of a task meant for later', () => {
  it('carries its time and the customer’s zone; a task for now carries none', () => {
    const later = entry(1, 'queued', {
      provider: 'webex',
      intent: {
        kind: 'callback',
        provider: 'webex',
        profileId: PROFILE,
        when: { kind: 'at', at: '2026-12-08T15:00:00+09:00', timeZone: 'Asia/Tokyo' },
        destination: '+81312345678',
        customerName: 'Kenji',
        reason: '',
      },
    })
    expect(toQueueItem(later).scheduled).toEqual({ at: '2026-12-08T15:00:00+09:00', timeZone: 'Asia/Tokyo' })
    expect(toQueueItem(entry(2, 'queued')).scheduled).toBeUndefined()
  })

  it('carries an Amazon Connect follow-up’s ScheduledTime; one that starts now carries none', () => {
    const followUp = {
      kind: 'followUp',
      provider: 'connect',
      profileId: PROFILE,
      name: 'Send the contract',
      target: { kind: 'contactFlow', id: 'flow-1' },
    } as const
    const later = entry(3, 'queued', {
      provider: 'connect',
      intent: { ...followUp, scheduledTime: '2026-12-08T15:00:00+01:00' },
    })
    expect(toQueueItem(later).scheduled).toEqual({ at: '2026-12-08T15:00:00+01:00' })
    expect(toQueueItem(entry(4, 'queued', { provider: 'connect', intent: followUp })).scheduled).toBeUndefined()
  })
})
