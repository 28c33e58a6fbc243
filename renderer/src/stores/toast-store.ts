import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { WindowMessage } from '../i18n/message-text'

/** How long a toast stays once its task has a final answer (or at once when it has no task). */
export const TOAST_MS = 8000

export interface Toast {
  id: number
  /** The task it follows to its provider's answer, if any (the toast shows its state). */
  taskId: string | null
  /**
   * What it says, rendered each time it is drawn (ToastArea): a parameter that is a word of ours
   * (the task's kind) is a key too, so a change of language while it is up changes all of it.
   */
  message: WindowMessage
}

/**
 * Short notes where the agent is looking (the window's corner): "queued", then the provider's id
 * once it comes. They go by themselves; the task's state is also beside the form's button and in
 * the queue, so missing one loses nothing.
 */
export const useToastStore = defineStore('toasts', () => {
  const toasts = ref<Toast[]>([])
  let next = 0
  const timers = new Map<number, ReturnType<typeof setTimeout>>()

  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((t) => t.id !== id)
    clearTimeout(timers.get(id))
    timers.delete(id)
  }

  /** Starts (or restarts) the toast's countdown: called once its task has its final answer. */
  function settle(id: number): void {
    clearTimeout(timers.get(id))
    timers.set(
      id,
      setTimeout(() => dismiss(id), TOAST_MS),
    )
  }

  function show(toast: Omit<Toast, 'id'>): number {
    const id = ++next
    // At most three at once: the oldest goes first.
    toasts.value = [...toasts.value.slice(-2), { ...toast, id }]
    if (!toast.taskId) settle(id)
    return id
  }

  return { toasts, show, settle, dismiss }
})
