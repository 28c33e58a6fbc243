import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumAvailable, launchChromium, screenshotOf, watchPageProblems } from './helpers/chromium'
import { startTestHarness } from './helpers/harness'
import { memorySecretStore } from '../main/memory-secret-store'

// Settings' "Proxy sign-in" (issue #15) in Chromium over the real contract: found by its region's
// name, filled by label, saved and removed by keyboard; main holds the sign-in (user name only
// back), and the password appears nowhere on the page afterwards.

const PASSWORD = 'Pa55-proxy-e2e-word'

describe.skipIf(!chromiumAvailable())('Proxy sign-in in Settings, through the harness', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(() => browser?.close())

  it('saves and removes a proxy sign-in by keyboard; the password never comes back', async () => {
    const harness = await startTestHarness({ locale: 'en-GB', secrets: memorySecretStore() })
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 760 } })
      const problems = watchPageProblems(page)
      await page.goto(`${harness.url}#/settings#proxy-sign-in`)
      const section = page.getByRole('region', { name: 'Proxy sign-in' })
      await section.getByText('No proxy sign-in is stored.').waitFor({ timeout: 8000 })
      await section.getByLabel('Proxy (host:port)').fill('proxy.corp.example:8080')
      await section.getByLabel('User name').fill('agent-7')
      await section.getByLabel('Password').fill(PASSWORD)
      await section.getByLabel('Password').press('Enter')
      await expect.poll(() => section.getByRole('status').textContent()).toMatch(/^Saved\./)
      await section.getByText('proxy.corp.example:8080: signed in as agent-7').waitFor({ timeout: 8000 })
      expect(await section.getByLabel('Password').inputValue()).toBe('')
      expect(await page.content()).not.toContain(PASSWORD)
      const state = await harness.call('proxy:state')
      expect(state.body).toMatchObject({
        ok: true,
        value: { signIns: [{ proxy: 'proxy.corp.example:8080', username: 'agent-7', passwordStored: true }] },
      })
      expect(JSON.stringify(state.body)).not.toContain(PASSWORD)
      await screenshotOf(section, 'proxy-sign-in-saved-en')

      await section.getByRole('button', { name: 'Remove the sign-in for proxy.corp.example:8080' }).focus()
      await page.keyboard.press('Enter')
      await section.getByText('No proxy sign-in is stored.').waitFor({ timeout: 8000 })
      expect(harness.logLines.join('\n')).not.toContain(PASSWORD)
      expect(problems).toEqual([])
    } finally {
      await harness.close()
    }
  })
})
