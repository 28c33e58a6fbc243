import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  JournalLockedError,
  type JournalRecordRejectedError,
  openJournal,
  shouldCompact,
  liveSizeBytes,
} from '../../../electron/main/outbox/journal'
import { issueMessage } from '../../../shared/i18n/issue-message'
import { renderMessage } from '../../../shared/i18n/render-message'
import {
  crc32,
  crc32Portable,
  decodeLine,
  encodeRecord,
  isCutShortRecord,
  recordAt,
} from '../../../electron/main/outbox/record-codec'
import { TestRecord, record, tempDir, testClock, testLogger } from './helpers'

const open = (dir: string) => openJournal({ dir, schema: TestRecord, clock: testClock(), logger: testLogger().logger })

describe('record codec', () => {
  it('frames a record with its byte length and CRC-32 and decodes it back', () => {
    const value = { seq: 1, body: 'naïve ☎ 👍' }
    const line = encodeRecord(value)
    const payload = Buffer.from(JSON.stringify(value), 'utf8')
    expect(line.toString('utf8')).toBe(
      `${payload.byteLength} ${crc32(payload).toString(16).padStart(8, '0')} ${JSON.stringify(value)}\n`,
    )
    expect(decodeLine(line, 0)).toEqual({ kind: 'record', value, end: line.byteLength, countedBefore: null })
  })

  it("carries the journal's watermark first in the JSON and takes it off again on decoding", () => {
    const value = { seq: 1, body: 'abc' }
    const line = encodeRecord(value, 41)
    expect(line.toString('utf8')).toMatch(/^\d+ [0-9a-f]{8} \{"countedBefore":41,"seq":1,"body":"abc"\}\n$/)
    expect(decodeLine(line, 0)).toEqual({ kind: 'record', value, end: line.byteLength, countedBefore: 41 })
    expect(decodeLine(encodeRecord({}, 0), 0)).toMatchObject({ value: {}, countedBefore: 0 })
  })

  it('finds a record only where a whole intact frame starts', () => {
    const line = encodeRecord({ seq: 1, body: 'abc' }, 0)
    const bytes = Buffer.concat([Buffer.from('12 junk\n9'), line])
    const start = bytes.byteLength - line.byteLength
    expect(recordAt(bytes, start)).toMatchObject({ value: { seq: 1 }, end: bytes.byteLength })
    for (let at = 0; at < bytes.byteLength; at++) if (at !== start) expect(recordAt(bytes, at)).toBeNull()
  })

  it('tells a write cut short from a last record that was complete once', () => {
    const line = encodeRecord({ seq: 1, body: 'abc' }, 0)
    for (let cut = 1; cut < line.byteLength; cut++) expect(isCutShortRecord(line.subarray(0, cut))).toBe(true)
    const noBreak = Buffer.from(line)
    noBreak[noBreak.length - 1] = 0x20
    expect(isCutShortRecord(noBreak)).toBe(false)
    expect(isCutShortRecord(Buffer.from('garbage'))).toBe(false)
    // Zeros where an unsynced write's data never landed.
    expect(isCutShortRecord(Buffer.concat([line.subarray(0, 30), Buffer.alloc(500)]))).toBe(true)
    expect(isCutShortRecord(Buffer.alloc(4096))).toBe(true)
  })

  it('uses the standard CRC-32 (native and portable agree with the known check value)', () => {
    const check = Buffer.from('123456789')
    expect(crc32(check)).toBe(0xcbf43926)
    expect(crc32Portable(check)).toBe(0xcbf43926)
  })

  it('tells an incomplete line from a complete damaged one', () => {
    const line = encodeRecord({ seq: 1, body: 'abc' })
    expect(decodeLine(line.subarray(0, line.length - 1), 0)).toEqual({ kind: 'incomplete' })
    const flipped = Buffer.from(line)
    flipped[flipped.length - 3] = flipped[flipped.length - 3]! ^ 0x01
    expect(decodeLine(flipped, 0)).toMatchObject({ kind: 'bad', why: 'CRC mismatch' })
    const shortened = Buffer.concat([line.subarray(0, line.length - 3), Buffer.from('\n')])
    expect(decodeLine(shortened, 0)).toMatchObject({ kind: 'bad' })
  })
})

