import { afterEach, describe, expect, it } from 'vitest'
import { memorySecretStore } from '../main/memory-secret-store'
import { mountSmallDisk, smallDiskAvailable } from '../main/storage/small-disk'
import { chromiumAvailable, launchChromium, screenshotOf, watchPageProblems } from './helpers/chromium'
import { tabTo } from './helpers/keyboard'
import { startTestHarness } from './helpers/harness'

// Trust issue A4 as the agent sees it: on a real disk that fills up, the outdial form says the
// task was not queued and why, the queue view says it is stopped, and both clear by themselves
// once there is space again.

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

describe.skipIf(!chromiumAvailable() || !smallDiskAvailable())('a full disk in Chromium', () => {
  it('the form and the queue view say the disk is full; space back, the next task is queued', async () => {
    const disk = mountSmallDisk(8192)
    cleanups.push(() => disk.close())
    const harness = await startTestHarness({ dataDir: disk.dir, secrets: memorySecretStore() })
    cleanups.push(() => harness.close())
    const browser = await launchChromium()
    cleanups.push(() => browser.close())
    const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } })
    const problems = watchPageProblems(page)
    await page.goto(harness.url)
    await page.getByTestId('tasks').waitFor()
    harness.services.outbox!.pause()

    disk.fill()
    const form = page.getByTestId('outdial-form')
    const queue = page.getByTestId('queue-view')
    // The journal's last page may still take a task or two: queue until the disk says no.
    for (let n = 0; n < 8 && (await queue.getByTestId('queue-stopped').count()) === 0; n++) {
      await tabTo(page, '[data-testid="outdial-form"] input[name="destination"]')
      await page.keyboard.type(`+1 415 555 01${String(10 + n)}`)
      await page.keyboard.press('Enter')
      await expect.poll(async () => (await form.innerText()).match(/queued/i)?.[0] ?? '').not.toBe('')
    }
    await expect
      .poll(() => queue.getByTestId('queue-stopped').innerText())
      .toMatch(/The task queue is stopped: the disk that holds Callboard's data is full\./)
    await expect.poll(() => form.innerText()).toMatch(/Not queued: The disk that holds Callboard's data is full/)
    await screenshotOf(page.getByTestId('tasks'), 'outdial-disk-full-light-en')
    await queue.scrollIntoViewIfNeeded()
    await screenshotOf(queue, 'queue-stopped-disk-full-light-en')

    // Space comes back: the notice goes by itself.
    disk.free()
    await expect.poll(() => queue.getByTestId('queue-stopped').count(), { timeout: 60_000 }).toBe(0)
    expect(problems).toEqual([])
  })
})
