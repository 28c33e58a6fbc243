import { memorySecretStore } from '../main/memory-secret-store'
import { startTestHarness, type TestHarness } from '../e2e/helpers/harness'
import { filledDataDir } from './window-bench'

// What the trace tools (view-trace.ts, startup-trace.ts) share: the harness on the window bench's
// 20,000 tasks, and how a Chromium trace is read.

/** One event of a Chromium trace, as far as the tools read it. */
export interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
  args?: { name?: string; data?: { url?: string } }
}

/**
 * The harness on a folder of 10,000 waiting and 10,000 finished tasks (made once; DATA_DIR reuses
 * one printed before), serving this build or RENDERER_DIR's; nothing is sent while it is measured.
 */
export async function benchHarness(): Promise<TestHarness> {
  const dataDir = process.env['DATA_DIR'] ?? (await filledDataDir())
  console.log(`data: ${dataDir}`)
  const rendererDir = process.env['RENDERER_DIR']
  const harness = await startTestHarness({
    dataDir,
    secrets: memorySecretStore(),
    ...(rendererDir ? { rendererDir } : {}),
  })
  harness.services.outbox!.pause()
  return harness
}

/** The page's main thread (`pid:tid`): of the renderers' main threads, the one with the most events. */
export function pageThread(events: TraceEvent[]): string | undefined {
  const counts = new Map<string, number>()
  const mains = new Set<string>()
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`
    counts.set(thread, (counts.get(thread) ?? 0) + 1)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mains.add(thread)
  }
  return [...mains].sort((a, b) => counts.get(b)! - counts.get(a)!)[0]
}
