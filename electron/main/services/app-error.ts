import type { ErrorCode } from '@shared/ipc/result'

/** A failure the user should see as is: a stable code and a specific, plain-words message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'AppError'
  }
}
