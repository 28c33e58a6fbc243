import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startVoiceBroadcastSimulator } from '../../electron/main/providers/voice-broadcast/voice-broadcast-simulator'
import type { VoiceBroadcastSimulator } from '../../electron/main/providers/voice-broadcast/voice-broadcast-simulator'
import { memorySecretStore } from '../main/memory-secret-store'
import { drafts, secrets } from '../shared/fixtures'
import { chromiumAvailable, cspViolations, launchChromium, screenshot, watchPageProblems } from './helpers/chromium'
import { startTestHarness } from './helpers/harness'
import type { TestHarness } from './helpers/harness'

describe.skipIf(!chromiumAvailable())('Test connection in Chromium, against a provider simulator', () => {
  let browser: Browser
  let harness: TestHarness
  let simulator: VoiceBroadcastSimulator

  beforeAll(async () => {
    browser = await launchChromium()
    simulator = await startVoiceBroadcastSimulator({
      apiKey: secrets.voice_broadcast.apiKey,
      apiSecret: secrets.voice_broadcast.apiSecret,
    })
    harness = await startTestHarness({ secrets: memorySecretStore() })
  })
  afterAll(async () => {
    await harness?.close()
    await simulator?.close()
    await browser?.close()
  })

  it("shows Connected, then the provider's own refusal after the secret changes", async () => {
    const saved = (await harness.call('profiles:save', { ...drafts.voice_broadcast, baseUrl: simulator.url })).body as {
      value: { profile: { id: string } }
    }
    const profileId = saved.value.profile.id
    await harness.call('credentials:set', { profileId, secret: secrets.voice_broadcast })

    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } })
    const problems = watchPageProblems(page)
    await page.goto(`${harness.url}#/profiles`)
    // Named by its visible text first (a voice-control user says "click Test connection"), then the profile.
    const button = page.getByRole('button', { name: 'Test connection: ITNIO broadcast' })
    await button.focus()
    await page.keyboard.press('Enter')
    const result = page.getByTestId('connection-result')
    await result.getByText('Connected').waitFor()
    await expect.poll(() => result.innerText()).toContain('accepted the API key and signature')
    expect(simulator.ledger.at(-1)).toEqual({ path: '/voice/group/call/detail/0', verdict: 'no_such_task' })

    await harness.call('credentials:set', {
      profileId,
      secret: { ...secrets.voice_broadcast, apiSecret: 'a-wrong-secret-zz' },
    })
    await button.click()
    await result.getByText('Credentials refused').waitFor()
    await result.getByText(/What the provider answered/).click()
    await expect.poll(() => result.innerText()).toContain('-1 authentication error')
    await page.getByTestId('connection-result').scrollIntoViewIfNeeded()
    await screenshot(page, 'profiles-connection-test-refused')
    expect(await page.content()).not.toContain('a-wrong-secret-zz')
    expect(problems).toEqual([])
    await expect(cspViolations(page)).resolves.toEqual([])
  })
})
