import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchChromium } from '../e2e/helpers/chromium'
import { benchHarness, pageThread, type TraceEvent } from './trace-kit'

// Where a view's first open spends its time: opens History (or the queue) from the New task view as
// the window bench does, right as the task forms are up, and writes a Chromium trace of each open
// (load it in DevTools' Performance panel; forced layouts carry the script stack that caused them).
// Prints each open's time and the page thread's busy and CPU milliseconds, which, unlike the time,
// hold up on a busy machine.
//
//   tsx tests/bench/view-trace.ts [#/history|#/queue] [runs] [#/history|#/queue to open it from]
//   DATA_DIR=<a folder it printed before> reuses the 20,000 tasks; RENDERER_DIR=<a build> traces another build.

const view = process.argv[2] ?? '#/history'
const runs = Number(process.argv[3] ?? 3)
const ROWS = { '#/history': '[data-testid="history-subject"]', '#/queue': '[data-testid="queue-row"] .queue-subject' }
const rowSelector = ROWS[view as keyof typeof ROWS]
if (!rowSelector) throw new Error(`no rows known for ${view}`)
// The window bench opens the queue from History: `'#/queue' 3 '#/history'` traces that open.
const from = process.argv[4]
const fromRows = from ? ROWS[from as keyof typeof ROWS] : undefined
if (from && !fromRows) throw new Error(`no rows known for ${from}`)

/** The page thread's top-level tasks from `from` (µs) for `ms`: busy (wall) and CPU milliseconds. */
function pageThreadTime(events: TraceEvent[], from: number, ms: number): { busy: number; cpu: number } {
  const main = pageThread(events)
  const tasks = events
    .filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
  let busy = 0
  let cpu = 0
  let end = -1
  for (const task of tasks) {
    if (task.ts < end) continue
    end = task.ts + task.dur!
    if (task.ts < from || task.ts > from + ms * 1000) continue
    busy += task.dur!
    cpu += task.tdur ?? task.dur!
  }
  return { busy: busy / 1000, cpu: cpu / 1000 }
}

const harness = await benchHarness()
const browser = await launchChromium()
const out = mkdtempSync(join(tmpdir(), 'callboard-view-trace-'))
try {
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 760 } })
    await page.goto(harness.url)
    await page.waitForFunction(() => performance.getEntriesByName('callboard:forms-ready').length > 0, undefined, {
      timeout: 60_000,
    })
    if (from) {
      await page.evaluate((hash) => (location.hash = hash), from)
      await page.locator(fromRows!).first().waitFor()
    }
    await browser.startTracing(page, {
      categories: [
        'blink',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'disabled-by-default-devtools.timeline.stack',
        'v8',
        // The sampling profiler too (PROFILE=1): which functions the page's CPU time went to.
        ...(process.env['PROFILE'] ? ['disabled-by-default-v8.cpu_profiler'] : []),
      ],
    })
    // The same measure as the window bench: hash set → first screen of rows drawn, a frame later.
    const ms = (await page.evaluate(`new Promise((resolve) => {
      const start = performance.now()
      location.hash = ${JSON.stringify(view)}
      const look = () => {
        const rows = document.querySelectorAll(${JSON.stringify(rowSelector)}).length
        const scroller = document.querySelector('.list-scroller')
        if (scroller && rows > 0 && (rows >= 50 || scroller.scrollHeight > scroller.clientHeight))
          requestAnimationFrame(() => resolve(performance.now() - start))
        else requestAnimationFrame(look)
      }
      look()
    })`)) as number
    const trace = await browser.stopTracing()
    const path = join(out, `open-${run}.json`)
    writeFileSync(path, trace)
    const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }
    const navigation = traceEvents.find((e) => e.name === 'FrameLoader::updateForSameDocumentNavigation')
    const time = navigation ? pageThreadTime(traceEvents, navigation.ts - 5000, ms) : null
    console.log(
      `open ${run}: ${ms.toFixed(1)} ms` +
        (time ? `, page thread busy ${time.busy.toFixed(1)} ms, CPU ${time.cpu.toFixed(1)} ms` : '') +
        ` (${path})`,
    )
    await page.close()
  }
} finally {
  await browser.close()
  await harness.close()
}
