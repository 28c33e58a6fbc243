import { readdirSync, readFileSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { createWindowFactory, hardenedWebPreferences } from '../../electron/main/windows/window-factory'
import type { WindowLook } from '../../electron/main/windows/window-factory'

// S1: load the real entry point (electron/main/index.ts) against the shared Electron fake and
// check what every window it creates was given.
const fake = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('./fake-electron')
  const { mkdtempSync: mk } = await import('node:fs')
  const { tmpdir: tmp } = await import('node:os')
  const { join: j } = await import('node:path')
  return createFakeElectron({ userData: mk(j(tmp(), 'callboard-s1-')) })
})
vi.mock('electron', () => fake.module)

const repo = resolve(import.meta.dirname, '../..')

function expectHardened(options: Record<string, unknown>) {
  const prefs = options['webPreferences'] as Record<string, unknown>
  expect(prefs).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
  })
  expect(prefs).not.toHaveProperty('enableBlinkFeatures')
  expect(prefs).not.toHaveProperty('additionalArguments')
  const preload = prefs['preload'] as string
  expect(isAbsolute(preload)).toBe(true)
  expect(relative(repo, preload).startsWith('..')).toBe(false)
  expect(preload.endsWith(join('preload', 'index.cjs'))).toBe(true)
}

describe('window invariants (S1)', () => {
  afterAll(() => vi.restoreAllMocks())

  it('the real entry point creates only hardened windows, after enableSandbox', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined)
    await import('../../electron/main/index')
    fake.markReady()
    await vi.waitFor(() => expect(fake.windows.length).toBeGreaterThan(0), { timeout: 5000 })
    expect(fake.calls.indexOf('app.enableSandbox')).toBeLessThan(fake.calls.indexOf('new BrowserWindow'))
    for (const window of fake.windows) expectHardened(window.options)
    // Unpackaged build: DevTools on. (Packaged is checked below.)
    expect((fake.windows[0]!.options['webPreferences'] as Record<string, unknown>)['devTools']).toBe(true)
  })

  it('the factory ignores any attempt to pass web preferences, and packaged builds get no DevTools', () => {
    const created: Record<string, unknown>[] = []
    class Capture {
      webContents = {}
      constructor(options: Record<string, unknown>) {
        created.push(options)
      }
    }
    const createWindow = createWindowFactory({
      BrowserWindow: Capture as never,
      preloadPath: join(repo, 'out/preload/index.cjs'),
      isPackaged: true,
      guard: () => undefined,
    })
    const hostile = {
      width: 400,
      webPreferences: { nodeIntegration: true, sandbox: false, contextIsolation: false },
    } as unknown as WindowLook
    createWindow(hostile)
    expect(created).toHaveLength(1)
    expect(created[0]!['width']).toBe(400)
    expectHardened(created[0]!)
    expect((created[0]!['webPreferences'] as Record<string, unknown>)['devTools']).toBe(false)
    expect(hardenedWebPreferences('/x/preload/index.cjs', true).devTools).toBe(false)
  })

  it('refuses a relative preload path', () => {
    expect(() =>
      createWindowFactory({
        BrowserWindow: class {} as never,
        preloadPath: 'preload.cjs',
        isPackaged: false,
        guard: () => undefined,
      }),
    ).toThrow(/absolute/)
  })

  it('no BrowserWindow is constructed outside the factory', () => {
    const offenders: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name)
        if (statSync(full).isDirectory()) walk(full)
        else if (/\.(ts|vue|js|mjs|cjs)$/.test(name)) {
          const text = readFileSync(full, 'utf8')
          if (
            /new\s+(?:[\w.]+\.)?BrowserWindow\s*\(/.test(text) &&
            !full.endsWith(join('windows', 'window-factory.ts'))
          ) {
            offenders.push(relative(repo, full))
          }
        }
      }
    }
    for (const dir of ['electron', 'renderer', 'shared', 'harness']) walk(join(repo, dir))
    expect(offenders).toEqual([])
    // The scan must be able to find one: the factory itself constructs a window.
    expect(readFileSync(join(repo, 'electron/main/windows/window-factory.ts'), 'utf8')).toMatch(
      /new\s+deps\.BrowserWindow\s*\(/,
    )
  })
})
