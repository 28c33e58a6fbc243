import { inEnglish } from '../shared/in-english'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ElectronModules } from '../../electron/main/app-lifecycle'
import { startApp } from '../../electron/main/app-lifecycle'
import { placeNear } from '../../electron/main/desktop/desktop-windows'
import { trayMenu, trayState } from '../../electron/main/desktop/tray-state'
import { renderMessage } from '../../shared/i18n/render-message'
import type { FakeElectron } from './fake-electron'
import { createFakeElectron, ipcEventFrom } from './fake-electron'
import { memorySecretStore } from './memory-secret-store'

// The desktop edge through a mocked `electron` (the binary cannot run here): the tray, the global
// shortcut, the clipboard (read, never written), notifications and tel: links.

const OUT_MAIN = resolve(import.meta.dirname, '../../out/main')
const FROM_APP = ipcEventFrom('app://callboard/index.html')

async function start(options: Partial<Parameters<typeof createFakeElectron>[0]> = {}, argv?: string[]) {
  const fake = createFakeElectron({ userData: mkdtempSync(join(tmpdir(), 'callboard-desktop-')), ...options })
  const saved = process.argv
  if (argv) process.argv = argv
  try {
    const started = startApp(fake.module as unknown as ElectronModules, {
      mainDir: OUT_MAIN,
      secrets: memorySecretStore(),
    })
    fake.markReady()
    await started
  } finally {
    process.argv = saved
  }
  return fake
}

const call = (fake: FakeElectron, channel: string, input?: unknown) => fake.ipcHandlers.get(channel)!(FROM_APP, input)
/** Waits for what a key press or a link leads to (a few async hops), for as long as a loaded machine needs. */
const until = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 10_000, interval: 5 })
const pendingDial = async (fake: FakeElectron) =>
  ((await call(fake, 'dial:pending')) as { value: { candidates: { e164: string }[] } | null }).value
const confirmWindows = (fake: FakeElectron) =>
  fake.windows.filter((w) => w.loadURL.mock.calls.some(([url]) => String(url).endsWith('#/confirm-dial')))
const noClipboardWrites = (fake: FakeElectron) => {
  expect(fake.clipboard.writeText).not.toHaveBeenCalled()
  expect(fake.clipboard.write).not.toHaveBeenCalled()
  expect(fake.clipboard.clear).not.toHaveBeenCalled()
  expect(fake.clipboard.selection.writeText).not.toHaveBeenCalled()
  expect(fake.clipboard.selection.clear).not.toHaveBeenCalled()
}

