import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openOutboxLog, readOutboxLog } from '../../../electron/main/outbox/outbox-log'
import type { OutboxEvent } from '../../../electron/main/outbox/outbox-events'
import { decodeLine, encodeRecord } from '../../../electron/main/outbox/record-codec'
import { msg, type Message } from '../../../shared/i18n/message'
import { renderMessage } from '../../../shared/i18n/render-message'
import type { OutboxEntry } from '../../../shared/schemas/outbox'
import { tempDir, testClock, testLogger } from './helpers'

// The journal is durable: what an older Callboard wrote there, its words as English sentences,
// must still read after an update. Such a sentence reads as the message that shows it as it is
// (in any language: it has no translation); whatever is written now holds keys.

const ID = '6f1c2a8e-4b7d-4c1e-9a3f-2d5b8e7c1a90'
const PROFILE = '00000000-0000-4000-8000-000000000001'
const AT = '2026-11-23T09:00:00.000Z'

const OLD_DEADLINE = 'An outdial is not placed more than 15 minutes after it was asked for.'
const OLD_REFUSAL = 'Webex refused the task as invalid.'
const OLD_EXPIRY = 'The task expired before it could be sent.'

const entry: OutboxEntry = {
  id: ID,
  seq: 0,
  version: 0,
  profileId: PROFILE,
  provider: 'webex',
  intent: {
    kind: 'outdial',
    profileId: PROFILE,
    destination: '+14155550100',
    entryPointId: 'EP',
    origin: '+14085550100',
  },
  idempotencyKey: ID,
  scope: 'number:+14155550100',
  createdAt: AT,
  notAfter: '2026-11-23T09:15:00.000Z',
  deadlineReason: msg('deadline.outdial', { minutes: 15 }),
  attempts: 0,
  state: 'queued',
  nextAttemptAt: null,
  lastProblem: null,
  providerId: null,
  dismissed: false,
  updatedAt: AT,
}

/** The events of one task as this version writes them. */
const events: OutboxEvent[] = [
  { t: 'queued', entry },
  { t: 'sending', id: ID, at: AT, attempt: 1 },
  {
    t: 'outcome',
    id: ID,
    at: AT,
    nextAttemptAt: null,
    outcome: {
      kind: 'rejected',
      message: msg('sendOutcome.refusedInvalid', { provider: 'Webex', what: msg('thing.task') }),
      providerMessage: 'destination is required',
      httpStatus: 400,
    },
  },
  { t: 'expired', id: ID, at: AT, reason: msg('deadline.outdial', { minutes: 15 }) },
]

/** Each message of `value` as the English sentence an older version wrote in its place. */
function asOlderVersionWrote(value: unknown): unknown {
  const record = value as Record<string, unknown>
  switch (record['t']) {
    case 'queued':
      return { ...record, entry: { ...(record['entry'] as object), deadlineReason: OLD_DEADLINE } }
    case 'outcome':
      return { ...record, outcome: { ...(record['outcome'] as object), message: OLD_REFUSAL } }
    case 'expired':
      return { ...record, reason: OLD_EXPIRY }
    default:
      return record
  }
}

/** The journal's file with every record rewritten by `change`, framed again (length, CRC, watermark). */
async function rewriteJournal(dir: string, change: (value: unknown) => unknown): Promise<void> {
  const file = join(dir, 'outbox.journal')
  const bytes = await readFile(file)
  const lines: Buffer[] = []
  for (let at = 0, line = decodeLine(bytes, 0); line.kind === 'record'; line = decodeLine(bytes, at)) {
    // Line 1 is the header: kept as it is.
    lines.push(
      at === 0 ? bytes.subarray(0, line.end) : encodeRecord(change(line.value), line.countedBefore ?? undefined),
    )
    at = line.end
  }
  await writeFile(file, Buffer.concat(lines))
}

async function writtenByThisVersion(): Promise<string> {
  const dir = tempDir('callboard-old-messages-')
  const log = await openOutboxLog({ dir, clock: testClock(), logger: testLogger().logger })
  for (const event of events) await log.append(event)
  await log.close()
  return dir
}

const shown = (message: Message) => ({ en: renderMessage(message, 'en'), es: renderMessage(message, 'es') })

describe('a journal written before messages were keys', () => {
  it('writes keys now, never the English sentence', async () => {
    const text = await readFile(join(await writtenByThisVersion(), 'outbox.journal'), 'utf8')
    expect(text).toContain('"key":"sendOutcome.refusedInvalid"')
    expect(text).toContain('"key":"deadline.outdial"')
    expect(text).not.toContain('Webex refused')
    expect(text).not.toContain('is not placed')
  })

  it('reads old English sentences (a deadline, a refusal, an expiry) and shows each as it was', async () => {
    const dir = await writtenByThisVersion()
    await rewriteJournal(dir, asOlderVersionWrote)
    const raw = await readFile(join(dir, 'outbox.journal'), 'utf8')
    expect(raw).toContain(JSON.stringify(OLD_REFUSAL))

    const durable = await openOutboxLog({ dir, clock: testClock(), logger: testLogger().logger })
    await durable.close()
    // Read by the journal at open, and by a Callboard that may only read (another owns the folder).
    for (const log of [durable, await readOutboxLog(dir)]) {
      const replayed = log.replay()
      expect(replayed.map((e) => e.t)).toEqual(['queued', 'sending', 'outcome', 'expired'])
      const [queued, , outcome, expired] = replayed
      if (queued?.t !== 'queued' || outcome?.t !== 'outcome' || expired?.t !== 'expired') throw new Error('order')
      if (outcome.outcome.kind !== 'rejected') throw new Error(outcome.outcome.kind)
      // Shown as it was, in every language (there is no translation of an old sentence).
      expect(shown(queued.entry.deadlineReason)).toEqual({ en: OLD_DEADLINE, es: OLD_DEADLINE })
      expect(shown(outcome.outcome.message)).toEqual({ en: OLD_REFUSAL, es: OLD_REFUSAL })
      expect(shown(expired.reason)).toEqual({ en: OLD_EXPIRY, es: OLD_EXPIRY })
      // The provider's own words were never ours to translate: unchanged.
      expect(outcome.outcome.providerMessage).toBe('destination is required')
    }
  })

  it('a record of this version reads in the agent’s language', async () => {
    const log = await openOutboxLog({
      dir: await writtenByThisVersion(),
      clock: testClock(),
      logger: testLogger().logger,
    })
    const outcome = log.replay()[2]
    if (outcome?.t !== 'outcome' || outcome.outcome.kind !== 'rejected') throw new Error('no refusal')
    expect(shown(outcome.outcome.message)).toEqual({
      en: 'Webex refused the task as invalid.',
      es: 'Webex rechazó la tarea por no ser válida.',
    })
    await log.close()
  })
})
