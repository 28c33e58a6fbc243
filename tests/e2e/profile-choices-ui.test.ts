import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebexSimulator } from '../../electron/main/providers/webex/webex-simulator'
import { memorySecretStore } from '../main/memory-secret-store'
import { drafts, secrets } from '../shared/fixtures'
import { axeOf } from './helpers/axe'
import { ARTIFACTS_DIR, chromiumAvailable, launchChromium, watchPageProblems } from './helpers/chromium'
import type { TestHarness } from './helpers/harness'
import { startTestHarness } from './helpers/harness'

// Issue #16 item 5 in the window: the profile editor's id fields offer what the provider lists
// (here the Webex simulator, paged two at a time, over loopback HTTP through the harness), by role and
// keyboard only; typing an id stays possible, Refresh fetches again, and a failed refresh keeps the
// list it had and says why. Screenshots with a list open, light/dark × English/Spanish, at the
// desktop window's size (1100 × 760) and at its narrowest (720).

const cleanups: (() => Promise<unknown>)[] = []

/** axe-core's serious and critical findings on the editor, with a list open. */
async function severeFindings(page: Page): Promise<string[]> {
  const results = await axeOf(page, '[data-testid="profile-editor"]').analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/** What is on screen, as the window shows it (a list that overflows its field is not cut off). */
async function windowShot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true })
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`) })
}

describe.skipIf(!chromiumAvailable())('provider lists in the profile editor, in Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
    await browser?.close()
  })

  it('entry points and ANIs are offered as a combobox: arrows, Enter, Escape, free typing, Refresh, a failed refresh', async () => {
    const sim = await startWebexSimulator({
      ...secrets.webex,
      orgId: drafts.webex.orgId,
      listPageCap: 2,
      lists: {
        entryPoints: [
          { id: 'ep-sales-out', name: 'Sales outbound', entryPointType: 'OUTBOUND' },
          { id: 'ep-care-in', name: 'Customer care', entryPointType: 'INBOUND' },
          { id: 'ep-renewals-out', name: 'Renewals', entryPointType: 'OUTBOUND' },
        ],
        outdialAnis: [
          { id: 'ani-1', name: 'Main line', number: '+14085550100' },
          { id: 'ani-2', name: 'Support line', number: '+14085550111' },
        ],
      },
    })
    cleanups.push(() => sim.close())
    const harness: TestHarness = await startTestHarness({ secrets: memorySecretStore() })
    cleanups.push(() => harness.close())
    const saved = await harness.call('profiles:save', {
      ...drafts.webex,
      endpoint: { kind: 'custom', baseUrl: sim.url },
      identityUrl: sim.identityUrl,
    })
    const profileId = (saved.body as { value: { profile: { id: string } } }).value.profile.id
    await harness.call('credentials:set', { profileId, secret: secrets.webex })

    // A context of its own: axe-core runs its last step in a second page of the same context.
    const context = await browser.newContext({ viewport: { width: 1100, height: 760 } })
    cleanups.push(() => context.close())
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    const problems = watchPageProblems(page)
    await page.goto(`${harness.url}#/profiles`)
    await page.getByRole('button', { name: 'Edit Webex US' }).click()
    const editor = page.getByTestId('profile-editor')
    await editor.getByRole('heading', { name: 'Edit “Webex US”' }).waitFor()

    // The list was fetched on opening (two pages of two, then one), with its time.
    const line = editor.getByTestId('choices-webex_entry_points')
    await expect.poll(() => line.getByRole('status').innerText()).toMatch(/^Listed by the provider at .+: 3 ids\.$/)
    expect(sim.ledger.filter((l) => l.path.endsWith('/entry-point')).map((l) => l.verdict)).toEqual([
      'listed',
      'listed',
    ])

    const row = editor.getByRole('group', { name: 'Entry point 1' })
    const box = row.getByRole('combobox', { name: 'Entry point id' })
    expect(await box.inputValue()).toBe('EP-outbound-1')
    expect(await box.getAttribute('aria-expanded')).toBe('false')

    // ↓ opens the list on its first suggestion; ↓ again moves; the highlighted one is announced.
    await box.focus()
    await page.keyboard.press('ArrowDown')
    const list = page.getByRole('listbox', { name: 'Entry points' })
    await list.waitFor()
    expect(await box.getAttribute('aria-expanded')).toBe('true')
    expect(await list.getByRole('option').allInnerTexts()).toEqual([
      expect.stringMatching(/^Sales outbound\s+ep-sales-out\s+outbound$/i),
      expect.stringMatching(/^Customer care\s+ep-care-in\s+inbound$/i),
      expect.stringMatching(/^Renewals\s+ep-renewals-out\s+outbound$/i),
    ])
    await page.keyboard.press('ArrowDown')
    const active = () =>
      box.getAttribute('aria-activedescendant').then((id) => page.locator(`[id="${id}"]`).innerText())
    await expect.poll(active).toMatch(/^Customer care/)
    expect(await list.getByRole('option', { selected: true }).innerText()).toMatch(/^Customer care/)
    await windowShot(page, 'profile-choices-open-light-en')
    expect(await severeFindings(page)).toEqual([])

    // Enter takes it (the form is not submitted), with its direction; the row's own name is kept.
    await page.keyboard.press('Enter')
    expect(await box.inputValue()).toBe('ep-care-in')
    expect(await box.getAttribute('aria-expanded')).toBe('false')
    await expect.poll(() => row.getByLabel('Direction').inputValue()).toBe('inbound')
    expect(await row.getByLabel('Name').inputValue()).toBe('Sales outbound')
    expect(await editor.getByText('Profile saved.').count()).toBe(0)

    // Typing narrows the list; Escape closes it and keeps what was typed; an id no list has is fine.
    await box.fill('')
    await page.keyboard.type('renew')
    await expect.poll(() => list.getByRole('option').count()).toBe(1)
    await page.keyboard.press('Escape')
    expect(await box.getAttribute('aria-expanded')).toBe('false')
    expect(await box.inputValue()).toBe('renew')
    await expect.poll(() => editor.count()).toBe(1)
    // A name typed and Enter: the only match is taken, its id and not the name (issue 16 item 4).
    await box.fill('')
    await page.keyboard.type('Renewals')
    await expect.poll(() => list.getByRole('option').count()).toBe(1)
    await page.keyboard.press('Enter')
    expect(await box.inputValue()).toBe('ep-renewals-out')
    await expect.poll(() => row.getByLabel('Direction').inputValue()).toBe('outbound')
    expect(await editor.getByText('Profile saved.').count()).toBe(0)
    await box.fill('')
    await page.keyboard.type('ep-typed-by-hand-7')
    expect(await box.getAttribute('aria-expanded')).toBe('false')
    await page.keyboard.press('Tab')
    expect(await box.inputValue()).toBe('ep-typed-by-hand-7')

    // A new row's field offers the list too; an ANI taken from its list fills the row's empty name.
    await editor.getByRole('button', { name: 'Add outdial ANI' }).click()
    const aniRow = editor.getByRole('group', { name: 'Outdial ANI 2' })
    const aniBox = aniRow.getByRole('combobox', { name: 'Number' })
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox')
    await page.keyboard.press('ArrowUp')
    await expect.poll(() => aniBox.getAttribute('aria-expanded')).toBe('true')
    await page.keyboard.press('Enter')
    expect(await aniBox.inputValue()).toBe('+14085550111')
    expect(await aniRow.getByLabel('Name').inputValue()).toBe('Support line')

    // Saving keeps the ids chosen and typed.
    await editor.getByRole('button', { name: 'Save profile' }).click()
    await editor.getByText('Profile saved.').waitFor()
    const listed = await harness.call('profiles:list')
    const profile = (
      listed.body as { value: { profile: { id: string; entryPoints: unknown; outdialAnis: unknown } }[] }
    ).value.find((s) => s.profile.id === profileId)!.profile
    expect(profile.entryPoints).toEqual([{ id: 'ep-typed-by-hand-7', label: 'Sales outbound', direction: 'outbound' }])
    expect(profile.outdialAnis).toEqual([
      { number: '+14085550100', label: 'Main line' },
      { number: '+14085550111', label: 'Support line' },
    ])

    // Refresh fetches again; with the provider gone, the list fetched before stays, with the reason.
    const before = sim.ledger.length
    await line.getByRole('button', { name: 'Refresh the list' }).click()
    await expect.poll(() => sim.ledger.length).toBeGreaterThan(before)
    await expect.poll(() => line.getByRole('status').innerText()).toMatch(/3 ids/)
    await sim.close()
    await line.getByRole('button', { name: 'Refresh the list' }).click()
    await expect
      .poll(() => line.getByRole('alert').innerText())
      .toBe('The provider could not be reached: Webex could not be reached. The list fetched before is shown.')
    await box.focus()
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => list.getByRole('option').count()).toBe(3)
    await page.keyboard.press('Escape')

    // The same, open, in the other themes and in Spanish.
    const openFirst = async (combo: Locator, listName: string) => {
      await combo.focus()
      await page.keyboard.press('ArrowDown')
      await page.getByRole('listbox', { name: listName }).waitFor()
    }
    await harness.call('settings:update', { theme: 'dark' })
    await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'dark')
    await openFirst(box, 'Entry points')
    await windowShot(page, 'profile-choices-open-dark-en')
    await page.keyboard.press('Escape')

    await harness.call('settings:update', { uiLanguage: 'es' })
    const caja = editor.getByRole('group', { name: 'Punto de entrada 1' }).getByRole('combobox', {
      name: 'Id del punto de entrada',
    })
    await caja.waitFor()
    await openFirst(caja, 'Puntos de entrada')
    expect(await caja.getAttribute('aria-expanded')).toBe('true')
    await windowShot(page, 'profile-choices-open-dark-es')
    expect(await severeFindings(page)).toEqual([])
    await page.keyboard.press('Escape')
    await harness.call('settings:update', { theme: 'light' })
    await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'light')
    await openFirst(caja, 'Puntos de entrada')
    await windowShot(page, 'profile-choices-open-light-es')
    await page.keyboard.press('Escape')
    // The narrowest the window goes (its minimum width).
    await page.setViewportSize({ width: 720, height: 760 })
    await openFirst(caja, 'Puntos de entrada')
    await windowShot(page, 'profile-choices-open-light-es-720')
    await page.keyboard.press('Escape')
    await harness.call('settings:update', { uiLanguage: 'en' })
    expect(problems.filter((p) => !/ECONNREFUSED|could not be reached/.test(p))).toEqual([])
  })
})
