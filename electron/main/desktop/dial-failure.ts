import { msg } from '@shared/i18n/message'
import { AppError } from '../core/app-error'
import type { Note } from '../core/note'

/**
 * The notification for a dial request (shortcut, tel: link) that failed: a refusal (the number, a
 * stopped queue) in the agent's words; anything else is a fault of Callboard's own, said in the
 * agent's language with the details left to the log (its English text used to be shown as it was).
 */
export function dialFailureNote(error: unknown): Note {
  return {
    title: msg('notice.couldNotDial'),
    body: error instanceof AppError ? error.said : msg('notice.dialFault'),
  }
}
