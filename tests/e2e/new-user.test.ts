import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { memorySecretStore } from '../main/memory-secret-store'
import { chromiumAvailable, launchChromium, screenshotOf, watchPageProblems } from './helpers/chromium'
import { startTestHarness } from './helpers/harness'
import { openApp, openKind, openView } from './helpers/views'

// Issue 6's "done when", as one agent's session: a new user with only the sandbox profiles creates
// an outdial, a callback for tomorrow, a follow-up and a Vietnamese TTS broadcast to a
// 200,000-number list, by keyboard, and finds all four in history with their provider ids.

const focused = (page: Page, selector: string) =>
  page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)

async function tabTo(page: Page, selector: string, key = 'Tab', limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key)
    if (await focused(page, selector)) return
  }
  throw new Error(`${key} never reached ${selector}`)
}

async function submitAndWaitSent(page: Page, form: string, timeout = 30_000): Promise<void> {
  await tabTo(page, `${form} button[type="submit"]`)
  await page.keyboard.press('Enter')
  await expect
    .poll(() => page.locator(form).getByTestId('last-task').getByTestId('task-status').getAttribute('data-outcome'), {
      timeout,
    })
    .toBe('sent')
}

/** YYYY-MM-DD for tomorrow in the page's time zone, as the date field is typed. */
const tomorrow = (page: Page) =>
  page.evaluate(() => new Intl.DateTimeFormat('en-CA').format(new Date(Date.now() + 86_400_000)))

function vietnameseCsv(count: number): string {
  const path = join(mkdtempSync(join(tmpdir(), 'callboard-new-user-')), 'customers.csv')
  const rows = ['name,phone']
  for (let i = 0; i < count; i++) {
    const digits = String(i).padStart(7, '0')
    rows.push(`Khách hàng ${i},+84 90 ${digits.slice(0, 3)} ${digits.slice(3)}`)
  }
  writeFileSync(path, rows.join('\r\n') + '\r\n', 'utf8')
  return path
}

describe.skipIf(!chromiumAvailable())('a new user’s first four tasks (issue 6, done when)', () => {
  it('outdial, callback tomorrow, follow-up and a Vietnamese broadcast to 200,000 numbers, by keyboard, all in history with provider ids', async () => {
    const browser = await launchChromium()
    const harness = await startTestHarness({ secrets: memorySecretStore() })
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } })
      const problems = watchPageProblems(page)
      await openApp(page, harness.url)

      // 1. Outdial: the number as the agent would dial it, and Enter; everything else from the
      // profile. The number field has the keyboard from the start.
      const OUTDIAL = '[data-testid="outdial-form"]'
      expect(await focused(page, `${OUTDIAL} input[type="tel"]`)).toBe(true)
      await page.keyboard.type('020 7946 0958')
      await page.keyboard.press('Enter')
      await expect
        .poll(
          () => page.locator(OUTDIAL).getByTestId('last-task').getByTestId('task-status').getAttribute('data-outcome'),
          {
            timeout: 30_000,
          },
        )
        .toBe('sent')

      // 2. Callback for tomorrow at 10:00, on the first callback profile (Webex).
      const CALLBACK = '[data-testid="callback-form"]'
      await openKind(page, 'callback')
      await tabTo(page, `${CALLBACK} input[type="tel"]`)
      await page.keyboard.type('020 7946 0959')
      await tabTo(page, `${CALLBACK} input[name="customerName"]`)
      await page.keyboard.type('Ada Lovelace')
      await tabTo(page, `${CALLBACK} input[type="radio"][value="now"]`)
      await page.keyboard.press('ArrowRight')
      await tabTo(page, `${CALLBACK} .el-date-editor input`)
      await page.keyboard.type(`${await tomorrow(page)} 10:00`)
      await page.keyboard.press('Enter')
      await submitAndWaitSent(page, CALLBACK)

      // 3. Follow-up on the first follow-up profile (eGain): subject, customer and assignee.
      const FOLLOW_UP = '[data-testid="follow-up-form"]'
      await openKind(page, 'followUp')
      await tabTo(page, `${FOLLOW_UP} input[name="subject"]`)
      await page.keyboard.type('Send the revised quote')
      await tabTo(page, `${FOLLOW_UP} input[name="lookup.value"]`)
      await page.keyboard.type('ada@example.com')
      await tabTo(page, `${FOLLOW_UP} input[name="assignee.value"]`)
      await page.keyboard.type('sandbox.agent')
      await submitAndWaitSent(page, FOLLOW_UP)

      // 4. Broadcast: Vietnamese text to speech, the list from a 200,000-row CSV.
      const VOICE = '[data-testid="voice-broadcast-form"]'
      await openKind(page, 'broadcast')
      await tabTo(page, `${VOICE} [data-testid="language"] input`)
      await page.keyboard.type('Vietnam')
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Enter')
      await tabTo(page, `${VOICE} textarea[name="text"]`)
      await page.keyboard.type('Xin chào, đơn hàng của bạn đã được giao.')
      await tabTo(page, `${VOICE} input[type="file"]`)
      await page.locator(`${VOICE} input[type="file"]`).setInputFiles(vietnameseCsv(200_000))
      await expect
        .poll(() => page.locator(VOICE).getByTestId('number-count').textContent(), { timeout: 120_000 })
        .toBe('200,000 numbers to call')
      await submitAndWaitSent(page, VOICE, 120_000)

      // All four in history, newest first, each with the id its provider gave it.
      await openView(page, 'history')
      const history = page.getByTestId('history')
      const rows = history.getByTestId('history-row')
      await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(4)
      const kinds = await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''))
      expect(kinds.map((k) => /Broadcast|Follow-up|Callback|Outdial/.exec(k)?.[0])).toEqual([
        'Broadcast',
        'Follow-up',
        'Callback',
        'Outdial',
      ])
      // The list follows the queue: the broadcast's id appears once its answer is in.
      const items = (await harness.call('history:list', {})).body as {
        value: { items: { providerId: string | null }[] }
      }
      const expected = items.value.items.map((i) => i.providerId)
      expect(expected.every((id) => typeof id === 'string' && id.length > 0)).toBe(true)
      await expect
        .poll(() => rows.getByTestId('history-provider-id').allInnerTexts(), { timeout: 20_000 })
        .toEqual(expected)
      await screenshotOf(history, 'new-user-history-light-en')

      // And each provider has exactly its one task.
      const ledgers = harness.services.sandbox!
      expect(ledgers.ledger('webex')).toHaveLength(2)
      expect(ledgers.ledger('egain')).toHaveLength(1)
      expect(ledgers.ledger('voice_broadcast')).toHaveLength(1)
      expect(problems).toEqual([])
    } finally {
      await harness.close()
      await browser.close()
    }
  }, 300_000)
})
