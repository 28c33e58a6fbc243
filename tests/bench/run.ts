import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHarness } from '../../harness/server'
import { createOutbox } from '../../electron/main/outbox/outbox'
import { openOutboxLog } from '../../electron/main/outbox/outbox-log'
import { systemClock } from '../../electron/main/core/clock'
import { createLogger } from '../../electron/main/core/logger'
import { Profile } from '../../shared/schemas/profiles'
import { drafts } from '../shared/fixtures'
import { simulateFlush } from '../main/queue/flush-simulation'
import { BACKLOG, flush, LANE_LIMITS, RATED, SIM_LIMITS, utilization } from '../main/queue/http-flush'
import { benchEnqueue } from './enqueue-bench'
import { benchJournal } from './journal-bench'
import { benchShortcut } from './shortcut-bench'
import { benchNumbers } from './numbers-bench'
import { benchNumberImport } from './chromium-bench'
import { benchWindow } from './window-bench'
import { initialRendererJsGzipKb } from './bundle-bench'
import { memorySecretStore } from '../main/memory-secret-store'
import { createTestServices } from '../main/test-app-services'

// Figures, not pass/fail: one `bench <name>: <value> <unit>` line each. Medians, since the
// machines are noisy.

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

function print(name: string, value: number, unit: string) {
  console.log(`bench ${name}: ${value.toFixed(value < 10 ? 3 : 1)} ${unit}`)
}

async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn(i)
    samples.push(performance.now() - t0)
  }
  return samples
}

const { services } = await createTestServices()

await time(200, () => services.dispatch('settings:get', undefined))
const dispatchSamples = await time(5000, () => services.dispatch('settings:get', undefined))
print('ipc_dispatch_p50_us', percentile(dispatchSamples, 50) * 1000, 'us')

const themes = ['dark', 'light'] as const
const updateSamples = await time(200, (i) => services.dispatch('settings:update', { theme: themes[i % 2] }))
print('settings_update_durable_p50_ms', percentile(updateSamples, 50), 'ms')
print('settings_update_durable_p99_ms', percentile(updateSamples, 99), 'ms')

const harness = await startHarness({
  dataDir: mkdtempSync(join(tmpdir(), 'callboard-bench-h-')),
  locale: 'en-GB',
  secrets: memorySecretStore(),
})
const call = () =>
  fetch(`${harness.origin}/ipc/settings:get`, {
    method: 'POST',
    headers: { authorization: `Bearer ${harness.token}` },
  }).then((r) => r.json())
await time(100, call)
print('harness_roundtrip_p50_ms', percentile(await time(1000, call), 50), 'ms')
await harness.close()

// ——— The outbox ———

for (const line of await benchJournal()) console.log(line)

// Durable enqueue through the contract, its allocation, and the raw fsync it is held to
// (enqueue-bench.ts; `npx tsx tests/bench/enqueue-bench.ts` runs it alone).
for (const figure of await benchEnqueue()) print(figure.name, figure.value, figure.unit)

// Q5: 10,000 tasks over the five lanes on virtual time; the rate used while a backlog remained.
{
  const result = await simulateFlush(2000)
  const used = Math.min(result.utilization.webex ?? 0, result.utilization.connect ?? 0)
  print('flush_rate_utilization_pct', used * 100, '%')
}

// Q5 over real HTTP: the five simulators, scaled limits (see http-flush.ts); the share of each
// provider's allowed rate the lane used while its backlog remained, by the simulators' accept times.
{
  const run = await flush(BACKLOG, (provider) => LANE_LIMITS[provider])
  for (const provider of RATED) {
    const used = utilization(SIM_LIMITS[provider]!, run.ledger[provider].accepted).ratio
    print(`flush_http_utilization_${provider}_pct`, used * 100, '%')
  }
}

// Cold start of a queue holding 10,000 waiting entries: open the journal, replay, recover.
{
  const dir = mkdtempSync(join(tmpdir(), 'callboard-bench-outbox-'))
  const clock = systemClock
  const logger = createLogger(() => undefined, clock)
  const log = await openOutboxLog({ dir, clock, logger })
  const webex = Profile.parse({ ...drafts.webex, id: '6f1c2a8e-4b7d-4c1e-9a3f-2d5b8e7c1a90' })
  const filler = createOutbox({
    log,
    clock,
    logger,
    newId: randomUUID,
    findProfile: () => webex,
    send: () => new Promise(() => undefined),
    onChanged: () => undefined,
  })
  filler.pause()
  await filler.start()
  await Promise.all(
    Array.from({ length: 10_000 }, (_, i) =>
      filler.submit({
        kind: 'outdial',
        profileId: webex.id,
        destination: `+1415${String(i).padStart(7, '0')}`,
        entryPointId: 'EP-outbound-1',
        origin: '+14085550100',
      }),
    ),
  )
  filler.stop()
  await log.close()
  const samples: number[] = []
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now()
    const reopened = await openOutboxLog({ dir, clock, logger })
    const outbox = createOutbox({
      log: reopened,
      clock,
      logger,
      newId: randomUUID,
      findProfile: () => webex,
      send: () => new Promise(() => undefined),
      onChanged: () => undefined,
    })
    outbox.pause()
    const started = await outbox.start()
    samples.push(performance.now() - t0)
    if (started.entries !== 10_000) throw new Error(`expected 10,000 entries, got ${started.entries}`)
    outbox.stop()
    await reopened.close()
  }
  print('outbox_cold_start_10k_ms', percentile(samples, 50), 'ms')
}

// A voice broadcast's number list: 200,000 CSV rows parsed, validated, normalized, deduplicated.
for (const figure of await benchNumbers()) print(figure.name, figure.value, figure.unit)
// The same size of list loaded into the form in Chromium: the page's longest task meanwhile.
for (const figure of await benchNumberImport()) print(figure.name, figure.value, figure.unit)

// The window with 10,000 waiting and 10,000 finished tasks: its start, History's and the queue's
// first rows, the quick entry's parse (issue 16 item 7).
for (const figure of await benchWindow()) print(figure.name, figure.value, figure.unit)

// What the window loads before its first paint (`npm run bench` builds first).
print('renderer_initial_js_gzip_kb', initialRendererJsGzipKb(), 'KB')

// The global shortcut: clipboard text to the normalized candidates for the confirm window.
for (const figure of await benchShortcut()) print(figure.name, figure.value, figure.unit)

await services.close()
