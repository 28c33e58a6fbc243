import type { Message } from '../i18n/message'

/**
 * The envelope every invoke returns. Electron only carries an Error's message across IPC, so
 * failures travel as data with a stable code the UI can turn into a specific message.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'unknown_channel'
  | 'forbidden_sender'
  | 'internal'
  | 'settings_unwritable'
  | 'not_found'
  | 'conflict'
  | 'keychain_locked'
  | 'keychain_unavailable'
  /** The disk that holds Callboard's data is full. */
  | 'disk_full'
  /** Callboard's data folder cannot be written (a read-only disk, no permission). */
  | 'read_only'
  /** The administrator's policy decides this (a locked setting, a provided profile). */
  | 'managed'

export interface IssueDetail {
  /** Path into the input, e.g. `['attributes', 0, 'key']`; empty for the input as a whole. */
  path: (string | number)[]
  message: string
}

export interface IpcError {
  code: ErrorCode
  /** What to tell the agent, as a key of the catalogues: the window renders it in the agent's language. */
  message: Message
  issues?: IssueDetail[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })

export const fail = (code: ErrorCode, message: Message, issues?: IssueDetail[]): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
})
