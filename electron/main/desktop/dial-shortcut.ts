import type * as Electron from 'electron'
import { msg, type Message } from '@shared/i18n/message'
import { renderMessage } from '@shared/i18n/render-message'
import type { Note } from '../core/note'
import { acceleratorProblem, checkAccelerator } from '@shared/desktop/accelerator'
import type { Logger } from '../core/logger'

export interface ShortcutState {
  accelerator: string
  registered: boolean
  /** Why it is not registered, for the window to word in the agent's language. */
  problem: Message | null
}

/**
 * The global dial shortcut: registered with the OS, replaced when the setting changes, and a
 * failure (a chord another application holds, or one we refuse) reported instead of swallowed.
 */
export function createDialShortcut(deps: {
  globalShortcut: Pick<Electron.GlobalShortcut, 'register' | 'unregister'>
  onPress: () => void
  logger: Logger
  notify: (note: Note) => void
}) {
  let current: string | null = null

  return {
    apply(accelerator: string): ShortcutState {
      const checked = checkAccelerator(accelerator)
      if (current) deps.globalShortcut.unregister(current)
      current = null
      if (!checked.ok) {
        const problem = acceleratorProblem(checked.problem)
        deps.logger.warn('dial shortcut refused', { accelerator, problem: renderMessage(problem) })
        deps.notify({ title: msg('notice.shortcutNotSet'), body: problem })
        return { accelerator, registered: false, problem }
      }
      let registered = false
      try {
        registered = deps.globalShortcut.register(checked.accelerator, deps.onPress)
      } catch (error) {
        deps.logger.warn('dial shortcut registration threw', { accelerator, error: String(error) })
      }
      if (!registered) {
        const taken = msg('shortcut.taken', { accelerator: checked.accelerator })
        deps.logger.warn('dial shortcut not registered', { accelerator: checked.accelerator })
        deps.notify({ title: msg('notice.shortcutNotSet'), body: taken })
        return { accelerator: checked.accelerator, registered: false, problem: taken }
      }
      current = checked.accelerator
      deps.logger.info('dial shortcut registered', { accelerator: current })
      return { accelerator: current, registered: true, problem: null }
    },
    dispose(): void {
      if (current) deps.globalShortcut.unregister(current)
      current = null
    },
  }
}
