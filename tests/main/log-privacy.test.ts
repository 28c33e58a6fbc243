import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AppServices } from '../../electron/main/app/app-services'
import { systemClock } from '../../electron/main/core/clock'
import { fileLogSink } from '../../electron/main/core/log-file'
import { createLogger } from '../../electron/main/core/logger'
import type { EntryState } from '../../shared/schemas/outbox'
import { sampleTasks } from '../../shared/providers/registry'
import { createTestServices } from './test-app-services'

// The log is private and bounded (A10): only its owner can read it, it stays under its size cap
// whatever bursts into it, and it holds task ids, never a customer's number or a message's text.

const logFiles = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('callboard.log'))
const bytesOnDisk = (dir: string) => logFiles(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0)
const modeOf = (file: string) => statSync(file).mode & 0o777

/** Resolves once every task has an outcome the sandbox will not change by itself (an event, no polling). */
function settled(services: AppServices, ids: string[]): Promise<void> {
  const final = new Set<EntryState>(['sent', 'rejected', 'needs_review', 'needs_auth', 'expired'])
  return new Promise((resolve) => {
    const check = () => {
      if (!ids.every((id) => final.has(services.outbox!.get(id)?.state ?? 'queued'))) return
      stop()
      resolve()
    }
    const stop = services.events.subscribe((channel) => channel === 'queue:changed' && check())
    check()
  })
}

describe.skipIf(process.platform === 'win32')('the log file', () => {
  it('is readable by its owner only (0600), also when it already existed as 0644', () => {
    const dir = mkdtempSync(join(tmpdir(), 'callboard-log-'))
    const fresh = join(dir, 'fresh', 'callboard.log')
    fileLogSink(fresh)('{"msg":"one"}')
    expect(modeOf(fresh)).toBe(0o600)

    const old = join(dir, 'callboard.log')
    writeFileSync(old, '{"msg":"from an older version"}\n')
    chmodSync(old, 0o644)
    fileLogSink(old)('{"msg":"two"}')
    expect(modeOf(old)).toBe(0o600)
    expect(readFileSync(old, 'utf8')).toContain('"two"')
  })

  it('stays under its cap through a 10 MB burst, rotated files private too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'callboard-log-'))
    const cap = { maxBytes: 1024 * 1024, files: 3 }
    const sink = fileLogSink(join(dir, 'callboard.log'), cap)
    const line = JSON.stringify({ msg: 'invalid input refused', pad: 'x'.repeat(1000) })
    for (let written = 0; written < 10 * 1024 * 1024; written += line.length + 1) sink(line)
    expect(bytesOnDisk(dir)).toBeLessThanOrEqual(cap.maxBytes * cap.files)
    expect(logFiles(dir).length).toBeLessThanOrEqual(cap.files)
    for (const name of logFiles(dir)) expect(modeOf(join(dir, name))).toBe(0o600)
    // The newest lines are the ones kept.
    expect(readFileSync(join(dir, 'callboard.log'), 'utf8').trimEnd().split('\n').at(-1)).toBe(line)
  })

  it('a burst of refused inputs through the app keeps the log under its cap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callboard-log-'))
    const cap = { maxBytes: 256 * 1024, files: 3 }
    const logger = createLogger(fileLogSink(join(dir, 'callboard.log'), cap), systemClock)
    const { services } = await createTestServices({ logger })
    try {
      const junk = { intent: { kind: 'outdial', destination: 'x'.repeat(30_000), attributes: { a: 1 } } }
      for (let i = 0; i < 2000; i++) await services.dispatch('tasks:submit', junk)
      expect(bytesOnDisk(dir)).toBeLessThanOrEqual(cap.maxBytes * cap.files)
    } finally {
      await services.close()
    }
  })
})

