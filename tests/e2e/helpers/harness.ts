import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Harness, HarnessOptions } from '../../../harness/server'
import { startHarness } from '../../../harness/server'

export interface TestHarness extends Harness {
  dataDir: string
  logLines: string[]
  call(channel: string, input?: unknown, token?: string): Promise<{ status: number; body: unknown }>
}

/** The harness in-process, on a fresh user-data folder, with its log lines collected. */
export async function startTestHarness(options: Partial<HarnessOptions> = {}): Promise<TestHarness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'callboard-e2e-'))
  const logLines: string[] = []
  const harness = await startHarness({ locale: 'en-GB', ...options, dataDir, logSink: (l) => logLines.push(l) })
  return Object.assign(harness, {
    dataDir,
    logLines,
    async call(channel: string, input?: unknown, token = harness.token) {
      const response = await fetch(`${harness.origin}/ipc/${channel}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: input === undefined ? '' : JSON.stringify(input),
      })
      return { status: response.status, body: (await response.json()) as unknown }
    },
  })
}
