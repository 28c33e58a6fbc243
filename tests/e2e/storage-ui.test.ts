import { afterEach, describe, expect, it } from 'vitest'
import { memorySecretStore } from '../main/memory-secret-store'
import { mountSmallDisk, smallDiskAvailable } from '../main/storage/small-disk'
import { chromiumAvailable, launchChromium, screenshotOf, watchPageProblems } from './helpers/chromium'
import { startTestHarness } from './helpers/harness'
import { openApp, openView } from './helpers/views'

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
    await openApp(page, harness.url)
    harness.services.outbox!.pause()

    disk.fill()
    const form = page.getByTestId('outdial-form')
    const number = form.locator('input[name="destination"]')
    const stopped = page.getByTestId('queue-state').getByText('Queue stopped')
    // The journal's last page may still take a task or two: queue until the disk says no. The
    // number field has the keyboard at start and after each task.
    for (let n = 0; n < 8 && (await stopped.count()) === 0; n++) {
      await expect.poll(() => number.evaluate((el) => el === document.activeElement)).toBe(true)
      await page.keyboard.type(`+1 415 555 01${String(10 + n)}`)
      await page.keyboard.press('Enter')
      // Queued (the form clears only then), or refused with the reason.
      await expect
        .poll(async () => (await number.inputValue()) === '' || /Not queued/.test(await form.innerText()))
        .toBe(true)
    }
    await stopped.waitFor()
    await expect.poll(() => form.innerText()).toMatch(/Not queued: The disk that holds Callboard's data is full/)
    // Not queued, so not cleared: the number typed is still there to queue once there is room.
    expect(await number.inputValue()).toMatch(/^\+1 415 555 01\d\d$/)
    await screenshotOf(page.getByTestId('tasks'), 'outdial-disk-full-light-en')
    await openView(page, 'queue')
    const queue = page.getByTestId('queue-view')
    await expect
      .poll(() => queue.getByTestId('queue-stopped').innerText())
      .toMatch(/The task queue is stopped: the disk that holds Callboard's data is full\./)
    await screenshotOf(queue, 'queue-stopped-disk-full-light-en')

    // Space comes back: the notice goes by itself, here and in the header.
    disk.free()
    await expect.poll(() => queue.getByTestId('queue-stopped').count(), { timeout: 60_000 }).toBe(0)
    await expect.poll(() => stopped.count()).toBe(0)
    expect(problems).toEqual([])
  })
})
