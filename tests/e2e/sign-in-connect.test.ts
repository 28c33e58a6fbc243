import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Profile } from '@shared/providers/registry'
import { sampleTasks } from '@shared/providers/registry'
import type { ConnectSimulator } from '../../electron/main/providers/connect/connect-simulator'
import { startConnectSimulator } from '../../electron/main/providers/connect/connect-simulator'
import type { IdentityCenterSimulator } from '../../electron/main/providers/connect/identity-center-simulator'
import { startIdentityCenterSimulator } from '../../electron/main/providers/connect/identity-center-simulator'
import { secretAccount, tokenAccount } from '../../electron/main/secrets/credentials-service'
import { memorySecretStore } from '../main/memory-secret-store'
import { oneAddressFor } from '../main/providers/identity-center-front'
import { secrets as sample } from '../shared/fixtures'
import { chromiumAvailable, cspViolations, launchChromium, watchPageProblems } from './helpers/chromium'
import { startTestHarness } from './helpers/harness'
import type { TestHarness } from './helpers/harness'
import { openApp, openView } from './helpers/views'

// Issue 14 for Amazon Connect with IAM Identity Center, as an agent meets it: a profile whose
// credential source is Identity Center, "Sign in" in its panel, the access portal's device page
// opened in the system browser (a second page here) with the code in it, Allow, and a task sent
// with the role's credentials (the Connect simulator checks SigV4 with exactly those). The role's
// credentials expire and are renewed silently, then the access token (with the refresh token);
// then the sign-in ends, the task parks, "Sign in again" sends it. Sign out deletes the sign-in
// from the keychain, and the next task waits for a sign-in: nothing reaches Connect. By accessible names and the keyboard; no token or
// role credential reaches the window or the log.

const START_URL = 'https://d-9067c1d2e3.awsapps.com/start'
const ACCOUNT = '123456789012'
const ROLE = 'ConnectAgent'
const INSTANCE = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b'
const LABEL = 'Connect · Identity Center'

