import { msg } from '@shared/i18n/message'
import { AppError } from './app-error'

/** The disk refused a write because it is full (or over quota). */
export const isDiskFull = (error: unknown): boolean => {
  const code = (error as NodeJS.ErrnoException | null)?.code
  return code === 'ENOSPC' || code === 'EDQUOT'
}

/** The data folder cannot be written at all (a read-only disk or folder, missing permission). */
export const isReadOnly = (error: unknown): boolean => {
  const code = (error as NodeJS.ErrnoException | null)?.code
  return code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
}

/**
 * A failed write to Callboard's data folder, as the agent should read it: full and read-only disks
 * are said plainly (the log is on the same disk, so "see the log" would not help); anything else
 * is passed on unchanged. What was not saved is said by the code and the screen that asked.
 */
export function storageError(error: unknown): unknown {
  if (isDiskFull(error)) {
    return new AppError('disk_full', msg('failure.diskFull'))
  }
  if (isReadOnly(error)) {
    return new AppError('read_only', msg('failure.readOnly', { code: String((error as NodeJS.ErrnoException).code) }))
  }
  return error
}