describe('journal basics', () => {
  it('replays appended records in order after reopening', async () => {
    const dir = tempDir()
    const first = await open(dir)
    expect(first.records).toEqual([])
    expect(first.tornTail).toBeNull()
    expect(first.quarantine).toBeNull()
    for (let i = 1; i <= 5; i++) await first.journal.append(record(i))
    expect(first.journal.sizeBytes()).toBe(statSync(join(dir, 'outbox.journal')).size)
    await first.journal.close()

    const second = await open(dir)
    expect(second.records).toEqual([1, 2, 3, 4, 5].map((i) => record(i)))
    await second.journal.close()
    const header = readFileSync(join(dir, 'outbox.journal'), 'utf8').split('\n')[0]!
    expect(header).toMatch(/^\d+ [0-9a-f]{8} \{"format":"callboard-journal","version":2,"content":"records"/)
  })

  it('rejects a record that fails the schema without writing it', async () => {
    const dir = tempDir()
    const { journal } = await open(dir)
    const size = journal.sizeBytes()
    await expect(journal.append({ seq: -1, body: 'x' })).rejects.toThrow(/Journal record rejected/)
    expect(journal.sizeBytes()).toBe(size)
    await journal.append(record(1))
    await journal.close()
    const reopened = await open(dir)
    expect(reopened.records).toEqual([record(1)])
    await reopened.journal.close()
  })

  it('validates what replay will read: a record that only passes the schema before JSON is rejected', async () => {
    const dir = tempDir()
    const WithDate = z.object({ at: z.date() })
    const { journal } = await openJournal({ dir, schema: WithDate, clock: testClock(), logger: testLogger().logger })
    await expect(journal.append({ at: new Date() })).rejects.toThrow(/Journal record rejected: at: /)
    expect(journal.syncStats().appends).toBe(0)
    await journal.close()
  })

  it('with an append check, refuses a record that is not JSON data when it frames it, and writes the rest', async () => {
    const dir = tempDir()
    const Loose = z.object({ n: z.unknown() })
    const options = { dir, schema: Loose, appendCheck: () => null, clock: testClock(), logger: testLogger().logger }
    const { journal } = await openJournal(options)
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    const appends = [
      journal.append({ n: 1 }),
      journal.append({ n: 2n }),
      journal.append({ n: cyclic }),
      journal.append({ n: 4 }),
    ]
    const settled = await Promise.allSettled(appends)
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled'])
    for (const s of settled.filter((s) => s.status === 'rejected')) {
      expect(String((s as PromiseRejectedResult).reason)).toMatch(/Journal record rejected: .*cannot be serialized/)
      // The outbox passes these issues on to the window (failure.taskNotStorable): keyed, so Spanish.
      const { issues } = (s as PromiseRejectedResult).reason as JournalRecordRejectedError
      expect(issues.map((i) => renderMessage(issueMessage(i.message), 'es'))).toEqual([
        expect.stringMatching(/^no se puede serializar \(/),
      ])
    }
    expect(journal.syncStats().appends).toBe(2)
    expect(journal.sizeBytes()).toBe(statSync(join(dir, 'outbox.journal')).size)
    await journal.close()
    const reopened = await openJournal(options)
    expect(reopened.records).toEqual([{ n: 1 }, { n: 4 }])
    expect(reopened.quarantine).toBeNull()
    await reopened.journal.close()
  })

  it('group-commits concurrent appends: fewer fsyncs than appends, order kept', async () => {
    const dir = tempDir()
    const { journal } = await open(dir)
    const n = 200
    const order: number[] = []
    await Promise.all(
      Array.from({ length: n }, (_, i) => journal.append(record(i + 1, 500)).then(() => order.push(i + 1))),
    )
    const stats = journal.syncStats()
    expect(stats.appends).toBe(n)
    expect(stats.fsyncs).toBeGreaterThan(0)
    expect(stats.fsyncs).toBeLessThan(n)
    expect(order).toEqual(Array.from({ length: n }, (_, i) => i + 1))
    // Appends arriving while an fsync is in flight form the next batch.
    const more = Array.from({ length: 20 }, (_, i) => journal.append(record(n + i + 1)))
    await Promise.all(more)
    expect(journal.syncStats().fsyncs - stats.fsyncs).toBeLessThan(20)
    await journal.close()
    const reopened = await open(dir)
    expect(reopened.records.map((r) => r.seq)).toEqual(Array.from({ length: n + 20 }, (_, i) => i + 1))
    await reopened.journal.close()
  })

  it('refuses a second opener in the same process and frees the folder on close', async () => {
    const dir = tempDir()
    const first = await open(dir)
    const error = await open(dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(JournalLockedError)
    expect((error as JournalLockedError).pid).toBe(process.pid)
    await first.journal.close()
    await expect(first.journal.append(record(1))).rejects.toThrow(/closed/)
    const again = await open(dir)
    await again.journal.close()
  })

  it('measures the live size and says when to compact', () => {
    const live = [record(1), record(2)]
    const size = liveSizeBytes(live)
    const header = encodeRecord({
      format: 'callboard-journal',
      version: 2,
      content: 'records',
      createdAt: new Date(0).toISOString(),
    }).byteLength
    expect(size).toBe(header + encodeRecord(live[0], 0).byteLength + encodeRecord(live[1], 1).byteLength)
    // Only the records the owner counts raise the watermark.
    expect(liveSizeBytes(live, 'records', () => false)).toBe(
      header + encodeRecord(live[0], 0).byteLength + encodeRecord(live[1], 0).byteLength,
    )
    expect(shouldCompact(200_000, 100_000)).toBe(false)
    expect(shouldCompact(200_001, 100_000)).toBe(true)
    expect(shouldCompact(50_000, 1_000)).toBe(false) // below the floor
    expect(shouldCompact(50_000, 1_000, 2, 0)).toBe(true)
  })
})
