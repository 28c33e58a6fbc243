import type { ErrorCode, IssueDetail } from '@shared/ipc/result'

/** A failure the user should see as is: a stable code and a specific, plain-words message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Field-level detail, so a form can show the message on the right field. */
    readonly issues?: IssueDetail[],
  ) {
    super(message)
    this.name = 'AppError'
  }
}
