import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openJournal } from '../../../electron/main/outbox/journal'
import { TestRecord, record, tempDir, testClock, testLogger } from './helpers'

// One damaged record must not hide the records after it (issue "trust", item 2): the scan finds
// the next intact frame and keeps every intact record; a complete last record with a bad CRC is
// damage (a copy is kept), and only a genuinely incomplete tail is a torn write.

const open = (dir: string) => openJournal({ dir, schema: TestRecord, clock: testClock(), logger: testLogger().logger })

/** A journal of `count` records written by the journal itself; returns its bytes and each record's span. */
async function written(count: number, bytes = 60): Promise<{ file: Buffer; spans: { start: number; end: number }[] }> {
  const dir = tempDir()
  const { journal } = await open(dir)
  const spans: { start: number; end: number }[] = []
  for (let i = 1; i <= count; i++) {
    const start = journal.sizeBytes()
    await journal.append(record(i, bytes))
    spans.push({ start, end: journal.sizeBytes() })
  }
  await journal.close()
  return { file: readFileSync(join(dir, 'outbox.journal')), spans }
}

async function reopen(bytes: Buffer) {
  const dir = tempDir()
  writeFileSync(join(dir, 'outbox.journal'), bytes)
  const opened = await open(dir)
  const seqs = opened.records.map((r) => r.seq)
  await opened.journal.close()
  // A second open finds a clean file holding the same records.
  const again = await open(dir)
  await again.journal.close()
  return { opened, seqs, again, dir }
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)
const flip = (bytes: Buffer, at: number, mask = 0x04) => {
  const copy = Buffer.from(bytes)
  copy[at] = copy[at]! ^ mask
  return copy
}

