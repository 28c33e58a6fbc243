import { describe, expect, it } from 'vitest'
import { SHARED_CHROMIUM_ENV, chromiumAvailable, launchChromium } from './helpers/chromium'

// The browser suite shares one Chromium (helpers/shared-chromium-setup.ts): a file's browser is
// a connection to it, and closing that connection leaves the browser to the other files.
describe.skipIf(!chromiumAvailable())('the shared Chromium', () => {
  it('is started once for the run, and one file closing its browser leaves the others working', async () => {
    expect(process.env[SHARED_CHROMIUM_ENV]).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\//)
    const first = await launchChromium()
    const second = await launchChromium()
    try {
      const page = await second.newPage()
      await first.newPage()
      await first.close()
      expect(first.isConnected()).toBe(false)
      expect(await page.evaluate(() => 6 * 7)).toBe(42)
      expect(second.contexts()).toHaveLength(1)
    } finally {
      await second.close()
    }
  })
})
