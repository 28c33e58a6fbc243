import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memorySecretStore } from '../main/memory-secret-store'
import { chromiumAvailable, launchChromium, screenshot, watchPageProblems } from './helpers/chromium'
import { startTestHarness } from './helpers/harness'
import { openApp, openView, sandboxCard, sendSample, simulate } from './helpers/views'

describe.skipIf(!chromiumAvailable())('the queue view in Chromium', () => {
  it('offline: the task waits in the queue with the reason, and goes out with its provider id when the provider is back', async () => {
    const browser = await launchChromium()
    const harness = await startTestHarness({ secrets: memorySecretStore() })
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 1100 } })
      const problems = watchPageProblems(page)
      await openApp(page, harness.url, '#/profiles')
      await sandboxCard(page, 'webex').waitFor()
      await simulate(page, harness, 'webex', 'offline')
      await sendSample(page, 'webex', 'outdial')

      // The header says so from any view; its link opens the queue on the waiting tasks.
      const waiting = page.getByTestId('queue-waiting-link')
      await expect.poll(() => waiting.innerText()).toMatch(/1 waiting/)
      await waiting.focus()
      await page.keyboard.press('Enter')
      const queue = page.getByTestId('queue-view')
      await queue.waitFor()
      const row = queue.getByTestId('queue-row').first()
      await expect
        .poll(() => row.getByTestId('task-status').getAttribute('data-outcome'), { timeout: 10_000 })
        .toBe('retry')
      await expect
        .poll(() => row.innerText())
        .toMatch(/Not sent yet: it will be tried again[^\n]*\n[^\n]*ECONNREFUSED[^\n]*nothing was sent/)
      await expect
        .poll(() => page.getByTestId('lane-status').innerText())
        .toMatch(/Sandbox · Webex Contact Center: cannot be reached/)
      await screenshot(page, 'queue-offline-waiting-light-en')

      await openView(page, 'profiles')
      await simulate(page, harness, 'webex', 'normal')
      await openView(page, 'queue')
      await page.getByTestId('queue-empty').waitFor({ timeout: 15_000 })
      await expect.poll(() => page.getByTestId('lane-status').count()).toBe(0)
      await expect.poll(() => page.getByTestId('queue-state').innerText()).toMatch(/Nothing waiting/)
      await screenshot(page, 'queue-offline-then-sent-light-en')
      // Sent, with the provider's id, in the history.
      await openView(page, 'history')
      const sent = page.getByTestId('history-row').first()
      await expect.poll(() => sent.getByTestId('history-state-cell').innerText()).toBe('Sent')
      await expect.poll(() => sent.getByTestId('history-provider-id').innerText()).toMatch(/^[0-9a-f-]{36}$/)
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
      await openApp(page, harness.url, '#/profiles')
      await sandboxCard(page, 'webex').waitFor()
      await simulate(page, harness, 'webex', 'clock_ahead')
      // Three answers outvote none: the estimate is a median. Each send waits for the one before.
      for (let i = 1; i <= 3; i++) {
        const status = await sendSample(page, 'webex', 'outdial')
        await expect.poll(() => status.getAttribute('data-outcome')).toBe('sent')
        expect(harness.services.sandbox!.ledger('webex')).toHaveLength(i)
      }
      await openView(page, 'queue')
      const skew = page.getByTestId('lane-skew')
      await skew.waitFor()
      await expect.poll(() => skew.innerText()).toMatch(/its clock is 4 min ahead of this computer’s/)
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
      await openApp(page, harness.url, '#/queue')
      const queue = page.getByTestId('queue-view')
      const notice = queue.getByRole('alert')
      await notice.waitFor()
      await expect
        .poll(() => notice.innerText())
        .toMatch(/task queue file was damaged .*set aside as .*outbox\.journal\.corrupt-/)
      await expect.poll(() => queue.getByTestId('queue-empty').isVisible()).toBe(true)
      await expect.poll(() => page.getByTestId('queue-state').innerText()).toMatch(/Nothing waiting/)
      await screenshot(page, 'queue-damaged-file-notice-light-en')
      expect(problems).toEqual([])
    } finally {
      await harness.close()
      await browser.close()
    }
  })
})
