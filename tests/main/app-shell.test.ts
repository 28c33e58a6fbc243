import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ElectronModules } from '../../electron/main/app-lifecycle'
import { startApp } from '../../electron/main/app-lifecycle'
import { invokeChannels } from '../../shared/ipc/channels'
import { RENDERER_CSP_HEADER } from '../../shared/csp'
import { createFakeElectron, ipcEventFrom } from './fake-electron'
import { memorySecretStore } from './memory-secret-store'
import type { FakeElectron } from './fake-electron'

const OUT_MAIN = resolve(import.meta.dirname, '../../out/main')

async function start(fake: FakeElectron) {
  const started = startApp(fake.module as unknown as ElectronModules, {
    mainDir: OUT_MAIN,
    secrets: memorySecretStore(),
  })
  fake.markReady()
  await started
}

describe('app shell start-up (mocked electron)', () => {
  let fake: FakeElectron
  beforeEach(() => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined)
    fake = createFakeElectron({ userData: mkdtempSync(join(tmpdir(), 'callboard-shell-')) })
  })
  afterEach(() => vi.restoreAllMocks())

  it('turns on the sandbox, registers app:// and takes the lock before ready', async () => {
    await start(fake)
    const readyAt = fake.calls.indexOf('ready')
    expect(fake.calls.indexOf('app.enableSandbox')).toBeGreaterThanOrEqual(0)
    expect(fake.calls.indexOf('app.enableSandbox')).toBeLessThan(readyAt)
    expect(fake.calls.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(readyAt)
    expect(fake.calls.indexOf('app.requestSingleInstanceLock')).toBeLessThan(readyAt)
    expect(fake.calls.indexOf('new BrowserWindow')).toBeGreaterThan(readyAt)
    expect(fake.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
  })

  it('quits without a window when another instance holds the lock', async () => {
    fake = createFakeElectron({ userData: mkdtempSync(join(tmpdir(), 'callboard-shell-')), singleInstance: false })
    await start(fake)
    expect(fake.app.quit).toHaveBeenCalled()
    expect(fake.windows).toHaveLength(0)
    expect(fake.ipcHandlers.size).toBe(0)
  })

  it('focuses the existing window when a second instance starts', async () => {
    await start(fake)
    fake.app.emit('second-instance')
    expect(fake.windows[0]?.focus).toHaveBeenCalled()
  })

  it('registers exactly the contract channels', async () => {
    await start(fake)
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...invokeChannels].sort())
  })

  it('denies every permission request and check', async () => {
    await start(fake)
    const [[requestHandler]] = fake.defaultSession.setPermissionRequestHandler.mock.calls as unknown as [
      [(wc: unknown, permission: string, callback: (granted: boolean) => void) => void],
    ]
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      requestHandler({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
    }
    const [[checkHandler]] = fake.defaultSession.setPermissionCheckHandler.mock.calls as unknown as [[() => boolean]]
    expect(checkHandler()).toBe(false)
  })

  it('loads the renderer from app://callboard and answers calls from it', async () => {
    await start(fake)
    expect(fake.windows[0]?.loadURL).toHaveBeenCalledWith('app://callboard/index.html')
    // The page is 1100 × 760, the main window's size in the browser tests (a frame adds to it).
    expect(fake.windows[0]?.options).toMatchObject({ width: 1100, height: 760, useContentSize: true })
    const handler = fake.ipcHandlers.get('app:info')!
    const result = await handler(ipcEventFrom('app://callboard/index.html'))
    expect(result).toMatchObject({ ok: true, value: { name: 'Callboard', runtime: 'electron' } })
  })

  it('serves the built renderer over app:// with the CSP header and refuses traversal', async () => {
    await start(fake)
    const handle = fake.protocolHandlers.get('app')!
    const index = await handle({ url: 'app://callboard/index.html' })
    expect(index.status).toBe(200)
    expect(index.headers.get('content-security-policy')).toBe(RENDERER_CSP_HEADER)
    expect(await index.text()).toContain('<div id="app">')
    for (const url of [
      'app://callboard/../main/index.js',
      'app://callboard/%2e%2e/main/index.js',
      'app://callboard/..%2fmain%2findex.js',
      'app://evil/index.html',
      'app://user@callboard/index.html',
    ]) {
      expect((await handle({ url })).status, url).toBe(404)
    }
  })

  it('pushes contract events to every window', async () => {
    await start(fake)
    const handler = fake.ipcHandlers.get('settings:update')!
    await handler(ipcEventFrom('app://callboard/index.html'), { theme: 'dark' })
    expect(fake.windows[0]?.webContents.send).toHaveBeenCalledWith(
      'settings:changed',
      expect.objectContaining({ settings: expect.objectContaining({ theme: 'dark' }) }),
    )
  })

  it('refuses navigation, redirects, webviews and new windows; links go to the allow-listed opener', async () => {
    await start(fake)
    const contents = fake.windows[0]!.webContents
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() }
      contents.emit(name, event, 'https://attacker.example/')
      expect(event.preventDefault, name).toHaveBeenCalledTimes(1)
    }
    expect(contents.windowOpenHandler?.({ url: 'https://attacker.example/' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler?.({ url: 'https://developer.webex.com/docs' })).toEqual({ action: 'deny' })
    await vi.waitFor(() => expect(fake.shell.openExternal).toHaveBeenCalledTimes(1))
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://developer.webex.com/docs')
  })

  it('reloads a window whose renderer crashed', async () => {
    await start(fake)
    const contents = fake.windows[0]!.webContents
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 })
    expect(contents.reload).toHaveBeenCalledTimes(1)
  })
})
