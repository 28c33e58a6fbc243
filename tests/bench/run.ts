import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHarness } from '../../harness/server'
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
