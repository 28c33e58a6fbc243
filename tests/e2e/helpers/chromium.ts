import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Browser, ConsoleMessage, Locator, Page } from 'playwright-core'
import { chromium } from 'playwright-core'

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

/**
 * What Playwright (playwright-core 1.65) already passes in its own `--disable-features`. Chromium
 * keeps only the last `--disable-features` on its command line, so ours must repeat this list;
 * tests/e2e/chromium-flags.test.ts reads the command line Chromium received and fails when
 * Playwright's list is no longer contained in ours.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
]

/**
 * Chromium's headless mode (156 on Debian 12 since December 2026) gives every page a whole browser
 * window, and each window's address bar warms up WebUI popups (chrome://omnibox-popup.top-chrome)
 * in renderers of their own: about 250 ms of CPU per page here, on the same two cores as the page
 * under test. An Electron window has no address bar, so the harness is closer to the app without them.
 */
export const OMNIBOX_POPUP_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup']

/** Flags for Debian's Chromium on a closed network, as root, without a display. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OMNIBOX_POPUP_FEATURES].join(',')}`,
]

/**
 * Browser tests run wherever Chromium is installed. In CI its absence is a failure, not a skip:
 * a suite that silently ran nothing would look green.
 */
export function chromiumAvailable(): boolean {
  const present = existsSync(CHROMIUM_PATH)
  if (!present && process.env['CI']) {
    throw new Error(`CI=true but Chromium is missing at ${CHROMIUM_PATH}: .ci/run must install it (apt: chromium).`)
  }
  return present
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Playwright gives each launch a fresh, empty profile of its own.
    args: FLAGS,
  })
}

export const ARTIFACTS_DIR = resolve(import.meta.dirname, '../../../test-artifacts')

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true })
  const path = join(ARTIFACTS_DIR, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}

/** One part of the page, at full resolution (a full-page shot of a long page is hard to read). */
export async function screenshotOf(locator: Locator, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true })
  const path = join(ARTIFACTS_DIR, `${name}.png`)
  await locator.screenshot({ path })
  return path
}

/**
 * Collects console errors, failed responses and CSP violations so a test can assert the page ran
 * clean. Violations are gathered in the page (`window.__cspViolations`) from before its first
 * script; call `cspViolations(page)` to read them.
 */
export function watchPageProblems(page: Page): string[] {
  const problems: string[] = []
  void page.addInitScript(() => {
    const seen: string[] = []
    Object.defineProperty(window, '__cspViolations', { value: seen })
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`))
  })
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`http ${response.status()}: ${response.url()}`)
  })
  return problems
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])])
}
