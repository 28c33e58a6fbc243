import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memorySecretStore } from '../main/memory-secret-store'
import { chromiumAvailable, cspViolations, launchChromium, screenshotOf, watchPageProblems } from './helpers/chromium'
import { startTestHarness } from './helpers/harness'
import type { TestHarness } from './helpers/harness'
import { openApp, sandboxCreated } from './helpers/views'

// Issue 14's "done when", in the app's own sandbox: a new user with no account and an empty app
// picks a sandbox sign-in profile, signs in on the page the "system browser" opens (a second page
// here, driven like a person would), sends a task and sees it sent, for Webex (browser with PKCE),
// eGain (authorization code with PKCE) and Amazon Connect (IAM Identity Center device code). No
// token or key is typed, shown or logged; then signing out leaves the profile signed out.

const LABELS = {
  webex: 'Sandbox sign-in · Webex Contact Center',
  egain: 'Sandbox sign-in · eGain',
  connect: 'Sandbox sign-in · Amazon Connect',
} as const

describe.skipIf(!chromiumAvailable())('the sandbox signs in for real, end to end in Chromium', () => {
  let browser: Browser
  let harness: TestHarness
  let page: Page
  let problems: string[]
  /** The pages Callboard asked the system browser to open, in order. */
  const opened: string[] = []

  beforeAll(async () => {
    browser = await launchChromium()
    harness = await startTestHarness({
      secrets: memorySecretStore(),
      sandbox: true,
      openBrowser: async (url) => void opened.push(url),
    })
    page = await browser.newPage({ viewport: { width: 1000, height: 1400 } })
    problems = watchPageProblems(page)
    await openApp(page, harness.url, '#/profiles')
  })
  afterAll(async () => {
    await harness?.close()
    await browser?.close()
  })

  const card = (provider: keyof typeof LABELS): Locator => page.getByRole('article', { name: LABELS[provider] })

  /** The system browser on the page Callboard opened; `act` is the person there. */
  async function inTheBrowser(count: number, act: (idp: Page) => Promise<void>): Promise<void> {
    await expect.poll(() => opened.length, { timeout: 10_000 }).toBe(count)
    const idp = await browser.newPage()
    try {
      await idp.goto(opened[count - 1]!)
      await act(idp)
    } finally {
      await idp.close()
    }
  }

  const press = async (target: Locator) => {
    await target.focus()
    await page.keyboard.press('Enter')
  }

  /** The card's first ready-made task, sent by keyboard, and the card says it was sent. */
  async function sendFrom(provider: keyof typeof LABELS): Promise<void> {
    const before = await sandboxCreated(harness, provider)
    await press(card(provider).getByTestId('sandbox-send').first())
    await expect
      .poll(() => card(provider).getByTestId('task-status').getAttribute('data-outcome'), { timeout: 30_000 })
      .toBe('sent')
    expect(await sandboxCreated(harness, provider)).toBe(before + 1)
  }

  async function signOut(provider: keyof typeof LABELS): Promise<void> {
    await press(card(provider).getByRole('button', { name: `Sign out: ${LABELS[provider]}` }))
    await expect.poll(() => card(provider).getByTestId('sign-in-state').innerText()).toBe('Not signed in.')
  }

  it('lists the sign-in profiles after the ready ones, each signed out, with nothing to paste', async () => {
    await card('connect').waitFor()
    const headings = await page
      .locator('[data-testid="profile-card"][data-sandbox="true"]')
      .getByRole('heading')
      .allInnerTexts()
    // Under its provider, right after the ready-to-send profile of the same simulator.
    for (const [ready, signIn] of [
      ['Sandbox · Webex Contact Center', LABELS.webex],
      ['Sandbox · eGain', LABELS.egain],
      ['Sandbox · Amazon Connect', LABELS.connect],
    ]) {
      expect(headings.indexOf(signIn!), signIn).toBe(headings.indexOf(ready!) + 1)
    }
    for (const label of Object.values(LABELS)) {
      const state = page.getByRole('article', { name: label }).getByTestId('sign-in-state')
      await expect.poll(() => state.innerText()).toBe('Not signed in.')
    }
    // The ready-to-send profiles offer no sign-in: they send at once, as before.
    const ready = page.getByRole('article', { name: 'Sandbox · Webex Contact Center' })
    expect(await ready.getByRole('button', { name: /^Sign in/ }).count()).toBe(0)
    expect(await page.locator('input[type="password"]').count()).toBe(0)
  })

  it('Webex: "Sign in with Webex" opens the sandbox’s sign-in page, Accept, signed in as Ana Ruiz, a task sent', async () => {
    const state = card('webex').getByTestId('sign-in-state')
    await press(card('webex').getByRole('button', { name: `Sign in with Webex Contact Center: ${LABELS.webex}` }))
    await expect.poll(() => state.innerText()).toMatch(/Finish signing in in your browser/)
    await inTheBrowser(1, async (idp) => {
      await idp.getByRole('heading', { name: 'Sign in to Webex' }).waitFor()
      expect(await idp.getByText('You are signing in as Ana Ruiz.').count()).toBe(1)
      await idp.getByRole('button', { name: 'Accept' }).focus()
      await idp.keyboard.press('Enter')
      await idp.getByRole('heading', { name: 'You can go back to Callboard' }).waitFor()
    })
    await expect.poll(() => state.innerText()).toBe('Signed in as Ana Ruiz · renews automatically')
    await sendFrom('webex')
  })

  it('eGain: "Sign in with eGain" on the sandbox’s page, Accept, signed in, a task sent', async () => {
    const state = card('egain').getByTestId('sign-in-state')
    await press(card('egain').getByRole('button', { name: `Sign in with eGain: ${LABELS.egain}` }))
    await inTheBrowser(2, async (idp) => {
      await idp.getByRole('heading', { name: 'Sign in to eGain' }).waitFor()
      await idp.getByRole('button', { name: 'Accept' }).focus()
      await idp.keyboard.press('Enter')
      await idp.getByRole('heading', { name: 'You can go back to Callboard' }).waitFor()
    })
    // eGain documents no "who am I" call: signed in, without a name.
    await expect.poll(() => state.innerText()).toBe('Signed in · renews automatically')
    await sendFrom('egain')
  })

  it('Amazon Connect: the sandbox’s Identity Center device page, Allow, signed in, a task sent with the role’s keys', async () => {
    const state = card('connect').getByTestId('sign-in-state')
    await press(card('connect').getByRole('button', { name: `Sign in with Amazon Connect: ${LABELS.connect}` }))
    await expect.poll(() => state.innerText()).toMatch(/enter the code [0-9A-F]{4}-[0-9A-F]{4}/)
    const [, code] = /enter the code ([0-9A-F]{4}-[0-9A-F]{4})/.exec(await state.innerText())!
    await inTheBrowser(3, async (portal) => {
      await portal.getByRole('heading', { name: 'Authorize request' }).waitFor()
      expect(await portal.getByLabel('Code').inputValue()).toBe(code)
      await portal.getByRole('button', { name: 'Allow access' }).focus()
      await portal.keyboard.press('Enter')
      await portal.getByRole('status').filter({ hasText: 'Request approved' }).waitFor()
    })
    await expect.poll(() => state.innerText(), { timeout: 15_000 }).toBe('Signed in · renews automatically')
    await sendFrom('connect')
  })

  it('shows the three signed in (light and dark), keeps every secret out of the window and the log, and signs out', async () => {
    const shoot = async (theme: string) => {
      for (const provider of ['webex', 'egain', 'connect'] as const) {
        await screenshotOf(card(provider), `sandbox-sign-in-${provider}-${theme}`)
      }
    }
    await shoot('light')
    await harness.call('settings:update', { theme: 'dark' })
    await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'dark')
    await shoot('dark')
    await harness.call('settings:update', { theme: 'light' })

    // Nothing secret reached the window or the log: not the sign-in page's state, nor any token.
    const seen = `${await page.content()}\n${harness.logLines.join('\n')}`
    for (const url of opened) {
      const state = new URL(url).searchParams.get('state')
      if (state) expect(seen).not.toContain(state)
    }
    expect(seen).not.toMatch(/wx-at-|wx-rt-|"accessToken"|"refreshToken"|secretAccessKey/)

    for (const provider of ['webex', 'egain', 'connect'] as const) await signOut(provider)
    expect(problems).toEqual([])
    await expect(cspViolations(page)).resolves.toEqual([])
  })
})
