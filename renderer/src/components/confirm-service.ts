import { shallowRef } from 'vue'
import type { WindowMessage } from '../i18n/message-text'

/** Messages, rendered by the dialog while it shows: a change of language re-words the question. */
export interface ConfirmQuestion {
  title: WindowMessage
  message: WindowMessage
  confirmLabel: WindowMessage
}

interface Pending extends ConfirmQuestion {
  resolve: (confirmed: boolean) => void
}

/**
 * One confirm dialog per window, asked from anywhere (a composable has no template of its own):
 * `GlobalConfirm.vue` shows the question and answers it. Without one mounted, the answer is yes,
 * so a window that has no dialog never blocks.
 */
const pending = shallowRef<Pending | null>(null)
let mounted = 0

export function askToConfirm(question: ConfirmQuestion): Promise<boolean> {
  if (mounted === 0) return Promise.resolve(true)
  pending.value?.resolve(false)
  return new Promise((resolve) => (pending.value = { ...question, resolve }))
}

export const confirmState = {
  pending,
  attach: () => void mounted++,
  detach: () => void mounted--,
}
