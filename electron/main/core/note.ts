import type { Message } from '@shared/i18n/message'
import type { UiLanguage } from '@shared/schemas/settings'
import { renderMessage } from '@shared/i18n/render-message'

/**
 * An OS notification, as main's services ask for one: its words are messages, rendered in the
 * agent's language where it is shown (the Electron edge) and in English where it is logged (the
 * harness).
 */
// A type, not an interface: it is also written to the log as its fields.
export type Note = {
  title: Message
  body: Message
  /** The task it is about: a click opens it. A summary of several tasks has none (it opens the queue). */
  taskId?: string
}

/** A note's words in `language`: what the OS shows. */
export const renderNote = (note: Note, language: UiLanguage) => ({
  title: renderMessage(note.title, language),
  body: renderMessage(note.body, language),
  ...(note.taskId !== undefined && { taskId: note.taskId }),
})

/** A note in English, for the log. */
export const noteInEnglish = (note: Note) => renderNote(note, 'en')
