import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { drafts } from '../shared/fixtures'
import { chromiumAvailable, launchChromium, screenshotOf, watchPageProblems } from './helpers/chromium'
import { englishSentences } from './helpers/english-finder'
import { startTestHarness } from './helpers/harness'
import { openView } from './helpers/views'

// An administrator's policy as the agent meets it (harness `--policy FILE`): locked settings
// greyed out and said to be managed, a provided profile without Edit or Remove, and About naming
// the policy; an invalid policy named there with its reason.

const MANAGED_ID = '7a1c0e5e-8a3b-4c1d-9e2f-0a1b2c3d4e5f'
const write = (policy: unknown) => {
  const path = join(mkdtempSync(join(tmpdir(), 'callboard-policy-ui-')), 'policy.json')
  writeFileSync(path, JSON.stringify(policy))
  return path
}

describe.skipIf(!chromiumAvailable())('an administrator’s policy in the window', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(() => browser?.close())

  it('locked settings are disabled and said to be managed; the provided profile cannot be edited', async () => {
    const policyFile = write({
      version: 1,
      settings: { defaultRegion: 'ES', closeToTray: true },
      profiles: [{ ...drafts.webex, id: MANAGED_ID, label: 'Webex (company)' }],
    })
    const harness = await startTestHarness({ locale: 'en-GB', policyFile })
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 760 } })
      const problems = watchPageProblems(page)
      await page.goto(`${harness.url}#/settings`)
      const region = page.getByLabel('Default region for phone numbers')
      await expect.poll(() => region.isDisabled()).toBe(true)
      expect(await region.inputValue()).toBe('ES')
      expect(await page.getByLabel('Language', { exact: true }).isDisabled()).toBe(false)
      await page.getByTestId('settings-managed').waitFor()
      await screenshotOf(page.locator('[data-testid="settings-form"]').locator('..'), 'policy-settings-light-en')

      await expect.poll(() => page.getByTestId('policy-source').textContent()).toContain(policyFile)

      // Profiles (Ctrl+4): the provided profile.
      await openView(page, 'profiles')
      const card = page.getByRole('article', { name: 'Webex (company)' })
      await card.getByTestId('profile-managed').waitFor()
      expect(await card.getByRole('button', { name: /Edit|Remove/ }).count()).toBe(0)
      // Its credentials are still the agent's to store.
      await card.getByRole('button', { name: 'Credentials of Webex (company)' }).click()
      await card
        .getByRole('button', { name: /Save credentials|Store/ })
        .first()
        .waitFor()
      await screenshotOf(card, 'policy-profile-light-en')
      expect(problems).toEqual([])
    } finally {
      await harness.close()
    }
  })

  it('an invalid policy: nothing locked, and About says why, in Spanish too', async () => {
    const policyFile = write({ version: 1, settings: { uiLanguage: 'fr' } })
    const harness = await startTestHarness({ locale: 'es-ES', policyFile })
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 760 } })
      await page.goto(`${harness.url}#/settings`)
      const problem = page.getByTestId('policy-problem')
      await expect.poll(() => problem.textContent()).toMatch(/no se aplica.*settings\.uiLanguage/s)
      // Main's reason too, not only the sentence around it.
      expect(await problem.textContent()).toMatch(
        /La directiva no es válida, así que no se aplica nada de ella: settings\.uiLanguage: /,
      )
      expect(await problem.textContent()).not.toMatch(/The policy|not valid/)
      // zod's own reason too (a value not among the allowed ones), not its English.
      expect(await problem.textContent()).toMatch(
        /settings\.uiLanguage: Opción no válida: se esperaba una de "en"\|"es"/,
      )
      expect(englishSentences(await problem.innerText())).toEqual([])
      expect(await page.getByLabel('Región predeterminada para números de teléfono').isDisabled()).toBe(false)
      await screenshotOf(page.getByRole('region', { name: 'Acerca de' }), 'policy-invalid-light-es')
      // Rendered when shown: the agent's change of language reaches main's reason as well.
      expect(await harness.call('settings:update', { uiLanguage: 'en' })).toMatchObject({ status: 200 })
      await expect
        .poll(() => problem.textContent())
        .toMatch(/settings\.uiLanguage: Invalid option: expected one of "en"\|"es"/)
      await screenshotOf(page.getByRole('region', { name: 'About' }), 'policy-invalid-light-en')
    } finally {
      await harness.close()
    }
  })
})
