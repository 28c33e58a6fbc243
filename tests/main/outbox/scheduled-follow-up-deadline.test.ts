import { describe, expect, it } from 'vitest'
import { DEFAULT_DEADLINES, deadlineFor } from '../../../electron/main/outbox/deadlines'
import { TaskIntent } from '../../../shared/schemas/intents'

// An Amazon Connect follow-up scheduled for a time (StartTaskContact's ScheduledTime) must reach
// Connect before that time, as a scheduled Connect callback must: Connect refuses a time that has
// passed. Without a time, it goes by the follow-up's business deadline (and Connect's resend window).

const createdAt = new Date('2026-07-01T08:00:00Z')
const followUp = (scheduledTime?: string) =>
  TaskIntent.parse({
    kind: 'followUp',
    provider: 'connect',
    profileId: '33333333-3333-4333-8333-333333333333',
    name: 'Call back about the refund',
    target: { kind: 'contactFlow', id: 'flow-1' },
    ...(scheduledTime !== undefined && { scheduledTime }),
  })

describe('deadline of a Connect follow-up', () => {
  it('is its scheduled time, less the schedule margin, with the reason Connect gives', () => {
    const deadline = deadlineFor(followUp('2026-07-01T12:00:00+02:00'), createdAt)
    expect(deadline.notAfter.toISOString()).toBe(
      new Date(Date.parse('2026-07-01T10:00:00Z') - DEFAULT_DEADLINES.scheduleMarginMs).toISOString(),
    )
    expect(deadline.reason.key).toBe('deadline.connectScheduled')
  })

  it('without a time, is not pinned to one', () => {
    expect(deadlineFor(followUp(), createdAt).reason.key).not.toBe('deadline.connectScheduled')
  })
})
