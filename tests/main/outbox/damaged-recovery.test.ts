import { randomUUID } from 'node:crypto'
import { inEnglish } from '../../shared/in-english'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { OutboxEvent } from '../../../electron/main/outbox/outbox-events'
import { createOutbox } from '../../../electron/main/outbox/outbox'
import { openOutboxLog } from '../../../electron/main/outbox/outbox-log'
import { queueFileNotice } from '../../../electron/main/outbox/queue-file-notice'
import { createLogger } from '../../../electron/main/core/logger'
import type { OutboxEntry } from '../../../shared/schemas/outbox'
import { Profile } from '../../../shared/schemas/profiles'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { drafts } from '../../shared/fixtures'
import { tempDir, testClock } from './helpers'

// After damage, the outbox replays what it can: events for a task whose `queued` record is gone are
// reported, and a task that lost a change is never sent again blindly where that could create it
// twice (issue "trust", item 2).

const WEBEX = Profile.parse({ ...drafts.webex, id: '11111111-1111-4111-8111-111111111111' })
const CONNECT = Profile.parse({ ...drafts.connect, id: '33333333-3333-4333-8333-333333333333' })
const profiles = new Map([WEBEX, CONNECT].map((p) => [p.id, p]))
const clock = testClock(Date.now())
const logger = createLogger(() => undefined, clock)

async function open(
  dir: string,
  send: (entry: OutboxEntry) => Promise<SendOutcome> = () => new Promise(() => undefined),
) {
  const log = await openOutboxLog({ dir, clock, logger })
  const outbox = createOutbox({
    log,
    clock,
    logger,
    newId: randomUUID,
    findProfile: (id) => profiles.get(id),
    send,
    onChanged: () => undefined,
  })
  outbox.pause()
  const started = await outbox.start()
  return { log, outbox, started }
}

/** The queue file notice as an agent reading English sees it: its sentences, joined. */
const noticeInEnglish = (
  log: { notice: Parameters<typeof queueFileNotice>[0] },
  started: { skipped: Parameters<typeof queueFileNotice>[1] },
) => inEnglish(queueFileNotice(log.notice, started.skipped) ?? []).join(' ')

const outdial = (to: string) =>
  ({
    kind: 'outdial',
    profileId: WEBEX.id,
    destination: to,
    entryPointId: 'EP-outbound-1',
    origin: '+14085550100',
  }) as const
const followUp = (name: string) =>
  ({
    kind: 'followUp',
    provider: 'connect',
    profileId: CONNECT.id,
    name,
    target: { kind: 'contactFlow', id: 'flow-1' },
  }) as const

/** A journal holding: task A queued, A sending, A sent, task B queued; returns the record lines' spans. */
async function sentThenQueued(first: ReturnType<typeof outdial> | ReturnType<typeof followUp>) {
  const dir = tempDir()
  const { log, outbox } = await open(dir)
  const a = await outbox.submit(first)
  const at = clock.now().toISOString()
  const changes: OutboxEvent[] = [
    { t: 'sending', id: a.id, at, attempt: 1 },
    { t: 'outcome', id: a.id, at, nextAttemptAt: null, outcome: { kind: 'sent', providerId: 'p-1', httpStatus: 201 } },
  ]
  for (const event of changes) await log.append(event)
  const b = await outbox.submit(outdial('+14155550999'))
  outbox.stop()
  await log.close()
  const file = join(dir, 'outbox.journal')
  const bytes = readFileSync(file)
  const spans: { start: number; end: number }[] = []
  for (let start = 0; start < bytes.byteLength;) {
    const end = bytes.indexOf(0x0a, start) + 1
    spans.push({ start, end })
    start = end
  }
  const damage = (line: number, how: 'flip' | 'blank') => {
    const { start, end } = spans[line]!
    if (how === 'flip') bytes[end - 8] = bytes[end - 8]! ^ 0x04
    else bytes.fill(0x2a, start + 3, end - 1)
    writeFileSync(file, bytes)
  }
  return { dir, a, b, damage }
}

describe('replaying a damaged journal', () => {
  it('holds a keyless task that lost its "sending" for review instead of sending it again', async () => {
    const { dir, a, b, damage } = await sentThenQueued(outdial('+14155550100'))
    damage(2, 'flip') // A's `sending`: the `outcome` after it no longer applies
    const sent: string[] = []
    const { log, outbox, started } = await open(dir, async (entry) => {
      sent.push(entry.id)
      return { kind: 'sent', providerId: 'p-2', httpStatus: 201 }
    })
    try {
      expect(inEnglish(started.skipped)).toEqual({ unknownTasks: [], outOfStep: [a.id] })
      expect(inEnglish(outbox.get(a.id))).toMatchObject({
        state: 'needs_review',
        lastProblem: { message: expect.stringMatching(/history of this task was lost/) },
      })
      outbox.resume()
      await outbox.idle()
      expect(inEnglish(sent)).toEqual([b.id])
      const text = noticeInEnglish(log, started)
      expect(text).toMatch(/No task was lost\./)
      expect(text).toMatch(new RegExp(`1 other task lost a change.*${a.id}`))
    } finally {
      outbox.stop()
      await log.close()
    }
  })

  it('lets a task with an idempotency key go again under its key', async () => {
    const { dir, a, damage } = await sentThenQueued(followUp('Check the refund'))
    damage(2, 'flip')
    const { log, outbox } = await open(dir)
    try {
      expect(inEnglish(outbox.get(a.id))).toMatchObject({ state: 'queued' })
    } finally {
      outbox.stop()
      await log.close()
    }
  })

  it('names a task whose lost change is read from the damaged bytes, with no later event for it', async () => {
    const { dir, a, damage } = await sentThenQueued(outdial('+14155550100'))
    damage(3, 'flip') // A's `outcome`: A looks `sending`, so recovery asks the agent (as after a crash)
    const { log, outbox, started } = await open(dir)
    try {
      expect(inEnglish(started.skipped)).toEqual({ unknownTasks: [], outOfStep: [] })
      expect(inEnglish(outbox.get(a.id))).toMatchObject({ state: 'needs_review' })
      expect(noticeInEnglish(log, started)).toMatch(new RegExp(`lost a change.*${a.id}`))
    } finally {
      outbox.stop()
      await log.close()
    }
  })

  it('says when damaged bytes name no task, and claims nothing it cannot prove', async () => {
    const { dir, damage } = await sentThenQueued(outdial('+14155550100'))
    damage(3, 'blank')
    const { log, outbox, started } = await open(dir)
    try {
      const text = noticeInEnglish(log, started)
      expect(text).toMatch(/No task was lost\./)
      expect(text).toMatch(/damaged bytes name no task/)
    } finally {
      outbox.stop()
      await log.close()
    }
  })
})
