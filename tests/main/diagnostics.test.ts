import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tokenAccount } from '../../electron/main/secrets/credentials-service'
import { secretForms } from '../../electron/main/secrets/redact-secrets'
import type { DiagnosticsFile } from '../../shared/schemas/diagnostics'
import { drafts, secrets } from '../shared/fixtures'
import { createTestServices } from './test-app-services'

// "Export diagnostics" (fleet issue, item 7): one file for a support ticket, and a sweep over it
// for what must never be in it. Seeded: a profile's credentials and a cached token in the
// keychain, a customer's number in a queued task, and log lines (as an older version or a library
// could have written them) holding both, raw and encoded.

const CUSTOMER = '+14155550123'
const TOKEN = {
  accessToken: 'AT-cached-access-token-7Hq2-unique',
  expiresAt: '2030-01-01T00:00:00.000Z',
  refreshToken: 'RT-rotated-refresh-Z81k',
}
/** A proxy sign-in stored in Settings (issue #15): a secret like the profile's. */
const PROXY_PASSWORD = 'Proxy-Pa55word-9Xc3-unique'
const seededSecrets = [
  secrets.webex.clientSecret,
  secrets.webex.refreshToken,
  TOKEN.accessToken,
  TOKEN.refreshToken,
  PROXY_PASSWORD,
]

async function setUp() {
  const logDir = mkdtempSync(join(tmpdir(), 'callboard-diag-log-'))
  const logFile = join(logDir, 'callboard.log')
  const exportDir = join(mkdtempSync(join(tmpdir(), 'callboard-diag-')), 'out')
  const { services, store } = await createTestServices({ logFile, diagnosticsDir: exportDir })
  const call = async <T>(channel: string, input?: unknown) => {
    const result = (await services.dispatch(channel, input)) as { ok: boolean; value: T; error?: unknown }
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    return result.value
  }
  const saved = await call<{ profile: { id: string } }>('profiles:save', drafts.webex)
  const profileId = saved.profile.id
  await call('credentials:set', { profileId, secret: secrets.webex })
  await store.set(tokenAccount(profileId), JSON.stringify(TOKEN))
  await call('proxy:setSignIn', { proxy: 'proxy.corp.example:8080', username: 'agent-7', password: PROXY_PASSWORD })
  services.outbox!.pause()
  await call('tasks:submit', {
    intent: {
      kind: 'outdial',
      profileId,
      destination: CUSTOMER,
      entryPointId: 'EP-outbound-1',
      origin: '+14085550100',
    },
  })
  // Lines the logger of this version would never write: the export must scrub them anyway.
  mkdirSync(logDir, { recursive: true })
  appendFileSync(
    logFile,
    `${JSON.stringify({ msg: 'provider said', body: `client_secret=${encodeURIComponent(secrets.webex.clientSecret)}` })}\n`,
  )
  appendFileSync(
    logFile,
    `${JSON.stringify({ msg: 'header', auth: `Basic ${Buffer.from(`id:${TOKEN.accessToken}`).toString('base64')}` })}\n`,
  )
  appendFileSync(
    logFile,
    `${JSON.stringify({ msg: 'token', raw: TOKEN.accessToken, json: JSON.stringify({ t: TOKEN.refreshToken }) })}\n`,
  )
  appendFileSync(logFile, `${JSON.stringify({ msg: 'proxy', auth: `agent-7:${PROXY_PASSWORD}` })}\n`)
  appendFileSync(logFile, `${JSON.stringify({ msg: 'dialling', to: '(415) 555-0123' })}\n`)
  appendFileSync(`${logFile}.1`, `${JSON.stringify({ msg: 'older line', secret: secrets.webex.refreshToken })}\n`)
  return { services, call, exportDir }
}

/** Every spelling of every seeded secret found in `text`. */
const leaks = (text: string) => seededSecrets.flatMap((s) => secretForms(s).filter((form) => text.includes(form)))

describe('diagnostics export', () => {
  it('without customer numbers: versions, settings, profiles, queue and log; no secret in any form, no number', async () => {
    const { call, exportDir } = await setUp()
    const file = await call<DiagnosticsFile>('diagnostics:export', { includeNumbers: false })
    expect(file.path.startsWith(exportDir)).toBe(true)
    expect(statSync(file.path).mode & 0o777).toBe(0o600)
    const text = readFileSync(file.path, 'utf8')
    expect(Buffer.byteLength(text)).toBe(file.bytes)

    expect(leaks(text)).toEqual([])
    expect(text.replace(/\D/g, ' ')).not.toMatch(/4155550123|555 0123|4085550100/)
    const report = JSON.parse(text)
    expect(report).toMatchObject({
      callboardDiagnostics: 1,
      includesCustomerNumbers: false,
      app: { name: 'Callboard' },
      profiles: [{ profile: { label: 'Webex US', provider: 'webex' }, credentials: { state: 'stored' } }],
      queue: { total: 1, byState: { queued: 1 }, paused: true },
      updates: { phase: 'off' },
    })
    expect(report.tasks).toBeUndefined()
    // The log, oldest line first, the rotated file's included, each scrubbed.
    expect(report.log[0]).toContain('older line')
    expect(report.log.some((line: string) => line.includes('[redacted]'))).toBe(true)
    expect(report.log.some((line: string) => line.includes('"to":"[number]"'))).toBe(true)
  })

  it('with customer numbers when the agent ticks the box; secrets still never', async () => {
    const { call } = await setUp()
    const file = await call<DiagnosticsFile>('diagnostics:export', { includeNumbers: true })
    const text = readFileSync(file.path, 'utf8')
    expect(leaks(text)).toEqual([])
    const report = JSON.parse(text)
    expect(report.includesCustomerNumbers).toBe(true)
    expect(report.tasks).toEqual([
      expect.objectContaining({
        kind: 'outdial',
        state: 'queued',
        intent: expect.objectContaining({ destination: CUSTOMER }),
      }),
    ])
  })

  it('refuses an input that is not the contract’s, before anything is written', async () => {
    const { services, exportDir } = await setUp()
    const result = (await services.dispatch('diagnostics:export', { includeNumbers: 'yes' })) as { ok: boolean }
    expect(result.ok).toBe(false)
    expect(() => statSync(exportDir)).toThrow()
  })
})
