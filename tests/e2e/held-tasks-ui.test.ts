import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { startWebexSimulator } from '../../electron/main/providers/webex/webex-simulator'
import { memorySecretStore } from '../main/memory-secret-store'
import { drafts, secrets } from '../shared/fixtures'
import { chromiumAvailable, launchChromium, screenshot, screenshotOf, watchPageProblems } from './helpers/chromium'
import type { TestHarness } from './helpers/harness'
import { startTestHarness } from './helpers/harness'
import { openApp, openView, sandboxCard, sendSample, simulate } from './helpers/views'

// Trust issue A1 and A7 as an agent meets them in the window: a task whose profile could not be
// read is held and says so, the profile is listed to repair, and repairing it by keyboard sends the
// task; a task waiting behind an earlier one of the same customer names it, with a link to it.

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function browser(): Promise<Browser> {
  const b = await launchChromium()
  cleanups.push(() => b.close())
  return b
}
async function harness(options: Parameters<typeof startTestHarness>[0]): Promise<TestHarness> {
  const h = await startTestHarness(options)
  cleanups.push(() => h.close())
  return h
}

describe.skipIf(!chromiumAvailable())('held tasks in Chromium', () => {
  it('a profile that could not be read: its task is held and shown, the profile is listed, and repairing it by keyboard sends the task', async () => {
    const sim = await startWebexSimulator({ ...secrets.webex, orgId: drafts.webex.orgId, rateLimit: null })
    cleanups.push(() => sim.close())
    const dataDir = mkdtempSync(join(tmpdir(), 'callboard-e2e-held-'))
    const keychain = memorySecretStore()

    // A first run: the profile, its credentials, and an outdial queued while sending is paused.
    const first = await startTestHarness({ dataDir, secrets: keychain })
    const saved = await first.call('profiles:save', {
      ...drafts.webex,
      label: 'Sales A',
      endpoint: { kind: 'custom', baseUrl: sim.url },
      identityUrl: sim.identityUrl,
    })
    const profileId = (saved.body as { value: { profile: { id: string } } }).value.profile.id
    await first.call('credentials:set', { profileId, secret: secrets.webex })
    first.services.outbox!.pause()
    await first.call('tasks:submit', {
      intent: {
        kind: 'outdial',
        profileId,
        destination: '+14155550123',
        entryPointId: 'EP-outbound-1',
        origin: '+14085550100',
      },
    })
    await first.close()
    // Its name is damaged in the file and in the last good copy: nothing to take it from.
    for (const name of ['settings.json', 'settings.last-good.json']) {
      const path = join(dataDir, name)
      writeFileSync(path, readFileSync(path, 'utf8').replace('"label": "Sales A"', '"label": ""'))
    }

    const h = await harness({ dataDir, secrets: keychain })
    const page = await (await browser()).newPage({ viewport: { width: 1100, height: 1000 } })
    const problems = watchPageProblems(page)
    await openApp(page, h.url, '#/queue')
    const queue = page.getByTestId('queue-view')
    const row = queue.getByTestId('queue-row').first()
    await expect
      .poll(() => row.getByTestId('task-status').innerText())
      .toMatch(/Held: its profile is missing\. It is not sent, and goes on by itself once the profile is back\./)
    await expect.poll(() => page.getByTestId('queue-attention-link').innerText()).toMatch(/1 needs you/)
    await expect
      .poll(() => page.getByTestId('recovery-banner').innerText())
      .toMatch(/A profile that could not be read was set aside/)
    await screenshotOf(queue, 'queue-held-no-profile-light-en')

    // "Repair the profile" leads to Profiles, to the set-aside profiles, listed with why.
    await row.getByRole('button', { name: 'Repair the profile of +14155550123' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('set-aside')
    const setAside = page.getByTestId('set-aside')
    await expect.poll(() => setAside.innerText()).toMatch(/A profile without a readable name[\s\S]*Why: .*label/)
    await screenshotOf(setAside, 'profiles-set-aside-light-en')

    // Repair, by keyboard: the editor opens with what was kept; the name is typed, Enter saves.
    await setAside.getByRole('button', { name: 'Repair A profile without a readable name' }).focus()
    await page.keyboard.press('Enter')
    const editor = setAside.getByTestId('profile-editor')
    await editor.waitFor()
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name))
      .toBe('label')
    await page.keyboard.type('Sales A')
    await page.keyboard.press('Enter')

    // The task goes by itself, and reaches the provider.
    await expect.poll(() => sim.tasks.length, { timeout: 20_000 }).toBe(1)
    await expect.poll(() => setAside.count()).toBe(0)
    await openView(page, 'queue')
    await page.getByTestId('queue-empty').waitFor()
    expect(problems).toEqual([])
  })

  it('a task behind an earlier one of the same customer names it, with a link to it, in English and Spanish', async () => {
    const h = await harness({ secrets: memorySecretStore() })
    const page = await (await browser()).newPage({ viewport: { width: 1100, height: 1000 } })
    const problems = watchPageProblems(page)
    await openApp(page, h.url, '#/profiles')
    await simulate(page, h, 'webex', 'answer_lost')
    const first = await sendSample(page, 'webex', 'outdial')
    await expect.poll(() => first.getAttribute('data-state')).toBe('needs_review')
    await simulate(page, h, 'webex', 'normal')
    // The second waits (behind the first), so it has no outcome to wait for here.
    await sandboxCard(page, 'webex').locator('[data-testid="sandbox-send"][data-sample="outdial"]').focus()
    await page.keyboard.press('Enter')
    await expect
      .poll(() => h.call('queue:list', {}).then((r) => (r.body as { value: { total: number } }).value.total))
      .toBe(2)
    await openView(page, 'queue')
    const queue = page.getByTestId('queue-view')

    // Newest first: the second outdial to the same number waits behind the first.
    const behind = queue.getByTestId('queue-row').first()
    const note = behind.getByTestId('waiting-behind')
    await expect
      .poll(() => note.innerText())
      .toMatch(/^Waiting behind an earlier task for the same customer: \+\S+ \(Needs review\)$/)
    await screenshotOf(queue, 'queue-waiting-behind-light-en')
    // The link leads to the task that holds it.
    const head = queue.getByTestId('queue-row').nth(1)
    const headId = await head.getAttribute('data-id')
    await note.getByRole('link').focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`queue-row-${headId}`)

    await h.call('settings:update', { uiLanguage: 'es', theme: 'dark' })
    await expect
      .poll(() => note.innerText())
      .toMatch(/^Espera detrás de una tarea anterior del mismo cliente: \+\S+ \(Hay que revisarla\)$/)
    await screenshotOf(queue, 'queue-waiting-behind-dark-es')
    await screenshot(page, 'queue-waiting-behind-page-dark-es')
    expect(problems).toEqual([])
  })
})
