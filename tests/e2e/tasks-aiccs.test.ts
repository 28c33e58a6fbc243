import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { toWireRequest, type WireRequestOf } from '../../shared/providers/registry'
import type { AiccsBroadcastIntent } from '../../shared/schemas/intents'
import { toAiccsQuery } from '../../shared/providers/aiccs/wire'
import { memorySecretStore } from '../main/memory-secret-store'
import { chromiumAvailable, launchChromium, screenshotOf, watchPageProblems } from './helpers/chromium'
import type { TestHarness } from './helpers/harness'
import { tabTo } from './helpers/keyboard'
import { openApp, openKind } from './helpers/views'
import { startTestHarness } from './helpers/harness'

// The Alibaba Cloud AI call task form in Chromium, against the sandbox's AICCS simulator, by
// keyboard only: a valid task reaches the simulator (which applies every documented rule) with
// what was typed; a window that ends before it starts and a retry count out of range are marked
// on their fields and nothing is sent. Screenshots in light/dark × English/Spanish.

const FORM = '[data-testid="aiccs-form"]'

/** New task → Broadcast (Alt+4) → "Alibaba Cloud AI agent calls", all from the keyboard. */
async function openAiccsForm(page: Page): Promise<void> {
  await openKind(page, 'broadcast')
  await tabTo(page, 'input[type="radio"][value="voice"]')
  await page.keyboard.press('ArrowDown')
  await page.locator(FORM).waitFor()
}

/** Replace what a text box holds with `text`, as typed. */
async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(text)
}

/** A time picker: type the time, Enter takes it. */
async function typeTime(page: Page, selector: string, time: string): Promise<void> {
  await tabTo(page, selector)
  await retype(page, time)
  await page.keyboard.press('Enter')
}

async function setUp(harness: TestHarness, page: Page, theme: 'light' | 'dark', language: 'en' | 'es') {
  const settings = await harness.call('settings:update', { theme, uiLanguage: language })
  expect(settings.status).toBe(200)
  await openApp(page, harness.url)
  await openAiccsForm(page)
}

const aiccsEntries = (harness: TestHarness) =>
  harness.services.outbox!.list().filter((e) => e.intent.kind === 'broadcast' && e.intent.provider === 'aiccs')

