import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { memorySecretStore } from '../main/memory-secret-store'
import { drafts } from '../shared/fixtures'
import { chromiumAvailable, launchChromium, screenshotOf, watchPageProblems } from './helpers/chromium'
import { startTestHarness } from './helpers/harness'

// The dial confirm window (opened by the global shortcut or a tel: link) in Chromium, against the
// sandbox: the same renderer at #/confirm-dial, over the same contract. The shortcut's press is
// stood in for by the dial desk being handed the clipboard's text, as the Electron edge does.

const SIZE = { width: 440, height: 340 }

async function openConfirm(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/confirm-dial`)
  await page.getByTestId('confirm-dial').waitFor()
}

describe.skipIf(!chromiumAvailable())('the dial confirm window in Chromium', () => {
  it('shows "+44 20 7946 0958 ext. 12" normalized; Enter dials it and the outdial reaches Webex', async () => {
    const browser = await launchChromium()
    const harness = await startTestHarness({ secrets: memorySecretStore() })
    try {
      await harness.services.desk.fromText('+44 20 7946 0958 ext. 12', 'clipboard')
      const page = await browser.newPage({ viewport: SIZE })
      const problems = watchPageProblems(page)
      await openConfirm(page, harness.url)
      const window = page.getByTestId('confirm-dial')
      await expect
        .poll(() => window.getByTestId('candidate').innerText())
        .toMatch(
          /\+44 20 7946 0958\s+020 7946 0958 · \+442079460958\s+Extension 12: key it in once the call connects\./,
        )
      await expect.poll(() => window.innerText()).toMatch(/On Sandbox · Webex Contact Center, showing caller ID/)
      // Keyboard only: the list has focus on open, Enter dials.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('listbox')
      await screenshotOf(window, 'confirm-dial-one-light-en')
      await page.keyboard.press('Enter')
      await expect
        .poll(() => window.getByTestId('task-status').getAttribute('data-outcome'), { timeout: 15_000 })
        .toBe('sent')
      const ledger = harness.services.sandbox!.ledger('webex') as { body: Record<string, unknown> }[]
      expect(ledger.map((l) => l.body['destination'])).toEqual(['+442079460958'])
      await screenshotOf(window, 'confirm-dial-sent-light-en')
      expect(problems).toEqual([])
    } finally {
      await harness.close()
      await browser.close()
    }
  }, 120_000)

  it('arrow keys choose among several numbers; Esc cancels and nothing is dialled', async () => {
    const browser = await launchChromium()
    const harness = await startTestHarness({ secrets: memorySecretStore() })
    try {
      await harness.call('settings:update', { theme: 'dark', uiLanguage: 'es' })
      await harness.services.desk.fromText(
        'Ana: +34 612 345 678 / oficina +34 910 123 456, pedido 123456789',
        'clipboard',
      )
      const page = await browser.newPage({ viewport: SIZE })
      const problems = watchPageProblems(page)
      await openConfirm(page, harness.url)
      const window = page.getByTestId('confirm-dial')
      await expect.poll(() => window.getByTestId('candidate').count()).toBe(2)
      await expect.poll(() => window.locator('h1').innerText()).toBe('¿A qué número llamar?')
      await page.keyboard.press('ArrowDown')
      await expect
        .poll(() => window.locator('[role="option"][aria-selected="true"]').innerText())
        .toMatch(/\+34 910 12 34 56/)
      await screenshotOf(window, 'confirm-dial-many-dark-es')
      await page.keyboard.press('Escape')
      await expect.poll(async () => (await harness.call('dial:pending')).body).toEqual({ ok: true, value: null })
      expect(harness.services.sandbox!.ledger('webex')).toHaveLength(0)

      // A new request: the second number by keyboard, in light English.
      await harness.call('settings:update', { theme: 'light', uiLanguage: 'en' })
      await harness.services.desk.fromText('+34 612 345 678 or +34 910 123 456', 'selection')
      await openConfirm(page, harness.url)
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('ArrowUp')
      await screenshotOf(window, 'confirm-dial-many-light-en')
      await page.keyboard.press('Enter')
      await expect
        .poll(() => (harness.services.sandbox!.ledger('webex') as { body: Record<string, unknown> }[]).length, {
          timeout: 15_000,
        })
        .toBe(1)
      const [sent] = harness.services.sandbox!.ledger('webex') as { body: Record<string, unknown> }[]
      expect(sent!.body['destination']).toBe('+34910123456')
      expect(problems).toEqual([])
    } finally {
      await harness.close()
      await browser.close()
    }
  }, 120_000)

  it('with nothing waiting, says so and offers only Close', async () => {
    const browser = await launchChromium()
    const harness = await startTestHarness({ secrets: memorySecretStore() })
    try {
      const page = await browser.newPage({ viewport: SIZE })
      await openConfirm(page, harness.url)
      await page.getByTestId('nothing-to-dial').waitFor()
      await expect(page.getByRole('button').allInnerTexts()).resolves.toEqual(['Close'])
    } finally {
      await harness.close()
      await browser.close()
    }
  }, 60_000)
})

describe.skipIf(!chromiumAvailable())('desktop settings in Chromium', () => {
  it('refuses a reserved shortcut with the reason, saves a valid one with the default profiles, and says what this window cannot do', async () => {
    const browser = await launchChromium()
    const harness = await startTestHarness({ secrets: memorySecretStore() })
    try {
      // A real profile to make the default: the sandbox's are never offered as one (they send to a
      // simulator on this computer).
      const webex = (await harness.call('profiles:save', drafts.webex)).body as { value: { profile: { id: string } } }
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } })
      const problems = watchPageProblems(page)
      await page.goto(harness.url)
      const form = page.getByTestId('settings-form')
      const shortcut = form.getByLabel('Outdial shortcut')
      await shortcut.fill('CommandOrControl+C')
      await page.keyboard.press('Tab')
      await expect
        .poll(() => form.locator('#settings-shortcut-error').innerText())
        .toMatch(/Ctrl\+C is used by the desktop or everyday editing/)
      await expect
        .poll(() => form.getByTestId('desktop-status').innerText())
        .toMatch(/browser harness has no global shortcut/)
      await shortcut.fill('Ctrl+Shift+F9')
      await form.getByLabel('Keep Callboard in the tray when its window is closed').uncheck()
      const outdialProfile = form.getByLabel('Profile for outdials from the shortcut and phone links')
      await expect
        .poll(() => outdialProfile.locator('option').allInnerTexts())
        .toEqual(['The first one available', 'Webex US'])
      await outdialProfile.selectOption({ label: 'Webex US' })
      await screenshotOf(page.locator('section', { has: form }), 'settings-desktop-light-en')
      await form.getByRole('button', { name: 'Save settings' }).click()
      await expect.poll(() => form.getByTestId('settings-status').innerText()).toBe('Settings saved.')
      const saved = (await harness.call('settings:get')).body as { value: { settings: Record<string, unknown> } }
      expect(saved.value.settings).toMatchObject({
        dialShortcut: 'Ctrl+Shift+F9',
        closeToTray: false,
        defaultOutdialProfileId: webex.value.profile.id,
      })
      expect(problems).toEqual([])
    } finally {
      await harness.close()
      await browser.close()
    }
  }, 120_000)
})

describe.skipIf(!chromiumAvailable())('the quick callback window in Chromium', () => {
  it('starts with the clipboard number on the default profile; typed and queued by keyboard, it reaches Webex', async () => {
    const browser = await launchChromium()
    const harness = await startTestHarness({
      secrets: memorySecretStore(),
      readClipboard: async () => 'Ring Ana back on +34 612 345 678 before 5',
    })
    try {
      await harness.call('settings:update', { defaultCallbackProfileId: '5a4db0c5-0000-4000-8000-000000000001' })
      const page = await browser.newPage({ viewport: { width: 440, height: 760 } })
      const problems = watchPageProblems(page)
      await page.goto(`${harness.url}#/quick-callback`)
      const window = page.getByTestId('quick-callback')
      await window.getByTestId('prefilled').waitFor({ timeout: 60_000 })
      const phone = window.locator('input[type="tel"]')
      await expect.poll(() => phone.inputValue()).toMatch(/^\+34 ?612/)
      expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('tel')
      // Tab to the customer name, type it, Enter queues.
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press('Tab')
        if (await page.evaluate(() => document.activeElement?.getAttribute('name') === 'customerName')) break
      }
      await page.keyboard.type('Ana Pérez')
      await screenshotOf(window, 'quick-callback-filled-light-en')
      await page.keyboard.press('Enter')
      await expect.poll(() => harness.services.sandbox!.ledger('webex').length, { timeout: 20_000 }).toBe(1)
      expect(JSON.stringify(harness.services.sandbox!.ledger('webex')[0])).toContain('+34612345678')
      await expect
        .poll(() => window.getByTestId('last-task').getByTestId('task-status').getAttribute('data-outcome'), {
          timeout: 15_000,
        })
        .toBe('sent')
      await screenshotOf(window, 'quick-callback-sent-light-en')
      expect(problems).toEqual([])
    } finally {
      await harness.close()
      await browser.close()
    }
  }, 120_000)
})
