import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { QueueItem } from '../../shared/schemas/outbox'
import { memorySecretStore } from '../main/memory-secret-store'
import { chromiumAvailable, launchChromium, screenshotOf, watchPageProblems } from './helpers/chromium'
import { startTestHarness } from './helpers/harness'
import type { TestHarness } from './helpers/harness'

// The history in Chromium through the harness: two tasks queued from the sandbox's "Try it" for
// two providers show up with their provider ids as they are sent; a search by one id and a filter
// by provider each narrow the table to one; light and dark, English and Spanish.

const labels = { webex: 'Sandbox · Webex Contact Center', egain: 'Sandbox · eGain' } as const

function sandboxCard(page: Page, provider: keyof typeof labels): Locator {
  return page.locator('[data-testid="profile-card"][data-sandbox="true"]', {
    has: page.getByRole('heading', { name: labels[provider], exact: true }),
  })
}

async function sendSample(page: Page, provider: keyof typeof labels, sample: string): Promise<void> {
  const card = sandboxCard(page, provider)
  const button = card.locator(`[data-testid="sandbox-send"][data-sample="${sample}"]`)
  await button.focus()
  await page.keyboard.press('Enter')
  await expect
    .poll(() => card.getByTestId('task-status').getAttribute('data-outcome'), { timeout: 30_000 })
    .toBe('sent')
}

async function historyItems(harness: TestHarness): Promise<QueueItem[]> {
  return ((await harness.call('history:list', {})).body as { value: QueueItem[] }).value
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
      await page.goto(harness.url)
      const history = page.getByTestId('history')
      await history.getByTestId('history-empty').waitFor()
      await expect.poll(() => history.getByTestId('history-empty').innerText()).toMatch(/No tasks yet/)

      await sendSample(page, 'webex', 'outdial')
      await sendSample(page, 'egain', 'follow-up')
      const sent = await historyItems(harness)
      expect(sent.map((i) => [i.provider, i.state])).toEqual([
        ['egain', 'sent'],
        ['webex', 'sent'],
      ])
      const [egainTask, webexTask] = sent as [QueueItem, QueueItem]

      // Both, newest first, with their provider ids: the list followed the queue without a reload.
      const rows = history.locator('.el-table__body tr.el-table__row')
      const ids = () => rows.getByTestId('history-provider-id').allInnerTexts()
      await expect.poll(ids, { timeout: 10_000 }).toEqual([egainTask.providerId, webexTask.providerId])
      expect(await rows.getByTestId('history-profile').allInnerTexts()).toEqual([labels.egain, labels.webex])
      expect(await rows.getByTestId('history-state-cell').allInnerTexts()).toEqual(['Sent', 'Sent'])
      await expect.poll(() => rows.first().innerText()).toMatch(/Follow-up/)
      await expect.poll(() => rows.nth(1).innerText()).toMatch(/Outdial/)
      await history.scrollIntoViewIfNeeded()
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

      // Filter by provider, with the keyboard: open the select, pick eGain.
      const provider = history.locator('.history-filter', { has: page.getByText('Provider', { exact: true }) })
      await provider.locator('input').focus()
      await page.keyboard.press('Enter')
      const option = page.getByRole('option', { name: 'eGain', exact: true })
      await option.waitFor()
      await option.click()
      await expect.poll(ids).toEqual([egainTask.providerId])
      await page.keyboard.press('Escape')

      // Back to all providers for the theme and language shots.
      await provider.locator('input').focus()
      await page.keyboard.press('Enter')
      await page.getByRole('option', { name: 'All providers', exact: true }).click()
      await expect.poll(ids).toEqual([egainTask.providerId, webexTask.providerId])
      await page.locator('h1').click()

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
