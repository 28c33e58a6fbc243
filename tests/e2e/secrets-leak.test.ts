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
})
