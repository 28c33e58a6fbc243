import type { InjectionKey } from 'vue'
import { inject, nextTick, onActivated, onMounted } from 'vue'

/**
 * Where a task form is shown (the New task view, the quick-callback window) learns when it is on
 * screen, to put the keyboard on its first field: at start, when the agent switches to it, and
 * after each task is queued.
 */
export interface TaskFormHost {
  shown(form: HTMLFormElement): void
}
export const taskFormHostKey: InjectionKey<TaskFormHost> = Symbol('task-form-host')

/** The field the agent starts with: the one marked `data-first-field`, else the first that takes input. */
export function firstField(form: HTMLElement | null): HTMLElement | null {
  if (!form) return null
  return (
    form.querySelector<HTMLElement>(
      '[data-first-field] input:not([type="hidden"]):not(:disabled), [data-first-field] textarea',
    ) ??
    form.querySelector<HTMLElement>(
      'input:not([type="hidden"]):not([type="radio"]):not([type="checkbox"]):not(:disabled), textarea, select',
    )
  )
}

/** Puts the keyboard on the first field, the caret after what it holds (typing goes on there). */
export async function focusFirstField(form: HTMLElement | null): Promise<void> {
  await nextTick()
  const field = firstField(form)
  field?.focus()
  if (field instanceof HTMLInputElement && (field.type === 'tel' || field.type === 'text')) {
    field.setSelectionRange(field.value.length, field.value.length)
  }
}

/** Called by every task form: tells its host when it is shown. */
export function useTaskFormHost(form: () => HTMLFormElement | null): void {
  const host = inject(taskFormHostKey, null)
  const tell = () => {
    const element = form()
    if (host && element) host.shown(element)
  }
  onMounted(tell)
  onActivated(tell)
}
