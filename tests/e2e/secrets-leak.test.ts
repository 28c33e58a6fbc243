import * as keyring from '@napi-rs/keyring'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KeyringBinding } from '../../electron/main/secrets/keyring-store'
import { createKeyringStore } from '../../electron/main/secrets/keyring-store'
import { secretAccount, tokenAccount } from '../../electron/main/secrets/credentials-service'
import { startWebexSimulator } from '../../electron/main/providers/webex/webex-simulator'
import type { WebexSimulator } from '../../electron/main/providers/webex/webex-simulator'
import { systemClock } from '../../electron/main/core/clock'
import { keyringSessionAvailable } from '../main/keychain/keychain-env'
import { allowDevice, oneAddressFor } from '../main/providers/identity-center-front'
import { startConnectSimulator } from '../../electron/main/providers/connect/connect-simulator'
import { startIdentityCenterSimulator } from '../../electron/main/providers/connect/identity-center-simulator'
import { drafts, providerKeys, secrets } from '../shared/fixtures'
import { startTestHarness } from './helpers/harness'
import type { TestHarness } from './helpers/harness'

/** Every distinctive secret value, with the encodings a careless log or file might use. */
function needles(): string[] {
  const values = Object.values(secrets).flatMap((secret) =>
    Object.entries(secret)
      .filter(([key, value]) => !['provider', 'kind'].includes(key) && typeof value === 'string' && value.length >= 8)
      .map(([, value]) => value as string),
  )
  return values.flatMap((v) => [
    v,
    Buffer.from(v).toString('base64'),
    Buffer.from(v).toString('base64url'),
    encodeURIComponent(v),
  ])
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    return statSync(full).isDirectory() ? filesUnder(full) : [full]
  })
}

