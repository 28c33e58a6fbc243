import type * as Electron from 'electron'
import { join } from 'node:path'
import { renderMessage } from '@shared/i18n/render-message'
import type { QueueCounts } from '@shared/schemas/outbox'
import type { UiLanguage } from '@shared/schemas/settings'
import type { LaneStatus } from '@shared/schemas/outbox'
import type { TrayMenuModel, TrayState } from './tray-state'
import { trayMenu, trayState } from './tray-state'

export type TrayAction = 'quickEntry' | 'quickCallback' | 'open' | 'pause' | 'resume' | 'quit'

/**
 * The tray icon: its picture follows the queue (online, offline, waiting, needs attention) and
 * the panel's light or dark theme; its menu holds the quick actions and the counts.
 */
export function createTrayIcon(deps: {
  Tray: typeof Electron.Tray
  Menu: Pick<typeof Electron.Menu, 'buildFromTemplate'>
  nativeImage: Pick<typeof Electron.nativeImage, 'createFromPath'>
  nativeTheme: Pick<Electron.NativeTheme, 'shouldUseDarkColors' | 'on'>
  iconsDir: string
  /** The agent's language now (the setting): the menu is worded in it. */
  language: () => UiLanguage
  onAction: (action: TrayAction) => void
}) {
  let state: TrayState = 'online'
  let last: { counts: QueueCounts; paused: boolean; stopped: boolean } = {
    counts: { waiting: 0, attention: 0 },
    paused: false,
    stopped: false,
  }
  const iconPath = () =>
    join(deps.iconsDir, `tray-${state}-${deps.nativeTheme.shouldUseDarkColors ? 'dark' : 'light'}.png`)
  const tray = new deps.Tray(deps.nativeImage.createFromPath(iconPath()))
  tray.on('click', () => deps.onAction('quickCallback'))

  const toTemplate = (model: TrayMenuModel, language: UiLanguage): Electron.MenuItemConstructorOptions[] =>
    model.items.map((item) =>
      item.kind === 'separator'
        ? { type: 'separator' }
        : item.kind === 'info'
          ? { label: renderMessage(item.label, language), enabled: false }
          : { label: renderMessage(item.label, language), click: () => deps.onAction(item.id) },
    )

  function render(): void {
    const model = trayMenu(state, last.counts, last.paused, last.stopped)
    const language = deps.language()
    tray.setImage(deps.nativeImage.createFromPath(iconPath()))
    tray.setToolTip(renderMessage(model.tooltip, language))
    tray.setContextMenu(deps.Menu.buildFromTemplate(toTemplate(model, language)))
  }
  deps.nativeTheme.on('updated', render)
  render()

  return {
    update(counts: QueueCounts, lanes: readonly Pick<LaneStatus, 'health'>[], paused: boolean, stopped = false): void {
      state = trayState(counts, lanes, stopped)
      last = { counts, paused, stopped }
      render()
    },
    /** Where to open the quick-callback window: near the icon, where the OS says it is. */
    bounds: (): Electron.Rectangle | null => {
      const b = tray.getBounds()
      return b.width > 0 ? b : null
    },
    /** The agent chose another language: the menu is worded again. */
    relabel: render,
    state: () => state,
    destroy: () => tray.destroy(),
  }
}
