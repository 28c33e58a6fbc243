import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memorySecretStore } from '../main/memory-secret-store'
import { chromiumAvailable, launchChromium, screenshot, watchPageProblems } from './helpers/chromium'
import { startTestHarness } from './helpers/harness'

describe.skipIf(!chromiumAvailable())('the queue view in Chromium', () => {
  it('offline: the task waits in the queue with the reason, and goes out with its provider id when the provider is back', async () => {
    const browser = await launchChromium()
    const harness = await startTestHarness({ secrets: memorySecretStore() })
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 1100 } })
      const problems = watchPageProblems(page)
      await page.goto(harness.url)
      const webex = page.locator('[data-testid="profile-card"][data-sandbox="true"]', {
        has: page.getByRole('heading', { name: 'Sandbox · Webex Contact Center', exact: true }),
      })
      await webex.getByTestId('sandbox-scenario').selectOption('offline')
      const send = webex.locator('[data-testid="sandbox-send"][data-sample="outdial"]')
      await send.focus()
      await page.keyboard.press('Enter')

      const row = page.getByTestId('queue-view').getByTestId('queue-row').first()
      await expect
        .poll(() => row.getByTestId('task-status').getAttribute('data-outcome'), { timeout: 10_000 })
        .toBe('retry')
      await expect
        .poll(() => row.innerText())
        .toMatch(/Not sent yet: it will be tried again[^\n]*\n[^\n]*ECONNREFUSED[^\n]*nothing was sent/)
      await expect
        .poll(() => page.getByTestId('lane-status').innerText())
        .toMatch(/Sandbox · Webex Contact Center: cannot be reached/)
      await expect.poll(() => page.getByTestId('queue-badge').innerText()).toMatch(/1 waiting/)
      await page.getByTestId('queue-view').scrollIntoViewIfNeeded()
      await screenshot(page, 'queue-offline-waiting-light-en')

      await webex.getByTestId('sandbox-scenario').selectOption('normal')
      const status = webex.getByTestId('task-status')
      await expect.poll(() => status.getAttribute('data-outcome'), { timeout: 10_000 }).toBe('sent')
      await expect.poll(() => status.innerText()).toMatch(/Sent\. Provider id: [0-9a-f-]{36}/)
      await page.getByTestId('queue-empty').waitFor()
      await expect.poll(() => page.getByTestId('lane-status').count()).toBe(0)
      await screenshot(page, 'queue-offline-then-sent-light-en')
      expect(problems).toEqual([])
    } finally {
      await harness.close()
      await browser.close()
    }
  })

  it("shows a provider clock more than two minutes off this computer's (Q8)", async () => {
    const browser = await launchChromium()
    const harness = await startTestHarness({ secrets: memorySecretStore() })
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 1100 } })
      const problems = watchPageProblems(page)
      await page.goto(harness.url)
      const webex = page.locator('[data-testid="profile-card"][data-sandbox="true"]', {
        has: page.getByRole('heading', { name: 'Sandbox · Webex Contact Center', exact: true }),
      })
      await webex.getByTestId('sandbox-scenario').selectOption('clock_ahead')
      const send = webex.locator('[data-testid="sandbox-send"][data-sample="outdial"]')
      // Three answers outvote none: the estimate is a median.
      for (let i = 0; i < 3; i++) {
        await send.focus()
        await page.keyboard.press('Enter')
        await expect.poll(() => webex.getByTestId('task-status').getAttribute('data-outcome')).toBe('sent')
        await page.waitForTimeout(100)
      }
      const skew = page.getByTestId('lane-skew')
      await skew.waitFor()
      await expect.poll(() => skew.innerText()).toMatch(/its clock is 4 min ahead of this computer’s/)
      await page.getByTestId('queue-view').scrollIntoViewIfNeeded()
      await screenshot(page, 'queue-provider-clock-ahead-light-en')
      expect(problems).toEqual([])
    } finally {
      await harness.close()
      await browser.close()
    }
  })

  it('tells the agent when the queue file was damaged and set aside (Q3), and is empty otherwise', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'callboard-e2e-queue-'))
    mkdirSync(join(dataDir, 'outbox'))
    writeFileSync(join(dataDir, 'outbox', 'outbox.journal'), Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0a]))
    const browser = await launchChromium()
    const harness = await startTestHarness({ dataDir, secrets: memorySecretStore() })
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } })
      const problems = watchPageProblems(page)
      await page.goto(harness.url)
      const queue = page.getByTestId('queue-view')
      const notice = queue.getByRole('alert')
      await notice.waitFor()
      await expect
        .poll(() => notice.innerText())
        .toMatch(/task queue file was damaged .*set aside as .*outbox\.journal\.corrupt-/)
      await expect.poll(() => queue.getByTestId('queue-empty').isVisible()).toBe(true)
      await expect.poll(() => page.getByTestId('queue-badge').innerText()).toMatch(/Nothing waiting/)
      await queue.scrollIntoViewIfNeeded()
      await screenshot(page, 'queue-damaged-file-notice-light-en')
      expect(problems).toEqual([])
    } finally {
      await harness.close()
      await browser.close()
    }
  })
})
