import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

/**
 * A stand-in method that only records its calls. Named because vitest 5 bundles its spy types: the
 * type a bare `vi.fn()` infers (`Procedure`) can no longer be named in this file's declaration (TS2883).
 */
type Stub = (...args: unknown[]) => unknown

/**
 * The one stand-in for Electron's main-process modules (the binary cannot run here). Records the
 * order of calls that matter for start-up and keeps every window's constructor options.
 */
export function createFakeElectron(options: {
  userData: string
  singleInstance?: boolean
  isPackaged?: boolean
  /** Accelerators another application already holds: registering them fails. */
  takenShortcuts?: string[]
  /** Link schemes the OS lets Callboard handle. */
  linkSchemes?: string[]
  /** Throw when a tray icon is made (desktops without a tray). */
  noTray?: boolean
  /** macOS: the OS says this start came from the login items. */
  openedAtLogin?: boolean
}) {
  const calls: string[] = []
  const windows: FakeBrowserWindow[] = []
  let markReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (markReady = resolve))

  class FakeWebContents extends EventEmitter {
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
    send = vi.fn<Stub>()
    reload = vi.fn<Stub>()
    isDestroyed = () => false
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler
    }
  }

  // Composition, not `extends EventEmitter`: inheriting its statics breaks declaration emit.
  class FakeBrowserWindow {
    static getAllWindows = () => windows
    readonly emitter = new EventEmitter()
    on = (name: string, fn: (...args: unknown[]) => void) => this.emitter.on(name, fn)
    once = (name: string, fn: (...args: unknown[]) => void) => this.emitter.once(name, fn)
    emit = (name: string, ...args: unknown[]) => this.emitter.emit(name, ...args)
    readonly options: Record<string, unknown>
    readonly webContents = new FakeWebContents()
    loadURL = vi.fn(async (_url: string) => undefined)
    show = vi.fn<Stub>()
    hide = vi.fn<Stub>()
    setPosition = vi.fn<Stub>()
    focus = vi.fn<Stub>()
    restore = vi.fn<Stub>()
    isMinimized = () => false
    isDestroyed = () => false
    constructor(opts: Record<string, unknown>) {
      calls.push('new BrowserWindow')
      this.options = opts
      windows.push(this)
      app.emit('web-contents-created', {}, this.webContents)
    }
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: options.isPackaged ?? false,
    enableSandbox: vi.fn(() => calls.push('app.enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => {
      calls.push('app.requestSingleInstanceLock')
      return options.singleInstance ?? true
    }),
    quit: vi.fn(() => calls.push('app.quit')),
    exit: vi.fn<Stub>(),
    whenReady: vi.fn(async () => {
      calls.push('app.whenReady')
      await ready
      calls.push('ready')
    }),
    getPath: vi.fn(() => options.userData),
    getName: () => 'Callboard',
    getVersion: () => '0.1.0',
    getLocale: () => 'en-GB',
    getPreferredSystemLanguages: () => ['en-GB'],
    isReady: () => true,
    setAsDefaultProtocolClient: vi.fn((scheme: string) => (options.linkSchemes ?? ['tel', 'callto']).includes(scheme)),
    setLoginItemSettings: vi.fn<Stub>(),
    getLoginItemSettings: vi.fn(() => ({ wasOpenedAtLogin: options.openedAtLogin ?? false })),
  })

  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>()
  const ipcMain = {
    handle: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
      if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`)
      ipcHandlers.set(channel, listener)
    }),
  }

  const protocolHandlers = new Map<string, (request: { url: string }) => Promise<Response>>()
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => calls.push('protocol.registerSchemesAsPrivileged')),
    handle: vi.fn((scheme: string, handler: (request: { url: string }) => Promise<Response>) => {
      protocolHandlers.set(scheme, handler)
    }),
  }

  const defaultSession = {
    setPermissionRequestHandler: vi.fn<Stub>(),
    setPermissionCheckHandler: vi.fn<Stub>(),
  }

  const shell = { openExternal: vi.fn(async () => undefined) }
  const notifications: { title: string; body: string }[] = []
  /** Every notification shown, to click (`emit('click')`) as the OS would. */
  const shownNotifications: FakeNotification[] = []
  class FakeNotification {
    static isSupported = () => true
    readonly emitter = new EventEmitter()
    constructor(readonly options: { title: string; body: string }) {}
    on = (name: string, fn: (...args: unknown[]) => void) => this.emitter.on(name, fn)
    emit = (name: string, ...args: unknown[]) => this.emitter.emit(name, ...args)
    show() {
      notifications.push(this.options)
      shownNotifications.push(this)
    }
  }

  // The desktop integration: tray, menu, global shortcut, clipboard (read-only use is asserted).
  const trays: FakeTray[] = []
  class FakeTray {
    readonly emitter = new EventEmitter()
    on = (name: string, fn: (...args: unknown[]) => void) => this.emitter.on(name, fn)
    emit = (name: string, ...args: unknown[]) => this.emitter.emit(name, ...args)
    image: unknown
    tooltip = ''
    menu: { template: Record<string, unknown>[] } | null = null
    destroyed = false
    constructor(image: unknown) {
      if (options.noTray) throw new Error('no tray on this desktop')
      this.image = image
      trays.push(this)
    }
    setImage(image: unknown) {
      this.image = image
    }
    setToolTip(text: string) {
      this.tooltip = text
    }
    setContextMenu(menu: { template: Record<string, unknown>[] }) {
      this.menu = menu
    }
    getBounds() {
      return { x: 1800, y: 0, width: 24, height: 24 }
    }
    destroy() {
      this.destroyed = true
    }
  }
  const Menu = { buildFromTemplate: vi.fn((template: Record<string, unknown>[]) => ({ template })) }
  const nativeImage = { createFromPath: vi.fn((path: string) => ({ path })) }
  const themeEvents = new EventEmitter()
  const nativeTheme = {
    shouldUseDarkColors: false,
    on: (name: string, fn: () => void) => themeEvents.on(name, fn),
    emit: (name: string) => themeEvents.emit(name),
  }
  const shortcuts = new Map<string, () => void>()
  const globalShortcut = {
    register: vi.fn((accelerator: string, callback: () => void) => {
      if (options.takenShortcuts?.includes(accelerator)) return false
      shortcuts.set(accelerator, callback)
      return true
    }),
    unregister: vi.fn((accelerator: string) => shortcuts.delete(accelerator)),
  }
  const clipboardState = { text: '', selection: '' }
  const clipboard = {
    readText: vi.fn(async () => clipboardState.text),
    selection: {
      readText: vi.fn(async () => clipboardState.selection),
      writeText: vi.fn<Stub>(),
      clear: vi.fn<Stub>(),
    },
    writeText: vi.fn<Stub>(),
    write: vi.fn<Stub>(),
    clear: vi.fn<Stub>(),
  }
  const screen = {
    getCursorScreenPoint: () => ({ x: 600, y: 400 }),
    getDisplayNearestPoint: () => ({ workArea: { x: 0, y: 28, width: 1920, height: 1052 } }),
  }

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    protocol,
    session: { defaultSession },
    shell,
    Notification: FakeNotification,
    powerMonitor: new EventEmitter(),
    net: { isOnline: () => true },
    Tray: FakeTray,
    Menu,
    nativeImage,
    nativeTheme,
    globalShortcut,
    clipboard,
    screen,
  }
  return {
    module,
    calls,
    windows,
    ipcHandlers,
    protocolHandlers,
    defaultSession,
    shell,
    app,
    markReady,
    notifications,
    shownNotifications,
    trays,
    shortcuts,
    globalShortcut,
    clipboard,
    clipboardState,
    nativeTheme,
  }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>

/** An IPC event as Electron would pass it, from a frame at `url`. */
export function ipcEventFrom(url: string, extra: Record<string, unknown> = {}) {
  return { senderFrame: { url, parent: null, isDestroyed: () => false, ...extra } }
}