describe.skipIf(!keyringSessionAvailable())('secrets never leave main (S4), with the real keychain', () => {
  let harness: TestHarness
  let webex: WebexSimulator
  const seen: string[] = []
  let events = ''
  let stopEvents: AbortController

  beforeAll(async () => {
    harness = await startTestHarness() // default: the real OS keychain, service "Callboard harness"
    webex = await startWebexSimulator({
      clientId: secrets.webex.clientId,
      clientSecret: secrets.webex.clientSecret,
      refreshToken: secrets.webex.refreshToken,
      rotateRefreshToken: true,
    })
    stopEvents = new AbortController()
    const response = await fetch(`${harness.origin}/events?token=${harness.token}`, { signal: stopEvents.signal })
    const reader = response.body!.getReader()
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          events += new TextDecoder().decode(value)
        }
      } catch {
        // aborted at the end of the test
      }
    })()
  })

  afterAll(async () => {
    stopEvents?.abort()
    await harness?.close()
    await webex?.close()
  })

  const call = async (channel: string, input?: unknown) => {
    const { body } = await harness.call(channel, input)
    seen.push(JSON.stringify(body))
    return body as { ok: boolean; value?: unknown; error?: unknown }
  }

  it('stores all five secrets in the keychain and nowhere else', async () => {
    expect(await call('keychain:health')).toMatchObject({ ok: true, value: { state: 'available' } })
    const ids: Record<string, string> = {}
    for (const provider of providerKeys) {
      // Webex points at its simulator, so "Test connection" really obtains tokens at run time.
      const draft =
        provider === 'webex'
          ? { ...drafts.webex, endpoint: { kind: 'custom', baseUrl: webex.url }, identityUrl: webex.identityUrl }
          : drafts[provider]
      const saved = (await call('profiles:save', draft)) as { value: { profile: { id: string } } }
      ids[provider] = saved.value.profile.id
      expect(await call('credentials:set', { profileId: ids[provider], secret: secrets[provider] })).toMatchObject({
        ok: true,
        value: { state: 'stored' },
      })
      // A refused attempt must not echo the secret in its error either.
      await call('credentials:set', { profileId: ids[provider], secret: { ...secrets[provider], provider: 'nope' } })
      await call('credentials:status', { profileId: ids[provider] })
    }
    expect(await call('profiles:test', { profileId: ids['webex'] })).toMatchObject({
      ok: true,
      value: { outcome: 'connected' },
    })
    await call('profiles:list')
    await call('settings:get')
    await call('profiles:save', { ...drafts.connect, id: ids['connect'], label: 'Connect renamed' })

    // The secrets really are in the OS keychain, under the harness's own service name.
    const keychain = createKeyringStore({
      binding: keyring as unknown as KeyringBinding,
      service: 'Callboard harness',
      clock: systemClock,
    })
    for (const provider of providerKeys) {
      expect(JSON.parse((await keychain.get(secretAccount(ids[provider]!)))!)).toEqual(secrets[provider])
    }

    // The tokens Webex issued (access, and the rotated refresh token) are in the keychain only.
    const token = JSON.parse((await keychain.get(tokenAccount(ids['webex']!)))!) as {
      accessToken: string
      refreshToken: string
    }
    expect(token.accessToken).toMatch(/^wx-at-/)
    expect(token.refreshToken).toMatch(/^wx-rt-/)
    const runtimeTokens = [token.accessToken, token.refreshToken]

    // The event stream runs behind the calls: wait for it to catch up.
    await expect.poll(() => events).toContain('profiles:changed')
    const written = filesUnder(harness.dataDir).map((f) => `${f}\n${readFileSync(f, 'latin1')}`)
    expect(written.some((w) => w.includes('settings.json'))).toBe(true)
    const haystacks: [string, string][] = [
      ['contract responses', seen.join('\n')],
      ['events', events],
      ['log lines', harness.logLines.join('\n')],
      ['files under the user-data folder', written.join('\n')],
    ]
    for (const needle of [...needles(), ...runtimeTokens]) {
      for (const [where, text] of haystacks) expect(text.includes(needle), `${where} contain a secret`).toBe(false)
    }

    for (const provider of providerKeys) await call('profiles:remove', { profileId: ids[provider] })
    for (const provider of providerKeys) {
      expect(await keychain.get(secretAccount(ids[provider]!))).toBeNull()
      expect(await keychain.get(tokenAccount(ids[provider]!))).toBeNull()
    }
  })

  it('nor the sign-ins: Webex in the browser and Amazon Connect with IAM Identity Center, their tokens, codes and role keys', async () => {
    const START_URL = 'https://d-9067c1d2e3.awsapps.com/start'
    const wx = await startWebexSimulator({
      clientId: 'leak-integration',
      clientSecret: 'unused-leak-client-secret',
      refreshToken: 'unused-leak-refresh-token',
      // Short-lived: Test connection renews the sign-in's token with its refresh token (rotated).
      tokenLifetimeS: 60,
      rotateRefreshToken: true,
    })
    const connect = await startConnectSimulator({
      accessKeyId: secrets.connect.accessKeyId,
      secretAccessKey: secrets.connect.secretAccessKey,
      region: drafts.connect.region,
      instances: [{ id: drafts.connect.instanceId, alias: 'leak' }],
    })
    const idc = await startIdentityCenterSimulator({
      startUrl: START_URL,
      accounts: [{ accountId: '123456789012', accountName: 'leak', roles: ['ConnectAgent'] }],
      onRoleCredentials: (issued) => connect.acceptCredentials(issued),
    })
    const front = await oneAddressFor(connect.url, idc.url)
    /** Authorization codes that came back to Callboard's loopback listener. */
    const codes: string[] = []
    const signIns = await startTestHarness({
      openBrowser: async (url) => {
        if (new URL(url).pathname === '/device') return allowDevice(url)
        // The system browser on Webex's sign-in page: Accept, and back to Callboard's listener.
        const html = await (await fetch(url)).text()
        const txn = /name="txn" value="([0-9a-f]+)"/.exec(html)?.[1] ?? ''
        const decided = await fetch(new URL('authorize', url), {
          method: 'POST',
          body: new URLSearchParams({ txn, decision: 'accept' }),
          redirect: 'manual',
        })
        const back = decided.headers.get('location')!
        codes.push(new URL(back).searchParams.get('code') ?? '')
        await fetch(back)
      },
      endpointFor: (profile) => (profile.provider === 'connect' ? front.url : undefined),
    })
    // What the window is pushed by this harness (as the first test's stream does for its own).
    let pushed = ''
    const stopPushed = new AbortController()
    const stream = await fetch(`${signIns.origin}/events?token=${signIns.token}`, { signal: stopPushed.signal })
    void (async () => {
      try {
        for await (const chunk of stream.body!) pushed += new TextDecoder().decode(chunk)
      } catch {
        // aborted at the end of the test
      }
    })()
    const answers: string[] = []
    const ask = async (channel: string, input?: unknown) => {
      const { body } = await signIns.call(channel, input)
      answers.push(JSON.stringify(body))
      return body as { ok: boolean; value?: unknown }
    }
    const signedIn = async (profileId: string, method: 'browser' | 'device') => {
      await ask('signin:start', { profileId, method })
      await expect
        .poll(async () => ((await ask('signin:status', { profileId })) as { value: { state: string } }).value.state, {
          timeout: 20_000,
        })
        .toBe('signed_in')
    }
    try {
      const webexProfile = (await ask('profiles:save', {
        ...drafts.webex,
        authMethod: 'sign_in',
        clientId: 'leak-integration',
        endpoint: { kind: 'custom', baseUrl: wx.url },
        identityUrl: wx.identityUrl,
      })) as { value: { profile: { id: string } } }
      const webexId = webexProfile.value.profile.id
      await signedIn(webexId, 'browser')
      expect(await ask('profiles:test', { profileId: webexId })).toMatchObject({ value: { outcome: 'connected' } })

      const connectProfile = (await ask('profiles:save', {
        ...drafts.connect,
        credentialSource: 'sso',
        awsProfile: '',
        ssoStartUrl: START_URL,
        ssoRegion: 'us-east-1',
        ssoAccountId: '123456789012',
        ssoRoleName: 'ConnectAgent',
      })) as { value: { profile: { id: string } } }
      const connectId = connectProfile.value.profile.id
      await signedIn(connectId, 'device')
      expect(await ask('profiles:test', { profileId: connectId })).toMatchObject({ value: { outcome: 'connected' } })

      const keychain = createKeyringStore({
        binding: keyring as unknown as KeyringBinding,
        service: 'Callboard harness',
        clock: systemClock,
      })
      /** The secret fields of a keychain entry (its tokens and client secret; not its dates or ids). */
      const kept = async (account: string) => {
        const entry = JSON.parse((await keychain.get(account)) ?? '{}') as Record<string, unknown>
        return ['accessToken', 'refreshToken', 'clientSecret']
          .map((key) => entry[key])
          .filter((v): v is string => typeof v === 'string' && v !== '')
      }
      const secretValues = [
        ...(await kept(tokenAccount(webexId))),
        ...(await kept(secretAccount(connectId))),
        ...(await kept(tokenAccount(connectId))),
        ...codes,
        ...idc.deviceCodes(),
        ...idc.tokensIssued(),
        ...idc.issued.flatMap((c) => [c.secretAccessKey, c.sessionToken]),
      ]
      // Each kind is there to look for: Webex's tokens and code, the registration, device code, role keys.
      expect(codes.filter(Boolean)).toHaveLength(1)
      expect(idc.deviceCodes()).toHaveLength(1)
      expect(idc.issued.length).toBeGreaterThan(0)
      expect(secretValues.length).toBeGreaterThanOrEqual(12)

      await expect.poll(() => pushed).toContain('signed_in')
      const written = filesUnder(signIns.dataDir).map((f) => `${f}\n${readFileSync(f, 'latin1')}`)
      const haystacks: [string, string][] = [
        ['contract responses', answers.join('\n')],
        ['events', pushed],
        ['log lines', signIns.logLines.join('\n')],
        ['files under the user-data folder', written.join('\n')],
      ]
      for (const value of secretValues) {
        for (const spelled of [value, encodeURIComponent(value), Buffer.from(value).toString('base64')]) {
          for (const [where, text] of haystacks) expect(text.includes(spelled), `${where} contain a secret`).toBe(false)
        }
      }
      for (const profileId of [webexId, connectId]) await ask('profiles:remove', { profileId })
    } finally {
      stopPushed.abort()
      await signIns.close()
      await front.close()
      await idc.close()
      await connect.close()
      await wx.close()
    }
  })
})
