import { describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { Clock } from '../../electron/main/core/clock'
import { systemClock } from '../../electron/main/core/clock'
import { REPEAT_WINDOW_MS } from '../../shared/schemas/repeat'
import { memorySecretStore } from '../main/memory-secret-store'
import { chromiumAvailable, launchChromium, screenshotOf, watchPageProblems } from './helpers/chromium'
import type { TestHarness } from './helpers/harness'
import { startTestHarness } from './helpers/harness'
import { tabTo } from './helpers/keyboard'
import { openApp, pressShortcut, setClipboard } from './helpers/views'

// Issue 16 item 2 across windows: main, which owns the queue, asks before queueing a callback
// identical to one queued a moment ago from any window (the main window's quick entry, the quick
// callback window closed and opened again). By keyboard and accessible names in Chromium; the
// harness's clock is moved on by the test instead of waiting out the 30 s.

const WEBEX = '5a4db0c5-0000-4000-8000-000000000001'
const QUICK = { width: 440, height: 520 }

/** The system clock, moved on when the test says (never slept). */
function movableClock() {
  let offset = 0
  // Monotonic time (what the repeat check reads) stands still but for the test's moves, so a slow
  // machine neither runs out the 30 s nor changes the seconds said; the wall clock runs on.
  const start = Math.round(systemClock.monotonicMs())
  const clock: Clock = {
    now: () => new Date(systemClock.now().getTime() + offset),
    monotonicMs: () => start + offset,
  }
  return { clock, advance: (ms: number) => void (offset += ms) }
}

async function start() {
  const time = movableClock()
  const browser = await launchChromium()
  const harness = await startTestHarness({ secrets: memorySecretStore(), clock: time.clock })
  await harness.call('settings:update', { defaultCallbackProfileId: WEBEX })
  await setClipboard(harness, 'Ring Ana back on +34 612 345 678 before 5')
  return { browser, harness, ...time }
}

const queued = (harness: TestHarness) => harness.services.outbox!.list().length

/** The quick callback window as the tray opens it: the clipboard's number, the name typed, Enter. */
async function quickCallback(browser: Browser, harness: TestHarness): Promise<Page> {
  const page = await browser.newPage({ viewport: QUICK })
  await page.goto(`${harness.url}#/quick-callback`)
  const window = page.getByTestId('quick-callback')
  await window.getByTestId('prefilled').waitFor({ timeout: 60_000 })
  await expect.poll(() => window.locator('input[type="tel"]').inputValue()).toMatch(/^\+34 ?612/)
  await tabTo(page, 'input[name="customerName"]')
  await page.keyboard.type('Ana Pérez')
  await page.keyboard.press('Enter')
  return page
}

const question = (page: Page, name = 'Queue the same task again?') => page.getByRole('dialog', { name })

describe.skipIf(!chromiumAvailable())('the same callback queued again from another window', () => {
  it('main window, then the quick callback window with the same number: asked; No queues nothing, Yes queues it once more', async () => {
    const { browser, harness, advance } = await start()
    try {
      const main = await browser.newPage({ viewport: { width: 1100, height: 900 } })
      const problems = watchPageProblems(main)
      await openApp(main, harness.url)
      await main.keyboard.press('Control+k')
      await main.keyboard.type('callback Ana Ruiz +34 612 345 678')
      await main.getByTestId('quick-preview').getByTestId('quick-ready').waitFor()
      await main.keyboard.press('Enter')
      await expect.poll(() => main.getByTestId('quick-outcome').innerText()).toMatch(/Queued from the quick entry/)
      expect(queued(harness)).toBe(1)

      advance(4000)
      const page = await quickCallback(browser, harness)
      problems.push(...watchPageProblems(page))
      const asked = question(page)
      await asked.waitFor()
      await expect
        .poll(() => asked.innerText())
        .toMatch(
          /You queued the same callback 4 s ago in the main window \(Ana Pérez · \+34612345678\)\. Queue it again\?/,
        )
      // No is where the keyboard is: a reflexive Enter queues nothing.
      await page.keyboard.press('Enter')
      await asked.waitFor({ state: 'hidden' })
      await expect
        .poll(() => page.getByRole('status').or(page.locator('.status.error')).allInnerTexts())
        .toContainEqual(expect.stringMatching(/Not queued: the same task was queued a moment ago/))
      expect(queued(harness)).toBe(1)

      // Asked again; Tab to "Queue it again", Enter: queued once more, and the window starts over.
      await tabTo(page, 'button[type="submit"]')
      await page.keyboard.press('Enter')
      await asked.waitFor()
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Queue it again')
      await page.keyboard.press('Enter')
      await expect.poll(() => page.getByTestId('quick-again').innerText()).toBe('Ready for the next callback.')
      expect(queued(harness)).toBe(2)
      await expect.poll(() => harness.services.sandbox!.ledger('webex').length, { timeout: 30_000 }).toBe(2)
      expect(problems).toEqual([])
    } finally {
      await harness.close()
      await browser.close()
    }
  }, 180_000)

  it('an outdial from the main window, then the shortcut with the same number: the confirm window asks; Yes dials it once more', async () => {
    const { browser, harness, advance } = await start()
    try {
      const main = await browser.newPage({ viewport: { width: 1100, height: 900 } })
      const problems = watchPageProblems(main)
      await openApp(main, harness.url)
      await main.keyboard.press('Control+k')
      await main.keyboard.type('call +44 20 7946 0958')
      await main.getByTestId('quick-preview').getByTestId('quick-ready').waitFor()
      await main.keyboard.press('Enter')
      await expect.poll(() => main.getByTestId('quick-outcome').innerText()).toMatch(/Queued from the quick entry/)
      expect(queued(harness)).toBe(1)

      advance(4000)
      expect(await pressShortcut(harness, '+44 20 7946 0958')).toMatchObject({ ok: true, outcome: 'confirm' })
      const page = await browser.newPage({ viewport: { width: 440, height: 340 } })
      problems.push(...watchPageProblems(page))
      await page.goto(`${harness.url}#/confirm-dial`)
      const window = page.getByTestId('confirm-dial')
      await window.getByTestId('candidate').waitFor()
      await page.keyboard.press('Enter')
      const asked = question(page)
      await asked.waitFor()
      await expect
        .poll(() => asked.innerText())
        .toMatch(/You queued the same outdial 4 s ago in the main window \(\+44 20 7946 0958\)\. Queue it again\?/)
      await screenshotOf(page.locator('html'), 'confirm-dial-repeat-light-en')
      // No (the default): nothing dialled, the request still waits with Dial offered.
      await page.keyboard.press('Enter')
      await asked.waitFor({ state: 'hidden' })
      expect(queued(harness)).toBe(1)
      expect(((await harness.call('dial:pending')).body as { value: unknown }).value).not.toBeNull()
      // Enter again, then Yes: dialled once more.
      await page.keyboard.press('Enter')
      await asked.waitFor()
      await page.keyboard.press('Tab')
      await page.keyboard.press('Enter')
      await expect.poll(() => window.getByTestId('dial-task').count()).toBe(1)
      expect(queued(harness)).toBe(2)
      expect(await harness.call('dial:pending')).toMatchObject({ body: { ok: true, value: null } })
      expect(problems).toEqual([])
    } finally {
      await harness.close()
      await browser.close()
    }
  }, 180_000)

  it('quick callback closed and opened again with the same number: asked (in en/es, light/dark); once the window has passed: not asked', async () => {
    const { browser, harness, advance } = await start()
    try {
      const first = await quickCallback(browser, harness)
      await expect.poll(() => first.getByTestId('quick-again').innerText()).toBe('Ready for the next callback.')
      expect(queued(harness)).toBe(1)
      await first.close()
      advance(4000)

      for (const [theme, uiLanguage, title] of [
        ['light', 'en', 'Queue the same task again?'],
        ['dark', 'en', 'Queue the same task again?'],
        ['light', 'es', '¿Poner en cola la misma tarea otra vez?'],
        ['dark', 'es', '¿Poner en cola la misma tarea otra vez?'],
      ] as const) {
        await harness.call('settings:update', { theme, uiLanguage })
        const page = await quickCallback(browser, harness)
        const problems = watchPageProblems(page)
        const asked = question(page, title)
        await asked.waitFor()
        await expect
          .poll(() => asked.innerText())
          .toMatch(
            uiLanguage === 'en'
              ? /You queued the same callback 4 s ago \(Ana Pérez · \+34612345678\)\. Queue it again\?/
              : /Puso en cola la misma devolución de llamada hace 4 s \(Ana Pérez · \+34612345678\)\. ¿Ponerla en cola otra vez\?/,
          )
        // The question and its two answers fit the 440 px window.
        for (const button of await asked.getByRole('button').all()) {
          const box = await button.boundingBox()
          expect(box!.x + box!.width).toBeLessThanOrEqual(QUICK.width)
          expect(box!.y + box!.height).toBeLessThanOrEqual(QUICK.height)
        }
        await screenshotOf(page.locator('html'), `quick-callback-repeat-${theme}-${uiLanguage}`)
        await page.keyboard.press('Escape')
        await asked.waitFor({ state: 'hidden' })
        expect(problems).toEqual([])
        await page.close()
      }
      expect(queued(harness)).toBe(1)

      // The window has passed: the same callback goes without a question.
      await harness.call('settings:update', { theme: 'light', uiLanguage: 'en' })
      advance(REPEAT_WINDOW_MS)
      const later = await quickCallback(browser, harness)
      await expect.poll(() => later.getByTestId('quick-again').innerText()).toBe('Ready for the next callback.')
      expect(await question(later).count()).toBe(0)
      expect(queued(harness)).toBe(2)
    } finally {
      await harness.close()
      await browser.close()
    }
  }, 180_000)
})
