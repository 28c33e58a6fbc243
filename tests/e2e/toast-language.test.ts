import { describe, expect, it } from 'vitest'
import { memorySecretStore } from '../main/memory-secret-store'
import { chromiumAvailable, launchChromium, screenshotOf, watchPageProblems } from './helpers/chromium'
import { englishSentences } from './helpers/english-finder'
import { startTestHarness } from './helpers/harness'
import { openApp } from './helpers/views'

// Issue #16 item 6: a toast is rendered when it is drawn, all of it. Its task kind was turned into
// text when the toast was made, so a change of language while it was up left "En cola (outdial): …".
// The provider is offline, so the task waits and its toast stays up for as long as the test looks.

describe.skipIf(!chromiumAvailable())('a toast across a change of language', () => {
  it('shown in English, it says all of it in Spanish once the language changes, no English word left', async () => {
    const browser = await launchChromium()
    const harness = await startTestHarness({ secrets: memorySecretStore() })
    try {
      expect(await harness.call('sandbox:simulate', { provider: 'webex', scenario: 'offline' })).toMatchObject({
        status: 200,
      })
      const page = await browser.newPage({ viewport: { width: 1100, height: 760 } })
      const problems = watchPageProblems(page)
      await openApp(page, harness.url)
      await page.getByTestId('outdial-form').locator('input[type="tel"]').fill('+44 20 7946 0958')
      await page.keyboard.press('Enter')
      const toast = page.getByTestId('toast').last()
      await expect.poll(() => toast.innerText(), { timeout: 30_000 }).toMatch(/^Queued outdial: \+442079460958/)
      await screenshotOf(toast, 'toast-queued-light-en')

      expect(await harness.call('settings:update', { uiLanguage: 'es' })).toMatchObject({ status: 200 })
      await expect.poll(() => toast.innerText()).toMatch(/^En cola \(llamada saliente\): \+442079460958/)
      const said = await toast.innerText()
      expect(said).not.toMatch(/outdial|queued/i)
      expect(englishSentences(said)).toEqual([])
      await screenshotOf(toast, 'toast-queued-light-es')
      expect(await harness.call('settings:update', { theme: 'dark' })).toMatchObject({ status: 200 })
      await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached', timeout: 10_000 })
      await screenshotOf(toast, 'toast-queued-dark-es')
      expect(problems).toEqual([])
    } finally {
      await harness.close()
      await browser.close()
    }
  }, 120_000)
})
