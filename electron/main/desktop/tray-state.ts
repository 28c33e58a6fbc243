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
  tooltip: string
  items: (
    | { kind: 'action'; id: 'quickEntry' | 'quickCallback' | 'open' | 'pause' | 'resume' | 'quit'; label: string }
    | { kind: 'info'; label: string }
    | { kind: 'separator' }
  )[]
}

/** The tray menu for a queue state (plain data, so it is tested without Electron). */
export function trayMenu(state: TrayState, counts: QueueCounts, paused: boolean, stopped = false): TrayMenuModel {
  const tooltip = stopped
    ? 'Callboard: the task queue is stopped (its disk refuses writes)'
    : {
        online: 'Callboard',
        offline: 'Callboard: a provider cannot be reached',
        waiting: `Callboard: ${counts.waiting} waiting`,
        attention: `Callboard: ${counts.attention} need${counts.attention === 1 ? 's' : ''} you`,
      }[state]
  return {
    tooltip: paused ? `${tooltip} (sending paused)` : tooltip,
    items: [
      { kind: 'action', id: 'quickEntry', label: 'Quick entry…' },
      { kind: 'action', id: 'quickCallback', label: 'Quick callback…' },
      { kind: 'action', id: 'open', label: 'Open Callboard' },
      { kind: 'separator' },
      ...(stopped ? [{ kind: 'info', label: 'Task queue stopped: open Callboard to see why' } as const] : []),
      { kind: 'info', label: `Waiting: ${counts.waiting}` },
      { kind: 'info', label: `Needs attention: ${counts.attention}` },
      { kind: 'separator' },
      paused
        ? { kind: 'action', id: 'resume', label: 'Resume sending' }
        : { kind: 'action', id: 'pause', label: 'Pause sending' },
      { kind: 'separator' },
      { kind: 'action', id: 'quit', label: 'Quit Callboard' },
    ],
  }
}
