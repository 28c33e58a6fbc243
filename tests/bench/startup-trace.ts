import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchChromium } from '../e2e/helpers/chromium'
import { benchHarness, pageThread, type TraceEvent } from './trace-kit'

// Where the window's start spends its time: loads the window as the window bench does and writes a
// Chromium trace from navigation to the first field ready (window_tti_ms), then prints the page
// thread's CPU per kind of work and per script, which holds up on a busy machine where the time
// does not.
//
//   tsx tests/bench/startup-trace.ts [runs]
//   DATA_DIR=<a folder it printed before> reuses the 20,000 tasks; RENDERER_DIR=<a build> traces another build.

const runs = Number(process.argv[2] ?? 3)
const harness = await benchHarness()
const browser = await launchChromium()
const out = mkdtempSync(join(tmpdir(), 'callboard-startup-trace-'))
try {
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 760 } })
    await browser.startTracing(page, {
      categories: [
        'blink',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8',
        'v8.execute',
        'loading',
        'netlog',
        ...(process.env['PROFILE'] ? ['disabled-by-default-v8.cpu_profiler'] : []),
      ],
    })
    await page.goto(harness.url)
    const tti = (await (
      await page.waitForFunction(
        () => performance.getEntriesByName('callboard:first-field-ready')[0]?.startTime ?? null,
      )
    ).jsonValue()) as number
    const trace = await browser.stopTracing()
    const path = join(out, `start-${run}.json`)
    writeFileSync(path, trace)
    const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }
    const main = pageThread(traceEvents)
    const mark = traceEvents.find((e) => e.name === 'callboard:first-field-ready')
    const nav =
      traceEvents.find((e) => e.name === 'navigationStart') ??
      traceEvents.find((e) => e.name === 'TracingStartedInBrowser')
    const start = nav?.ts ?? 0
    const end = mark?.ts ?? start + tti * 1000
    const byName = new Map<string, number>()
    const byScript = new Map<string, number>()
    let cpu = 0
    let lastEnd = -1
    const tasks = traceEvents
      .filter(
        (e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined && e.ts >= start && e.ts <= end,
      )
      .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
    for (const e of tasks) {
      // Children of a top-level task: summed by name (they nest, so only for reading, not adding).
      const t = (e.tdur ?? e.dur!) / 1000
      byName.set(e.name, (byName.get(e.name) ?? 0) + t)
      const url = e.args?.data?.url
      if (
        url &&
        (e.name === 'EvaluateScript' ||
          e.name === 'v8.compile' ||
          e.name === 'v8.compileModule' ||
          e.name === 'v8.evaluateModule')
      )
        byScript.set(
          `${e.name} ${url.replace(/^.*\//, '')}`,
          (byScript.get(`${e.name} ${url.replace(/^.*\//, '')}`) ?? 0) + t,
        )
      if (e.ts >= lastEnd) {
        cpu += t
        lastEnd = e.ts + e.dur!
      }
    }
    console.log(`run ${run}: tti ${tti.toFixed(0)} ms, main-thread top-level CPU ${cpu.toFixed(0)} ms (${path})`)
    const top = (m: Map<string, number>, n: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => `    ${v.toFixed(1).padStart(7)} ${k}`)
        .join('\n')
    console.log('  by event (nested, not additive):\n' + top(byName, 18))
    console.log('  by script:\n' + top(byScript, 12))
    await page.close()
  }
} finally {
  await browser.close()
  await harness.close()
}
