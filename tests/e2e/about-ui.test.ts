import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumAvailable, launchChromium, screenshotOf, watchPageProblems } from './helpers/chromium'
import { startTestHarness } from './helpers/harness'

// About, over the real contract. The update line: the harness has no update feed and says so;
// an update pushed as main's event shows "Restart to update", and main's refusal (nothing is ready
// in this process) comes back as a plain error. Then a diagnostics export by keyboard. Screenshots
// in both themes and languages.

describe.skipIf(!chromiumAvailable())('About: updates and diagnostics, through the harness', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(() => browser?.close())

  it('says it does not look for updates, then shows a ready update by main’s event; en/es, light/dark', async () => {
    const harness = await startTestHarness({ locale: 'en-GB' })
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 760 } })
      const problems = watchPageProblems(page)
      await page.goto(`${harness.url}#/settings`)
      const about = page.getByRole('region', { name: 'About' })
      await expect
        .poll(() => about.getByRole('status').first().textContent())
        .toContain('built without an update feed, so it does not look for updates')
      expect(await about.getByRole('button', { name: /update/i }).count()).toBe(0)

      harness.services.events.emit('updates:changed', { phase: 'ready', version: '0.2.0' })
      const restart = about.getByRole('button', { name: 'Restart to update' })
      await restart.waitFor()
      await screenshotOf(about, 'updates-ready-light-en')
      await restart.focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => about.getByRole('alert').textContent()).toBe('No update is ready to install yet.')

      await harness.call('settings:update', { theme: 'dark', uiLanguage: 'es' })
      harness.services.events.emit('updates:changed', { phase: 'waiting_for_sends', version: '0.2.0', sending: 1 })
      const acerca = page.getByRole('region', { name: 'Acerca de' })
      await expect
        .poll(() => acerca.getByRole('status').first().textContent())
        .toContain('Se reiniciará cuando la tarea que se está enviando tenga respuesta.')
      expect(await acerca.getByRole('alert').count()).toBe(0)
      await screenshotOf(acerca, 'updates-waiting-dark-es')

      // Diagnostics, by keyboard: the box for customer numbers stays unticked; main writes the file.
      await acerca.getByRole('button', { name: 'Exportar diagnóstico' }).focus()
      await page.keyboard.press('Enter')
      const saved = acerca.getByTestId('diagnostics-saved')
      await expect
        .poll(() => saved.textContent())
        .toMatch(/^\s*Guardado en .*callboard-diagnostics-.*\.json\. No contiene/)
      const path = (await saved.textContent())!.match(/Guardado en (.*\.json)\./)![1]!
      expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ includesCustomerNumbers: false })
      await screenshotOf(acerca, 'about-diagnostics-dark-es')
      expect(problems).toEqual([])
    } finally {
      await harness.close()
    }
  })
})
