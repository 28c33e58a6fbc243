import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { liveSizeBytes, openJournal } from '../../electron/main/outbox/journal'
import { systemClock } from '../../electron/main/core/clock'
import { createLogger } from '../../electron/main/core/logger'

// Q12 figures for the outbox journal: `bench <name>: <value> <unit>` lines, not pass/fail.

const Entry = z.object({ id: z.string(), state: z.string(), payload: z.string() })
type Entry = z.infer<typeof Entry>

/** About 2 KB once framed, like a queued request with its payload. */
const entry = (i: number): Entry => ({ id: `task-${i}`, state: 'queued', payload: `p${i}`.padEnd(1950, 'x') })

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

const line = (name: string, value: number, unit: string) =>
  `bench ${name}: ${value.toFixed(value < 10 ? 3 : 1)} ${unit}`

export async function benchJournal(): Promise<string[]> {
  const logger = createLogger(() => undefined, systemClock)
  const open = (dir: string) => openJournal({ dir, schema: Entry, clock: systemClock, logger })
  const out: string[] = []
  const root = mkdtempSync(join(tmpdir(), 'callboard-bench-journal-'))
  try {
    // Durable append latency: sequential, so every sample pays its own write + fsync.
    const appendDir = join(root, 'append')
    const { journal } = await open(appendDir)
    for (let i = 0; i < 20; i++) await journal.append(entry(i))
    const samples: number[] = []
    for (let i = 0; i < 400; i++) {
      const t0 = performance.now()
      await journal.append(entry(i))
      samples.push(performance.now() - t0)
    }
    await journal.close()
    out.push(line('journal_append_p50_ms', percentile(samples, 50), 'ms'))
    out.push(line('journal_append_p99_ms', percentile(samples, 99), 'ms'))

    // Cold load: open + replay (CRC + JSON + schema per record) of 10,000 ~2 KB records.
    const loadDir = join(root, 'load')
    const seeded = await open(loadDir)
    const all = Array.from({ length: 10_000 }, (_, i) => entry(i))
    await seeded.journal.compact(all)
    await seeded.journal.close()
    const loads: number[] = []
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now()
      const loaded = await open(loadDir)
      loads.push(performance.now() - t0)
      if (loaded.records.length !== 10_000) throw new Error(`cold load replayed ${loaded.records.length} records`)
      await loaded.journal.close()
    }
    out.push(line('journal_cold_load_10k_ms', percentile(loads, 50), 'ms'))

    // Compaction: 2,000 state changes on 200 entries, then compact to the 200 live ones.
    const compactDir = join(root, 'compact')
    const c = await open(compactDir)
    const live = new Map<string, Entry>()
    for (let i = 0; i < 2000; i += 100) {
      const batch = Array.from({ length: 100 }, (_, j) => ({ ...entry((i + j) % 200), state: `s${i + j}` }))
      await Promise.all(batch.map((e) => c.journal.append(e)))
      for (const e of batch) live.set(e.id, e)
    }
    const liveRecords = [...live.values()]
    const before = c.journal.sizeBytes()
    await c.journal.compact(liveRecords)
    const after = statSync(join(compactDir, 'outbox.journal')).size
    await c.journal.close()
    out.push(line('journal_precompact_ratio', before / liveSizeBytes(liveRecords), 'x'))
    out.push(line('journal_compacted_ratio', after / liveSizeBytes(liveRecords), 'x'))
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
  return out
}
