import { onMounted, onUnmounted } from 'vue'
import type { Router } from 'vue-router'
import { TASK_KINDS, VIEWS } from '../views'

/** Ctrl (⌘ on macOS) + a digit: a view. Alt (⌥) + a digit: a task kind. Ctrl/⌘+K: the quick entry. */
export type ShortcutAction =
  | { kind: 'view'; view: (typeof VIEWS)[number] }
  | { kind: 'task'; task: (typeof TASK_KINDS)[number] }
  | { kind: 'quickEntry' }

/**
 * The window's keyboard shortcuts, read from a key event (plain data in, plain data out, so it is
 * tested without a page). Chords with Ctrl or Alt and a digit type nothing in a text field, so they
 * work wherever the focus is; Shift is left alone (Shift+digit is a character).
 */
export function shortcutFor(
  event: Pick<KeyboardEvent, 'code' | 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): ShortcutAction | null {
  if (event.shiftKey) return null
  const command = event.ctrlKey || event.metaKey
  const digit = /^Digit([1-9])$/.exec(event.code)?.[1] ?? /^Numpad([1-9])$/.exec(event.code)?.[1]
  if (command && !event.altKey) {
    if (event.code === 'KeyK' || event.key.toLowerCase() === 'k') return { kind: 'quickEntry' }
    const view = digit ? VIEWS[Number(digit) - 1] : undefined
    return view ? { kind: 'view', view } : null
  }
  if (event.altKey && !command) {
    const task = digit ? TASK_KINDS[Number(digit) - 1] : undefined
    return task ? { kind: 'task', task } : null
  }
  return null
}

/** Listens for the shortcuts on the whole window and acts on them. */
export function useShortcuts(router: Router, onQuickEntry: () => void): void {
  function onKey(event: KeyboardEvent): void {
    if (event.defaultPrevented) return
    // A modal dialog owns the keyboard until it is answered.
    if (document.querySelector('dialog[open]')) return
    const action = shortcutFor(event)
    if (!action) return
    event.preventDefault()
    if (action.kind === 'quickEntry') onQuickEntry()
    else if (action.kind === 'task') void router.push({ name: 'new', params: { kind: action.task } })
    else if (action.view === 'new') void router.push({ name: 'new', params: { kind: lastKind(router) } })
    else void router.push({ name: action.view })
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onUnmounted(() => window.removeEventListener('keydown', onKey))
}

let rememberedKind: (typeof TASK_KINDS)[number] = 'outdial'
/** The task kind the agent last had open, so "New task" goes back to it. */
export function lastKind(router?: Router): (typeof TASK_KINDS)[number] {
  const current = router?.currentRoute.value
  if (current?.name === 'new') rememberedKind = current.params['kind'] as (typeof TASK_KINDS)[number]
  return rememberedKind
}
export function rememberKind(kind: (typeof TASK_KINDS)[number]): void {
  rememberedKind = kind
}
