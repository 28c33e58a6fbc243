import { msg, type Message } from '@shared/i18n/message'
import type { LaneStatus } from '@shared/schemas/outbox'
import type { QueueCounts } from '@shared/schemas/outbox'

export type TrayState = 'online' | 'offline' | 'waiting' | 'attention'

/**
 * What the tray icon says at a glance, most urgent first: the queue is stopped (its disk refuses
 * writes) or a task needs the agent; tasks are waiting; a provider cannot be reached (nothing
 * waiting, but new tasks would); all is well.
 */
export function trayState(
  counts: QueueCounts,
  lanes: readonly Pick<LaneStatus, 'health'>[],
  stopped = false,
): TrayState {
  if (stopped || counts.attention > 0) return 'attention'
  if (counts.waiting > 0) return 'waiting'
  if (lanes.some((l) => l.health === 'offline' || l.health === 'down' || l.health === 'needs_auth')) return 'offline'
  return 'online'
}

export interface TrayMenuModel {
  tooltip: Message
  items: (
    | { kind: 'action'; id: 'quickEntry' | 'quickCallback' | 'open' | 'pause' | 'resume' | 'quit'; label: Message }
    | { kind: 'info'; label: Message }
    | { kind: 'separator' }
  )[]
}

/**
 * The tray menu for a queue state (plain data, so it is tested without Electron). Its words are
 * message keys: the tray renders them in the agent's language, as main does its notifications.
 */
export function trayMenu(state: TrayState, counts: QueueCounts, paused: boolean, stopped = false): TrayMenuModel {
  const tooltip = stopped
    ? msg('tray.tooltip.stopped')
    : {
        online: msg('tray.tooltip.online'),
        offline: msg('tray.tooltip.offline'),
        waiting: msg('tray.tooltip.waiting', { count: counts.waiting }),
        attention:
          counts.attention === 1
            ? msg('tray.tooltip.attentionOne')
            : msg('tray.tooltip.attentionMany', { count: counts.attention }),
      }[state]
  return {
    tooltip: paused ? msg('tray.tooltip.paused', { tooltip }) : tooltip,
    items: [
      { kind: 'action', id: 'quickEntry', label: msg('tray.quickEntry') },
      { kind: 'action', id: 'quickCallback', label: msg('tray.quickCallback') },
      { kind: 'action', id: 'open', label: msg('tray.open') },
      { kind: 'separator' },
      ...(stopped ? [{ kind: 'info', label: msg('tray.stopped') } as const] : []),
      { kind: 'info', label: msg('tray.waiting', { count: counts.waiting }) },
      { kind: 'info', label: msg('tray.attention', { count: counts.attention }) },
      { kind: 'separator' },
      paused
        ? { kind: 'action', id: 'resume', label: msg('tray.resume') }
        : { kind: 'action', id: 'pause', label: msg('tray.pause') },
      { kind: 'separator' },
      { kind: 'action', id: 'quit', label: msg('tray.quit') },
    ],
  }
}
