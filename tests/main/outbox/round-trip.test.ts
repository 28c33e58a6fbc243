import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openJournal } from '../../../electron/main/outbox/journal'
import type { OutboxLog } from '../../../electron/main/outbox/outbox'
import { createOutbox } from '../../../electron/main/outbox/outbox'
import { OutboxEvent } from '../../../electron/main/outbox/outbox-events'
import { openOutboxLog } from '../../../electron/main/outbox/outbox-log'
import { AppError } from '../../../electron/main/core/app-error'
import { issueText } from '../../../shared/i18n/issue-message'
import { renderMessage } from '../../../shared/i18n/render-message'
import { systemClock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import type { TaskIntent } from '../../../shared/schemas/intents'
import type { ProviderName } from '../../../shared/schemas/providers'
import { SubmitTask } from '../../../shared/schemas/tasks'
import { byId, intents, PROFILES } from '../../shared/intent-arbitraries'
import { tempDir } from './helpers'

// Every record the app writes is one it can read back (issue "trust", item 3): any intent the IPC
// contract accepts, longest fields and multi-byte text included, goes through the real outbox onto a
// real journal, and after a restart (a new outbox on the same folder) replays unchanged.

const logger = createLogger(() => undefined, systemClock)

async function openOutbox(dir: string) {
  const log = await openOutboxLog({ dir, clock: systemClock, logger })
  const outbox = createOutbox({
    log,
    clock: systemClock,
    logger,
    newId: randomUUID,
    findProfile: (id) => byId.get(id),
    send: () => new Promise(() => undefined),
    onChanged: () => undefined,
  })
  outbox.pause()
  await outbox.start()
  return { outbox, log }
}

describe('submit → restart → replay gives every accepted intent back unchanged', () => {
  for (const provider of Object.keys(intents) as ProviderName[]) {
    it(`${provider}`, async () => {
      let queued = 0
      await fc.assert(
        fc.asyncProperty(intents[provider], async (raw) => {
          // What the IPC contract accepts, as it hands it over (trimmed): the rest never reaches submit.
          const parsed = SubmitTask.safeParse({ intent: raw })
          fc.pre(parsed.success)
          const intent: TaskIntent = parsed.data!.intent
          const dir = tempDir('callboard-round-trip-')
          const first = await openOutbox(dir)
          let entry
          try {
            entry = await first.outbox.submit(intent)
          } catch (error) {
            // A rule of the provider's API may refuse it, at the field concerned; never an internal error.
            expect(error).toBeInstanceOf(AppError)
            expect(error).toMatchObject({
              code: 'invalid_input',
              issues: [{ path: expect.arrayContaining(['intent']) }],
            })
            return
          } finally {
            first.outbox.stop()
            await first.log.close()
          }
          queued++
          expect(entry.intent).toEqual(intent)
          const second = await openOutbox(dir)
          try {
            expect(second.log.notice).toBeNull()
            expect(second.outbox.list()).toEqual([entry])
          } finally {
            second.outbox.stop()
            await second.log.close()
          }
        }),
        { numRuns: 60 },
      )
      expect(queued).toBeGreaterThan(20)
      // A backstop, not a measurement: 60 queue files written, synced and reopened take 5–10 s on a
      // quiet machine and passed 30 s under a load average of 30.
    }, 120_000)
  }
})

describe('a record that fails the append check', () => {
  it('is refused as invalid input, naming what is wrong, and nothing is written', async () => {
    const dir = tempDir()
    // A journal stricter than the outbox: its scope takes at most 10 characters.
    const Strict = OutboxEvent.refine((e) => e.t !== 'queued' || e.entry.scope.length <= 10, {
      path: ['entry', 'scope'],
      message: issueText('schema.text.atMostChars', { max: 10 }),
    })
    const opened = await openJournal({ dir, schema: Strict, clock: systemClock, logger })
    const log: OutboxLog = { replay: () => opened.records, append: (event) => opened.journal.append(event) }
    const outbox = createOutbox({
      log,
      clock: systemClock,
      logger,
      newId: randomUUID,
      findProfile: (id) => byId.get(id),
      send: () => new Promise(() => undefined),
      onChanged: () => undefined,
    })
    outbox.pause()
    await outbox.start()
    const size = opened.journal.sizeBytes()
    const error = await outbox
      .submit({
        kind: 'followUp',
        provider: 'connect',
        profileId: PROFILES.connect.id,
        name: 'Check the refund',
        target: { kind: 'contactFlow', id: 'flow-1' },
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/could not be stored.*scope: At most 10 characters/),
    })
    // The window words the whole refusal, the record's own issue too, in the agent's language.
    expect(renderMessage((error as AppError).said, 'es')).toBe(
      'Esta tarea no se pudo guardar tal como está (entry.scope: Como máximo 10 caracteres.); no se puso nada en cola.',
    )
    expect(opened.journal.sizeBytes()).toBe(size)
    expect(outbox.list()).toEqual([])
    outbox.stop()
    await opened.journal.close()
  })
})
