import { describe, expect, it } from 'vitest'
import { memorySecretStore } from '../main/memory-secret-store'
import { chromiumAvailable, launchChromium, screenshot, watchPageProblems } from './helpers/chromium'
import { startTestHarness } from './helpers/harness'
import { clickNotification, openApp, openView, sandboxCard, simulate } from './helpers/views'

// A notification's click (issue 15, item 6), through the harness's stand-in for the OS click
// (POST /__harness/notification-click), which pushes the same desktop:openTask event the Electron
// edge pushes when its window is open (app-lifecycle.ts; a closed window opens on #/queue?task=).

describe.skipIf(!chromiumAvailable())('a clicked notification opens its task', () => {
  it('from another view: the queue, scrolled to the task and with the keyboard on it; a summary opens the queue', async () => {
    const browser = await launchChromium()
    const harness = await startTestHarness({ secrets: memorySecretStore() })
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 760 } })
      const problems = watchPageProblems(page)
      await openApp(page, harness.url, '#/profiles')
      await sandboxCard(page, 'webex').waitFor()
      await simulate(page, harness, 'webex', 'offline')
      const profiles = (await harness.call('profiles:list')).body as {
        value: { profile: { id: string; provider: string } }[]
      }
      const webex = profiles.value.find((p) => p.profile.provider === 'webex')!.profile.id
      for (const destination of ['+14155550101', '+14155550102', '+14155550103']) {
        const intent = {
          kind: 'outdial',
          profileId: webex,
          destination,
          entryPointId: 'sandbox-outdial-ep',
          origin: '+14085550100',
        }
        expect(await harness.call('tasks:submit', { intent })).toMatchObject({ status: 200, body: { ok: true } })
      }
      const listed = (await harness.call('queue:list', { offset: 0, limit: 50 })).body as {
        value: { items: { id: string }[] }
      }
      expect(listed.value.items.length).toBe(3)
      // The last row of three: the view must look it up, not take the first row.
      const target = listed.value.items.at(-1)!.id

      await openView(page, 'settings')
      expect(await clickNotification(harness, target)).toEqual({ ok: true })
      await page.getByTestId('queue-view').waitFor()
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`queue-row-${target}`)
      expect(new URL(page.url()).hash).toBe(`#/queue?task=${target}`)
      await screenshot(page, 'queue-opened-from-notification-light-en')

      // A summary ("3 more tasks like this") names no task: the queue, the keyboard on its heading.
      await openView(page, 'history')
      expect(await clickNotification(harness, null)).toEqual({ ok: true })
      await page.getByTestId('queue-view').waitFor()
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
      // A task id the queue does not hold (dismissed since): the queue all the same, nothing breaks.
      await openView(page, 'settings')
      expect(await clickNotification(harness, '00000000-0000-4000-8000-000000000000')).toEqual({ ok: true })
      await page.getByTestId('queue-view').waitFor()
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
      expect(problems).toEqual([])
    } finally {
      await harness.close()
      await browser.close()
    }
  }, 120_000)
})
