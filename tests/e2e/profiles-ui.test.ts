import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memorySecretStore } from '../main/memory-secret-store'
import { chromiumAvailable, cspViolations, launchChromium, screenshot, watchPageProblems } from './helpers/chromium'
import { startTestHarness } from './helpers/harness'

/** Distinctive secrets, so the page and the settings file can be searched for them afterwards. */
const SECRETS = {
  webexClientSecret: 'S3cr3t-webex-client-QX7Z',
  webexRefreshToken: 'RT-webex-refresh-token-LK9P-unique',
  egainClientSecret: 'S3cr3t-egain-client-MN4B',
  connectSecretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY-SECRET-ZZ',
  aiccsSecret: 'S3cr3t-aliyun-AK-secret-HJ2K',
  voiceApiKey: 'itnio-api-key-5566',
  voiceApiSecret: 'S3cr3t-itnio-api-secret-PO0I',
}

describe.skipIf(!chromiumAvailable())('provider profiles and credentials in Chromium through the harness', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(() => browser?.close())

  async function open(url: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } })
    // Fail at the step that waits, well inside the test's own time limit.
    page.setDefaultTimeout(8_000)
    const problems = watchPageProblems(page)
    await page.goto(`${url}#/profiles`)
    await page.getByRole('heading', { name: /Provider profiles|Perfiles de proveedor/ }).waitFor()
    return { page, problems }
  }

  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '')
  const focusedLabel = (page: Page) =>
    page.evaluate(() => {
      const active = document.activeElement
      return active instanceof HTMLInputElement || active instanceof HTMLSelectElement
        ? [...active.labels!].map((l) => l.textContent?.trim()).join(' ')
        : (active?.getAttribute('aria-label') ?? active?.textContent?.trim() ?? '')
    })

  /** Opens "Add profile" for a provider by keyboard; the editor puts focus on the profile name. */
  async function addProfile(page: Page, provider: string): Promise<Locator> {
    await page.getByRole('button', { name: `Add profile for ${provider}` }).focus()
    await page.keyboard.press('Enter')
    const editor = page.getByTestId('profile-editor')
    await editor.getByRole('heading', { name: `New ${provider} profile` }).waitFor()
    await expect.poll(() => focusedLabel(page)).toBe('Profile name')
    return editor
  }

  /** Enter in the profile form saves it; focus then moves to the first credentials field. */
  async function saveProfile(page: Page, editor: Locator, firstSecretLabel: string): Promise<void> {
    await page.keyboard.press('Enter')
    await editor.getByText('Profile saved. You can now store its credentials below.').waitFor()
    await expect.poll(() => focusedLabel(page)).toBe(firstSecretLabel)
  }

  /** Types each value into the focused field and the ones after it, then submits with Enter. */
  async function typeCredentials(page: Page, editor: Locator, values: string[]): Promise<void> {
    for (const [index, value] of values.entries()) {
      if (index > 0) await page.keyboard.press('Tab')
      await page.keyboard.type(value)
    }
    await page.keyboard.press('Enter')
    await editor.getByText('Credentials stored in the keychain.').waitFor()
    // Written once, never kept: every secret field is empty again.
    for (const input of await editor.getByTestId('credentials-form').locator('input').all()) {
      await expect.poll(() => input.inputValue()).toBe('')
    }
  }

  async function closeEditor(page: Page, editor: Locator): Promise<void> {
    await editor.getByRole('button', { name: 'Close' }).click()
    await expect.poll(() => editor.count()).toBe(0)
  }

  const card = (page: Page, label: string) =>
    page.getByTestId('profile-card').filter({ has: page.getByRole('heading', { name: label, exact: true }) })

  // A journey of five providers, each added, filled in and stored by keyboard: the same limit as
  // the other whole journeys (a hang guard, not a speed check; it takes about 15 s alone).
  it('adds a profile of each provider by keyboard, stores credentials, validates as you type, follows the keychain, removes', async () => {
    const secrets = memorySecretStore()
    const harness = await startTestHarness({ secrets, sandbox: false }) // real profiles only; the sandbox has its own suite
    try {
      const { page, problems } = await open(harness.url)
      await page.getByText('Keychain: available (Secret Service)').waitFor()

      // ——— Webex Contact Center: data center, OAuth, an entry point and an outdial ANI ———
      let editor = await addProfile(page, 'Webex Contact Center')
      await page.keyboard.type('Webex US')
      await editor.getByLabel('Data center', { exact: true }).selectOption('eu1')
      await editor.getByText('API host: api.wxcc-eu1.cisco.com').waitFor()
      await editor.getByLabel('OAuth integration').check()
      await editor.getByRole('button', { name: 'Add entry point' }).click()
      // The new row's first field has focus; an id over 36 characters is refused as it is typed.
      await expect.poll(() => focusedLabel(page)).toBe('Entry point id')
      const entryPoint = editor.getByRole('group', { name: 'Entry point 1' })
      await page.keyboard.type('x'.repeat(37))
      await entryPoint.getByText('At most 36 characters.').waitFor()
      await expect.poll(() => entryPoint.getByLabel('Entry point id').getAttribute('aria-invalid')).toBe('true')
      await page.keyboard.press('Control+A')
      await page.keyboard.type('EP-outbound-1')
      await entryPoint.getByText('At most 36 characters.').waitFor({ state: 'detached' })
      await page.keyboard.press('Tab')
      await page.keyboard.type('Sales outbound')
      await editor.getByRole('button', { name: 'Add outdial ANI' }).click()
      await page.keyboard.type('+14085550100')
      await page.keyboard.press('Tab')
      await page.keyboard.type('Main line')
      await saveProfile(page, editor, 'OAuth client id')
      await typeCredentials(page, editor, [
        'C0ffeeClientIdWebex9876',
        SECRETS.webexClientSecret,
        SECRETS.webexRefreshToken,
      ])
      await editor.getByTestId('credential-badge').getByText('Stored (…9876)').waitFor()
      await closeEditor(page, editor)

      // ——— eGain: client credentials and one task subtype ———
      editor = await addProfile(page, 'eGain')
      await page.keyboard.type('eGain service')
      await page.keyboard.press('Tab')
      await page.keyboard.type('https://api.ai.egain.cloud')
      await editor.getByLabel('Access token URL').fill('https://ai.egain.cloud/system/auth/TENANT-U/oauth2/token')
      await editor.getByLabel('Client id').fill('client-123')
      await editor.getByRole('button', { name: 'Add subtype' }).click()
      await page.keyboard.type('General')
      await saveProfile(page, editor, 'Client secret')
      await typeCredentials(page, editor, [SECRETS.egainClientSecret])
      await closeEditor(page, editor)

      // ——— Amazon Connect: a region typed the wrong way first ———
      editor = await addProfile(page, 'Amazon Connect')
      await page.keyboard.type('Connect Frankfurt')
      await page.keyboard.press('Tab')
      await expect.poll(() => focusedLabel(page)).toBe('AWS region')
      await page.keyboard.type('Frankfurt')
      await editor.getByText('Enter an AWS region such as us-east-1 or eu-west-2.').waitFor()
      await page.keyboard.press('Control+A')
      await page.keyboard.type('eu-central-1')
      await editor.getByText('Enter an AWS region such as').waitFor({ state: 'detached' })
      await page.keyboard.press('Tab')
      await page.keyboard.type('3f0a7c7e-1234-4c2b-9a33-7b1e2d3c4f5a')
      await editor.getByRole('button', { name: 'Add contact flow' }).click()
      await page.keyboard.type('flow-1')
      await page.keyboard.press('Tab')
      await page.keyboard.type('Tasks flow')
      await saveProfile(page, editor, 'Access key id')
      // A secret access key that does not look like one is refused before anything is sent.
      await page.keyboard.type('not-a-key')
      await editor.getByText('An AWS access key id is 16–128 capital letters and digits').waitFor()
      await page.keyboard.press('Control+A')
      await typeCredentials(page, editor, ['AKIAZZTESTKEY0004567', SECRETS.connectSecretKey])
      await closeEditor(page, editor)

      // ——— Alibaba Cloud AICCS: the endpoint host comes prefilled ———
      editor = await addProfile(page, 'Alibaba Cloud AICCS')
      await page.keyboard.type('AICCS Shanghai')
      await page.keyboard.press('Tab')
      await page.keyboard.type('cn-shanghai')
      await expect.poll(() => editor.getByLabel('Endpoint host').inputValue()).toBe('aiccs.aliyuncs.com')
      await saveProfile(page, editor, 'AccessKey id')
      await typeCredentials(page, editor, ['LTAI5tTestKeyId8899', SECRETS.aiccsSecret])
      await closeEditor(page, editor)

      // ——— Voice broadcast ———
      editor = await addProfile(page, 'Voice broadcast')
      await page.keyboard.type('ITNIO broadcast')
      await page.keyboard.press('Tab')
      await page.keyboard.type('https://api.itniotech.com')
      await page.keyboard.press('Tab')
      await page.keyboard.type('app-1')
      await saveProfile(page, editor, 'API key')
      await typeCredentials(page, editor, [SECRETS.voiceApiKey, SECRETS.voiceApiSecret])
      await closeEditor(page, editor)
      // Closing the editor of a new profile leaves focus on that profile's Edit button.
      await expect.poll(() => focusedLabel(page)).toBe('Edit ITNIO broadcast')

      // ——— The list: five profiles, each with a stored-credentials badge ———
      await expect.poll(() => page.getByTestId('profile-card').count()).toBe(5)
      const badges = await page.getByTestId('credential-badge').allTextContents()
      expect(badges.map((b) => b.replace(/\s+/g, ' ').trim())).toEqual([
        'Credentials: Stored (…9876)',
        'Credentials: Stored',
        'Credentials: Stored (…4567)',
        'Credentials: Stored (…8899)',
        'Credentials: Stored (…5566)',
      ])
      await expect
        .poll(() => card(page, 'Webex US').innerText())
        .toContain('United Kingdom (eu1) · api.wxcc-eu1.cisco.com')
      await expect.poll(() => card(page, 'Connect Frankfurt').innerText()).toContain('eu-central-1')
      await screenshot(page, 'profiles-list-light')

      // Secrets went to the keychain and nowhere else: not the settings file, not the page.
      const onDisk = readFileSync(join(harness.dataDir, 'settings.json'), 'utf8')
      const kept = [...secrets.entries.values()].join('\n')
      const html = await page.content()
      for (const secret of Object.values(SECRETS)) {
        expect(kept).toContain(secret)
        expect(onDisk).not.toContain(secret)
        expect(html).not.toContain(secret)
      }
      expect(JSON.parse(onDisk).profiles).toHaveLength(5)

      // ——— An editor open, in the dark theme ———
      await harness.call('settings:update', { theme: 'dark' })
      await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'dark')
      await card(page, 'Webex US').getByRole('button', { name: 'Edit Webex US' }).click()
      editor = page.getByTestId('profile-editor')
      await editor.getByRole('heading', { name: 'Edit “Webex US”' }).waitFor()
      await expect.poll(() => editor.getByLabel('Profile name').inputValue()).toBe('Webex US')
      await expect(
        editor.getByRole('group', { name: 'Entry point 1' }).getByLabel('Entry point id').inputValue(),
      ).resolves.toBe('EP-outbound-1')
      // Secrets are never prefilled.
      await expect.poll(() => editor.getByLabel('OAuth client secret').inputValue()).toBe('')
      await expect.poll(() => editor.getByLabel('OAuth client secret').getAttribute('type')).toBe('password')
      await expect.poll(() => editor.getByLabel('OAuth client secret').getAttribute('autocomplete')).toBe('off')
      await screenshot(page, 'profiles-editor-dark')
      await closeEditor(page, editor)
      await expect.poll(() => focusedLabel(page)).toBe('Edit Webex US')
      await harness.call('settings:update', { theme: 'light' })
      await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'light')

      // ——— The keychain locks: "Test keychain" shows it, badges follow, credentials cannot be saved ———
      secrets.setState('locked')
      await page.getByRole('button', { name: 'Test keychain' }).click()
      const banner = page.getByTestId('keychain-banner')
      await banner.getByText('The keychain is locked').waitFor()
      await expect.poll(() => banner.innerText()).toContain('Your keychain is locked. Unlock it')
      // The button reads "Testing…" until the check ends; wait for it to come back.
      await expect
        .poll(() => page.getByTestId('keychain-status').getByRole('button', { name: 'Test keychain' }).isVisible())
        .toBe(true)
      await card(page, 'Webex US').getByText('Keychain locked').waitFor()
      await banner.getByText('Technical details').click()
      await banner.getByText('test keychain is locked').waitFor()
      await card(page, 'eGain service').getByRole('button', { name: 'Edit eGain service' }).click()
      editor = page.getByTestId('profile-editor')
      await editor.getByText('Secrets cannot be stored right now: the keychain is locked.').waitFor()
      await expect.poll(() => editor.getByRole('button', { name: 'Save credentials' }).isDisabled()).toBe(true)
      await screenshot(page, 'profiles-keychain-locked')
      await closeEditor(page, editor)

      secrets.setState('available')
      await page.getByRole('button', { name: 'Test keychain' }).click()
      await page.getByText('Keychain: available (Secret Service)').waitFor()
      await expect.poll(() => page.getByTestId('keychain-banner').count()).toBe(0)
      await card(page, 'Webex US').getByText('Stored (…9876)').waitFor()

      // ——— Remove a profile: Esc cancels and focus returns, then confirm ———
      const remove = card(page, 'AICCS Shanghai').getByRole('button', { name: 'Remove AICCS Shanghai' })
      await remove.focus()
      await page.keyboard.press('Enter')
      const dialog = page.getByRole('dialog', { name: 'Remove “AICCS Shanghai”?' })
      await dialog.waitFor()
      await page.keyboard.press('Escape')
      await expect.poll(() => dialog.isVisible()).toBe(false)
      await expect.poll(() => focusedLabel(page)).toBe('Remove AICCS Shanghai')
      await page.keyboard.press('Enter')
      await dialog.waitFor()
      await dialog.getByRole('button', { name: 'Remove profile' }).click()
      await page.getByText('Profile “AICCS Shanghai” removed.').waitFor()
      await expect.poll(() => card(page, 'AICCS Shanghai').count()).toBe(0)
      await expect.poll(() => page.getByTestId('profile-card').count()).toBe(4)
      await expect.poll(() => focusedId(page)).toBe('add-aiccs')
      expect(kept).toContain(SECRETS.aiccsSecret)
      expect([...secrets.entries.values()].join('\n')).not.toContain(SECRETS.aiccsSecret)

      // ——— Spanish ———
      await harness.call('settings:update', { uiLanguage: 'es' })
      await page.getByRole('heading', { name: 'Perfiles de proveedor' }).waitFor()
      await page.getByText('Llavero: disponible (Secret Service)').waitFor()
      await page.getByRole('button', { name: 'Editar Connect Frankfurt' }).click()
      await page.getByRole('heading', { name: 'Editar «Connect Frankfurt»' }).waitFor()
      await screenshot(page, 'profiles-es')

      expect(problems).toEqual([])
      await expect(cspViolations(page)).resolves.toEqual([])
    } finally {
      await harness.close()
    }
  }, 120_000)

  it("shows main's own words for a refused save, and says so when the keychain cannot store anything", async () => {
    const secrets = memorySecretStore()
    secrets.setState('unavailable', 'no_secret_service')
    const harness = await startTestHarness({ secrets })
    try {
      await harness.call('profiles:save', {
        provider: 'aiccs',
        label: 'AICCS Shanghai',
        endpoint: 'aiccs.aliyuncs.com',
        regionId: 'cn-shanghai',
        defaultAgentId: '',
        defaultVirtualNumber: '',
      })
      const { page, problems } = await open(harness.url)
      const banner = page.getByTestId('keychain-banner')
      await banner.getByText('The keychain is not available').waitFor()
      await expect.poll(() => banner.innerText()).toContain('No keychain service is running.')
      await card(page, 'AICCS Shanghai').getByText('Keychain unavailable').waitFor()

      // Same provider, same name: main refuses with a conflict, shown in its own words.
      const editor = await addProfile(page, 'Alibaba Cloud AICCS')
      await page.keyboard.type('aiccs shanghai')
      await page.keyboard.press('Tab')
      await page.keyboard.type('cn-shanghai')
      await page.keyboard.press('Enter')
      await editor
        .getByText('The profile was not saved: There is already a aiccs profile called "AICCS Shanghai".')
        .waitFor()

      // An empty required field is flagged on submit, and focus goes to it.
      await editor.getByLabel('Profile name').fill('')
      await page.keyboard.press('Enter')
      await editor.getByText('Some fields need attention').waitFor()
      await expect.poll(() => focusedLabel(page)).toBe('Profile name')
      await editor.getByText('Give it a name.').waitFor()
      await closeEditor(page, editor)

      await card(page, 'AICCS Shanghai').getByRole('button', { name: 'Edit AICCS Shanghai' }).click()
      await page
        .getByTestId('credentials-form')
        .getByText('Secrets cannot be stored right now: the keychain is not available')
        .waitFor()
      expect(problems).toEqual([])
      await expect(cspViolations(page)).resolves.toEqual([])
    } finally {
      await harness.close()
    }
  })
})
