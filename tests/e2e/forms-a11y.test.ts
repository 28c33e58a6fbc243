import { describe, expect, it } from 'vitest'
import { memorySecretStore } from '../main/memory-secret-store'
import { drafts } from '../shared/fixtures'
import { chromiumAvailable, launchChromium, watchPageProblems } from './helpers/chromium'
import { startTestHarness } from './helpers/harness'

// Element Plus selects keep the focusable <input> inside a wrapper and hand the attributes they are
// given to that wrapper. The form fields state their id, aria-invalid and aria-describedby on the
// input itself (forms/inner-aria.ts): checked here in Chromium on the outdial form's selects.

const FORM = '[data-testid="outdial-form"]'

/** What the focused element says about itself, and the texts its aria-describedby names. */
const focused = () => {
  const active = document.activeElement as HTMLInputElement | null
  const described = (active?.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
  return {
    tag: active?.tagName.toLowerCase() ?? null,
    id: active?.id ?? null,
    name: active?.getAttribute('name') ?? null,
    invalid: active?.getAttribute('aria-invalid') ?? null,
    inSelect: !!active?.closest('.el-select'),
    descriptions: described.map((id) => document.getElementById(id)?.textContent?.trim() ?? `(missing #${id})`),
  }
}

describe.skipIf(!chromiumAvailable())('form fields built on Element Plus, in Chromium', () => {
  it("a select's label focuses its input; a refused submit focuses an empty required select, which names its error", async () => {
    const browser = await launchChromium()
    const harness = await startTestHarness({ secrets: memorySecretStore() })
    try {
      // A Webex profile without outdial ANIs or entry points: those two selects stay empty.
      const saved = await harness.call('profiles:save', {
        ...drafts.webex,
        label: 'Webex without lines',
        outdialAnis: [],
        entryPoints: [],
      })
      expect(saved.status).toBe(200)
      const page = await browser.newPage({ viewport: { width: 1100, height: 1300 } })
      const problems = watchPageProblems(page)
      await page.goto(harness.url)
      const form = page.locator(FORM)
      await form.waitFor()

      // The label of the ANI select reaches the select's own input.
      const originField = form.locator('.field', { has: page.locator('label', { hasText: 'outdial ANI' }) })
      const originLabel = originField.locator('label').first()
      const labelFor = await originLabel.getAttribute('for')
      expect(labelFor).toBeTruthy()
      await originLabel.click()
      const onLabel = await page.evaluate(focused)
      expect(onLabel).toMatchObject({ tag: 'input', id: labelFor, inSelect: true, invalid: 'false' })
      // The id is on the input only: no wrapper carries it (or aria-invalid) too.
      await expect.poll(() => page.locator(`[id="${labelFor}"]`).count()).toBe(1)
      await expect
        .poll(() => form.locator('.el-select[aria-invalid], .el-select [aria-invalid]:not(input)').count())
        .toBe(0)
      await page.keyboard.press('Escape')

      // The profile without lines (chosen, whichever comes first): its ANI and entry point selects are empty.
      await form
        .locator('.field', { has: page.locator('label', { hasText: 'Profile' }) })
        .locator('.el-select')
        .click()
      await page.locator('.el-select-dropdown li[role="option"]:visible', { hasText: 'Webex without lines' }).click()
      await expect.poll(() => originField.locator('.el-select__placeholder').innerText()).toMatch(/Choose the number/)

      // A valid number, so the first field needing attention is the empty ANI select.
      await form.locator('input[type="tel"]').fill('020 7946 0958')
      await form.locator('button[type="submit"]').click()
      await expect.poll(() => form.getByTestId('task-status').innerText()).toMatch(/Some fields need attention/)
      await expect.poll(() => page.evaluate(focused)).toMatchObject({ tag: 'input', name: 'origin', inSelect: true })
      const onError = await page.evaluate(focused)
      expect(onError.invalid).toBe('true')
      expect(onError.id).toBe(labelFor)
      const error = await originField.locator('.field-error').innerText()
      expect(error.length).toBeGreaterThan(0)
      expect(onError.descriptions).toContain(error)

      // The entry point select is invalid too, stated on its input, and its label reaches it.
      const entryField = form.locator('.field', { has: page.locator('label', { hasText: 'Outdial entry point' }) })
      const entryInput = entryField.locator('.el-select input')
      await expect.poll(() => entryInput.getAttribute('aria-invalid')).toBe('true')
      await expect
        .poll(() => entryInput.getAttribute('id'))
        .toBe(await entryField.locator('label').first().getAttribute('for'))
      expect(harness.services.sandbox!.ledger('webex')).toHaveLength(0)
      expect(problems).toEqual([])
    } finally {
      await harness.close()
      await browser.close()
    }
  }, 120_000)
})
