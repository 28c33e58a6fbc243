import { statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { liveSizeBytes, openJournal, shouldCompact } from '../../../electron/main/outbox/journal'
import { TestRecord, record, tempDir, testClock, testLogger } from './helpers'

const open = (dir: string) => openJournal({ dir, schema: TestRecord, clock: testClock(), logger: testLogger().logger })

describe('compaction', () => {
  it('leaves the file at most 2× the live size (Q12) and replays exactly the live records', async () => {
    const dir = tempDir()
    const { journal } = await open(dir)
    // 400 events, of which the last 40 still matter (the others were superseded).
    for (let i = 1; i <= 400; i += 50)
      await Promise.all(Array.from({ length: 50 }, (_, j) => journal.append(record(i + j, 300))))
    const live = Array.from({ length: 40 }, (_, i) => record(361 + i, 300))
    const liveBytes = liveSizeBytes(live)
    expect(shouldCompact(journal.sizeBytes(), liveBytes)).toBe(true)
    await journal.compact(live)
    const onDisk = statSync(join(dir, 'outbox.journal')).size
    expect(journal.sizeBytes()).toBe(onDisk)
    expect(onDisk).toBeLessThanOrEqual(2 * liveBytes)
    expect(onDisk).toBe(liveBytes)
    expect(shouldCompact(onDisk, liveBytes)).toBe(false)
    expect(journal.syncStats().compactions).toBe(1)
    await journal.close()
    const reopened = await open(dir)
    expect(reopened.records).toEqual(live)
    await reopened.journal.close()
  })

  it('does not lose appends made while compaction runs; they follow the live records in order', async () => {
    const dir = tempDir()
    const { journal } = await open(dir)
    for (let i = 1; i <= 30; i++) await journal.append(record(i))
    const live = [record(10), record(20), record(30)]
    const done: string[] = []
    const compaction = journal.compact(live).then(() => done.push('compact'))
    const during = Array.from({ length: 10 }, (_, i) =>
      journal.append(record(31 + i)).then(() => done.push(`a${31 + i}`)),
    )
    await Promise.all([compaction, ...during])
    expect(done[0]).toBe('compact')
    await journal.append(record(41))
    await journal.close()
    const reopened = await open(dir)
    expect(reopened.records.map((r) => r.seq)).toEqual([10, 20, 30, ...Array.from({ length: 11 }, (_, i) => 31 + i)])
    await reopened.journal.close()
  })

  it('rejects live records that fail the schema and keeps the file as it was', async () => {
    const dir = tempDir()
    const { journal } = await open(dir)
    await journal.append(record(1))
    const size = journal.sizeBytes()
    await expect(journal.compact([{ seq: 'x' } as unknown as TestRecord])).rejects.toThrow(/Live record 1 rejected/)
    expect(journal.sizeBytes()).toBe(size)
    await journal.close()
    const reopened = await open(dir)
    expect(reopened.records).toEqual([record(1)])
    await reopened.journal.close()
  })
})