describe('what the log holds', () => {
  it('task ids, and no customer number or message text from sent, refused or undialable tasks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callboard-log-'))
    const file = join(dir, 'callboard.log')
    const logger = createLogger(fileLogSink(file), systemClock)
    // As the harness does: notifications go to the log, with the task's subject and reason.
    const { services } = await createTestServices({
      logger,
      sandbox: true,
      notify: (notification) => logger.info('notification', notification),
    })
    try {
      // The ready profiles (the sign-in ones would hold their tasks until someone signs in).
      const profiles = services.sandbox!.profiles().filter((profile) => !services.sandbox!.signsIn(profile.id))
      // Two providers refuse everything, so their refusals (with the provider's words) are notified.
      await services.dispatch('sandbox:simulate', { provider: 'webex', scenario: 'invalid' })
      await services.dispatch('sandbox:simulate', { provider: 'egain', scenario: 'invalid' })
      const ids: string[] = []
      const texts: string[] = []
      const samples = profiles.flatMap((profile) => sampleTasks(profile, new Date(), 'UTC'))
      const freeTextFields = ['customerName', 'reason', 'subject', 'content', 'name', 'description', 'text']
      for (const sample of samples) {
        // A callback now and one later are for the same number: confirmed as a repeat, as an agent would.
        const result = await services.dispatch('tasks:submit', { intent: sample.intent, confirmedRepeat: true })
        if (result.ok) ids.push((result.value as { id: string }).id)
        for (const [key, value] of Object.entries(sample.intent)) {
          if (freeTextFields.includes(key) && typeof value === 'string' && value.length > 3) texts.push(value)
        }
      }
      expect(ids).toHaveLength(samples.length)
      expect(texts.length).toBeGreaterThan(5)

      // Refused inputs: a malformed number and a task the provider's rules refuse.
      const webex = profiles.find((p) => p.provider === 'webex')!
      const outdial = sampleTasks(webex, new Date(), 'UTC')[0]!.intent
      await services.dispatch('tasks:submit', { intent: { ...outdial, destination: '+1 415 555 0177 call Ada' } })
      await services.dispatch('tasks:submit', { intent: { ...outdial, origin: '+14155550188' }, confirmedRepeat: true })
      // Text from the clipboard with a number that cannot be dialled.
      await services.desk.fromText('Ring Ada Lovelace on 020 7946 095 about the refund', 'clipboard')

      await settled(services, ids)
      const log = readdirSync(dir)
        .map((name) => readFileSync(join(dir, name), 'utf8'))
        .join('\n')
      for (const id of ids) expect(log).toContain(id)
      for (const text of [...texts, 'Ring Ada', 'call Ada']) expect(log).not.toContain(text)
      // No run of 7 or more digits, however it is spaced, once ids and timestamps are set aside.
      const withoutIdsAndTimes = log
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, 'ID')
        .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g, 'TIME')
      const numbers = [...withoutIdsAndTimes.matchAll(/\+?\d(?:[ ().-]{0,3}\d)+/g)]
        .map((m) => m[0])
        .filter((run) => run.replace(/\D/g, '').length >= 7)
      expect(numbers).toEqual([])
    } finally {
      await services.close()
    }
  })
})

describe('URLs in the log', () => {
  it('a URL any line quotes keeps its secrets out: a callback’s code, a token, a device code; the state and the challenge stay readable', () => {
    const lines: string[] = []
    const logger = createLogger((line) => lines.push(line), systemClock)
    const callback = 'http://127.0.0.1:49152/callback/0a1b2c3d?code=AUTH-CODE-9f8e7d&state=STATE-1a2b'
    const authorize =
      'https://webexapis.com/v1/authorize?client_id=C1&response_type=code&code_challenge=CHALLENGE-hash&state=STATE-1a2b'
    logger.warn('navigation refused', { url: callback })
    logger.info('sign-in page', { url: authorize, nested: { again: `${callback}#access_token=AT-secret-55` } })
    logger.error('request failed', {
      error: new Error(`GET ${authorize}&device_code=DEVICE-CODE-77 refused; see ?refresh_token=RT-secret-66`),
    })
    const log = lines.join('\n')
    for (const secret of ['AUTH-CODE-9f8e7d', 'AT-secret-55', 'DEVICE-CODE-77', 'RT-secret-66']) {
      expect(log).not.toContain(secret)
    }
    expect(log).toContain('code=[redacted]&state=STATE-1a2b')
    expect(log).toContain('code_challenge=CHALLENGE-hash')
    expect(log).toContain('response_type=code&')
  })
})
