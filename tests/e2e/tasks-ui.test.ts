import { describe, expect, it } from 'vitest'
import { memorySecretStore } from '../main/memory-secret-store'
import { chromiumAvailable, launchChromium, screenshot, screenshotOf, watchPageProblems } from './helpers/chromium'
import { tabTo } from './helpers/keyboard'
import { startTestHarness } from './helpers/harness'

// The quick-task forms in Chromium, against the sandbox simulators, by keyboard only: what the
// agent types reaches the simulator as the provider's request, and nothing goes out when the
// input is wrong.

describe.skipIf(!chromiumAvailable())('quick-task forms in Chromium', () => {
  it('outdial: typed by keyboard, queued, and received by the Webex simulator in E.164 with its attributes', async () => {
    const browser = await launchChromium()
    const harness = await startTestHarness({ secrets: memorySecretStore() })
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 1300 } })
      const problems = watchPageProblems(page)
      await page.goto(harness.url)
      const form = page.getByTestId('outdial-form')
      await form.waitFor()

      // A national UK number with the default region GB (the harness runs in en-GB).
      await tabTo(page, '[data-testid="outdial-form"] input[type="tel"]')
      await page.keyboard.type('020 7946 0958')
      await expect.poll(() => form.locator('.phone-formats').innerText()).toMatch(/\+44 20 7946 0958/)

      // One attribute with a multi-byte value: its byte counter counts UTF-8.
      await tabTo(page, '[data-testid="outdial-form"] .key-value:first-of-type .add-row')
      await page.keyboard.press('Enter')
      await page.keyboard.type('reason')
      await page.keyboard.press('Tab')
      await page.keyboard.type('Devolución')
      await expect.poll(() => form.locator('.key-value').first().innerText()).toMatch(/11 \/ 1024 bytes/)

      await screenshotOf(page.getByTestId('tasks'), 'tasks-outdial-filled-light-en')
      await tabTo(page, '[data-testid="outdial-form"] button[type="submit"]')
      await page.keyboard.press('Enter')

      await expect
        .poll(() => form.getByTestId('last-task').getByTestId('task-status').getAttribute('data-outcome'), {
          timeout: 15_000,
        })
        .toBe('sent')
      const ledger = harness.services.sandbox!.ledger('webex') as { body: Record<string, unknown> }[]
      expect(ledger).toHaveLength(1)
      expect(ledger[0]!.body).toMatchObject({
        destination: '+442079460958',
        mediaType: 'telephony',
        outboundType: 'OUTDIAL',
        attributes: { reason: 'Devolución' },
      })
      await screenshotOf(page.getByTestId('tasks'), 'tasks-outdial-sent-light-en')
      await screenshot(page, 'tasks-outdial-sent-page-light-en')
      // The same screen in the other themes and languages, the task it followed still shown.
      for (const [theme, uiLanguage] of [
        ['dark', 'en'],
        ['dark', 'es'],
        ['light', 'es'],
      ] as const) {
        await harness.call('settings:update', { theme, uiLanguage })
        await expect
          .poll(() => page.evaluate(() => [document.documentElement.dataset['theme'], document.documentElement.lang]))
          .toEqual([theme, uiLanguage])
        await screenshotOf(page.getByTestId('tasks'), `tasks-outdial-sent-${theme}-${uiLanguage}`)
      }
      await expect.poll(() => form.getByTestId('last-task').innerText()).toMatch(/Enviada|Enviado/)
      expect(problems).toEqual([])
    } finally {
      await harness.close()
      await browser.close()
    }
  }, 120_000)

  it('outdial: an impossible number and an oversized attribute show field errors, and nothing is sent', async () => {
    const browser = await launchChromium()
    const harness = await startTestHarness({ secrets: memorySecretStore() })
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 1300 } })
      const problems = watchPageProblems(page)
      await page.goto(harness.url)
      const form = page.getByTestId('outdial-form')
      await form.waitFor()
      await tabTo(page, '[data-testid="outdial-form"] input[type="tel"]')
      await page.keyboard.type('020 7946')
      await tabTo(page, '[data-testid="outdial-form"] .key-value:first-of-type .add-row')
      await page.keyboard.press('Enter')
      await page.keyboard.type('note')
      await page.keyboard.press('Tab')
      // 400 × "é" = 800 bytes, and 120 × "€" = 360 more: 1160 bytes, over 1024.
      await page.keyboard.insertText('é'.repeat(400) + '€'.repeat(120))
      await tabTo(page, '[data-testid="outdial-form"] button[type="submit"]')
      await page.keyboard.press('Enter')

      await expect.poll(() => form.getByTestId('task-status').innerText()).toMatch(/Some fields need attention/)
      const text = await form.innerText()
      expect(text).toMatch(/too short|wrong number of digits|No such number/)
      expect(text).toMatch(/1160 \/ 1024 bytes/)
      expect(text).toMatch(/At most 1,024 bytes \(UTF-8\) per value/)
      // Focus went to the first field that needs attention.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true')
      await screenshotOf(page.getByTestId('tasks'), 'tasks-outdial-invalid-light-en')
      expect(harness.services.sandbox!.ledger('webex')).toHaveLength(0)
      expect(problems).toEqual([])
    } finally {
      await harness.close()
      await browser.close()
    }
  }, 120_000)

  it('outdial: a pasted sentence gives its first number, the others are offered, and a country code that does not exist is refused', async () => {
    const browser = await launchChromium()
    const harness = await startTestHarness({ secrets: memorySecretStore() })
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 1300 } })
      const problems = watchPageProblems(page)
      await page.goto(harness.url)
      const form = page.getByTestId('outdial-form')
      await form.waitFor()
      const phone = form.locator('input[type="tel"]')
      await tabTo(page, '[data-testid="outdial-form"] input[type="tel"]')
      // As pasted from a chat: an order number (not offered), a number cut by a zero-width joiner
      // (read whole, in Germany), and a UK mobile.
      await page.keyboard.insertText(
        'Hi, Klaus here (order 4155550132). Call me on +49\u200d30 12345678 or my mobile 07911 123456.',
      )
      await expect.poll(() => phone.inputValue()).toBe('+49 30 12345678')
      const taken = form.getByTestId('phone-taken')
      await expect.poll(() => taken.innerText()).toMatch(/The text holds 2 numbers; the one above is used\./)
      await expect.poll(() => form.locator('.phone-formats').innerText()).toMatch(/National: 030 12345678/)
      await screenshotOf(page.getByTestId('tasks'), 'tasks-outdial-pasted-sentence-light-en')

      await taken.getByRole('button', { name: 'Use +44 7911 123456' }).click()
      await expect.poll(() => phone.inputValue()).toBe('07911 123456')
      await form.locator('button[type="submit"]').click()
      await expect
        .poll(() => form.getByTestId('last-task').getByTestId('task-status').getAttribute('data-outcome'), {
          timeout: 15_000,
        })
        .toBe('sent')
      const ledger = harness.services.sandbox!.ledger('webex') as { body: Record<string, unknown> }[]
      expect(ledger.map((l) => l.body['destination'])).toEqual(['+447911123456'])

      // The number the shortcut refuses is refused here too, with the reason, and not sent.
      await phone.fill('+999 1234567')
      await form.locator('button[type="submit"]').click()
      await expect
        .poll(() => form.locator('.field-error').first().innerText())
        .toBe('The country code is not one that exists.')
      await screenshotOf(page.getByTestId('tasks'), 'tasks-outdial-unknown-country-light-en')
      expect(harness.services.sandbox!.ledger('webex')).toHaveLength(1)
      expect(problems).toEqual([])
    } finally {
      await harness.close()
      await browser.close()
    }
  }, 120_000)
})
