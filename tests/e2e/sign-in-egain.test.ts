import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EGAIN_SCOPES } from '@shared/providers/egain/profile'
import type { Profile } from '@shared/providers/registry'
import { sampleTasks } from '@shared/providers/registry'
import type { EgainSimulator } from '../../electron/main/providers/egain/egain-simulator'
import { startEgainSimulator } from '../../electron/main/providers/egain/egain-simulator'
import { tokenAccount } from '../../electron/main/secrets/credentials-service'
import { memorySecretStore } from '../main/memory-secret-store'
import { chromiumAvailable, cspViolations, launchChromium, screenshot, watchPageProblems } from './helpers/chromium'
import { startTestHarness } from './helpers/harness'
import type { TestHarness } from './helpers/harness'
import { openApp, openView } from './helpers/views'

// Issue 14 for eGain: an agent signs in with eGain (Authorization Code + PKCE on eGain's simulated
// sign-in page, opened as the system browser), a follow-up is created as that agent, the token is
// renewed silently, a refused renewal parks the tasks, and "Sign in again" in the queue sends them.
// The sign-in by accessible names and the keyboard; no eGain password exists anywhere.

const CLIENT_ID = 'egain-e2e-client-7'
const LABEL = 'eGain · Ana'

describe.skipIf(!chromiumAvailable())('Sign in with eGain, end to end in Chromium', () => {
  let browser: Browser
  let harness: TestHarness
  let sim: EgainSimulator
  const secrets = memorySecretStore()
  const opened: string[] = []

  beforeAll(async () => {
    browser = await launchChromium()
    sim = await startEgainSimulator({ clientId: CLIENT_ID, clientSecret: 'unused-for-pkce' })
    harness = await startTestHarness({ secrets, sandbox: false, openBrowser: async (url) => void opened.push(url) })
  })
  afterAll(async () => {
    await harness?.close()
    await sim?.close()
    await browser?.close()
  })

  async function acceptInBrowser(count: number): Promise<void> {
    await expect.poll(() => opened.length, { timeout: 10_000 }).toBe(count)
    const idp: Page = await browser.newPage()
    try {
      await idp.goto(opened[count - 1]!)
      await idp.getByRole('heading', { name: 'Sign in to eGain' }).waitFor()
      await idp.getByRole('button', { name: 'Accept' }).focus()
      await idp.keyboard.press('Enter')
      await idp.getByRole('heading', { name: 'You can go back to Callboard' }).waitFor()
    } finally {
      await idp.close()
    }
  }

  it('signs in, creates follow-ups as the agent, renews silently, and signs in again from the queue', async () => {
    const saved = (await harness.call('profiles:save', {
      provider: 'egain',
      label: LABEL,
      apiBaseUrl: sim.url,
      tokenUrl: sim.tokenUrl,
      authorizeUrl: '',
      clientId: CLIENT_ID,
      grantType: 'authorization_code',
      username: '',
      userId: '',
      scope: EGAIN_SCOPES.authorization_code,
      acceptLanguage: 'en-US',
      defaultDepartment: 'Service',
      taskSubtypes: [],
    })) as { body: { ok: boolean; value: { profile: Profile } } }
    expect(saved.body.ok).toBe(true)
    const profile = saved.body.value.profile
    const followUp = async () => {
      const { intent } = sampleTasks(profile, new Date(), 'Europe/Madrid')[0]!
      // The same follow-up again on each step: confirmed as a repeat, as an agent would.
      const queued = (await harness.call('tasks:submit', { intent, confirmedRepeat: true })) as {
        body: { ok: boolean }
      }
      expect(queued.body, JSON.stringify(queued.body)).toMatchObject({ ok: true })
    }

    const page = await browser.newPage({ viewport: { width: 1000, height: 1000 } })
    const problems = watchPageProblems(page)
    await openApp(page, harness.url, '#/profiles')
    const state = page.getByTestId('sign-in-state')
    await expect.poll(() => state.innerText()).toBe('Not signed in.')
    // eGain offers no device code here: only the browser.
    expect(await page.getByRole('button', { name: /Sign in with a code instead/ }).count()).toBe(0)
    await page.getByRole('button', { name: `Sign in with eGain: ${LABEL}` }).focus()
    await page.keyboard.press('Enter')
    await acceptInBrowser(1)
    await expect.poll(() => state.innerText()).toBe('Signed in · renews automatically')
    // The default sign-in address: the token URL's sibling.
    expect(new URL(opened[0]!).pathname).toBe('/system/auth/SIM-U/oauth2/authorize')

    await followUp()
    await expect.poll(() => sim.activities.length, { timeout: 20_000 }).toBe(1)
    const renewals = () => sim.ledger.filter((l) => l.grant === 'refresh_token' && l.verdict === 'issued').length
    expect(renewals()).toBe(0)

    sim.revokeTokens()
    await followUp()
    await expect.poll(() => sim.activities.length, { timeout: 20_000 }).toBe(2)
    expect(renewals()).toBe(1)

    sim.revokeSignIns()
    sim.revokeTokens()
    await followUp()
    await openView(page, 'queue')
    await page
      .getByRole('button', { name: /^Sign in again: / })
      .first()
      .waitFor({ timeout: 20_000 })
    await followUp()
    await expect.poll(() => page.getByTestId('queue-row').count(), { timeout: 20_000 }).toBe(2)
    await screenshot(page, 'sign-in-egain-needs-auth')
    expect(sim.activities.length).toBe(2)
    await page
      .getByRole('button', { name: /^Sign in again: / })
      .first()
      .focus()
    await page.keyboard.press('Enter')
    await acceptInBrowser(2)
    await expect.poll(() => sim.activities.length, { timeout: 30_000 }).toBe(4)
    await page.getByTestId('queue-empty').waitFor({ timeout: 20_000 })

    const cached = JSON.parse((await secrets.get(tokenAccount(profile.id)))!) as Record<string, string>
    const seen = `${await page.content()}\n${harness.logLines.join('\n')}`
    for (const value of [cached['accessToken']!, cached['refreshToken']!]) expect(seen).not.toContain(value)
    expect(problems).toEqual([])
    await expect(cspViolations(page)).resolves.toEqual([])
  })
})
