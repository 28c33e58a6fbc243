import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { desktopSettings } from '../shared/fixtures'
import {
  chromiumAvailable,
  cspViolations,
  launchChromium,
  screenshot,
  screenshotOf,
  watchPageProblems,
} from './helpers/chromium'
import { startTestHarness } from './helpers/harness'
import type { TestHarness } from './helpers/harness'

describe.skipIf(!chromiumAvailable())('settings screen in Chromium through the harness', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(() => browser?.close())

  async function open(harness: TestHarness): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 760 } })
    const problems = watchPageProblems(page)
    await page.goto(`${harness.url}#/settings`)
    await page.getByRole('heading', { name: /Settings|Ajustes/ }).waitFor()
    return { page, problems }
  }

  it('round trip by keyboard: change, save with Enter, persisted, survives reload; both themes and languages', async () => {
    const harness = await startTestHarness({ locale: 'en-GB' })
    try {
      const { page, problems } = await open(harness)
      await expect.poll(() => page.getByLabel('Default region for phone numbers').inputValue()).toBe('GB')
      await screenshot(page, 'settings-light-en')

      await page.getByLabel('Default region for phone numbers').focus()
      await page.getByLabel('Default region for phone numbers').selectOption('VN')
      await page.keyboard.press('Tab')
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('settings-language')
      await page.getByLabel('Language', { exact: true }).selectOption('es')
      await page.getByLabel('Dark').check()
      await page.keyboard.press('Enter')
      await page.getByText('Ajustes guardados.').waitFor()
      await expect(page.evaluate(() => document.documentElement.dataset['theme'])).resolves.toBe('dark')
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('es')
      await screenshot(page, 'settings-dark-es')
      await screenshotOf(page.locator('.desktop-settings'), 'settings-desktop-dark-es')

      const onDisk = JSON.parse(readFileSync(join(harness.dataDir, 'settings.json'), 'utf8'))
      expect(onDisk).toEqual({
        version: 2,
        defaultRegion: 'VN',
        uiLanguage: 'es',
        theme: 'dark',
        ...desktopSettings,
        profiles: [],
      })

      await page.reload()
      await page.getByRole('heading', { name: 'Ajustes' }).waitFor()
      await expect.poll(() => page.getByLabel('Región predeterminada para números de teléfono').inputValue()).toBe('VN')

      // A change made elsewhere (another window, here a direct call) reaches the page as an event.
      await harness.call('settings:update', { theme: 'light', uiLanguage: 'en' })
      await page.getByRole('heading', { name: 'Settings' }).waitFor()
      await expect(page.evaluate(() => document.documentElement.dataset['theme'])).resolves.toBe('light')
      await screenshot(page, 'settings-light-after-event')

      await page.getByRole('button', { name: 'Save settings' }).click()
      await page.getByText('Nothing to save').waitFor()
      expect(problems).toEqual([])
      await expect(cspViolations(page)).resolves.toEqual([])
    } finally {
      await harness.close()
    }
  })

  it('a corrupt settings file is moved aside and the agent is told, in the page', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'callboard-corrupt-'))
    writeFileSync(join(dataDir, 'settings.json'), '{"version":1,"theme":')
    const harness = await startTestHarness({ dataDir })
    try {
      const { page, problems } = await open(harness)
      const banner = page.getByTestId('recovery-banner')
      await banner.waitFor()
      const text = await banner.innerText()
      expect(text).toContain('Your settings file could not be used')
      expect(text).toContain('not valid JSON')
      expect(text).toMatch(/settings\.json\.corrupt-\d{4}-\d\d-\d\dT/)
      await screenshot(page, 'settings-recovered-from-corrupt-file')
      await page.getByRole('button', { name: 'Dismiss' }).click()
      await expect.poll(() => banner.count()).toBe(0)
      expect(problems).toEqual([])
      await expect(cspViolations(page)).resolves.toEqual([])
    } finally {
      await harness.close()
    }
  })

  it("the sandbox is the agent's to hide: off, its profiles leave Profiles; on, they are back", async () => {
    const harness = await startTestHarness({ locale: 'en-GB' })
    try {
      const { page, problems } = await open(harness)
      const sandboxCards = page.locator('[data-testid="profile-card"][data-sandbox="true"]')
      const setSandbox = async (on: boolean) => {
        await page.goto(`${harness.url}#/settings`)
        const setting = page.getByLabel(/Show the sandbox/)
        await expect.poll(() => setting.isChecked()).toBe(!on)
        await setting.setChecked(on)
        await page.getByRole('button', { name: 'Save settings' }).click()
        await page.getByText('Settings saved.').waitFor()
        await page.goto(`${harness.url}#/profiles`)
      }
      await page.goto(`${harness.url}#/profiles`)
      // One ready profile per provider, and the Webex, eGain and Connect sign-in profiles.
      await expect.poll(() => sandboxCards.count()).toBe(8)

      await setSandbox(false)
      await expect.poll(() => sandboxCards.count()).toBe(0)
      const saved = (await harness.call('settings:get')).body as { value: { settings: { sandbox: boolean } } }
      expect(saved.value.settings.sandbox).toBe(false)

      await setSandbox(true)
      await expect.poll(() => sandboxCards.count()).toBe(8)
      expect(problems).toEqual([])
    } finally {
      await harness.close()
    }
  })
})
