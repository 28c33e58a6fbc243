import {
  chmodSync,
  closeSync,
  existsSync,
  fchmodSync,
  fstatSync,
  mkdirSync,
  openSync,
  renameSync,
  writeSync,
} from 'node:fs'
import { dirname } from 'node:path'
import type { LogSink } from './logger'

// The app's log file: private (0600, like the outbox journal) and bounded (rotated at a size cap).
//
// Written here rather than with electron-log, which the project prefers for Electron: its main
// entry needs Electron at run time, so the logger could no longer run in plain Node (vitest, the
// harness); its Node entry keeps one archive file, and the file mode (and fixing an older file's
// 0644) would still be ours to do. A synchronous rotating append is about fifty lines.

export interface LogFileLimits {
  /** Size at which the file is rotated. */
  maxBytes: number
  /** Files kept in all, the current one included: `callboard.log`, `.1`, `.2`, … */
  files: number
}

/** At most 15 MB on disk. */
export const LOG_FILE_LIMITS: LogFileLimits = { maxBytes: 5 * 1024 * 1024, files: 3 }

const PRIVATE = 0o600

/**
 * Appends synchronously: log lines are few, and a line written just before a crash is the one
 * worth having. Logging never throws; a line that cannot be written is lost (the console copy in
 * the app still has it).
 */
export function fileLogSink(file: string, limits: LogFileLimits = LOG_FILE_LIMITS): LogSink {
  const rotated = (n: number) => `${file}.${n}`
  let fd: number | null = null
  let size = 0

  function open(): number {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
    const opened = openSync(file, 'a', PRIVATE)
    // The mode above applies only to a new file (and is narrowed by the umask at most): an older
    // version's file was 0644, so set it on the file that is open, and on the rotated ones.
    fchmodSync(opened, PRIVATE)
    for (let n = 1; n < limits.files; n++) if (existsSync(rotated(n))) chmodSync(rotated(n), PRIVATE)
    size = fstatSync(opened).size
    return opened
  }

  function rotate(current: number): number {
    closeSync(current)
    // callboard.log.1 → .2 (the oldest is replaced), callboard.log → .1; one file: start it again.
    for (let n = limits.files - 1; n >= 1; n--) {
      const from = n === 1 ? file : rotated(n - 1)
      if (existsSync(from)) renameSync(from, rotated(n))
    }
    if (limits.files <= 1) closeSync(openSync(file, 'w', PRIVATE))
    return open()
  }

  return (line) => {
    try {
      let text = `${line}\n`
      let bytes = Buffer.byteLength(text)
      if (bytes > limits.maxBytes) {
        text = `${JSON.stringify({ msg: 'log line too long; left out', bytes })}\n`
        bytes = Buffer.byteLength(text)
      }
      fd ??= open()
      if (size > 0 && size + bytes > limits.maxBytes) fd = rotate(fd)
      writeSync(fd, text)
      size += bytes
    } catch {
      // Logging must never break the app. Open again on the next line (the disk may be back).
      if (fd !== null) {
        try {
          closeSync(fd)
        } catch {
          // Already closed.
        }
      }
      fd = null
    }
  }
}
