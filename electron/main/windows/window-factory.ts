import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron'
import { isAbsolute } from 'node:path'

/** What a caller may choose about a window: size and looks, never its web preferences. */
export type WindowLook = Pick<
  BrowserWindowConstructorOptions,
  | 'width'
  | 'height'
  | 'useContentSize'
  | 'minWidth'
  | 'minHeight'
  | 'x'
  | 'y'
  | 'show'
  | 'title'
  | 'alwaysOnTop'
  | 'resizable'
  | 'frame'
  | 'skipTaskbar'
  | 'backgroundColor'
  | 'icon'
>

export interface WindowFactoryDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow
  preloadPath: string
  /** DevTools only in an unpackaged (development) build. */
  isPackaged: boolean
  /** Wires navigation, window-open and crash guards onto each new window. */
  guard: (window: BrowserWindow) => void
}

/** The one hardened preset; tests assert every window gets exactly this. */
export function hardenedWebPreferences(preloadPath: string, isPackaged: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: !isPackaged,
  }
}

const LOOK_KEYS: readonly (keyof WindowLook)[] = [
  'width',
  'height',
  'useContentSize',
  'minWidth',
  'minHeight',
  'x',
  'y',
  'show',
  'title',
  'alwaysOnTop',
  'resizable',
  'frame',
  'skipTaskbar',
  'backgroundColor',
  'icon',
]

/** Every window in Callboard is made here; lint forbids `new BrowserWindow` anywhere else. */
export function createWindowFactory(deps: WindowFactoryDeps) {
  if (!isAbsolute(deps.preloadPath)) throw new Error(`preload path must be absolute: ${deps.preloadPath}`)
  return (look: WindowLook = {}): BrowserWindow => {
    // Copy only the allowed keys, so a stray `webPreferences` from a caller cannot slip through.
    const options: BrowserWindowConstructorOptions = {}
    for (const key of LOOK_KEYS) {
      if (look[key] !== undefined) (options as Record<string, unknown>)[key] = look[key]
    }
    options.webPreferences = hardenedWebPreferences(deps.preloadPath, deps.isPackaged)
    const window = new deps.BrowserWindow(options)
    deps.guard(window)
    return window
  }
}
