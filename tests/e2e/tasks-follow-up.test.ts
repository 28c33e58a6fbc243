import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { ConnectSimTask } from '../../electron/main/providers/connect/connect-simulator'
import { memorySecretStore } from '../main/memory-secret-store'
import { chromiumAvailable, launchChromium, screenshotOf, watchPageProblems } from './helpers/chromium'
import { tabTo } from './helpers/keyboard'
import { openApp, openKind, openView } from './helpers/views'
import { startTestHarness, type TestHarness } from './helpers/harness'

// The follow-up form in Chromium, against the sandbox simulators, by keyboard only: an eGain task
// activity and an Amazon Connect task reach their simulators as typed, and nothing goes out while
// a field is wrong (a due date that has passed, a reference that is not a web address).

const FORM = '[data-testid="follow-up-form"]'
const SIZE = { width: 1100, height: 1900 }

/** Shift+Tab until the focused element matches (back up the form). */
async function tabBackTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Shift+Tab')
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
  }
  throw new Error(`Shift+Tab never reached ${selector}`)
}

const focused = (page: Page, selector: string) =>
  page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)

/** New task, then Alt+3: the follow-up form. */
async function openFollowUp(page: Page, url: string): Promise<void> {
  await openApp(page, url)
  await openKind(page, 'followUp')
}

/** Opens a library select with Enter, moves down `steps` options and picks with Enter. */
async function pick(page: Page, steps: number): Promise<void> {
  await page.keyboard.press('Enter')
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
}

/** The profile select, moved by keyboard until the form says it sends to `provider`. */
async function chooseProvider(page: Page, provider: RegExp): Promise<void> {
  const hint = page.getByTestId('follow-up-provider')
  const select = `${FORM} input[name="profileId"]`
  if (!(await focused(page, select))) {
    const inForm = await page.evaluate((f) => document.querySelector(f)?.contains(document.activeElement), FORM)
    await (inForm ? tabBackTo(page, select) : tabTo(page, select))
  }
  for (let i = 0; i < 4 && !provider.test(await hint.innerText()); i++) await pick(page, 1)
  await expect.poll(() => hint.innerText()).toMatch(provider)
}

