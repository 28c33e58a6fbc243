import { shallowRef } from 'vue'

export interface ConfirmQuestion {
  title: string
  message: string
  confirmLabel: string
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
