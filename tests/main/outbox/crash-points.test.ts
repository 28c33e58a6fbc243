import { describe, expect, it } from 'vitest'
import type { CrashPointName } from '../../../electron/main/outbox/crash-points'
import { openJournal } from '../../../electron/main/outbox/journal'
import { TestRecord, startChild, tempDir, testClock, testLogger } from './helpers'

// Named crash points (for Q1): a child appending with CALLBOARD_CRASH_AT set dies by SIGKILL at
// that point; reopening keeps every record whose append resolved in the child.

interface Scenario {
  point: CrashPointName
  hit: number
  /** Records the reopened journal must hold exactly, when that is determined. */
  exact?: number[]
}

const scenarios: Scenario[] = [
  // The third append dies before its bytes are written: it must not appear.
  { point: 'append:before-write', hit: 3, exact: [1, 2] },
  // Written (page cache survives a process kill) but not acknowledged: it may appear.
  { point: 'append:after-write', hit: 3 },
  { point: 'append:after-fsync', hit: 3 },
  // The child compacts after its 4th append: everything acknowledged is in both old and new file.
  { point: 'compact:before-rename', hit: 1, exact: [1, 2, 3, 4] },
  { point: 'compact:after-rename', hit: 1, exact: [1, 2, 3, 4] },
]

describe('crash points', () => {
  it.concurrent.each(scenarios)('SIGKILL at $point keeps every acknowledged append', async ({ point, hit, exact }) => {
    const dir = tempDir('callboard-crash-')
    const child = startChild(['append', dir, '6', '4'], { CALLBOARD_CRASH_AT: point, CALLBOARD_CRASH_HIT: String(hit) })
    const lines = await child.rest()
    const { signal } = await child.exited
    expect(signal, lines.join('\n')).toBe('SIGKILL')
    expect(lines).not.toContain('done')
    const acked = lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4)))
    expect(acked.length).toBeGreaterThanOrEqual(2)

    const opened = await openJournal({ dir, schema: TestRecord, clock: testClock(), logger: testLogger().logger })
    const seqs = opened.records.map((r) => r.seq)
    expect(opened.quarantine).toBeNull()
    for (const seq of acked) expect(seqs).toContain(seq)
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1))
    expect(seqs.length).toBeLessThanOrEqual(acked.length + 1)
    if (exact) expect(seqs).toEqual(exact)
    // The dead child's lock was taken over; the journal accepts writes again.
    await opened.journal.append({ seq: 7, body: 'after restart' })
    await opened.journal.close()
  })
})
