import type { RepeatAsked, TaskWindow } from '@shared/schemas/repeat'
import { askToConfirm } from '../../components/confirm-service'
import { i18nGlobal } from '../../i18n'

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
export function askAboutRepeat({ repeat }: RepeatAsked, subject: string): Promise<boolean> {
  const { t } = i18nGlobal()
  const params = {
    kind: t(`tasks.kindNames.${repeat.kind}`),
    seconds: Math.max(1, Math.round(repeat.agoMs / 1000)),
    subject,
    window: t(`shell.duplicate.windows.${repeat.window}`),
  }
  return askToConfirm({
    title: t('shell.duplicate.title'),
    message:
      repeat.window === thisWindow()
        ? t('shell.duplicate.message', params)
        : t('shell.duplicate.messageElsewhere', params),
    confirmLabel: t('shell.duplicate.confirm'),
  })
}
