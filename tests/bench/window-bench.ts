import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { createOutbox } from '../../electron/main/outbox/outbox'
import { openOutboxLog } from '../../electron/main/outbox/outbox-log'
import { systemClock } from '../../electron/main/core/clock'
import { createLogger } from '../../electron/main/core/logger'
import type { Profile, ProfileOf } from '../../shared/schemas/profiles'
import { memorySecretStore } from '../main/memory-secret-store'
import { chromiumAvailable, launchChromium } from '../e2e/helpers/chromium'
import { startTestHarness } from '../e2e/helpers/harness'
import type { Figure } from './chromium-bench'

// Issue 16 item 7: the window's start and its long lists do not grow with the data. Measured in
// Debian's Chromium through the harness, on a data folder holding 10,000 finished (sent) and
// 10,000 waiting outdials, at the main window's default size. Figures, not pass/fail: medians of
// RUNS fresh page loads, each on its own page.

const RUNS = 5
const FINISHED = 10_000
const WAITING = 10_000
const SIZE = { width: 1100, height: 760 }
/** What an agent types into the quick entry (each key is one parse). */
const QUICK_LINES = [
  'call 415 555 0100',
  'callback Ana Ruiz +44 20 7946 0958 tomorrow 3pm London re: refund',
  'follow up Ana Ruiz friday: send the contract',
  'broadcast es "Su pedido llegó" to list',
  'devolución Ana +34 612 345 678 mañana a las 10:30 Madrid motivo: factura',
]

const HISTORY_ROW = '[data-testid="history-row"] [data-testid="history-subject"]'
const QUEUE_ROW = '[data-testid="queue-row"] .queue-subject'

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** The sandbox's Webex profile as the harness has it (its ids are fixed). */
async function sandboxWebex(): Promise<ProfileOf<'webex'>> {
  const harness = await startTestHarness({ secrets: memorySecretStore() })
  try {
    return (harness.services.sandbox!.profiles() as Profile[]).find(
      (p): p is ProfileOf<'webex'> => p.provider === 'webex',
    )!
  } finally {
    await harness.close()
  }
}

/** A data folder whose queue journal holds FINISHED sent and then WAITING queued outdials. */
export async function filledDataDir(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'callboard-bench-window-'))
  const webex = await sandboxWebex()
  const clock = systemClock
  const logger = createLogger(() => undefined, clock)
  const log = await openOutboxLog({ dir: join(dataDir, 'outbox'), clock, logger })
  let sent = 0
  let allSent: () => void = () => undefined
  const finished = new Promise<void>((resolve) => (allSent = resolve))
  const outbox = createOutbox({
    log,
    clock,
    logger,
    newId: randomUUID,
    findProfile: (id) => (id === webex.id ? webex : undefined),
    // The provider answers at once, with no rate limit: only the history is being made here.
    send: async () => ({ kind: 'sent', providerId: randomUUID(), httpStatus: 200 }),
    limitsFor: () => ({ rate: null, concurrency: 64 }),
    onChanged: (entry) => {
      if (entry.state === 'sent' && ++sent === FINISHED) allSent()
    },
  })
  await outbox.start()
  const outdial = (i: number) => ({
    kind: 'outdial' as const,
    profileId: webex.id,
    destination: `+1415${String(i).padStart(7, '0')}`,
    entryPointId: webex.entryPoints.find((e) => e.direction === 'outbound')!.id,
    origin: webex.outdialAnis[0]!.number,
  })
  await Promise.all(Array.from({ length: FINISHED }, (_, i) => outbox.submit(outdial(i))))
  await finished
  outbox.pause()
  await Promise.all(Array.from({ length: WAITING }, (_, i) => outbox.submit(outdial(FINISHED + i))))
  outbox.stop()
  await log.close()
  return dataDir
}

/**
 * Milliseconds from setting the hash to the view's first screen of rows drawn with their text: the
 * rows fill the list's visible height (or there are 50, a page). Written as page source: tsx would
 * wrap a named function in a helper the page does not have.
 */
function timeView(page: Page, hash: string, rowSelector: string): Promise<{ ms: number; rows: number }> {
  return page.evaluate(`new Promise((resolve) => {
    const start = performance.now()
    location.hash = ${JSON.stringify(hash)}
    const look = () => {
      const rows = document.querySelectorAll(${JSON.stringify(rowSelector)}).length
      const scroller = document.querySelector('.list-scroller')
      const enough = scroller && rows > 0 && (rows >= 50 || scroller.scrollHeight > scroller.clientHeight)
      if (enough) requestAnimationFrame(() => resolve({ ms: performance.now() - start, rows }))
      else requestAnimationFrame(look)
    }
    look()
  })`)
}