/** YYYY-MM-DD HH:mm in this machine's zone (Chromium's too), as the due-date field is typed. */
const typed = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ` +
  `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`

async function withHarness(run: (page: Page, harness: TestHarness) => Promise<void>): Promise<void> {
  const browser = await launchChromium()
  const harness = await startTestHarness({ secrets: memorySecretStore() })
  try {
    const page = await browser.newPage({ viewport: SIZE })
    const problems = watchPageProblems(page)
    await run(page, harness)
    expect(problems).toEqual([])
  } finally {
    await harness.close()
    await browser.close()
  }
}

const sentStatus = (page: Page) =>
  page.locator(FORM).getByTestId('last-task').getByTestId('task-status').getAttribute('data-outcome')

describe.skipIf(!chromiumAvailable())('follow-up form in Chromium', () => {
  it('eGain: a task activity typed by keyboard reaches the eGain simulator with its due date and priority', async () => {
    await withHarness(async (page, harness) => {
      await openFollowUp(page, harness.url)
      await chooseProvider(page, /eGain/)
      const form = page.locator(FORM)

      // Department and subtype come from the profile (Service; General, Billing): Billing.
      await tabTo(page, `${FORM} input[name="subtype"]`)
      await pick(page, 1)
      await tabTo(page, `${FORM} input[name="subject"]`)
      await page.keyboard.type('Send the revised quote')
      await tabTo(page, `${FORM} textarea[name="content"]`)
      await page.keyboard.type('Asked for the 24-month option. Llamar por la mañana.')

      const due = new Date(Date.now() + 2 * 24 * 3_600_000)
      due.setHours(10, 30, 0, 0)
      await tabTo(page, `${FORM} input[name="dueDate"]`)
      await page.keyboard.type(typed(due))
      await page.keyboard.press('Enter')
      await tabTo(page, `${FORM} input[name="priority"]`)
      await pick(page, 2) // "Not set", 1, 2
      await expect.poll(() => form.locator('.el-select:has(input[name="priority"])').innerText()).toMatch(/Priority 2/)

      await tabTo(page, `${FORM} input[name="lookup.value"]`)
      await page.keyboard.type('ada@example.com')
      await tabTo(page, `${FORM} input[name="assignee.value"]`)
      await page.keyboard.type('sandbox.agent')
      await screenshotOf(page.getByTestId('tasks'), 'tasks-follow-up-egain-filled-light-en')
      await tabTo(page, `${FORM} button[type="submit"]`)
      await page.keyboard.press('Enter')

      await expect.poll(() => sentStatus(page), { timeout: 20_000 }).toBe('sent')
      const ledger = harness.services.sandbox!.ledger('egain') as { body: Record<string, unknown> }[]
      expect(ledger).toHaveLength(1)
      const body = ledger[0]!.body
      expect(body).toMatchObject({
        department: { name: 'Service' },
        type: { value: 'task', subtype: { value: 'Billing' } },
        subject: 'Send the revised quote',
        priority: '2',
        customer: { contacts: { contact: [{ email: [{ emailAddress: 'ada@example.com' }] }] } },
        payload: {
          task: { content: [{ type: 'text', value: 'Asked for the 24-month option. Llamar por la mañana.' }] },
        },
        status: { assigned: { user: { loginId: 'sandbox.agent' } } },
      })
      expect(Date.parse(String(body['dueDate']))).toBe(due.getTime())
      await screenshotOf(page.getByTestId('tasks'), 'tasks-follow-up-egain-sent-light-en')
    })
  }, 180_000)

  it('Connect: a task with a URL and a STRING reference, starting in two days, reaches the Connect simulator', async () => {
    await withHarness(async (page, harness) => {
      await openFollowUp(page, harness.url)
      await chooseProvider(page, /Amazon Connect/)

      await tabTo(page, `${FORM} input[name="name"]`)
      await page.keyboard.type('Check the refund')
      await tabTo(page, `${FORM} textarea[name="description"]`)
      await page.keyboard.type('Refund promised on the call')

      // First reference: a URL (the type a new row starts with).
      await tabTo(page, `${FORM} .references .add-row`)
      await page.keyboard.press('Enter')
      await page.keyboard.type('Order')
      await page.keyboard.press('Tab') // type: URL
      await page.keyboard.press('Tab')
      await page.keyboard.type('https://example.com/orders/42')
      // Second: a STRING (URL, NUMBER, STRING, …), with multi-byte text.
      await tabTo(page, `${FORM} .references .add-row`)
      await page.keyboard.press('Enter')
      await page.keyboard.type('Ticket')
      await page.keyboard.press('Tab')
      await pick(page, 2)
      await page.keyboard.press('Tab')
      await page.keyboard.type('Devolución nº 7')
      // "Order" 5 + URL 29 + "Ticket" 6 + 17 bytes = 57.
      await expect.poll(() => page.locator(`${FORM} .references`).innerText()).toMatch(/57 \/ 4096 bytes/)

      // The task starts in two days (StartTaskContact's ScheduledTime), typed in the picker.
      const start = new Date(Date.now() + 2 * 24 * 3_600_000)
      start.setHours(10, 30, 0, 0)
      await tabTo(page, `${FORM} input[name="scheduledTime"]`)
      await page.keyboard.type(typed(start))
      await page.keyboard.press('Enter')

      await tabTo(page, `${FORM} input[name="previousContactId"]`)
      await page.keyboard.type('c0ffee00-0000-4000-8000-000000000001')
      await screenshotOf(page.getByTestId('tasks'), 'tasks-follow-up-connect-filled-light-en')
      await page.keyboard.press('Enter') // Enter in a field submits the form

      await expect.poll(() => sentStatus(page), { timeout: 20_000 }).toBe('sent')
      // What reached Amazon Connect, by the simulator's own ledger.
      const ledger = harness.services.sandbox!.ledger('connect') as ConnectSimTask[]
      expect(ledger).toHaveLength(1)
      expect(ledger[0]).toMatchObject({
        name: 'Check the refund',
        description: 'Refund promised on the call',
        target: { kind: 'ContactFlowId', id: 'sandbox-task-flow' },
        previousContactId: 'c0ffee00-0000-4000-8000-000000000001',
        references: {
          Order: { Type: 'URL', Value: 'https://example.com/orders/42' },
          Ticket: { Type: 'STRING', Value: 'Devolución nº 7' },
        },
        scheduledTime: start.getTime() / 1000,
      })
      await screenshotOf(page.getByTestId('tasks'), 'tasks-follow-up-connect-sent-light-en')

      // Its History row says when it starts, as a scheduled callback's does, in every theme and language.
      await openView(page, 'history')
      const history = page.getByTestId('history')
      const when = history.getByTestId('scheduled-time')
      await expect.poll(() => when.count(), { timeout: 20_000 }).toBe(1)
      expect(await when.innerText()).toMatch(/10:30/)
      for (const [theme, language] of [
        ['light', 'en'],
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
        await screenshotOf(history, `history-connect-scheduled-follow-up-${theme}-${language}`)
      }
    })
  }, 180_000)

  it('invalid input: a due date that has passed and a reference that is no web address show field errors; nothing is sent', async () => {
    await withHarness(async (page, harness) => {
      await openFollowUp(page, harness.url)
      await chooseProvider(page, /eGain/)
      const form = page.locator(FORM)

      await tabTo(page, `${FORM} input[name="subject"]`)
      await page.keyboard.type('Too late')
      await tabTo(page, `${FORM} input[name="dueDate"]`)
      await page.keyboard.type(typed(new Date(Date.now() - 2 * 3_600_000)))
      await page.keyboard.press('Enter')
      await tabTo(page, `${FORM} input[name="lookup.value"]`)
      await page.keyboard.type('ada@example.com')
      await tabTo(page, `${FORM} input[name="assignee.value"]`)
      await page.keyboard.type('sandbox.agent')
      await tabTo(page, `${FORM} button[type="submit"]`)
      await page.keyboard.press('Enter')
      await expect.poll(() => form.getByTestId('task-status').innerText()).toMatch(/Some fields need attention/)
      await expect.poll(() => form.innerText()).toMatch(/The due date must be in the future\./)
      // Focus went to the field that needs attention.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('dueDate')
      await screenshotOf(page.getByTestId('tasks'), 'tasks-follow-up-egain-invalid-light-en')

      await chooseProvider(page, /Amazon Connect/)
      await tabTo(page, `${FORM} input[name="name"]`)
      await page.keyboard.type('Check the refund')
      await tabTo(page, `${FORM} .references .add-row`)
      await page.keyboard.press('Enter')
      await page.keyboard.type('Order')
      await page.keyboard.press('Tab')
      await page.keyboard.press('Tab')
      await page.keyboard.type('example.com/orders/42')
      await expect
        .poll(() => form.locator('.reference-row').innerText())
        .toMatch(/Enter a full web address, starting with https:\/\/ or http:\/\//)
      await tabTo(page, `${FORM} button[type="submit"]`)
      await page.keyboard.press('Enter')
      await expect.poll(() => form.getByTestId('task-status').innerText()).toMatch(/Some fields need attention/)
      // Focus went to the reference's value, the field that needs attention.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.matches('.reference-row input[aria-invalid="true"]')))
        .toBe(true)
      await screenshotOf(page.getByTestId('tasks'), 'tasks-follow-up-connect-invalid-light-en')

      expect(harness.services.sandbox!.ledger('egain')).toHaveLength(0)
      expect(harness.services.sandbox!.ledger('connect')).toHaveLength(0)
      expect(harness.services.outbox!.list()).toHaveLength(0)
    })
  }, 180_000)

  it('looks right in light and dark, English and Spanish (screenshots of both providers’ forms)', async () => {
    await withHarness(async (page, harness) => {
      await openFollowUp(page, harness.url)
      for (const theme of ['light', 'dark'] as const) {
        for (const uiLanguage of ['en', 'es'] as const) {
          await harness.call('settings:update', { theme, uiLanguage })
          await expect
            .poll(() => page.getByTestId('follow-up-provider').innerText())
            .toMatch(uiLanguage === 'es' ? /Se envía como/ : /Sent as/)
          await chooseProvider(page, /eGain/)
          await screenshotOf(page.getByTestId('tasks'), `tasks-follow-up-egain-${theme}-${uiLanguage}`)
          await chooseProvider(page, /Amazon Connect/)
          if ((await page.locator(`${FORM} .reference-row`).count()) === 0) {
            await tabTo(page, `${FORM} .references .add-row`)
            await page.keyboard.press('Enter')
            await page.keyboard.type('Order')
            await page.keyboard.press('Tab')
            await page.keyboard.press('Tab')
            await page.keyboard.type('example.com')
          }
          await screenshotOf(page.getByTestId('tasks'), `tasks-follow-up-connect-${theme}-${uiLanguage}`)
        }
      }
    })
  }, 240_000)
})
