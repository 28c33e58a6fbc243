import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { OMNIBOX_POPUP_FEATURES, chromiumAvailable, launchChromium } from './helpers/chromium'

// The browser tests' Chromium: Playwright's own disabled features still apply beside ours (Chromium
// keeps only the last --disable-features), and no page brings the address bar's WebUI popups,
// which cost each page about 250 ms of CPU in renderers of their own.

const run = chromiumAvailable() ? describe : describe.skip

run('the browser tests’ Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('keeps every feature Playwright disables, and disables the address bar popups', async () => {
    const page = await browser.newPage()
    await page.goto('chrome://version')
    const commandLine = (await page.locator('#command_line').textContent()) ?? ''
    await page.close()
    const lists = [...commandLine.matchAll(/--disable-features=(\S+)/g)].map((m) => m[1]!.split(','))
    expect(lists.length).toBeGreaterThan(1)
    const effective = lists.at(-1)!
    for (const list of lists) for (const feature of list) expect(effective).toContain(feature)
    for (const feature of OMNIBOX_POPUP_FEATURES) expect(effective).toContain(feature)
  })

  it('opens a page without any address-bar WebUI beside it', async () => {
    const page = await browser.newPage()
    await page.goto('data:text/html,<p>a page</p>')
    const session = await browser.newBrowserCDPSession()
    const { targetInfos } = (await session.send('Target.getTargets')) as {
      targetInfos: { type: string; url: string }[]
    }
    await session.detach()
    await page.close()
    expect(targetInfos.filter((t) => t.url.startsWith('chrome://omnibox-popup'))).toEqual([])
    expect(targetInfos.some((t) => t.type === 'page' && t.url.startsWith('data:'))).toBe(true)
  })
})
