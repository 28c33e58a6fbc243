import type { AppServices } from '../electron/main/app/app-services'
import type { DialOutcome } from '../electron/main/desktop/dial-desk'
import type { Message } from '@shared/i18n/message'
import { readDialText } from '../electron/main/desktop/clipboard-text'
import { linkFromArgv } from '../electron/main/desktop/tel-links'

// What the desktop shell does on a shortcut press or a tel: link, for the browser harness (issue
// 16, item 10): the harness has no OS clipboard, global shortcut or link handler, so nothing could
// feed the confirm-dial and quick-callback windows. These stand in for them, through the very
// code the Electron edge runs (readDialText, linkFromArgv, the dial desk's fromText). The harness
// is a development tool and is never packaged, so none of this exists in the app.

/** The harness's clipboard and Linux PRIMARY selection: what the shortcut and the quick callback read. */
export interface HarnessClipboard {
  text: string
  selection: string
}

export type PressRequest =
  | { kind: 'quickEntry' }
  | { kind: 'clipboard'; text: string; selection?: string }
  | { kind: 'shortcut'; clipboard?: string; selection?: string }
  | { kind: 'link'; url: string }
  /** The agent clicks a notification about `taskId` (null: a summary of several tasks). */
  | { kind: 'notificationClick'; taskId: string | null }

/** The answer: what the dial desk made of it (a confirm window to open, a notification, or dialled). */
export type PressAnswer =
  | { ok: true; outcome: DialOutcome['kind']; requestId: string | null; why: Message | null }
  | { ok: true; clipboard: HarnessClipboard }
  | { ok: true }
  | { ok: false; error: string }

const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= 100_000

/** Reads a request body, refusing anything that is not one of the shapes above. */
export function pressRequest(path: string, body: unknown): PressRequest | null {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const optional = (key: string) => b[key] === undefined || isText(b[key])
  if (path === 'clipboard' && isText(b['text']) && optional('selection')) {
    return { kind: 'clipboard', text: b['text'], ...(isText(b['selection']) && { selection: b['selection'] }) }
  }
  if (path === 'shortcut' && optional('clipboard') && optional('selection')) {
    return {
      kind: 'shortcut',
      ...(isText(b['clipboard']) && { clipboard: b['clipboard'] }),
      ...(isText(b['selection']) && { selection: b['selection'] }),
    }
  }
  if (path === 'link' && isText(b['url'])) return { kind: 'link', url: b['url'] }
  if (path === 'quick-entry') return { kind: 'quickEntry' }
  if (path === 'notification-click' && (b['taskId'] === null || isText(b['taskId']))) {
    return { kind: 'notificationClick', taskId: b['taskId'] }
  }
  return null
}

export async function press(
  request: PressRequest,
  services: AppServices,
  clipboard: HarnessClipboard,
): Promise<PressAnswer> {
  const answer = (outcome: DialOutcome): PressAnswer => ({
    ok: true,
    outcome: outcome.kind,
    requestId: outcome.kind === 'confirm' ? outcome.request.id : null,
    why: outcome.kind === 'nothing' ? outcome.why : null,
  })
  switch (request.kind) {
    case 'quickEntry':
      // The tray's first item: the window puts the keyboard on its quick entry.
      services.events.emit('desktop:quickEntry', {})
      return { ok: true }
    case 'notificationClick':
      // As the Electron edge does when the window is open (app-lifecycle.ts, openTask).
      services.events.emit('desktop:openTask', { taskId: request.taskId })
      return { ok: true }
    case 'clipboard':
      clipboard.text = request.text
      if (request.selection !== undefined) clipboard.selection = request.selection
      return { ok: true, clipboard: { ...clipboard } }
    case 'shortcut': {
      if (request.clipboard !== undefined) clipboard.text = request.clipboard
      if (request.selection !== undefined) clipboard.selection = request.selection
      // As the desktop shell reads it: the selection first when the setting asks for it (Linux).
      const { text, origin } = await readDialText(
        { readText: async () => clipboard.text, selection: { readText: async () => clipboard.selection } },
        { platform: 'linux', fromSelection: services.settings.get().settings.dialFromSelection },
      )
      return answer(await services.desk.fromText(text, origin))
    }
    case 'link': {
      const link = linkFromArgv([request.url])
      if (!link) return { ok: false, error: 'Not a tel: or callto: link.' }
      return answer(await services.desk.fromText(link, 'link'))
    }
  }
}
