import type * as Electron from 'electron'
import { join } from 'node:path'
import { loadAppUrl, APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME } from './security/app-protocol'
import { createOpenExternal } from './security/external-links'
import { originOf } from './security/trusted-sender'
import { registerIpc } from './ipc/register-ipc'
import type { SecretStore } from './secrets/secret-store'
import { watchConnectivityHints } from './platform/connectivity-hints'
import { createAppServices } from './services/app-services'
import { systemClock } from './services/clock'
import { createLogger, fileLogSink, teeSink } from './services/logger'
import { createWindowFactory } from './windows/window-factory'
import { guardWebContents } from './windows/window-guards'

/** The Electron modules the app shell uses; passed in so tests can hand over fakes. */
export type ElectronModules = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'ipcMain' | 'protocol' | 'session' | 'shell' | 'Notification' | 'powerMonitor' | 'net'
>

export interface StartOptions {
  /** Folder of the built main bundle (`out/main`); preload and renderer sit beside it. */
  mainDir: string
  /** electron-vite's dev server URL, honoured only in an unpackaged build. */
  devServerUrl?: string
  /** The OS keychain; built by the entry point so this module stays free of native bindings. */
  secrets: SecretStore
}

/**
 * Start-up order matters: the sandbox and the app:// scheme must be set before `ready`, and the
 * single-instance lock before anything creates state.
 */
export async function startApp(electron: ElectronModules, options: StartOptions): Promise<void> {
  const { app, BrowserWindow, ipcMain, protocol, session, shell, Notification, powerMonitor, net } = electron

  app.enableSandbox()
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])

  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }

  let mainWindow: Electron.BrowserWindow | null = null
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  await app.whenReady()

  const userDataDir = app.getPath('userData')
  const logger = createLogger(
    teeSink(fileLogSink(join(userDataDir, 'logs', 'callboard.log')), (line) => console.log(line)),
    systemClock,
  )
  const openExternal = createOpenExternal(shell, (msg, fields) => logger.warn(msg, fields))
  const guardDeps = { logger: logger.child('window'), openExternal }
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, guardDeps))

  // Callboard needs no camera, microphone, notifications-from-page or any other web permission.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)

  const rendererDir = join(options.mainDir, '../renderer')
  protocol.handle(APP_SCHEME, async (request) => {
    const asset = await loadAppUrl(rendererDir, request.url)
    return new Response(asset.body as ConstructorParameters<typeof Response>[0], {
      status: asset.status,
      headers: asset.headers,
    })
  })

  const devUrl = !app.isPackaged && options.devServerUrl ? options.devServerUrl : null
  const appOrigin = devUrl ? (originOf(devUrl) ?? APP_ORIGIN) : APP_ORIGIN

  const services = await createAppServices({
    userDataDir,
    appInfo: {
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      arch: process.arch,
      runtime: 'electron',
      electronVersion: process.versions.electron ?? null,
    },
    clock: systemClock,
    logger,
    secrets: options.secrets,
    locale: app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
    checkContract: !app.isPackaged,
    sandbox: true,
    notify: ({ title, body }) => {
      if (Notification.isSupported()) new Notification({ title, body }).show()
    },
  })
  const stopHints = watchConnectivityHints({ powerMonitor, net }, (reason) => void services.outbox?.poke(reason))
  app.on('will-quit', () => {
    stopHints()
    void services.close()
  })
  registerIpc(ipcMain, services.dispatch, appOrigin, logger.child('ipc'))
  services.events.subscribe((channel, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(channel, payload)
    }
  })

  const createWindow = createWindowFactory({
    BrowserWindow,
    preloadPath: join(options.mainDir, '../preload/index.cjs'),
    isPackaged: app.isPackaged,
    guard: (window) => guardWebContents(window.webContents, guardDeps),
  })

  const openMainWindow = () => {
    mainWindow = createWindow({
      width: 1100,
      height: 760,
      minWidth: 720,
      minHeight: 520,
      show: false,
      title: 'Callboard',
    })
    mainWindow.once('ready-to-show', () => mainWindow?.show())
    void mainWindow.loadURL(devUrl ?? APP_ENTRY_URL)
  }
  openMainWindow()

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  logger.info('Callboard started', { version: app.getVersion(), packaged: app.isPackaged })
}