describe('a damaged record does not hide the records after it', () => {
  it('a flipped byte in record 10 of 50 loses record 10 only, and a copy is kept', async () => {
    const { file, spans } = await written(50)
    const damaged = flip(file, spans[9]!.end - 10)
    const { opened, seqs, again } = await reopen(damaged)
    expect(seqs).toEqual([...range(1, 9), ...range(11, 50)])
    expect(opened.tornTail).toBeNull()
    expect(opened.quarantine).toMatchObject({ code: 'corrupt-record', recordsKept: 49 })
    expect(opened.quarantine!.damaged).toEqual([
      expect.objectContaining({ offset: spans[9]!.start, length: spans[9]!.end - spans[9]!.start, keptBefore: 9 }),
    ])
    expect(readFileSync(opened.quarantine!.quarantinedTo).equals(damaged)).toBe(true)
    // The watermark counts the one record lost exactly: it lies between two intact records.
    expect(opened.loss).toEqual({ counted: 1, complete: true, withoutDamage: 0 })
    expect(again.quarantine).toBeNull()
    expect(again.records.map((r) => r.seq)).toEqual(seqs)
  })

  it('a damaged header keeps every record after it', async () => {
    const { file } = await written(50)
    const { opened, seqs } = await reopen(flip(file, 30))
    expect(seqs).toEqual(range(1, 50))
    expect(opened.quarantine).toMatchObject({ code: 'damaged-header', recordsKept: 50 })
    expect(opened.quarantine!.damaged).toEqual([expect.objectContaining({ offset: 0, header: true, keptBefore: 0 })])
    expect(opened.loss).toEqual({ counted: 0, complete: true, withoutDamage: 0 })
  })

  it("finds the next record when the damage hits a record's line break", async () => {
    const { file, spans } = await written(50)
    const { seqs } = await reopen(flip(file, spans[9]!.end - 1, 0x01))
    expect(seqs).toEqual([...range(1, 9), ...range(11, 50)])
  })

  it('finds the next record when the damage makes a line break inside a record', async () => {
    const { file, spans } = await written(50)
    const damaged = Buffer.from(file)
    damaged[spans[9]!.start + 30] = 0x0a
    const { seqs } = await reopen(damaged)
    expect(seqs).toEqual([...range(1, 9), ...range(11, 50)])
  })

  it('keeps every intact record around several damaged stretches, and reports each', async () => {
    const { file, spans } = await written(50)
    let damaged = flip(file, spans[4]!.start + 2) // in the length
    damaged = flip(damaged, spans[20]!.start + 12) // in the CRC
    damaged.fill(0x20, spans[30]!.start + 5, spans[32]!.start + 5) // 30 spaces over 31–33
    const { opened, seqs } = await reopen(damaged)
    expect(seqs).toEqual(range(1, 50).filter((s) => ![5, 21, 31, 32, 33].includes(s)))
    expect(opened.quarantine!.damaged.map((d) => d.keptBefore)).toEqual([4, 19, 28])
    expect(opened.loss).toEqual({ counted: 5, complete: true, withoutDamage: 0 })
  })

  it('a complete last record with a bad CRC is damage: a copy is kept before it is dropped', async () => {
    const { file, spans } = await written(50)
    const damaged = flip(file, file.byteLength - 5, 0x20)
    const { opened, seqs, again, dir } = await reopen(damaged)
    expect(seqs).toEqual(range(1, 49))
    expect(opened.tornTail).toBeNull()
    expect(opened.quarantine).toMatchObject({ code: 'corrupt-record', recordsKept: 49 })
    expect(opened.quarantine!.damaged).toEqual([expect.objectContaining({ offset: spans[49]!.start, keptBefore: 49 })])
    expect(readFileSync(opened.quarantine!.quarantinedTo).equals(damaged)).toBe(true)
    // Nothing after it to count against: whether it held more than one record cannot be told.
    expect(opened.loss).toMatchObject({ complete: false })
    expect(readFileSync(join(dir, 'outbox.journal')).byteLength).toBeLessThan(spans[49]!.start + 50)
    expect(again.quarantine).toBeNull()
  })

  it('a full-length last record whose line break was replaced is damage, not a torn write', async () => {
    const { file } = await written(5)
    const damaged = Buffer.from(file)
    damaged[damaged.byteLength - 1] = 0x20
    const { opened, seqs } = await reopen(damaged)
    expect(seqs).toEqual(range(1, 4))
    expect(opened.tornTail).toBeNull()
    expect(opened.quarantine).not.toBeNull()
  })

  it('an incomplete last write after a damaged record is reported as both', async () => {
    const { file, spans } = await written(10)
    const damaged = flip(file, spans[4]!.start + 25).subarray(0, spans[9]!.start + 20)
    const { opened, seqs } = await reopen(damaged)
    expect(seqs).toEqual([1, 2, 3, 4, 6, 7, 8, 9])
    expect(opened.quarantine!.damaged).toHaveLength(1)
    expect(opened.tornTail).toMatchObject({ offset: spans[9]!.start, bytesDropped: 20 })
    expect(opened.loss).toEqual({ counted: 1, complete: true, withoutDamage: 0 })
  })

  it('notices records missing with no visible damage (whole lines cut out) through the watermark', async () => {
    const { file, spans } = await written(10)
    const cut = Buffer.concat([file.subarray(0, spans[3]!.start), file.subarray(spans[5]!.start)])
    const { opened, seqs } = await reopen(cut)
    expect(seqs).toEqual([1, 2, 3, 6, 7, 8, 9, 10])
    expect(opened.loss).toEqual({ counted: 2, complete: true, withoutDamage: 2 })
    expect(opened.quarantine).not.toBeNull()
  })

  it('a torn tail alone loses nothing that was written before it, and the watermark shows it', async () => {
    const { file, spans } = await written(10)
    const { opened, seqs } = await reopen(file.subarray(0, spans[9]!.start + 7))
    expect(seqs).toEqual(range(1, 9))
    expect(opened.quarantine).toBeNull()
    expect(opened.loss).toEqual({ counted: 0, complete: true, withoutDamage: 0 })
  })

  it('never accepts garbage as a record: any one damaged span loses exactly the records it touches', async () => {
    const { file, spans } = await written(30, 40)
    const first = spans[0]!.start
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: first, max: file.byteLength - 1 }),
        fc.uint8Array({ minLength: 1, maxLength: 200 }),
        async (at, noise) => {
          const damaged = Buffer.from(file)
          const end = Math.min(damaged.byteLength, at + noise.byteLength)
          for (let i = at; i < end; i++) damaged[i] = noise[i - at]!
          if (damaged.equals(file)) return
          const { seqs } = await reopen(damaged)
          const untouched = spans.flatMap((s, i) => {
            const touched =
              s.start < end && at < s.end && !damaged.subarray(s.start, s.end).equals(file.subarray(s.start, s.end))
            return touched ? [] : [i + 1]
          })
          expect(seqs).toEqual(untouched)
        },
      ),
      { numRuns: 150 },
    )
  })
})
