import type * as Electron from 'electron'
import type { UiLanguage } from '@shared/schemas/settings'
import { renderNote, type Note } from '../core/note'

/** What is used of Electron's Notification: shown, then told about its click or end. */
interface ShownNotification {
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown
  show(): void
}
type NotificationHost = Pick<typeof Electron.Notification, 'isSupported'> &
  (new (options: { title: string; body: string }) => ShownNotification)

/**
 * OS notifications whose click opens what they are about: the task (or, for a summary of several,
 * the queue). Each notification is held until it is clicked or closed: Electron drops the click of
 * a notification that was garbage-collected meanwhile (on Windows a toast stays in the Action
 * Center long after the object that showed it is unreachable).
 */
export function createTaskNotifier(
  Notification: NotificationHost,
  open: (taskId: string | null) => void,
  /** The agent's language now (the setting): the OS shows the note as main words it. */
  language: () => UiLanguage,
) {
  const live = new Set<object>()
  return (note: Note): void => {
    if (!Notification.isSupported()) return
    const { title, body } = renderNote(note, language())
    const shown = new Notification({ title, body })
    live.add(shown)
    shown.on('click', () => {
      live.delete(shown)
      open(note.taskId ?? null)
    })
    shown.on('close', () => live.delete(shown))
    shown.on('failed', () => live.delete(shown))
    shown.show()
  }
}

/** The window route (after `#`) that shows a task in the queue, or the queue itself. */
export function taskRoute(taskId: string | null): string {
  return taskId ? `#/queue?task=${encodeURIComponent(taskId)}` : '#/queue'
}
