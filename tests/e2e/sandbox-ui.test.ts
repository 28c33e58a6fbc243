import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memorySecretStore } from '../main/memory-secret-store'
import { chromiumAvailable, cspViolations, launchChromium, screenshot, watchPageProblems } from './helpers/chromium'
import { startTestHarness } from './helpers/harness'
import type { TestHarness } from './helpers/harness'
import type { SandboxProvider as Provider } from './helpers/views'
import {
  openApp,
  openView,
  SANDBOX_LABELS as labels,
  sandboxCard,
  sandboxCreated,
  sendSample,
  simulate as pick,
} from './helpers/views'

// The built-in sandbox as a new user meets it: no account configured, five sandbox profiles, each
// queueing its sample tasks through the outbox to the simulators inside the harness's main
// services, with the provider's id shown; and, through the simulators' fault modes, every outcome
// class shown, on the sandbox card (Profiles) and in the Queue view, with the queue's actions.

describe.skipIf(!chromiumAvailable())('the sandbox in Chromium through the harness', () => {
  let browser: Browser
  let harness: TestHarness
  let page: Page
  let problems: string[]

  beforeAll(async () => {
    browser = await launchChromium()
    harness = await startTestHarness({ secrets: memorySecretStore() })
    page = await browser.newPage({ viewport: { width: 1100, height: 1000 } })
    problems = watchPageProblems(page)
    await openApp(page, harness.url, '#/profiles')
    await page.getByTestId('sandbox-try').first().waitFor()
  })
  afterAll(async () => {
    await page?.close()
    await harness?.close()
    await browser?.close()
  })

  const card = (provider: Provider) => sandboxCard(page, provider)
  const created = (provider: Provider) => sandboxCreated(harness, provider)
  const send = (provider: Provider, sample: string) => sendSample(page, provider, sample)
  const simulate = (provider: Provider, scenario: string) => pick(page, harness, provider, scenario)

  it('offers five clearly labelled sandbox profiles with no edit or remove', async () => {
    for (const provider of Object.keys(labels) as Provider[]) {
      const c = card(provider)
      await expect.poll(() => c.count(), { message: provider }).toBe(1)
      await expect.poll(() => c.locator('.badge-sandbox').innerText()).toBe('Sandbox')
      await expect.poll(() => c.innerText()).toContain('reach no real provider')
      await expect.poll(() => c.getByRole('button', { name: /^Edit/ }).count()).toBe(0)
      await expect.poll(() => c.getByRole('button', { name: /^Remove/ }).count()).toBe(0)
    }
  })

  const samples: [Provider, string][] = [
    ['webex', 'outdial'],
    ['webex', 'callback-now'],
    ['webex', 'callback-later'],
    ['egain', 'follow-up'],
    ['connect', 'follow-up'],
    ['connect', 'callback-later'],
    ['aiccs', 'broadcast'],
    ['voice_broadcast', 'broadcast'],
  ]

  it.each(samples)('%s %s: the provider id comes back and is shown', async (provider, sample) => {
    const before = await created(provider)
    const outcome = await send(provider, sample)
    await expect.poll(() => outcome.getAttribute('data-outcome')).toBe('sent')
    const text = await outcome.innerText()
    expect(text).toMatch(/Sent\. Provider id: \S+/)
    expect(await created(provider)).toBe(before + 1)
    // The card asks for the count again as the task moves, so it settles a moment after "sent".
    await expect
      .poll(() => card(provider).getByTestId('sandbox-created').innerText(), { timeout: 5000 })
      .toMatch(new RegExp(`created ${before + 1} task`))
  })

  /**
   * In the Queue view, do what an agent would with whatever it lists, by keyboard: "Retry now" for a
   * waiting task, "It was created" for one in review, until only refused or expired tasks (which
   * need no decision) are left; then back to Profiles.
   */
  async function clearQueue(): Promise<void> {
    await openView(page, 'queue')
    const queue = page.getByTestId('queue-view')
    await expect
      .poll(
        async () => {
          const states = await queue
            .getByTestId('queue-row')
            .evaluateAll((els) =>
              els.map((el) => el.querySelector('[data-testid="task-status"]')?.getAttribute('data-state') ?? ''),
            )
          // No rows yet is not an empty queue: the view draws its first page a moment after it opens
          // (judged clear then, on a loaded machine, a task waiting for sign-in was left behind).
          if (states.length === 0 && (await page.getByTestId('queue-empty').count()) === 0) return 'loading'
          if (states.every((s) => s === 'rejected' || s === 'expired')) return 'clear'
          // The row can go away on its own meanwhile (its retry came due and it was sent): then
          // there is nothing to press this round.
          const action = queue.getByRole('button', { name: /^(Retry now|It was created): / }).first()
          if ((await action.count()) > 0) await action.press('Enter', { timeout: 1000 }).catch(() => undefined)
          return 'acting'
        },
        { timeout: 30_000, interval: 300 },
      )
      .toBe('clear')
    await openView(page, 'profiles')
  }

  it('shows every outcome class the simulators can produce, and the queue view acts on them', async () => {
    const table: [Provider, string, string, string, RegExp][] = [
      ['webex', 'outdial', 'offline', 'retry', /tried again/],
      ['webex', 'outdial', 'down', 'retry', /tried again in (2\d|30) s/],
      ['connect', 'follow-up', 'rate_limited', 'retry', /tried again in \d s/],
      ['webex', 'outdial', 'credentials_refused', 'needs_auth', /sign in again/],
      ['egain', 'follow-up', 'answer_lost', 'needs_review', /Needs your review/],
      ['webex', 'outdial', 'server_error', 'needs_review', /Needs your review/],
      ['connect', 'follow-up', 'answer_lost', 'retry', /tried again/],
      ['voice_broadcast', 'broadcast', 'invalid', 'rejected', /Refused/],
      ['aiccs', 'broadcast', 'invalid', 'rejected', /Refused/],
    ]
    for (const [provider, sample, scenario, kind, words] of table) {
      await simulate(provider, scenario)
      const outcome = await send(provider, sample)
      // A keyed task whose answer was lost is tried again at once, so its status moves between
      // "retry" and "pending" until the scenario ends: wait for the outcome, don't sample it.
      await expect.poll(() => outcome.getAttribute('data-outcome'), { message: `${provider} ${scenario}` }).toBe(kind)
      await expect.poll(() => outcome.innerText(), { message: `${provider} ${scenario}` }).toMatch(words)
      if (provider === 'voice_broadcast' && scenario === 'invalid') {
        await outcome.getByText(/The provider’s answer/).click()
        await screenshot(page, 'sandbox-outcome-rejected-light-en')
      }
      if (provider === 'egain') {
        await expect.poll(() => page.getByTestId('queue-attention-link').innerText()).toMatch(/1 needs you/)
        await openView(page, 'queue')
        await screenshot(page, 'queue-needs-review-light-en')
        await openView(page, 'profiles')
      }
      await simulate(provider, 'normal')
      await clearQueue()
    }
    const outcome = await send('webex', 'outdial')
    await expect.poll(() => outcome.getAttribute('data-outcome')).toBe('sent')
    await expect.poll(() => page.getByTestId('queue-state').innerText()).toMatch(/Nothing waiting/)

    // The refused tasks stay listed until the agent dismisses them; then the queue is empty.
    await openView(page, 'queue')
    const dismiss = page.getByRole('button', { name: /^Dismiss: / })
    await expect.poll(() => dismiss.count()).toBe(2)
    for (let left = 2; left > 0; left--) {
      await dismiss.first().focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => dismiss.count()).toBe(left - 1)
    }
    await page.getByTestId('queue-empty').waitFor()
    await openView(page, 'profiles')
  }, 120_000)

  it('asks before sending a task in review again, and Esc keeps it in review', async () => {
    const before = await created('egain')
    await simulate('egain', 'answer_lost')
    const status = await send('egain', 'follow-up')
    await expect.poll(() => status.getAttribute('data-outcome')).toBe('needs_review')
    await simulate('egain', 'normal')
    await openView(page, 'queue')
    const resend = page.getByRole('button', { name: /^Send again: / }).first()
    await resend.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    await expect.poll(() => dialog.innerText()).toMatch(/it will exist twice/)
    await screenshot(page, 'queue-resend-confirm-light-en')
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.isVisible()).toBe(false)
    await expect.poll(() => page.getByRole('button', { name: /^Send again: / }).count()).toBe(1)
    await resend.click()
    await dialog.getByRole('button', { name: 'Send again' }).click()
    // Sent again: the simulator has it twice (the lost answer's task and this one), the queue none.
    await expect.poll(() => created('egain'), { timeout: 10_000 }).toBe(before + 2)
    await expect.poll(() => page.getByRole('button', { name: /^Send again: / }).count()).toBe(0)
    await openView(page, 'profiles')
  }, 60_000)

  it('looks right in dark and in Spanish', async () => {
    await harness.call('settings:update', { theme: 'dark', uiLanguage: 'es' })
    await page.reload()
    await card('webex').getByTestId('sandbox-try').waitFor()
    const outcome = await send('webex', 'outdial')
    await expect.poll(() => outcome.innerText()).toMatch(/Enviada\. Id del proveedor: \S+/)
    await card('webex').scrollIntoViewIfNeeded()
    await screenshot(page, 'sandbox-webex-dark-es')
    await harness.call('settings:update', { theme: 'light', uiLanguage: 'en' })
    await page.reload()
    await card('webex').getByTestId('sandbox-try').waitFor()
    await send('webex', 'outdial')
    await card('webex').scrollIntoViewIfNeeded()
    await screenshot(page, 'sandbox-webex-light-en')
    expect(problems).toEqual([])
    await expect(cspViolations(page)).resolves.toEqual([])
  })
})