describe.skipIf(!chromiumAvailable())('Alibaba Cloud AI call task form in Chromium', () => {
  for (const [theme, language] of [
    ['light', 'en'],
    ['dark', 'es'],
  ] as const) {
    it(`a scheduled AI call task, typed by keyboard, reaches the AICCS simulator (${theme}, ${language})`, async () => {
      const browser = await launchChromium()
      const harness = await startTestHarness({ secrets: memorySecretStore() })
      try {
        const page = await browser.newPage({ viewport: { width: 1100, height: 1500 } })
        const problems = watchPageProblems(page)
        await setUp(harness, page, theme, language)
        const form = page.locator(FORM)

        await tabTo(page, `${FORM} input[name="taskName"]`)
        await page.keyboard.type('Renovaciones julio')
        // The first window: 09:00 to 13:30; a second one, 15:00 to 18:00.
        await typeTime(page, `${FORM} input[name="callTimes[0].endTime"]`, '13:30')
        await tabTo(page, `${FORM} .aiccs-windows .add-row`)
        await page.keyboard.press('Enter')
        // The new row's first field has the focus.
        await retype(page, '15:00')
        await page.keyboard.press('Enter')
        await typeTime(page, `${FORM} input[name="callTimes[1].endTime"]`, '18:00')
        // Saturday too; Monday off (space toggles a checkbox).
        await tabTo(page, `${FORM} .days-field input[value="MONDAY"]`)
        await page.keyboard.press('Space')
        await tabTo(page, `${FORM} .days-field input[value="SATURDAY"]`)
        await page.keyboard.press('Space')
        await tabTo(page, `${FORM} input[name="retryTimes"]`)
        await page.keyboard.type('2')
        await tabTo(page, `${FORM} input[name="retryIntervalMinutes"]`)
        await page.keyboard.type('30')
        // Retry reasons: open, take the first (call rejected) and the last (no answer), close.
        await tabTo(page, `${FORM} .aiccs-reasons input`)
        await page.keyboard.press('ArrowDown')
        // Opening hovers no option yet; the next arrow hovers the first.
        await expect.poll(() => page.locator('.el-select-dropdown__item.is-hovering').count()).toBe(0)
        await page.keyboard.press('ArrowDown')
        await page.keyboard.press('Enter')
        await page.keyboard.press('ArrowUp')
        await page.keyboard.press('Enter')
        await page.keyboard.press('Escape')
        await tabTo(page, `${FORM} input[name="concurrency"]`)
        await page.keyboard.type('20')
        // Start tomorrow at 08:15 (this computer's time): the second radio, by arrow key.
        await tabTo(page, `${FORM} .start-field input[value="now"]`)
        await page.keyboard.press('ArrowDown')
        const startAt = await page.evaluate(() => {
          const d = new Date()
          d.setDate(d.getDate() + 1)
          d.setHours(8, 15, 0, 0)
          const p = (n: number) => String(n).padStart(2, '0')
          return {
            text: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} 08:15`,
            ms: d.getTime(),
          }
        })
        await tabTo(page, `${FORM} .start-at input`)
        await page.keyboard.type(startAt.text)
        await page.keyboard.press('Enter')
        await expect.poll(() => form.locator('.start-at input').inputValue()).toBe(startAt.text)

        await screenshotOf(form, `tasks-aiccs-filled-${theme}-${language}`)
        await tabTo(page, `${FORM} button[type="submit"]`)
        await page.keyboard.press('Enter')
        await expect
          .poll(() => form.getByTestId('last-task').getByTestId('task-status').getAttribute('data-outcome'), {
            timeout: 20_000,
          })
          .toBe('sent')

        // What was queued is exactly what was typed…
        const entries = aiccsEntries(harness)
        expect(entries).toHaveLength(1)
        const intent = entries[0]!.intent as AiccsBroadcastIntent
        expect(intent).toEqual({
          kind: 'broadcast',
          provider: 'aiccs',
          profileId: intent.profileId,
          taskName: 'Renovaciones julio',
          agentId: '',
          virtualNumber: '',
          callTimes: [
            { startTime: '09:00:00', endTime: '13:30:00' },
            { startTime: '15:00:00', endTime: '18:00:00' },
          ],
          callDays: ['TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'],
          retryTimes: 2,
          retryIntervalMinutes: 30,
          retryReasons: ['CALL_REJECTED', 'NO_ANSWER'],
          concurrency: 20,
          start: { kind: 'at', at: new Date(startAt.ms).toISOString() },
        })
        // …the CreateAiCallTask it makes takes the sandbox profile's defaults…
        const profile = harness.services.sandbox!.profile(intent.profileId)!
        const wire = toWireRequest(intent, profile, new Date(entries[0]!.createdAt))
        if ('error' in wire || wire.provider !== 'aiccs') throw new Error('expected an AICCS request')
        const query = toAiccsQuery((wire as WireRequestOf<'aiccs'>).payload)
        expect(query).toMatchObject({
          TaskName: 'Renovaciones julio',
          AgentId: 'sandbox-agent',
          VirtualNumber: '057100000000',
          StartType: 'SCHEDULE',
          TaskStartTime: String(startAt.ms),
          CallTime: JSON.stringify([
            '{"startTime":"09:00:00","endTime":"13:30:00"}',
            '{"startTime":"15:00:00","endTime":"18:00:00"}',
          ]),
          CallDay: '["TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY"]',
          MissCallRetry: 'true',
          CallRetryTimes: '2',
          CallRetryInterval: '30',
          CallRetryReason: '["CALL_REJECTED","NO_ANSWER"]',
          TaskCps: '20',
        })
        // …and the simulator, which checks every documented rule, created it under Callboard's name.
        const ledger = harness.services.sandbox!.ledger('aiccs') as { taskId: string; taskName: string }[]
        expect(ledger).toHaveLength(1)
        expect(ledger[0]!.taskName).toBe(`Renovaciones julio [callboard-${entries[0]!.idempotencyKey}]`)
        // The name is cleared for the next task; the campaign's settings stay.
        expect(await form.locator('input[name="taskName"]').inputValue()).toBe('')
        await screenshotOf(form, `tasks-aiccs-sent-${theme}-${language}`)
        expect(problems).toEqual([])
      } finally {
        await harness.close()
        await browser.close()
      }
    }, 120_000)

    it(`a window ending before it starts and 4 retries are refused on their fields, nothing sent (${theme === 'light' ? 'dark' : 'light'}, ${language})`, async () => {
      const shownTheme = theme === 'light' ? 'dark' : 'light'
      const browser = await launchChromium()
      const harness = await startTestHarness({ secrets: memorySecretStore() })
      try {
        const page = await browser.newPage({ viewport: { width: 1100, height: 1500 } })
        const problems = watchPageProblems(page)
        await setUp(harness, page, shownTheme, language)
        const form = page.locator(FORM)

        await tabTo(page, `${FORM} input[name="taskName"]`)
        await page.keyboard.type('Backwards')
        await typeTime(page, `${FORM} input[name="callTimes[0].endTime"]`, '08:30')
        await tabTo(page, `${FORM} input[name="retryTimes"]`)
        await page.keyboard.type('4')
        await tabTo(page, `${FORM} button[type="submit"]`)
        await page.keyboard.press('Enter')

        await expect
          .poll(() => form.getByTestId('task-status').innerText())
          .toMatch(language === 'es' ? /Algunos campos/ : /Some fields need attention/)
        // The schema's own words, in the page's language.
        const windowError =
          language === 'es' ? 'La franja debe terminar después de empezar.' : 'The window must end after it starts.'
        const end = form.locator('.time-field').nth(1)
        await expect.poll(() => end.innerText()).toContain(windowError)
        await expect.poll(() => end.locator('input').getAttribute('aria-invalid')).toBe('true')
        await expect
          .poll(() => form.locator('.number-field').first().innerText())
          .toMatch(language === 'es' ? /reintentos/ : /The number of retries can be at most 3\./)
        // The keyboard is on the first field that needs attention: the window's end.
        expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('callTimes[0].endTime')
        // Said once, on that field; Escape closes the picker that opened with the focus, and keeps it.
        expect((await form.innerText()).split(windowError)).toHaveLength(2)
        await page.keyboard.press('Escape')
        expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('callTimes[0].endTime')
        await screenshotOf(form, `tasks-aiccs-invalid-${shownTheme}-${language}`)
        expect(aiccsEntries(harness)).toHaveLength(0)
        expect(harness.services.sandbox!.ledger('aiccs')).toHaveLength(0)
        expect(problems).toEqual([])
      } finally {
        await harness.close()
        await browser.close()
      }
    }, 120_000)
  }
})
