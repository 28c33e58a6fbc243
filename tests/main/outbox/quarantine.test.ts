import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openJournal, type JournalDamageCode } from '../../../electron/main/outbox/journal'
import { encodeRecord } from '../../../electron/main/outbox/record-codec'
import { TestRecord, record, tempDir, testClock, testLogger } from './helpers'

// Q3: a corrupt or foreign file is moved aside with a timestamp, the valid records before the
// damage are kept, and the reason is specific. Never a silent wipe.

const header = (over: Record<string, unknown> = {}) =>
  encodeRecord({
    format: 'callboard-journal',
    version: 1,
    content: 'records',
    createdAt: '2026-11-01T00:00:00.000Z',
    ...over,
  })
const lines = (...values: unknown[]) => Buffer.concat(values.map((v) => encodeRecord(v)))
const good = (...seqs: number[]) => lines(...seqs.map((s) => record(s)))

function corruptMiddle(): Buffer {
  const r3 = encodeRecord(record(3))
  r3[r3.length - 4] = r3[r3.length - 4]! ^ 0x04 // flip a bit inside the JSON of record 3
  return Buffer.concat([header(), good(1, 2), r3, good(4, 5)])
}

interface Case {
  name: string
  bytes: () => Buffer
  code: JournalDamageCode
  reason: RegExp
  kept: number[]
  damagedAt?: { record: number }
}

const cases: Case[] = [
  {
    name: 'random bytes',
    bytes: () => randomBytes(4096),
    code: 'not-a-journal',
    reason: /no Callboard journal header/,
    kept: [],
  },
  { name: 'an empty file', bytes: () => Buffer.alloc(0), code: 'empty', reason: /empty/, kept: [] },
  {
    name: 'a truncated header',
    bytes: () => header().subarray(0, 40),
    code: 'truncated-header',
    reason: /header line is cut short/,
    kept: [],
  },
  {
    name: 'valid JSON of another kind (a settings file)',
    bytes: () => Buffer.from(JSON.stringify({ version: 2, profiles: [] }, null, 2)),
    code: 'not-a-journal',
    reason: /plain JSON/,
    kept: [],
  },
  {
    name: 'a framed file of another format',
    bytes: () => Buffer.concat([encodeRecord({ format: 'someone-else', version: 1 }), good(1)]),
    code: 'foreign-format',
    reason: /another format \(someone-else\)/,
    kept: [],
  },
  {
    name: 'a journal of another content kind',
    bytes: () => Buffer.concat([header({ content: 'history' }), good(1)]),
    code: 'foreign-format',
    reason: /"history"/,
    kept: [],
  },
  {
    name: 'a journal from a newer version',
    bytes: () => Buffer.concat([header({ version: 3 }), good(1, 2)]),
    code: 'newer-version',
    reason: /newer Callboard \(journal version 3, this one reads up to 2\)/,
    kept: [],
  },
  {
    // The records after the damage are kept too (see resync.test.ts for the many ways of damage).
    name: 'a bad record in the middle followed by good ones',
    bytes: corruptMiddle,
    code: 'corrupt-record',
    reason: /record 3 \(byte \d+, \d+ bytes\): CRC mismatch; every intact record was kept/,
    kept: [1, 2, 4, 5],
    damagedAt: { record: 3 },
  },
  {
    name: 'a record failing the schema',
    bytes: () => Buffer.concat([header(), good(1, 2), lines({ seq: 'three', body: 3 }), good(4)]),
    code: 'invalid-record',
    reason: /record 3 \(byte \d+, \d+ bytes\): not a valid record \(seq: .*\)/,
    kept: [1, 2, 4],
    damagedAt: { record: 3 },
  },
  {
    name: 'a record failing the schema as the very last line',
    bytes: () => Buffer.concat([header(), good(1), lines({ seq: 2 })]),
    code: 'invalid-record',
    reason: /record 2 .*body/,
    kept: [1],
    damagedAt: { record: 2 },
  },
]

describe('Q3: corrupt or foreign journal files', () => {
  it.each(cases)('$name: quarantined with a timestamp, good records kept, specific reason', async (c) => {
    const dir = tempDir()
    const file = join(dir, 'outbox.journal')
    const original = c.bytes()
    writeFileSync(file, original)
    const { logger, lines: logLines } = testLogger()
    const opened = await openJournal({ dir, schema: TestRecord, clock: testClock(), logger })

    const q = opened.quarantine
    expect(q).not.toBeNull()
    expect(q!.code).toBe(c.code)
    expect(q!.reason).toMatch(c.reason)
    expect(q!.recordsKept).toBe(c.kept.length)
    if (c.damagedAt) expect(q!.damagedAt).toMatchObject(c.damagedAt)
    // Beside the journal, timestamped from the injected clock, byte for byte the original.
    expect(dirname(q!.quarantinedTo)).toBe(dir)
    expect(basename(q!.quarantinedTo)).toMatch(/^outbox\.journal\.corrupt-2026-11-23T10-00-00\.\d{3}Z$/)
    expect(readFileSync(q!.quarantinedTo).equals(original)).toBe(true)
    expect(opened.records).toEqual(c.kept.map((s) => record(s)))
    expect(logLines.some((l) => l['level'] === 'error' && l['code'] === c.code)).toBe(true)

    // The fresh journal works and holds the kept records; reopening finds nothing wrong.
    await opened.journal.append(record(99))
    await opened.journal.close()
    const again = await openJournal({ dir, schema: TestRecord, clock: testClock(), logger })
    expect(again.quarantine).toBeNull()
    expect(again.tornTail).toBeNull()
    expect(again.records).toEqual([...c.kept, 99].map((s) => record(s)))
    await again.journal.close()
    expect(readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toHaveLength(1)
  })

  it('never overwrites an earlier quarantined file with the same timestamp', async () => {
    const dir = tempDir()
    const file = join(dir, 'outbox.journal')
    const frozen = { now: () => new Date('2026-11-23T10:00:00.000Z'), monotonicMs: () => 0 }
    const logger = testLogger().logger
    const targets: string[] = []
    for (const bytes of [Buffer.from('first'), Buffer.from('second')]) {
      writeFileSync(file, bytes)
      const opened = await openJournal({ dir, schema: TestRecord, clock: frozen, logger })
      targets.push(opened.quarantine!.quarantinedTo)
      await opened.journal.close()
    }
    expect(targets[0]).not.toBe(targets[1])
    expect(readFileSync(targets[0]!, 'utf8')).toBe('first')
    expect(readFileSync(targets[1]!, 'utf8')).toBe('second')
    expect(existsSync(file)).toBe(true)
  })
})