describe.skipIf(!chromiumAvailable())(
  'Sign in to Amazon Connect with IAM Identity Center, end to end in Chromium',
  () => {
    let browser: Browser
    let harness: TestHarness
    let connect: ConnectSimulator
    let idc: IdentityCenterSimulator
    let front: { url: string; close(): Promise<void> }
    const secrets = memorySecretStore()
    /** The pages Callboard asked the system browser to open, in order. */
    const opened: string[] = []

    /** The system browser: the device page Callboard opened, with the code in it; Allow by keyboard. */
    async function allowInBrowser(count: number, code?: string): Promise<void> {
      await expect.poll(() => opened.length, { timeout: 10_000 }).toBe(count)
      const page = opened[count - 1]!
      if (code) expect(page).toBe(`${front.url}/device?user_code=${code}`)
      const portal = await browser.newPage()
      try {
        await portal.goto(page)
        await portal.getByRole('heading', { name: 'Authorize request' }).waitFor()
        expect(await portal.getByLabel('Code').inputValue()).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/)
        await portal.getByRole('button', { name: 'Allow access' }).focus()
        await portal.keyboard.press('Enter')
        await portal.getByRole('status').filter({ hasText: 'Request approved' }).waitFor()
      } finally {
        await portal.close()
      }
    }

    beforeAll(async () => {
      browser = await launchChromium()
      connect = await startConnectSimulator({
        accessKeyId: sample.connect.accessKeyId,
        secretAccessKey: sample.connect.secretAccessKey,
        region: 'us-east-1',
        instances: [{ id: INSTANCE, alias: 'acme-support' }],
        rateLimit: null,
      })
      idc = await startIdentityCenterSimulator({
        startUrl: START_URL,
        accounts: [{ accountId: ACCOUNT, accountName: 'contact-center', roles: [ROLE] }],
        onRoleCredentials: (issued) => connect.acceptCredentials(issued),
      })
      front = await oneAddressFor(connect.url, idc.url)
      harness = await startTestHarness({
        secrets,
        sandbox: false,
        openBrowser: async (url) => void opened.push(url),
        endpointFor: (profile) => (profile.provider === 'connect' ? front.url : undefined),
      })
    })
    afterAll(async () => {
      await harness?.close()
      await front?.close()
      await idc?.close()
      await connect?.close()
      await browser?.close()
    })

    it('signs in on the device page, sends with the role credentials, signs in again from a parked task, and signs out', async () => {
      const saved = (await harness.call('profiles:save', {
        provider: 'connect',
        label: LABEL,
        region: 'us-east-1',
        instanceId: INSTANCE,
        contactFlows: [{ id: 'flow-1', label: 'Tasks' }],
        taskTemplates: [],
        quickConnects: [],
        endpointUrl: '',
        fips: false,
        dualStack: false,
        credentialSource: 'sso',
        awsProfile: '',
        ssoStartUrl: START_URL,
        ssoRegion: 'us-east-1',
        ssoAccountId: ACCOUNT,
        ssoRoleName: ROLE,
      })) as { body: { ok: boolean; value: { profile: Profile } } }
      expect(saved.body.ok, JSON.stringify(saved.body)).toBe(true)
      const profile = saved.body.value.profile

      const page = await browser.newPage({ viewport: { width: 1000, height: 1000 } })
      const problems = watchPageProblems(page)
      await openApp(page, harness.url, '#/profiles')
      const card = page.getByRole('article', { name: LABEL })
      const state = card.getByTestId('sign-in-state')
      await expect.poll(() => state.innerText()).toBe('Not signed in.')
      // Identity Center offers the device code only: one button, no "with a code instead".
      expect(await card.getByRole('button', { name: /Sign in with a code instead/ }).count()).toBe(0)
      await card.getByRole('button', { name: `Sign in with Amazon Connect: ${LABEL}` }).focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => state.innerText()).toMatch(/enter the code [0-9A-F]{4}-[0-9A-F]{4}/)
      const [, uri, code] = /open (\S+) and enter the code ([0-9A-F]{4}-[0-9A-F]{4})/.exec(await state.innerText())!
      expect(uri).toBe(`${front.url}/device`)

      await allowInBrowser(1, code!)
      await expect.poll(() => state.innerText(), { timeout: 15_000 }).toBe('Signed in · renews automatically')

      const { intent } = sampleTasks(profile, new Date(), 'Europe/Madrid').find((s) => s.id === 'follow-up')!
      const submit = async () => {
        // The same follow-up again on each step: confirmed as a repeat, as an agent would.
        const queued = (await harness.call('tasks:submit', { intent, confirmedRepeat: true })) as {
          body: { ok: boolean }
        }
        expect(queued.body, JSON.stringify(queued.body)).toMatchObject({ ok: true })
      }
      await submit()
      await expect.poll(() => connect.tasks.length, { timeout: 20_000 }).toBe(1)
      expect(idc.issued.length).toBeGreaterThan(0)
      const hidden: string[] = []
      const keep = async () => {
        const kept = JSON.parse((await secrets.get(secretAccount(profile.id)))!) as Record<string, string>
        hidden.push(kept['clientSecret']!, kept['accessToken']!, kept['refreshToken']!)
      }
      await keep()
      const roleAsks = () => idc.requests.filter((r) => r.operation === 'GetRoleCredentials').length
      const renewals = () => idc.requests.filter((r) => r.operation === 'CreateToken' && r.status === 200).length

      // The role's credentials run out (AWS calls them expired): new ones from the portal, silently,
      // and the task goes with them; nothing asks the agent.
      const asksBefore = roleAsks()
      for (const issued of idc.issued) connect.acceptCredentials({ ...issued, expiresAtMs: 0 })
      await submit()
      await expect.poll(() => connect.tasks.length, { timeout: 20_000 }).toBe(2)
      expect(roleAsks()).toBe(asksBefore + 1)
      expect(connect.requests.filter((r) => r.operation === 'StartTaskContact').at(-1)!.accessKeyId).toBe(
        idc.issued.at(-1)!.accessKeyId,
      )

      // The access token ends (the portal no longer takes it): renewed with the refresh token, silently.
      const renewalsBefore = renewals()
      idc.revokeAccessTokens()
      for (const issued of idc.issued) connect.acceptCredentials({ ...issued, expiresAtMs: 0 })
      await submit()
      await expect.poll(() => connect.tasks.length, { timeout: 20_000 }).toBe(3)
      expect(renewals()).toBe(renewalsBefore + 1)
      await expect.poll(() => state.innerText()).toBe('Signed in · renews automatically')

      // The session ends at the Identity Center (and the role's keys run out): the task parks on the
      // sign-in, the queue row offers "Sign in again", the device page opens, and the task goes on.
      idc.revokeAccessTokens()
      idc.revokeRefreshTokens()
      for (const issued of idc.issued) connect.acceptCredentials({ ...issued, expiresAtMs: 0 })
      await submit()
      await openView(page, 'queue')
      const again = page.getByRole('button', { name: /^Sign in again: / }).first()
      await again.waitFor({ timeout: 20_000 })
      expect(connect.tasks.length).toBe(3)
      await again.focus()
      await page.keyboard.press('Enter')
      await allowInBrowser(2)
      await expect.poll(() => connect.tasks.length, { timeout: 20_000 }).toBe(4)
      await page.getByTestId('queue-empty').waitFor({ timeout: 20_000 })
      await openView(page, 'profiles')
      await expect.poll(() => state.innerText()).toBe('Signed in · renews automatically')
      await keep()

      // Nothing secret in the window or the log: the registrations' secrets, the tokens, the role's keys.
      hidden.push(...idc.issued.flatMap((i) => [i.secretAccessKey, i.sessionToken]))
      const seen = (await page.content()) + harness.logLines.join('\n')
      for (const value of hidden) expect(seen).not.toContain(value)

      await card.getByRole('button', { name: `Sign out: ${LABEL}` }).focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => state.innerText()).toBe('Not signed in.')
      expect(await secrets.get(secretAccount(profile.id))).toBeNull()
      expect(await secrets.get(tokenAccount(profile.id))).toBeNull()
      // Signed out, the role's credentials held in memory went too: the next task waits for a sign-in.
      const asksAtSignOut = roleAsks()
      await submit()
      await openView(page, 'queue')
      await page
        .getByRole('button', { name: /^Sign in again: / })
        .first()
        .waitFor({ timeout: 20_000 })
      expect(connect.tasks.length).toBe(4)
      expect(roleAsks()).toBe(asksAtSignOut)
      expect(problems).toEqual([])
      await expect(cspViolations(page)).resolves.toEqual([])
    })
  },
)
