import type * as Electron from 'electron'
import type { WindowLook } from '../windows/window-factory'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/**
 * Where a small window goes: beside the anchor (the tray icon, or the mouse pointer for the
 * shortcut), inside the work area of the display it is on, never under a panel or off screen.
 */
export function placeNear(
  anchor: Rect,
  size: { width: number; height: number },
  workArea: Rect,
): { x: number; y: number } {
  const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max))
  // Centred on the anchor horizontally; below it when there is room (top panel), else above it.
  const x = anchor.x + anchor.width / 2 - size.width / 2
  const below = anchor.y + anchor.height + 8
  const y = below + size.height <= workArea.y + workArea.height ? below : anchor.y - size.height - 8
  return {
    x: Math.round(clamp(x, workArea.x, workArea.x + workArea.width - size.width)),
    y: Math.round(clamp(y, workArea.y, workArea.y + workArea.height - size.height)),
  }
}

type Screen = Pick<Electron.Screen, 'getCursorScreenPoint' | 'getDisplayNearestPoint'>

/**
 * The two small windows: the dial confirm (opened by the shortcut or a tel: link, near the
 * pointer) and the quick callback (opened from the tray, near the icon). Each is one window,
 * shown again rather than duplicated; both load the same renderer at their own route.
 */
export function createDesktopWindows(deps: {
  createWindow: (look: WindowLook) => Electron.BrowserWindow
  entryUrl: string
  screen: Screen
  trayBounds: () => Rect | null
}) {
  const open = new Map<string, Electron.BrowserWindow>()

  function show(route: 'confirm-dial' | 'quick-callback', size: { width: number; height: number }, anchor: Rect) {
    const existing = open.get(route)
    const { workArea } = deps.screen.getDisplayNearestPoint({ x: anchor.x, y: anchor.y })
    const at = placeNear(anchor, size, workArea)
    if (existing && !existing.isDestroyed()) {
      existing.setPosition(at.x, at.y)
      existing.show()
      existing.focus()
      return existing
    }
    const window = deps.createWindow({
      ...size,
      // The size is the page's, as the browser tests lay it out: a title bar or border would
      // otherwise take its height from the page and push Dial/Cancel out of a 340 px window.
      useContentSize: true,
      ...at,
      show: false,
      alwaysOnTop: true,
      resizable: false,
      skipTaskbar: true,
      title: route === 'confirm-dial' ? 'Callboard: dial' : 'Callboard: quick callback',
    })
    open.set(route, window)
    window.on('closed', () => open.delete(route))
    window.once('ready-to-show', () => {
      window.show()
      window.focus()
    })
    void window.loadURL(`${deps.entryUrl}#/${route}`)
    return window
  }

  const pointer = (): Rect => ({ ...deps.screen.getCursorScreenPoint(), width: 0, height: 0 })

  return {
    showConfirm: () => show('confirm-dial', { width: 440, height: 340 }, pointer()),
    showQuickCallback: () => show('quick-callback', { width: 440, height: 520 }, deps.trayBounds() ?? pointer()),
    isOpen: (route: 'confirm-dial' | 'quick-callback') => open.has(route),
  }
}