/**
 * window_tti_ms (navigation → the number field focused and taking input), history_first_rows_ms
 * and queue_view_first_rows_ms (the view asked for → its first screen of rows drawn), and the
 * quick entry's parse time per key (p95 of each run).
 */
export async function benchWindow(runs = RUNS): Promise<Figure[]> {
  if (!chromiumAvailable()) return []
  const dataDir = await filledDataDir()
  const harness = await startTestHarness({ dataDir, secrets: memorySecretStore() })
  // The waiting tasks stay waiting: nothing is sent while the window is measured.
  harness.services.outbox!.pause()
  const browser = await launchChromium()
  const tti: number[] = []
  const formsReady: number[] = []
  const history: number[] = []
  const queue: number[] = []
  const historyAgain: number[] = []
  const queueAgain: number[] = []
  const parseP95: number[] = []
  let historyRows = 0
  let queueRows = 0
  try {
    const counts = (await harness.call('history:list', {})).body as { value: { total: number } }
    if (counts.value.total !== FINISHED + WAITING) throw new Error(`expected 20,000 tasks, got ${counts.value.total}`)
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage({ viewport: SIZE })
      await page.goto(harness.url)
      const first = await page.waitForFunction(() => {
        const [mark] = performance.getEntriesByName('callboard:first-field-ready')
        const field = document.activeElement
        // Usable: it has the keyboard and takes input.
        return mark && field instanceof HTMLInputElement && field.type === 'tel' && !field.disabled
          ? mark.startTime
          : null
      })
      tti.push((await first.jsonValue()) as number)
      if (process.env['BENCH_VERBOSE'])
        console.log('run', run, JSON.stringify({ tti, history, queue, historyAgain, queueAgain, parseP95 }))
      const forms = await page.waitForFunction(
        () => performance.getEntriesByName('callboard:forms-ready')[0]?.startTime ?? null,
        undefined,
        { timeout: 60_000 },
      )
      formsReady.push((await forms.jsonValue()) as number)

      const h = await timeView(page, '#/history', HISTORY_ROW)
      history.push(h.ms)
      historyRows = h.rows
      const q = await timeView(page, '#/queue', QUEUE_ROW)
      queue.push(q.ms)
      queueRows = q.rows
      // Opened again (its code and formats already loaded), from the New task view.
      await page.evaluate(() => (location.hash = '#/new/outdial'))
      await page.getByTestId('outdial-form').waitFor()
      historyAgain.push((await timeView(page, '#/history', HISTORY_ROW)).ms)
      await page.evaluate(() => (location.hash = '#/new/outdial'))
      await page.getByTestId('outdial-form').waitFor()
      queueAgain.push((await timeView(page, '#/queue', QUEUE_ROW)).ms)

      // The quick entry, typed key by key; each key's parse is measured in the page.
      await page.keyboard.press('Control+k')
      await page.evaluate(() => performance.clearMeasures('callboard:quick-entry-parse'))
      for (const line of QUICK_LINES) {
        await page.keyboard.type(line)
        await page.keyboard.press('Escape')
      }
      const parses = await page.evaluate(() =>
        performance.getEntriesByName('callboard:quick-entry-parse').map((e) => e.duration),
      )
      if (parses.length < 100) throw new Error(`only ${parses.length} quick-entry parses were measured`)
      parseP95.push(percentile(parses, 95))
      await page.close()
    }
  } finally {
    await browser.close()
    await harness.close()
  }
  return [
    { name: 'window_tti_ms', value: median(tti), unit: 'ms' },
    { name: 'window_forms_ready_ms', value: median(formsReady), unit: 'ms' },
    { name: 'history_first_rows_ms', value: median(history), unit: 'ms' },
    { name: 'history_first_rows_drawn', value: historyRows, unit: 'rows' },
    { name: 'queue_view_first_rows_ms', value: median(queue), unit: 'ms' },
    { name: 'queue_view_first_rows_drawn', value: queueRows, unit: 'rows' },
    { name: 'history_again_first_rows_ms', value: median(historyAgain), unit: 'ms' },
    { name: 'queue_view_again_first_rows_ms', value: median(queueAgain), unit: 'ms' },
    { name: 'quick_entry_parse_p95_ms', value: median(parseP95), unit: 'ms' },
  ]
}

// `tsx tests/bench/window-bench.ts` runs this part alone (after a build), every run printed.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const figure of await benchWindow()) {
    console.log(`bench ${figure.name}: ${figure.value.toFixed(figure.value < 10 ? 3 : 1)} ${figure.unit}`)
  }
}
