import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import type { SandboxState } from '../../../shared/schemas/sandbox'
import type { TestHarness } from './harness'

// The window is views (issue 16): tests reach them as an agent would, by the keyboard shortcuts
// the header lists (Ctrl+1–5 views, Alt+1–4 task kinds), and wait for what the view shows.

const VIEW_KEYS = { new: '1', queue: '2', history: '3', profiles: '4', settings: '5' } as const
const VIEW_TESTIDS = {
  new: 'tasks',
  queue: 'queue-view',
  history: 'history',
  profiles: 'profiles',
  settings: 'settings',
}
const KIND_KEYS = { outdial: '1', callback: '2', followUp: '3', broadcast: '4' } as const
const KIND_FORMS = {
  outdial: 'outdial-form',
  callback: 'callback-form',
  followUp: 'follow-up-form',
  broadcast: 'broadcast',
} as const

export type View = keyof typeof VIEW_KEYS
export type Kind = keyof typeof KIND_KEYS

/** Ctrl+1 … Ctrl+5: the view, once it is on screen. */
export async function openView(page: Page, view: View): Promise<void> {
  await page.keyboard.press(`Control+${VIEW_KEYS[view]}`)
  await page.getByTestId(VIEW_TESTIDS[view]).waitFor({ timeout: 30_000 })
}

/** Alt+1 … Alt+4: the task kind's form, once it is on screen. */
export async function openKind(page: Page, kind: Kind): Promise<void> {
  await page.keyboard.press(`Alt+${KIND_KEYS[kind]}`)
  await page.locator(`[data-kind="${kind}"]`).waitFor({ timeout: 30_000 })
  if (kind === 'broadcast') await page.locator('.broadcast').waitFor({ timeout: 30_000 })
  else await page.getByTestId(KIND_FORMS[kind]).waitFor({ timeout: 30_000 })
}

/** The page at its start, with the task forms loaded (not only the first number field). */
export async function openApp(page: Page, url: string, hash = ''): Promise<void> {
  await page.goto(`${url}${hash}`)
  if (!hash || hash.startsWith('#/new'))
    await page.locator('[data-kind] form.task-form:not(.outdial-start)').first().waitFor({ timeout: 60_000 })
}

async function post(harness: TestHarness, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${harness.origin}/__harness/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${harness.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return response.json()
}

/** The dial shortcut pressed with this text on the clipboard (item 10: the harness's stand-in). */
export const pressShortcut = (harness: TestHarness, clipboard: string) => post(harness, 'shortcut', { clipboard })
/** A tel: or callto: link opened, as the OS hands it to Callboard. */
export const openLink = (harness: TestHarness, url: string) => post(harness, 'link', { url })
/** What the harness's clipboard holds (the quick callback's prefill). */
export const setClipboard = (harness: TestHarness, text: string) => post(harness, 'clipboard', { text })
/** The agent clicks the OS notification about `taskId` (null: a summary of several tasks). */
export const clickNotification = (harness: TestHarness, taskId: string | null) =>
  post(harness, 'notification-click', { taskId })
/** The tray's "Quick entry…". */
export const trayQuickEntry = (harness: TestHarness) => post(harness, 'quick-entry', {})

// ——— The sandbox cards, in the Profiles view ———

export const SANDBOX_LABELS = {
  webex: 'Sandbox · Webex Contact Center',
  egain: 'Sandbox · eGain',
  connect: 'Sandbox · Amazon Connect',
  aiccs: 'Sandbox · Alibaba Cloud AI calls',
  voice_broadcast: 'Sandbox · Voice broadcast',
} as const
export type SandboxProvider = keyof typeof SANDBOX_LABELS

/** A sandbox profile's card, found by its heading. */
export function sandboxCard(page: Page, provider: SandboxProvider): Locator {
  return page.locator('[data-testid="profile-card"][data-sandbox="true"]', {
    has: page.getByRole('heading', { name: SANDBOX_LABELS[provider], exact: true }),
  })
}

/** How many tasks the provider's simulator has created. */
export async function sandboxCreated(harness: TestHarness, provider: SandboxProvider): Promise<number> {
  const state = (await harness.call('sandbox:state')).body as { value: SandboxState }
  return state.value.providers.find((p) => p.provider === provider)!.created
}

/** The card's scenario picked, once main has it. */
export async function simulate(
  page: Page,
  harness: TestHarness,
  provider: SandboxProvider,
  scenario: string,
): Promise<void> {
  await sandboxCard(page, provider).getByTestId('sandbox-scenario').selectOption(scenario)
  await expect
    .poll(async () => {
      const state = (await harness.call('sandbox:state')).body as { value: SandboxState }
      return state.value.providers.find((p) => p.provider === provider)!.scenario
    })
    .toBe(scenario)
}

/**
 * A sample's button pressed with the keyboard; resolves with the card's status once the queued
 * task has its first outcome.
 */
export async function sendSample(page: Page, provider: SandboxProvider, sample: string): Promise<Locator> {
  const card = sandboxCard(page, provider)
  await card.locator(`[data-testid="sandbox-send"][data-sample="${sample}"]`).focus()
  await page.keyboard.press('Enter')
  const status = card.getByTestId('task-status')
  await expect
    .poll(async () => (await status.count()) > 0 && (await status.getAttribute('data-outcome')) !== 'pending', {
      timeout: 30_000,
    })
    .toBe(true)
  return status
}
