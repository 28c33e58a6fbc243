import type { Page } from 'playwright-core'

/**
 * Tab until the focused element matches (a form's natural order, as an agent would go); nothing to
 * press when the focus is already there (a view puts it on its first field).
 */
export async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
  }
  throw new Error(`Tab never reached ${selector}`)
}
