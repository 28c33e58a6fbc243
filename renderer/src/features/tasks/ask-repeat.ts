import type { RepeatAsked, TaskWindow } from '@shared/schemas/repeat'
import { askToConfirm } from '../../components/confirm-service'
import type { Message } from '@shared/i18n/message'
import type { WindowParam } from '../../i18n/message-text'

/** The window this renderer is (one renderer, three windows, each at its own route). */
export function thisWindow(): TaskWindow {
  const route = window.location.hash
  if (route.startsWith('#/quick-callback')) return 'quickCallback'
  if (route.startsWith('#/confirm-dial')) return 'confirmDial'
  return 'main'
}

/**
 * Main did not queue the task: the same one was queued a moment ago (from this window or another,
 * issue 16 item 2). Asks the agent whether to queue it again; the dialog's default answer is no, so
 * a reflexive second Enter queues nothing.
 */
export function askAboutRepeat({ repeat }: RepeatAsked, subject: Message): Promise<boolean> {
  // Keys, not text: the dialog words them while it shows, so the kind and the window's name follow a
  // change of language as the rest does (as a toast does).
  const params = {
    kind: { key: `tasks.kindNames.${repeat.kind}` },
    seconds: Math.max(1, Math.round(repeat.agoMs / 1000)),
    subject,
    window: { key: `shell.duplicate.windows.${repeat.window}` },
  } satisfies Record<string, WindowParam>
  return askToConfirm({
    title: { key: 'shell.duplicate.title' },
    message: {
      key: repeat.window === thisWindow() ? 'shell.duplicate.message' : 'shell.duplicate.messageElsewhere',
      params,
    },
    confirmLabel: { key: 'shell.duplicate.confirm' },
  })
}
