import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Message } from '../../shared/i18n/message'
import { renderMessage } from '../../shared/i18n/render-message'
import { memorySecretStore } from '../main/memory-secret-store'
import { chromiumAvailable, launchChromium, screenshot, watchPageProblems } from './helpers/chromium'
import { englishSentences } from './helpers/english-finder'
import { startTestHarness, type TestHarness } from './helpers/harness'
import { openApp } from './helpers/views'

// Issue #16 item 6, the rest (beside spanish-everywhere.test.ts): the states main words about
// itself rather than about a task. A damaged settings file (what was wrong, each part, and the
// profile set aside), a second Callboard on the same data folder (why it saves nothing), and the
// sandbox turned off, all in the Spanish window, light and dark (test-artifacts/es-state-*.png).

/** Each English line on the page now, with where it was seen. */
async function english(page: Page, where: string): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText)
  return englishSentences(text).map(({ line, word }) => `${where}: «${line}» (${word})`)
}

/**
 * A settings file with one bad preference, one this Callboard does not know, and a profile it
 * cannot read; in Spanish.
 */
const DAMAGED = JSON.stringify({
  version: 2,
  uiLanguage: 'es',
  theme: 'neon',
  colour: 'red',
  profiles: [{ id: 'p-broken', label: 'Soporte Madrid', provider: 'webex' }],
})

async function setTheme(harness: TestHarness, theme: 'light' | 'dark'): Promise<void> {
  expect(await harness.call('settings:update', { theme })).toMatchObject({ status: 200 })
}

describe.skipIf(!chromiumAvailable())("main's own states in the Spanish window", () => {
  it('a damaged settings file, a second Callboard on the folder and the sandbox turned off say no English', async () => {
    const browser = await launchChromium()
    const dataDir = mkdtempSync(join(tmpdir(), 'callboard-e2e-es-states-'))
    writeFileSync(join(dataDir, 'settings.json'), DAMAGED)
    const owner = await startTestHarness({ dataDir, secrets: memorySecretStore() })
    const found: string[] = []
    const seconds: TestHarness[] = []
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1200 } })
      const problems = watchPageProblems(page)
      await openApp(page, owner.url, '#/profiles')
      const banner = page.getByTestId('recovery-banner')
      await banner.waitFor({ timeout: 60_000 })
      expect(await banner.innerText()).toMatch(/el ajuste «theme» no era válido/)
      expect(await banner.innerText()).toMatch(/el perfil «Soporte Madrid» no se pudo leer/)
      await page.getByRole('heading', { name: 'Perfiles apartados' }).waitFor()
      for (const theme of ['light', 'dark'] as const) {
        await setTheme(owner, theme)
        await page.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached', timeout: 10_000 })
        found.push(...(await english(page, `settings file damaged (${theme})`)))
        await screenshot(page, `es-state-settings-damaged-${theme}`)
      }

      // A second Callboard on the same folder (the same computer, the owner still running).
      for (const theme of ['light', 'dark'] as const) {
        await setTheme(owner, theme)
        const second = await startTestHarness({ dataDir, secrets: memorySecretStore() })
        seconds.push(second)
        const other = await browser.newPage({ viewport: { width: 1280, height: 900 } })
        const otherProblems = watchPageProblems(other)
        await openApp(other, second.url, '#/settings')
        const readOnly = other.getByTestId('read-only-banner')
        await readOnly.waitFor({ timeout: 60_000 })
        expect(await readOnly.innerText()).toMatch(/Otro Callboard \(proceso \d+, iniciado [^)]+\) está usando/)
        found.push(...(await english(other, `second Callboard (${theme})`)))
        await screenshot(other, `es-state-second-callboard-${theme}`)
        expect(otherProblems).toEqual([])
        await other.close()
      }

      // The sandbox turned off: a scenario asked of it then is refused, in the agent's language.
      expect(await owner.call('settings:update', { sandbox: false })).toMatchObject({ status: 200 })
      const refused = (await owner.call('sandbox:simulate', { provider: 'webex', scenario: 'offline' })).body as {
        error: { message: Message }
      }
      const said = renderMessage(refused.error.message, 'es')
      expect(said).toBe('El sandbox está desactivado.')

      expect([...new Set(found)]).toEqual([])
      expect(problems).toEqual([])
    } finally {
      for (const second of seconds) await second.close()
      await owner.close()
      await browser.close()
    }
  }, 300_000)
})
