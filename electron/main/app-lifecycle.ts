import type * as Electron from 'electron'
import type { UiLanguage } from '@shared/schemas/settings'
import { join } from 'node:path'
import { loadAppUrl, APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME } from './security/app-protocol'
import { createOpenExternal, createOpenSignInPage } from './security/external-links'
import { originOf } from './security/trusted-sender'
import { registerIpc } from './ipc/register-ipc'
import type { SecretStore } from './secrets/secret-store'
import { watchConnectivityHints } from './platform/connectivity-hints'
import { createAppServices } from './app/app-services'
import { systemProxyResolver } from './net/proxy-route'
import { systemClock } from './core/clock'
import { claimDataFolder } from './app/data-folder'
import { fileLogSink } from './core/log-file'
import { createLogger, teeSink } from './core/logger'
import type { DesktopModules, DesktopShell } from './desktop/desktop-shell'
import { startDesktopShell } from './desktop/desktop-shell'
import { readDialText } from './desktop/clipboard-text'
import { createWindowFactory } from './windows/window-factory'
import { guardWebContents } from './windows/window-guards'
import { appUpdater } from './updates/app-updater'
import { policyLocationFor, readPolicy } from './policy/read-policy'
import { startedAtLogin } from './desktop/login-item'
import { homedir } from 'node:os'
import { APP_ID } from './core/app-id'
import { createTaskNotifier, taskRoute } from './desktop/task-notifications'

/** The Electron modules the app shell uses; passed in so tests can hand over fakes. */
export type ElectronModules = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'ipcMain' | 'protocol' | 'session' | 'shell' | 'Notification' | 'powerMonitor' | 'net'
> &
  DesktopModules

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
  // Windows shows and routes a notification by the AppUserModelId of the shortcut that started the
  // app; the installer gives the shortcut this one.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID)
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])

  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }

  let mainWindow: Electron.BrowserWindow | null = null
  let desktop: DesktopShell | null = null
  let quitting = false
  const showMainWindow = () => {
    if (!mainWindow || mainWindow.isDestroyed()) {
      if (app.isReady()) openMainWindow()
      return
    }
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  }
  // A second start hands over its command line (a tel: link, or nothing) and exits.
  app.on('second-instance', (_event, argv) => {
    if (desktop) desktop.secondInstance(argv ?? [])
    else showMainWindow()
  })
  // macOS delivers links as events, possibly before ready.
  const earlyLinks: string[] = []
  app.on('open-url', (event, url) => {
    event.preventDefault()
    if (desktop) desktop.openUrl(url)
    else earlyLinks.push(url)
  })
  app.on('before-quit', () => (quitting = true))

  await app.whenReady()

  const userDataDir = app.getPath('userData')
  // The data folder first: a Callboard that does not own it (another install already runs on it)
  // writes nothing there, not even its log.
  const dataFolder = await claimDataFolder(userDataDir, () => systemClock.now())
  const toConsole = (line: string) => console.log(line)
  const logFile = join(userDataDir, 'logs', 'callboard.log')
  const logger = createLogger(dataFolder.owner ? teeSink(fileLogSink(logFile), toConsole) : toConsole, systemClock)
  // What ends the process is in the log first, for "Export diagnostics" and support. The monitor
  // changes nothing else: Electron still handles the error (an unhandled rejection arrives here too,
  // with its origin, once Node turns it into an exception).
  process.on('uncaughtExceptionMonitor', (error, origin) =>
    logger.error('uncaught error in main', { origin, error: String(error.stack ?? error) }),
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

  // A notification's click brings the window up on its task. The window may be closed (in the
  // tray): then it opens straight on the queue view; if it is open, the view is asked to go there.
  let openTask = (_taskId: string | null) => showMainWindow()
  // In English until the settings are read (nothing is notified before).
  let language = (): UiLanguage => 'en'
  const notify = createTaskNotifier(
    Notification,
    (taskId) => openTask(taskId),
    () => language(),
  )
  // The administrator's policy, once at start; a wrong one is reported and not applied at all.
  const policy = await readPolicy(policyLocationFor(process.platform))
  const services = await createAppServices({
    policy,
    // The OS's proxy configuration (system settings, PAC, WPAD) as Chromium reads it.
    systemProxy: systemProxyResolver((url) => session.defaultSession.resolveProxy(url)),
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
    dataFolder,
    sandbox: true,
    notify,
    openBrowser: createOpenSignInPage(shell, (msg, fields) => logger.warn(msg, fields)),
    updates: appUpdater(app, logger.child('updater'), policy.policy?.updateFeed),
    ...(dataFolder.owner ? { logFile } : {}),
    diagnosticsDir: app.getPath('downloads'),
    readClipboard: async () =>
      (await readDialText(electron.clipboard, { platform: process.platform, fromSelection: false })).text,
  })
  const stopHints = watchConnectivityHints({ powerMonitor, net }, (reason) => void services.outbox?.poke(reason))
  app.on('will-quit', () => {
    desktop?.dispose()
    stopHints()
    void services.close().then(() => (dataFolder.owner ? dataFolder.lock.release() : undefined))
  })
  language = () => services.settings.get().settings.uiLanguage
  openTask = (taskId) => {
    if (mainWindow && !mainWindow.isDestroyed()) {
      showMainWindow()
      services.events.emit('desktop:openTask', { taskId })
    } else openMainWindow(taskRoute(taskId))
  }
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

  /** Opens the main window, on `route` (the part after `#`) when given. */
  function openMainWindow(route = ''): void {
    const window = createWindow({
      width: 1100,
      height: 760,
      // The page gets 1100 × 760, the size the browser tests check the window at.
      useContentSize: true,
      minWidth: 720,
      minHeight: 520,
      show: false,
      title: 'Callboard',
    })
    mainWindow = window
    window.once('ready-to-show', () => window.show())
    // Closing keeps Callboard in the tray (a setting): the shortcut and the queue keep working.
    window.on('close', (event) => {
      if (!quitting && desktop?.keepsRunningWhenClosed()) {
        event.preventDefault()
        window.hide()
      }
    })
    void window.loadURL(`${devUrl ?? APP_ENTRY_URL}${route}`)
  }
  // Started at sign-in: Callboard waits in the tray; the window opens when the agent asks.
  const hidden = startedAtLogin(
    process.argv,
    process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true,
  )
  if (!hidden) openMainWindow()

  desktop = startDesktopShell({
    electron,
    app,
    platform: process.platform,
    services,
    logger: logger.child('desktop'),
    iconsDir: app.isPackaged ? join(process.resourcesPath, 'tray') : join(options.mainDir, '../../resources/tray'),
    entryUrl: devUrl ?? APP_ENTRY_URL,
    createWindow,
    notify,
    showMainWindow,
    argv: process.argv,
    loginItem: app.isPackaged
      ? {
          platform: process.platform,
          setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
          // Inside an AppImage the binary sits in a mount that changes at every start.
          executable: process.env['APPIMAGE'] ?? process.execPath,
          autostartDir: join(process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'autostart'),
        }
      : null,
  })
  if (hidden && !desktop.hasTray()) openMainWindow()
  for (const url of earlyLinks.splice(0)) desktop.openUrl(url)

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow()
    else showMainWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' && !desktop?.keepsRunningWhenClosed()) app.quit()
  })
  logger.info('Callboard started', { version: app.getVersion(), packaged: app.isPackaged })
}
