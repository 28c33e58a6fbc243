import type { Message } from '@shared/i18n/message'
import { renderMessage } from '@shared/i18n/render-message'
import type { ErrorCode, IssueDetail } from '@shared/ipc/result'

/**
 * A failure the user should see as is: a stable code and a specific, plain-words message. The
 * message travels as a key (`said`), rendered by the window in the agent's language; the Error's own
 * `message` is its English, for the log.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly said: Message,
    /** Field-level detail, so a form can show the message on the right field. */
    readonly issues?: IssueDetail[],
  ) {
    super(renderMessage(said))
    this.name = 'AppError'
  }
}
