import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { memorySecretStore } from '../main/memory-secret-store'
import { drafts } from '../shared/fixtures'
import { chromiumAvailable, launchChromium, screenshotOf, watchPageProblems } from './helpers/chromium'
import { startTestHarness } from './helpers/harness'
import { openLink, pressShortcut, setClipboard } from './helpers/views'

// The dial confirm window (opened by the global shortcut or a tel: link) in Chromium, against the
// sandbox: the same renderer at #/confirm-dial, over the same contract. The shortcut's press and
// the link are the harness's stand-ins (POST /__harness/shortcut and /link, issue 16 item 10),
// which run the code the Electron edge runs.

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
      expect(await pressShortcut(harness, '+44 20 7946 0958 ext. 12')).toMatchObject({ ok: true, outcome: 'confirm' })
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
      await pressShortcut(harness, 'Ana: +34 612 345 678 / oficina +34 910 123 456, pedido 123456789')
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
      await harness.call('settings:update', { dialFromSelection: true })
      await fetch(`${harness.origin}/__harness/shortcut`, {
        method: 'POST',
        headers: { authorization: `Bearer ${harness.token}` },
        body: JSON.stringify({ clipboard: 'nothing here', selection: '+34 612 345 678 or +34 910 123 456' }),
      })
      await openConfirm(page, harness.url)
      // Keys pressed before the list is drawn would be lost (a loaded CI machine dialled the first
      // number): wait for both numbers, and for each move to land, before the next key.
      await expect.poll(() => window.getByTestId('candidate').count()).toBe(2)
      const chosen = () => window.locator('[role="option"][aria-selected="true"]').innerText()
      await expect.poll(chosen).toMatch(/\+34 612 34 56 78/)
      await page.keyboard.press('ArrowDown')
      await expect.poll(chosen).toMatch(/\+34 910 12 34 56/)
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('ArrowUp')
      await expect.poll(chosen).toMatch(/\+34 910 12 34 56/)
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

  it('with three numbers, ↓↓ brings the third (and its extension) into view, and Dial and Cancel stay visible', async () => {
    const browser = await launchChromium()
    const harness = await startTestHarness({ secrets: memorySecretStore() })
    try {
      await pressShortcut(harness, 'Jane: 020 7946 0958, mobile 07911 123456, US office +1 (212) 555-0199 x 204')
      const page = await browser.newPage({ viewport: SIZE })
      const problems = watchPageProblems(page)
      await openConfirm(page, harness.url)
      const window = page.getByTestId('confirm-dial')
      await expect.poll(() => window.getByTestId('candidate').count()).toBe(3)
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('ArrowDown')
      const chosen = window.locator('[role="option"][aria-selected="true"]')
      await expect.poll(() => chosen.innerText()).toMatch(/Extension 204/)
      const inView = async (name: string) => {
        const box = await window.getByRole('button', { name }).boundingBox()
        return !!box && box.y >= 0 && box.y + box.height <= SIZE.height
      }
      // The chosen option's extension line is inside the list's visible area.
      await expect
        .poll(() =>
          chosen.evaluate((el) => {
            const list = el.closest('[role="listbox"]')!.getBoundingClientRect()
            const extension = el.querySelector('.extension')!.getBoundingClientRect()
            return extension.top >= list.top && extension.bottom <= list.bottom
          }),
        )
        .toBe(true)
      expect(await inView('Dial')).toBe(true)
      expect(await inView('Cancel')).toBe(true)
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(SIZE.height)
      await screenshotOf(window, 'confirm-dial-three-light-en')
      await page.keyboard.press('Enter')
      await expect
        .poll(() => (harness.services.sandbox!.ledger('webex') as { body: Record<string, unknown> }[]).length, {
          timeout: 15_000,
        })
        .toBe(1)
      expect(
        (harness.services.sandbox!.ledger('webex')[0] as { body: Record<string, unknown> }).body['destination'],
      ).toBe('+12125550199')
      expect(await inView('Close')).toBe(true)
      expect(problems).toEqual([])
    } finally {
      await harness.close()
      await browser.close()
    }
  }, 120_000)

  it('a tel: link opened through the harness shows "From a phone link" with its extension', async () => {
    const browser = await launchChromium()
    const harness = await startTestHarness({ secrets: memorySecretStore() })
    try {
      expect(await openLink(harness, 'tel:+1-415-555-0123;ext=77')).toMatchObject({ ok: true, outcome: 'confirm' })
      const page = await browser.newPage({ viewport: SIZE })
      await openConfirm(page, harness.url)
      const window = page.getByTestId('confirm-dial')
      await expect.poll(() => window.innerText()).toMatch(/From a phone link/)
      await expect
        .poll(() => window.getByTestId('candidate').innerText())
        .toMatch(/\+1 415 555 0123[\s\S]*Extension 77/)
      // Nothing dialable: a notification, no request.
      expect(await pressShortcut(harness, 'order 12345')).toMatchObject({ ok: true, outcome: 'nothing' })
    } finally {
      await harness.close()
      await browser.close()
    }
  }, 60_000)

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
      await page.goto(`${harness.url}#/settings`)
      const form = page.getByTestId('settings-form')
      // The shortcut is recorded from the keys pressed (item 8), not typed in Electron's syntax.
      const shortcut = form.getByLabel('Outdial shortcut')
      await expect.poll(() => shortcut.inputValue()).toBe('Ctrl+Alt+D')
      await shortcut.focus()
      await page.keyboard.press('Control+c')
      await expect.poll(() => shortcut.inputValue()).toBe('Ctrl+C')
      await expect
        .poll(() => form.locator('#settings-shortcut-error').innerText())
        .toMatch(/Ctrl\+C is used by the desktop or everyday editing/)
      await expect
        .poll(() => form.getByTestId('desktop-status').innerText())
        .toMatch(/browser harness has no global shortcut/)
      await page.keyboard.press('Shift+d')
      await expect.poll(() => form.locator('#settings-shortcut-error').innerText()).toMatch(/add Ctrl, Alt or Super/)
      await page.keyboard.press('Control+Shift+F9')
      await expect.poll(() => shortcut.inputValue()).toBe('Ctrl+Shift+F9')
      await expect.poll(() => form.locator('#settings-shortcut-error').count()).toBe(0)
      await form.getByLabel('Keep Callboard in the tray when its window is closed').uncheck()
      const outdialProfile = form.getByLabel('Profile for outdials from the shortcut and phone links')
      await expect
        .poll(() => outdialProfile.locator('option').allInnerTexts())
        .toEqual(['The first one available', 'Webex US'])
      await outdialProfile.selectOption({ label: 'Webex US' })
      await screenshotOf(page.getByTestId('settings'), 'settings-desktop-light-en')
      await form.getByRole('button', { name: 'Save settings' }).click()
      await expect.poll(() => form.getByTestId('settings-status').innerText()).toBe('Settings saved.')
      const saved = (await harness.call('settings:get')).body as { value: { settings: Record<string, unknown> } }
      expect(saved.value.settings).toMatchObject({
        dialShortcut: 'CommandOrControl+Shift+F9',
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
  it('starts with the clipboard number; queued by keyboard, it shows the result and starts over with an empty number, so a second Enter creates nothing (M1)', async () => {
    const browser = await launchChromium()
    const harness = await startTestHarness({ secrets: memorySecretStore() })
    try {
      await setClipboard(harness, 'Ring Ana back on +34 612 345 678 before 5')
      await harness.call('settings:update', { defaultCallbackProfileId: '5a4db0c5-0000-4000-8000-000000000001' })
      // The window's real size.
      const page = await browser.newPage({ viewport: { width: 440, height: 520 } })
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
      // The result where the agent looks: beside the button, which stays in the window.
      await expect
        .poll(() => window.getByTestId('last-task').getByTestId('task-status').getAttribute('data-outcome'), {
          timeout: 15_000,
        })
        .toBe('sent')
      const button = await window.getByRole('button', { name: 'Queue it' }).boundingBox()
      expect(button!.y + button!.height).toBeLessThanOrEqual(520)
      // It starts over: an empty number, the keyboard on it.
      await expect.poll(() => phone.inputValue()).toBe('')
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('tel')
      await expect.poll(() => window.getByTestId('quick-again').innerText()).toBe('Ready for the next callback.')
      await screenshotOf(window, 'quick-callback-sent-light-en')
      // The unsure agent presses Enter again: nothing more is created, no alarm is raised, and the
      // callback just queued stays in view.
      await page.keyboard.press('Enter')
      await page.keyboard.press('Enter')
      // The keys' handlers, and the validation a submit would run (promises), done before two frames pass.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
      expect(await window.getByTestId('quick-again').innerText()).toBe('Ready for the next callback.')
      expect(await window.locator('.field-error').count()).toBe(0)
      expect(await window.getByTestId('last-task').getByTestId('task-status').getAttribute('data-outcome')).toBe('sent')
      expect(harness.services.sandbox!.ledger('webex')).toHaveLength(1)
      expect(problems).toEqual([])
    } finally {
      await harness.close()
      await browser.close()
    }
  }, 120_000)

  it('"At a time" fits the 440 px window, in English and in Spanish', async () => {
    type Box = { x: number; y: number; width: number; height: number } | null
    const inside = (box: Box) =>
      !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= 440 && box.y + box.height <= 520
    const browser = await launchChromium()
    const harness = await startTestHarness({ secrets: memorySecretStore() })
    try {
      const page = await browser.newPage({ viewport: { width: 440, height: 520 } })
      const problems = watchPageProblems(page)
      for (const [theme, uiLanguage, label] of [
        ['light', 'en', 'At a time'],
        ['dark', 'es', 'A una hora'],
      ] as const) {
        await harness.call('settings:update', { theme, uiLanguage })
        await page.goto(`${harness.url}#/quick-callback`)
        const window = page.getByTestId('quick-callback')
        await window.getByTestId('callback-form').waitFor({ timeout: 60_000 })
        await window.getByLabel(label).check()
        await window.locator('.date-time-field').waitFor()
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(440)
        const zone = await window.locator('.time-zone-select').boundingBox()
        expect(zone!.x + zone!.width).toBeLessThanOrEqual(440)
        await screenshotOf(window, `quick-callback-at-a-time-${theme}-${uiLanguage}`)
        // The date panel (about 420 px tall) opened from the keyboard stays inside the window,
        // its confirm button included: an Electron window cannot show a popup past its edge.
        await window.locator('.date-time-field .el-date-editor input').press('ArrowDown')
        const panel = page.locator('.el-picker__popper:visible').last()
        await panel.waitFor()
        await expect.poll(async () => inside(await panel.boundingBox())).toBe(true)
        expect(inside(await panel.locator('.el-picker-panel__footer').boundingBox())).toBe(true)
        await page.screenshot({ path: `test-artifacts/quick-callback-date-panel-${theme}-${uiLanguage}.png` })
        await page.keyboard.press('Escape')
      }
      expect(problems).toEqual([])
    } finally {
      await harness.close()
      await browser.close()
    }
  }, 120_000)
})
