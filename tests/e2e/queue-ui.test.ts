import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memorySecretStore } from '../main/memory-secret-store'
import { chromiumAvailable, launchChromium, screenshot, watchPageProblems } from './helpers/chromium'
import { startTestHarness } from './helpers/harness'

describe.skipIf(!chromiumAvailable())('the queue view in Chromium', () => {
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
      expect(await notice.innerText()).toMatch(/task queue file was damaged .*set aside as .*outbox\.journal\.corrupt-/)
      await expect(queue.getByTestId('queue-empty').isVisible()).resolves.toBe(true)
      await expect(page.getByTestId('queue-badge').innerText()).resolves.toMatch(/Nothing waiting/)
      await queue.scrollIntoViewIfNeeded()
      await screenshot(page, 'queue-damaged-file-notice-light-en')
      expect(problems).toEqual([])
    } finally {
      await harness.close()
      await browser.close()
    }
  })
})
