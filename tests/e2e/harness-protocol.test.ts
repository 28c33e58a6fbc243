import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventChannels, invokeChannels } from '../../shared/ipc/channels'
import { startTestHarness } from './helpers/harness'
import type { TestHarness } from './helpers/harness'

const repo = resolve(import.meta.dirname, '../..')

describe('harness protocol', () => {
  let harness: TestHarness
  beforeAll(async () => {
    harness = await startTestHarness()
  })
  afterAll(() => harness.close())

  it('binds 127.0.0.1 and hands out a URL with a random token', () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/)
  })

  it('refuses calls with a wrong or missing token (401)', async () => {
    expect((await harness.call('settings:get', undefined, 'wrong')).status).toBe(401)
    const missing = await fetch(`${harness.origin}/ipc/settings:get`, { method: 'POST' })
    expect(missing.status).toBe(401)
    expect((await fetch(`${harness.origin}/contract`)).status).toBe(401)
    expect((await fetch(`${harness.origin}/events`)).status).toBe(401)
  })

  it('refuses a foreign Host header (DNS rebinding) and cross-origin calls', async () => {
    const { request } = await import('node:http')
    const status = await new Promise<number>((done, fail) => {
      const req = request(`${harness.origin}/contract?token=${harness.token}`, {
        headers: { host: 'attacker.example' },
      })
      req
        .on('response', (res) => done(res.statusCode ?? 0))
        .on('error', fail)
        .end()
    })
    expect(status).toBe(403)
    const cross = await fetch(`${harness.origin}/ipc/settings:get`, {
      method: 'POST',
      headers: { authorization: `Bearer ${harness.token}`, origin: 'https://attacker.example' },
    })
    expect(cross.status).toBe(403)
  })

  it('answers unknown channels with an unknown_channel envelope', async () => {
    const { status, body } = await harness.call('vault:dump')
    expect(status).toBe(404)
    expect(body).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
  })

  it('answers bad JSON and invalid input with invalid_input envelopes', async () => {
    const bad = await fetch(`${harness.origin}/ipc/settings:update`, {
      method: 'POST',
      headers: { authorization: `Bearer ${harness.token}` },
      body: '{"theme":',
    })
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const { body } = await harness.call('settings:update', { theme: 'neon' })
    expect(body).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['theme'] }] } })
  })

  it('GET /contract lists every channel and event with JSON Schemas from the zod schemas', async () => {
    const response = await fetch(`${harness.origin}/contract`, {
      headers: { authorization: `Bearer ${harness.token}` },
    })
    const contract = (await response.json()) as {
      invokes: Record<string, { input: unknown; output: { type?: string } }>
      events: Record<string, unknown>
    }
    expect(Object.keys(contract.invokes).sort()).toEqual([...invokeChannels].sort())
    expect(Object.keys(contract.events).sort()).toEqual([...eventChannels].sort())
    expect(contract.invokes['settings:get']?.output.type).toBe('object')
  })

  it('streams contract events over /events', async () => {
    const controller = new AbortController()
    const response = await fetch(`${harness.origin}/events?token=${harness.token}`, { signal: controller.signal })
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const reader = response.body!.getReader()
    await reader.read() // ": connected"
    await harness.call('settings:update', { theme: 'dark' })
    let text = ''
    while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value)
    controller.abort()
    const [eventLine, dataLine] = text.trim().split('\n')
    expect(eventLine).toBe('event: settings:changed')
    expect(JSON.parse(dataLine!.slice('data: '.length))).toMatchObject({ settings: { theme: 'dark' } })
  })

  it('writes settings into its own user-data folder', async () => {
    await harness.call('settings:update', { defaultRegion: 'VN' })
    expect(JSON.parse(readFileSync(join(harness.dataDir, 'settings.json'), 'utf8'))).toMatchObject({
      version: 2,
      defaultRegion: 'VN',
    })
  })

  it('npm run harness prints one CALLBOARD_HARNESS_URL line and serves the app', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'callboard-cli-'))
    const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'harness/cli.ts'), '--data', dataDir], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      const firstLine = await new Promise<string>((done, fail) => {
        // A backstop, not a measurement: tsx compiles the harness first, which on a loaded
        // two-core machine took more than 20 s (CI, load average 22).
        const timer = setTimeout(() => fail(new Error('no URL line within 90 s')), 90_000)
        createInterface({ input: child.stdout! }).once('line', (line) => {
          clearTimeout(timer)
          done(line)
        })
        child.once('exit', (code) => fail(new Error(`harness exited early with ${code}`)))
      })
      const match = /^CALLBOARD_HARNESS_URL=(http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)$/.exec(firstLine)
      expect(match, firstLine).not.toBeNull()
      const [, origin, token] = match!
      const page = await fetch(`${origin}/`)
      expect(await page.text()).toContain('<div id="app">')
      const info = await fetch(`${origin}/ipc/app:info`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      })
      expect(await info.json()).toMatchObject({ ok: true, value: { runtime: 'harness', name: 'Callboard' } })
    } finally {
      child.kill('SIGTERM')
    }
    const code = await new Promise((done) => child.once('exit', done))
    expect(code).toBe(0)
  }, 120_000)
})