describe('desktop integration (mocked electron)', () => {
  beforeEach(() => void vi.spyOn(console, 'log').mockImplementation(() => undefined))
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  it('registers the default shortcut; pressing it reads the clipboard, never writes it, and opens the confirm window', async () => {
    const fake = await start()
    expect(fake.globalShortcut.register).toHaveBeenCalledWith('CommandOrControl+Alt+D', expect.any(Function))
    fake.clipboardState.text = 'Call me: +44 20 7946 0958 ext. 12'
    fake.shortcuts.get('CommandOrControl+Alt+D')!()
    await until(() => expect(confirmWindows(fake)).toHaveLength(1))
    expect(fake.clipboard.readText).toHaveBeenCalled()
    noClipboardWrites(fake)
    const [confirm] = confirmWindows(fake)
    expect(confirm?.options).toMatchObject({
      alwaysOnTop: true,
      // The page's own size (the e2e tests' viewport), not the frame's.
      width: 440,
      height: 340,
      useContentSize: true,
      skipTaskbar: true,
    })
    const pending = await call(fake, 'dial:pending')
    expect(pending).toMatchObject({ ok: true, value: { candidates: [{ e164: '+442079460958', extension: '12' }] } })
    // A second press with another number reuses the window and replaces the request.
    fake.clipboardState.text = '+1 415 555 0132'
    fake.shortcuts.get('CommandOrControl+Alt+D')!()
    await until(async () => expect((await pendingDial(fake))?.candidates[0]?.e164).toBe('+14155550132'))
    expect(confirmWindows(fake)).toHaveLength(1)
    expect(confirm?.show).toHaveBeenCalled()
  })

  it('offers the first number on the clipboard to the quick callback, reading it only', async () => {
    const fake = await start()
    fake.clipboardState.text = 'Ring back Ana on +34 612 345 678 after 5'
    expect(await call(fake, 'desktop:clipboardNumber')).toMatchObject({
      ok: true,
      value: { e164: '+34612345678', international: '+34 612 34 56 78' },
    })
    fake.clipboardState.text = 'no number here'
    expect(await call(fake, 'desktop:clipboardNumber')).toEqual({ ok: true, value: null })
    noClipboardWrites(fake)
  })

  it('with nothing dialable on the clipboard, says so in a notification and opens no window', async () => {
    const fake = await start()
    fake.clipboardState.text = 'Invoice 2026-11-23, order #123456789'
    fake.shortcuts.get('CommandOrControl+Alt+D')!()
    await until(() => expect(fake.notifications.at(-1)?.title).toBe('Callboard: nothing to dial'))
    expect(confirmWindows(fake)).toHaveLength(0)
    noClipboardWrites(fake)
  })

  it('a clicked notification brings the window up on the queue; with the window gone, opens one there', async () => {
    const fake = await start()
    const main = fake.windows[0]!
    fake.clipboardState.text = 'nothing to dial here'
    fake.shortcuts.get('CommandOrControl+Alt+D')!()
    await until(() => expect(fake.shownNotifications).toHaveLength(1))
    fake.shownNotifications[0]!.emit('click')
    expect(main.show).toHaveBeenCalled()
    // This note is about no task (the queue alone); a task's note carries its id the same way.
    expect(main.webContents.send).toHaveBeenCalledWith('desktop:openTask', { taskId: null })

    // Closed meanwhile (the app lives in the tray): a new window, straight on the queue view.
    main.isDestroyed = () => true
    fake.shortcuts.get('CommandOrControl+Alt+D')!()
    await until(() => expect(fake.shownNotifications).toHaveLength(2))
    fake.shownNotifications[1]!.emit('click')
    const opened = fake.windows.at(-1)!
    expect(opened).not.toBe(main)
    expect(String(opened.loadURL.mock.calls[0]?.[0])).toMatch(/#\/queue$/)
  })

  it('on Linux, reads the PRIMARY selection first when the setting says so', async () => {
    if (process.platform !== 'linux') return
    const fake = await start()
    await call(fake, 'settings:update', { dialFromSelection: true })
    fake.clipboardState.selection = '+1 415 555 0132'
    fake.clipboardState.text = 'something else'
    fake.shortcuts.get('CommandOrControl+Alt+D')!()
    await until(async () => expect(await pendingDial(fake)).not.toBeNull())
    expect(fake.clipboard.selection.readText).toHaveBeenCalled()
    expect(await call(fake, 'dial:pending')).toMatchObject({
      ok: true,
      value: { origin: 'selection', candidates: [{ e164: '+14155550132' }] },
    })
    noClipboardWrites(fake)
  })

  it('reports a shortcut another application holds, in a notification and in desktop:status', async () => {
    const fake = await start({ takenShortcuts: ['CommandOrControl+Alt+D'] })
    expect(fake.notifications.some((n) => /already used by another application/.test(n.body))).toBe(true)
    // The link claims arrive a moment after start (on Windows they are read from the registry).
    await until(async () =>
      expect(await call(fake, 'desktop:status')).toMatchObject({ value: { links: { tel: true, callto: true } } }),
    )
    expect(inEnglish(await call(fake, 'desktop:status'))).toMatchObject({
      ok: true,
      value: {
        available: true,
        shortcut: {
          accelerator: 'CommandOrControl+Alt+D',
          registered: false,
          problem: expect.stringMatching(/another/),
        },
        tray: true,
        links: { tel: true, callto: true },
      },
    })
  })

  it('moves the shortcut when the setting changes, and refuses a reserved chord before it reaches the OS', async () => {
    const fake = await start()
    await call(fake, 'settings:update', { dialShortcut: 'Ctrl+Shift+F9' })
    expect(fake.globalShortcut.unregister).toHaveBeenCalledWith('CommandOrControl+Alt+D')
    expect(fake.globalShortcut.register).toHaveBeenLastCalledWith('Control+Shift+F9', expect.any(Function))
    expect(await call(fake, 'desktop:status')).toMatchObject({ value: { shortcut: { registered: true } } })
    const refused = await call(fake, 'settings:update', { dialShortcut: 'CommandOrControl+V' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(fake.globalShortcut.register).not.toHaveBeenCalledWith('CommandOrControl+V', expect.anything())
  })

  it('claims tel: and callto:, dials a link from the command line and from a second instance', async () => {
    const fake = await start({}, ['/opt/Callboard/callboard', 'tel:+14155550132'])
    expect(fake.app.setAsDefaultProtocolClient).toHaveBeenCalledWith('tel')
    expect(fake.app.setAsDefaultProtocolClient).toHaveBeenCalledWith('callto')
    await until(async () => expect(await pendingDial(fake)).not.toBeNull())
    expect(await call(fake, 'dial:pending')).toMatchObject({
      value: { origin: 'link', candidates: [{ e164: '+14155550132', source: 'tel_uri' }] },
    })
    fake.app.emit('second-instance', {}, ['/opt/Callboard/callboard', 'callto:+442079460958'], '/')
    await until(async () => expect((await pendingDial(fake))?.candidates[0]?.e164).toBe('+442079460958'))
    expect(confirmWindows(fake)).toHaveLength(1)
    // Without a link, a second start brings the main window up.
    fake.app.emit('second-instance', {}, ['/opt/Callboard/callboard'], '/')
    expect(fake.windows[0]?.focus).toHaveBeenCalled()
  })

  it('puts a tray icon up whose menu opens the quick entry and the quick callback, pauses and resumes sending, and quits', async () => {
    const fake = await start()
    const [tray] = fake.trays
    expect(tray?.tooltip).toBe('Callboard')
    expect(String((tray?.image as { path: string }).path)).toMatch(/tray-online-light\.png$/)
    const item = (label: string) =>
      tray!.menu!.template.find((i) => i['label'] === label) as { click: () => void } | undefined
    expect(tray!.menu!.template.map((i) => i['label'] ?? '—')).toEqual([
      'Quick entry…',
      'Quick callback…',
      'Open Callboard',
      '—',
      'Waiting: 0',
      'Needs attention: 0',
      '—',
      'Pause sending',
      '—',
      'Quit Callboard',
    ])
    // The first item: the main window, told to put the keyboard on its quick entry.
    item('Quick entry…')!.click()
    expect(fake.windows[0]?.show).toHaveBeenCalled()
    expect(fake.windows[0]?.webContents.send).toHaveBeenCalledWith('desktop:quickEntry', {})
    item('Quick callback…')!.click()
    const quick = fake.windows.find((w) => w.loadURL.mock.calls.some(([u]) => String(u).endsWith('#/quick-callback')))
    expect(quick?.options).toMatchObject({ width: 440, height: 520, useContentSize: true })
    item('Pause sending')!.click()
    expect(tray!.tooltip).toMatch(/sending paused/)
    expect(await call(fake, 'queue:list')).toMatchObject({ value: { paused: true } })
    item('Resume sending')!.click()
    expect(await call(fake, 'queue:list')).toMatchObject({ value: { paused: false } })
    // The icon follows the panel's theme.
    fake.nativeTheme.shouldUseDarkColors = true
    fake.nativeTheme.emit('updated')
    expect(String((tray?.image as { path: string }).path)).toMatch(/tray-online-dark\.png$/)
    item('Quit Callboard')!.click()
    expect(fake.app.quit).toHaveBeenCalled()
  })

  it('words the tray in the agent’s language, again as soon as the setting changes', async () => {
    const fake = await start()
    const [tray] = fake.trays
    const labels = () => tray!.menu!.template.flatMap((i) => (i['label'] ? [String(i['label'])] : []))
    expect(labels()).toContain('Quit Callboard')
    await call(fake, 'settings:update', { uiLanguage: 'es' })
    expect(labels()).toEqual([
      'Entrada rápida…',
      'Devolución rápida…',
      'Abrir Callboard',
      'En espera: 0',
      'Requieren atención: 0',
      'Pausar el envío',
      'Salir de Callboard',
    ])
    ;(tray!.menu!.template.find((i) => i['label'] === 'Pausar el envío') as { click: () => void }).click()
    expect(tray!.tooltip).toBe('Callboard (envío en pausa)')
    await call(fake, 'settings:update', { uiLanguage: 'en' })
    expect(tray!.tooltip).toBe('Callboard (sending paused)')
  })

  it('follows the queue on the tray icon, rebuilding it once for a burst of changes', async () => {
    const fake = await start()
    const [tray] = fake.trays
    ;(tray!.menu!.template.find((i) => i['label'] === 'Pause sending') as { click: () => void }).click()
    const builds = fake.module.Menu.buildFromTemplate.mock.calls.length
    // The refresh is a timer: faked, so the burst is one burst however slowly this machine runs it
    // (only timers are faked; the journal's disk writes are real).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    for (let i = 0; i < 20; i++) {
      const queued = await call(fake, 'tasks:submit', {
        intent: {
          kind: 'outdial',
          profileId: '5a4db0c5-0000-4000-8000-000000000001',
          destination: `+1415555${String(100 + i).padStart(4, '0')}`,
          entryPointId: 'sandbox-outdial-ep',
          origin: '+14085550100',
        },
      })
      expect(queued).toMatchObject({ ok: true })
    }
    expect(fake.module.Menu.buildFromTemplate.mock.calls.length - builds).toBe(0)
    vi.advanceTimersByTime(250)
    vi.useRealTimers()
    expect(tray!.tooltip).toBe('Callboard: 20 waiting (sending paused)')
    expect(String((tray!.image as { path: string }).path)).toMatch(/tray-waiting-light\.png$/)
    expect(tray!.menu!.template.map((i) => i['label'])).toContain('Waiting: 20')
    // 20 submits, one rebuild of the native menu.
    expect(fake.module.Menu.buildFromTemplate.mock.calls.length - builds).toBe(1)
  })

  it('closing the main window keeps the app in the tray (a setting), and quits when it is off', async () => {
    const fake = await start()
    const main = fake.windows[0]!
    const event = { preventDefault: vi.fn() }
    main.emit('close', event)
    expect(event.preventDefault).toHaveBeenCalled()
    expect(main.hide).toHaveBeenCalled()
    await call(fake, 'settings:update', { closeToTray: false })
    const again = { preventDefault: vi.fn() }
    main.emit('close', again)
    expect(again.preventDefault).not.toHaveBeenCalled()
  })

  it('starts at sign-in when the setting says so: an XDG autostart entry that starts it hidden; off removes it', async () => {
    const entry = join(process.env['XDG_CONFIG_HOME']!, 'autostart', 'callboard.desktop')
    rmSync(entry, { force: true })
    // A packaged app finds its tray icons under Electron's resources folder.
    const resources = process as { resourcesPath?: string }
    resources.resourcesPath = resolve(import.meta.dirname, '../../resources')
    const fake = await start({ isPackaged: true }).finally(() => delete resources.resourcesPath)
    expect(existsSync(entry)).toBe(false)
    await call(fake, 'settings:update', { startAtLogin: true })
    await until(() => expect(readFileSync(entry, 'utf8')).toContain(`Exec=${process.execPath} --hidden`))
    await call(fake, 'settings:update', { startAtLogin: false })
    await until(() => expect(existsSync(entry)).toBe(false))
  })

  it('a development build adds no autostart entry (it would start a bare Electron)', async () => {
    const entry = join(process.env['XDG_CONFIG_HOME']!, 'autostart', 'callboard.desktop')
    rmSync(entry, { force: true })
    const fake = await start()
    await call(fake, 'settings:update', { startAtLogin: true })
    await until(() => expect(fake.module.app.setLoginItemSettings).not.toHaveBeenCalled())
    expect(existsSync(entry)).toBe(false)
  })

  it('a start at sign-in (--hidden) waits in the tray with no window; the tray opens it', async () => {
    const fake = await start({}, ['/opt/Callboard/callboard', '--hidden'])
    expect(fake.windows).toHaveLength(0)
    const open = fake.trays[0]!.menu!.template.find((i) => i['label'] === 'Open Callboard') as { click: () => void }
    open.click()
    await until(() => expect(fake.windows).toHaveLength(1))
    expect(fake.windows[0]!.loadURL).toHaveBeenCalledWith(expect.stringMatching(/^app:\/\/callboard\//))
  })

  it('a start at sign-in on a desktop without a tray opens the window after all', async () => {
    const fake = await start({ noTray: true }, ['/opt/Callboard/callboard', '--hidden'])
    expect(fake.windows).toHaveLength(1)
  })

  it('still starts on a desktop without a tray, and then closing the window quits', async () => {
    const fake = await start({ noTray: true })
    expect(await call(fake, 'desktop:status')).toMatchObject({ value: { tray: false } })
    const event = { preventDefault: vi.fn() }
    fake.windows[0]!.emit('close', event)
    expect(event.preventDefault).not.toHaveBeenCalled()
  })
})

describe('tray state and menu (plain)', () => {
  it('shows the most urgent state', () => {
    expect(trayState({ waiting: 0, attention: 0 }, [{ health: 'online' }])).toBe('online')
    expect(trayState({ waiting: 0, attention: 0 }, [{ health: 'offline' }])).toBe('offline')
    expect(trayState({ waiting: 2, attention: 0 }, [{ health: 'offline' }])).toBe('waiting')
    expect(trayState({ waiting: 2, attention: 1 }, [{ health: 'online' }])).toBe('attention')
    expect(renderMessage(trayMenu('attention', { waiting: 2, attention: 1 }, false).tooltip)).toBe(
      'Callboard: 1 needs you',
    )
    expect(renderMessage(trayMenu('attention', { waiting: 0, attention: 3 }, false).tooltip)).toBe(
      'Callboard: 3 need you',
    )
  })

  it('places a small window beside its anchor, inside the work area', () => {
    const work = { x: 0, y: 28, width: 1920, height: 1052 }
    expect(placeNear({ x: 1800, y: 0, width: 24, height: 24 }, { width: 440, height: 520 }, work)).toEqual({
      x: 1480,
      y: 32,
    })
    // A bottom panel: above the icon.
    expect(placeNear({ x: 100, y: 1056, width: 24, height: 24 }, { width: 440, height: 520 }, work)).toEqual({
      x: 0,
      y: 528,
    })
  })
})
