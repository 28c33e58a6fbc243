import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'

/** WCAG 2.2 A/AA and axe's best practices: what every screen of the app is checked against. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

/**
 * axe-core over the page (or the part `include` selects), with the experimental
 * "label-content-name-mismatch" on: a voice-control user says what they see.
 */
export function axeOf(page: Page, include?: string): AxeBuilder {
  const builder = new AxeBuilder({ page })
    .withTags(TAGS)
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    // axe.run in the page itself: by default each check opens a second, blank page to merge the
    // results of the page's frames, and the app's windows have none (views-axe makes sure).
    .setLegacyMode()
  return include ? builder.include(include) : builder
}
