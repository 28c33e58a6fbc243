import { describe, expect, it } from 'vitest'
import type { QueueItem } from '../../shared/schemas/outbox'
import { memorySecretStore } from '../main/memory-secret-store'
import { chromiumAvailable, launchChromium, screenshotOf, watchPageProblems } from './helpers/chromium'
import { startTestHarness } from './helpers/harness'
import type { TestHarness } from './helpers/harness'
import { openApp, openView, SANDBOX_LABELS as labels, sandboxCard, sendSample } from './helpers/views'

// The history in Chromium through the harness: two tasks queued from the sandbox's "Try it" for
// two providers show up with their provider ids as they are sent; a search by one id and a filter
// by provider each narrow the table to one; light and dark, English and Spanish.

async function historyItems(harness: TestHarness): Promise<QueueItem[]> {
  return ((await harness.call('history:list', {})).body as { value: { items: QueueItem[] } }).value.items
}

describe.skipIf(!chromiumAvailable())('the history in Chromium', () => {
  it('shows every task with its provider id, narrows by search and by provider, in both themes and languages', async () => {
    const browser = await launchChromium()
    const harness = await startTestHarness({ secrets: memorySecretStore() })
    try {
      const context = await browser.newContext({
        viewport: { width: 1100, height: 1000 },
        permissions: ['clipboard-read', 'clipboard-write'],
      })
      const page = await context.newPage()
      const problems = watchPageProblems(page)
      await openApp(page, harness.url, '#/history')
      const history = page.getByTestId('history')
      await history.getByTestId('history-empty').waitFor()
      await expect.poll(() => history.getByTestId('history-empty').innerText()).toMatch(/No tasks yet/)

      await openView(page, 'profiles')
      await sandboxCard(page, 'webex').waitFor()
      for (const [provider, sample] of [
        ['webex', 'outdial'],
        ['egain', 'follow-up'],
      ] as const) {
        const status = await sendSample(page, provider, sample)
        await expect.poll(() => status.getAttribute('data-outcome'), { timeout: 30_000 }).toBe('sent')
      }
      await openView(page, 'history')
      const sent = await historyItems(harness)
      expect(sent.map((i) => [i.provider, i.state])).toEqual([
        ['egain', 'sent'],
        ['webex', 'sent'],
      ])
      const [egainTask, webexTask] = sent as [QueueItem, QueueItem]

      // Both, newest first, with their provider ids: the list followed the queue without a reload.
      const rows = history.getByTestId('history-row')
      const ids = () => rows.getByTestId('history-provider-id').allInnerTexts()
      await expect.poll(ids, { timeout: 10_000 }).toEqual([egainTask.providerId, webexTask.providerId])
      expect(await rows.getByTestId('history-profile').allInnerTexts()).toEqual([labels.egain, labels.webex])
      expect(await rows.getByTestId('history-state-cell').allInnerTexts()).toEqual(['Sent', 'Sent'])
      await expect.poll(() => rows.first().innerText()).toMatch(/Follow-up/)
      await expect.poll(() => rows.nth(1).innerText()).toMatch(/Outdial/)
      await screenshotOf(history, 'history-two-tasks-light-en')

      // Copy: the clipboard holds the id.
      await rows.nth(1).getByTestId('history-copy').focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => rows.nth(1).getByTestId('history-copy').innerText()).toBe('Copied')
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(webexTask.providerId)

      // Search by the Webex task's provider id, typed: one row.
      const search = history.getByTestId('history-search')
      await search.focus()
      await page.keyboard.type(webexTask.providerId!)
      await expect.poll(ids).toEqual([webexTask.providerId])
      await expect.poll(() => history.getByTestId('history-count').innerText()).toBe('1 task shown')
      await screenshotOf(history, 'history-search-light-en')

      // Something no task has: "nothing matches", and the way back.
      await search.fill('no such task anywhere')
      await history.getByTestId('history-empty').waitFor()
      await expect.poll(() => history.getByTestId('history-empty').innerText()).toMatch(/Nothing matches/)
      await screenshotOf(history, 'history-nothing-matches-light-en')
      await history.getByTestId('history-clear').focus()
      await page.keyboard.press('Enter')
      await expect.poll(ids).toEqual([egainTask.providerId, webexTask.providerId])

      // Filter by provider, with the keyboard: the select, then eGain.
      const provider = history.getByLabel('Provider', { exact: true })
      await provider.focus()
      await provider.selectOption({ label: 'eGain' })
      await expect.poll(ids).toEqual([egainTask.providerId])
      await expect.poll(() => history.getByTestId('history-count').innerText()).toBe('1 task shown')

      // Back to all providers for the theme and language shots.
      await provider.selectOption({ label: 'All providers' })
      await expect.poll(ids).toEqual([egainTask.providerId, webexTask.providerId])

      for (const [theme, language] of [
        ['dark', 'en'],
        ['light', 'es'],
        ['dark', 'es'],
      ] as const) {
        await harness.call('settings:update', { theme, uiLanguage: language })
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language)
        await expect
          .poll(() => page.evaluate(() => document.documentElement.classList.contains('dark')))
          .toBe(theme === 'dark')
        await expect
          .poll(() => history.getByRole('heading').first().innerText())
          .toBe(language === 'es' ? 'Historial' : 'History')
        await screenshotOf(history, `history-two-tasks-${theme}-${language}`)
      }
      expect(await rows.getByTestId('history-state-cell').allInnerTexts()).toEqual(['Enviada', 'Enviada'])
      await expect.poll(() => history.getByTestId('history-count').innerText()).toBe('Se muestran 2 tareas')
      expect(problems).toEqual([])
      await context.close()
    } finally {
      await harness.close()
      await browser.close()
    }
  }, 120_000)
})
