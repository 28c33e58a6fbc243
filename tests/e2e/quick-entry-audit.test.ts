import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memorySecretStore } from '../main/memory-secret-store'
import { chromiumAvailable, launchChromium, screenshot, watchPageProblems } from './helpers/chromium'
import type { TestHarness } from './helpers/harness'
import { startTestHarness } from './helpers/harness'
import { openApp } from './helpers/views'

// An adversarial pass over issue 16 (s10-G), as a new agent types: a Spanish line with "de la
// tarde" in the Spanish window, Enter pressed twice in a hurry on the quick entry and on the
// number from a fresh start. Each must queue exactly one task, at the time the agent said.

const SIZE = { width: 1100, height: 760 }
const QUICK = { width: 440, height: 520 }
type Ledger = { body: Record<string, unknown> }[]

describe.skipIf(!chromiumAvailable())('issue 16, hostile lines and hurried keys', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(() => browser?.close())

  async function fresh(viewport = SIZE): Promise<{ harness: TestHarness; page: Page; problems: string[] }> {
    const harness = await startTestHarness({ secrets: memorySecretStore() })
    const page = await browser.newPage({ viewport, timezoneId: 'America/New_York' })
    return { harness, page, problems: watchPageProblems(page) }
  }

  it('"mañana a las 3 de la tarde Madrid" in the Spanish window is 15:00 in Madrid, and a second Enter queues nothing more', async () => {
    const { harness, page, problems } = await fresh()
    try {
      await harness.call('settings:update', { uiLanguage: 'es', theme: 'dark' })
      await openApp(page, harness.url)
      const entry = page.getByRole('textbox', { name: 'Entrada rápida' })
      await page.keyboard.press('Control+k')
      await expect.poll(() => entry.evaluate((el) => el === document.activeElement)).toBe(true)
      await page.keyboard.type('devolución Ana +34 612 345 678 mañana a las 3 de la tarde Madrid')
      const preview = page.getByTestId('quick-preview')
      await expect.poll(() => preview.getByTestId('quick-when').innerText()).toMatch(/15:00[\s\S]*Europe\/Madrid/)
      await expect.poll(() => preview.getByTestId('quick-customer').innerText()).toBe('Ana')
      await preview.getByTestId('quick-ready').waitFor()
      await screenshot(page, 'audit-s10-quick-entry-de-la-tarde-dark-es')
      await page.keyboard.press('Enter')
      await page.keyboard.press('Enter')
      const webex = () => harness.services.sandbox!.ledger('webex') as Ledger
      await expect.poll(() => webex().length, { timeout: 30_000 }).toBe(1)
      expect(webex()[0]!.body).toMatchObject({ customerName: 'Ana', timezone: 'Europe/Madrid', startTime: '15:00:00' })
      await expect.poll(() => entry.inputValue()).toBe('')
      // Settled: still one.
      await expect.poll(() => page.getByTestId('quick-outcome').innerText()).not.toBe('')
      expect(webex()).toHaveLength(1)
      expect(problems).toEqual([])
    } finally {
      await harness.close()
    }
  }, 120_000)

  it('from a fresh start, the number and Enter pressed twice in a hurry queue one outdial', async () => {
    const { harness, page, problems } = await fresh()
    try {
      await page.goto(harness.url)
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.matches('input[type="tel"]') ?? false), {
          timeout: 30_000,
        })
        .toBe(true)
      await page.keyboard.type('020 7946 0958')
      await page.keyboard.press('Enter')
      await page.keyboard.press('Enter')
      const webex = () => harness.services.sandbox!.ledger('webex') as Ledger
      await expect.poll(() => webex().length, { timeout: 30_000 }).toBe(1)
      const status = page.getByTestId('outdial-form').getByTestId('last-task').getByTestId('task-status')
      await expect.poll(() => status.getAttribute('data-outcome'), { timeout: 20_000 }).toBe('sent')
      expect(webex()).toHaveLength(1)
      expect(problems).toEqual([])
    } finally {
      await harness.close()
    }
  }, 120_000)

  it('the quick callback window at 440 px: "Tok" and Enter in the time zone picks Tokyo, not Antarctica/Vostok', async () => {
    const { harness, page, problems } = await fresh(QUICK)
    try {
      for (const [theme, uiLanguage, label] of [
        ['light', 'en', 'At a time'],
        ['dark', 'es', 'A una hora'],
      ] as const) {
        await harness.call('settings:update', { theme, uiLanguage })
        await page.goto(`${harness.url}#/quick-callback`)
        const window = page.getByTestId('quick-callback')
        await window.getByTestId('callback-form').waitFor({ timeout: 60_000 })
        await window.getByLabel(label).check()
        const zone = window.locator('.time-zone-select')
        await zone.locator('input').focus()
        await page.keyboard.type('Tok')
        await expect
          .poll(() => page.locator('.el-popper:visible .el-select-dropdown__item').first().innerText())
          .toMatch(/^Asia\/Tokyo/)
        await screenshot(page, `audit-s10-quick-callback-zone-tok-${theme}-${uiLanguage}`)
        await page.keyboard.press('Enter')
        await expect.poll(() => zone.innerText()).toMatch(/Asia\/Tokyo/)
        // The search is over once picked: the whole list again next time.
        await zone.locator('input').focus()
        await page.keyboard.press('ArrowDown')
        await expect.poll(() => page.locator('.el-popper:visible .el-select-dropdown__item').count()).toBeGreaterThan(3)
        await page.keyboard.press('Escape')
      }
      expect(problems).toEqual([])
    } finally {
      await harness.close()
    }
  }, 120_000)

  it('"tomorrow at 3" is 15:00 and the preview says the bare hour was read as p.m.; a broadcast with a time is refused with the reason (s11)', async () => {
    const { harness, page, problems } = await fresh()
    try {
      await openApp(page, harness.url)
      await page.keyboard.press('Control+k')
      await page.keyboard.type('callback Ana +1 415 555 0101 tomorrow at 3')
      const preview = page.getByTestId('quick-preview')
      await expect
        .poll(() => preview.getByTestId('quick-note').innerText())
        .toBe('A bare hour from 1 to 7 is read as p.m.: write am (or 03:00) for the morning.')
      await preview.getByTestId('quick-ready').waitFor()
      await screenshot(page, 'audit-s11-quick-entry-bare-hour-light-en')
      await page.keyboard.press('Enter')
      const webex = () => harness.services.sandbox!.ledger('webex') as Ledger
      await expect.poll(() => webex().length, { timeout: 30_000 }).toBe(1)
      expect(webex()[0]!.body).toMatchObject({
        customerName: 'Ana',
        timezone: 'America/New_York',
        startTime: '15:00:00',
      })

      await harness.call('settings:update', { uiLanguage: 'es', theme: 'dark' })
      await expect.poll(() => page.getByRole('textbox', { name: 'Entrada rápida' }).count()).toBe(1)
      await page.keyboard.press('Control+k')
      await page.keyboard.type('difusión es "Su pedido llegó" +1 415 555 0101 mañana a las 3')
      await expect
        .poll(() => preview.getByTestId('quick-problems').innerText())
        .toMatch(/una difusión sale en cuanto se pone en cola: quite la hora de la línea/)
      await screenshot(page, 'audit-s11-quick-entry-broadcast-time-dark-es')
      await page.keyboard.press('Enter')
      await expect.poll(() => preview.getByTestId('quick-problems').innerText()).toMatch(/difusión/)
      expect(harness.services.sandbox!.ledger('voice_broadcast')).toHaveLength(0)
      expect(problems).toEqual([])
    } finally {
      await harness.close()
    }
  }, 120_000)

  it('ArrowDown in an empty date field starts from now, rounded up to the quarter hour, not the 1st of the month at 00:00 (s11)', async () => {
    const { harness, page, problems } = await fresh()
    try {
      await openApp(page, harness.url)
      await page.goto(`${harness.url}#/new/callback`)
      const form = page.getByTestId('callback-form')
      await form.waitFor({ timeout: 30_000 })
      await form.locator('input[type="radio"][value="at"]').check()
      const input = form.locator('.el-date-editor input')
      await input.focus()
      // Now on the page's clock in New York, rounded up to the next quarter hour ("YYYY-MM-DD HH:mm").
      const roundedNow = () =>
        page.evaluate(() => {
          const next = new Date(Math.ceil((Date.now() + 1) / 900_000) * 900_000)
          const parts = Object.fromEntries(
            new Intl.DateTimeFormat('en-CA', {
              timeZone: 'America/New_York',
              hourCycle: 'h23',
              year: 'numeric',
              month: '2-digit',
              day: '2-digit',
              hour: '2-digit',
              minute: '2-digit',
            })
              .formatToParts(next)
              .map((p) => [p.type, p.value]),
          )
          return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`
        })
      const before = await roundedNow()
      await page.keyboard.press('ArrowDown')
      await expect.poll(() => input.inputValue()).not.toBe('')
      const after = await roundedNow()
      expect([before, after]).toContain(await input.inputValue())
      await screenshot(page, 'audit-s11-date-panel-arrow-down-light-en')
      expect(problems).toEqual([])
    } finally {
      await harness.close()
    }
  }, 120_000)

  it('a line with two numbers is not queued on Enter: the agent is asked to keep the one to call', async () => {
    const { harness, page, problems } = await fresh()
    try {
      await harness.call('settings:update', { defaultRegion: 'GB' })
      await openApp(page, harness.url)
      await page.keyboard.press('Control+k')
      await page.keyboard.type('call 020 7946 0958 or 020 7946 0959')
      const preview = page.getByTestId('quick-preview')
      await expect
        .poll(() => preview.getByTestId('quick-problems').innerText())
        .toMatch(/two numbers in the line: keep only the one to call/)
      await screenshot(page, 'audit-s10-quick-entry-two-numbers-light-en')
      await page.keyboard.press('Enter')
      await page.keyboard.press('Escape')
      await page.keyboard.type('call 020 7946 0958')
      await preview.getByTestId('quick-ready').waitFor()
      await page.keyboard.press('Enter')
      const webex = () => harness.services.sandbox!.ledger('webex') as Ledger
      await expect.poll(() => webex().length, { timeout: 30_000 }).toBe(1)
      expect(webex()[0]!.body['destination']).toBe('+442079460958')
      expect(problems).toEqual([])
    } finally {
      await harness.close()
    }
  }, 120_000)
})
