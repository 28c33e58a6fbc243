import type { OutdialIntent } from '@shared/schemas/intents'
import type { Note } from '../core/note'
import { noteInEnglish } from '../core/note'
import type { SubmitAnswer } from '@shared/schemas/repeat'
import type { DesktopStatus } from '@shared/schemas/dial'
import type { Profile } from '@shared/providers/registry'
import type { SettingsValues } from '@shared/schemas/settings'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'
import { createDialDesk } from '../desktop/dial-desk'
import { desktopHandlers } from '../desktop/desktop-handlers'
import type { EventHub } from './event-hub'

export interface DesktopWiringDeps {
  clock: Clock
  logger: Logger
  newId: () => string
  events: EventHub
  settings: () => SettingsValues
  profiles: () => Profile[]
  /** Queue an outdial (asked about first when the same one was queued a moment ago). */
  submit: (intent: OutdialIntent, confirmedRepeat: boolean) => Promise<SubmitAnswer>
  notify?: (notification: Note) => void
  readClipboard?: () => Promise<string>
}

/**
 * The shortcut and tel:-link outdial (the dial desk), and what the desktop integration reports.
 * The harness and service tests have no shortcut, tray or link handler; the app reports its own.
 */
export function wireDesktop(deps: DesktopWiringDeps) {
  const { logger, events } = deps
  const desk = createDialDesk({
    clock: deps.clock,
    logger: logger.child('dial'),
    newId: deps.newId,
    settings: deps.settings,
    profiles: deps.profiles,
    submit: deps.submit,
    notify: (note) => (deps.notify ? deps.notify(note) : logger.info('notification', noteInEnglish(note))),
    onRequest: (request) => events.emit('dial:requested', request),
  })
  let status: DesktopStatus = {
    available: false,
    shortcut: { accelerator: deps.settings().dialShortcut, registered: false, problem: null },
    tray: false,
    links: { tel: false, callto: false },
  }
  return {
    desk,
    handlers: desktopHandlers({
      desk,
      status: () => status,
      ...(deps.readClipboard && { readClipboard: deps.readClipboard }),
    }),
    setStatus: (next: DesktopStatus) => {
      status = next
      events.emit('desktop:changed', next)
    },
  }
}
