import { fdatasync, write as writeToFd } from 'node:fs'
import { link, mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { fsyncDirectory } from './atomic-file'

/**
 * Every file operation the journal and its lock make, as a port. Production uses `nodeJournalFs`;
 * tests swap in the recording facade (`recording-fs.ts`) to enumerate post-crash disk images (Q2).
 * Errors are Node's own (`code` = 'ENOENT', 'EEXIST', ...), so callers branch on the same codes.
 */
export interface JournalFileHandle {
  /** Writes all of `data` at `position`. */
  write(data: Uint8Array, position: number): Promise<void>
  /**
   * fdatasync(2): returns once the file's data, and the metadata needed to read it back (its size),
   * are on stable storage. All an append or a new file's content needs: names are made durable by
   * `fsyncDir`, and timestamps are not worth a second journal commit on every append.
   */
  sync(): Promise<void>
  /**
   * `write` and `sync` for the journal's appends, answered by callback: a promise and its reactions
   * per call were most of what a journal append allocated. `done(null)` once the first `length`
   * bytes of `data` are written (or synced), `done(error)` at the first failure. One call at a time
   * per handle.
   */
  writeThen(data: Uint8Array, length: number, position: number, done: (error: Error | null) => void): void
  syncThen(done: (error: Error | null) => void): void
  truncate(length: number): Promise<void>
  close(): Promise<void>
}

export type OpenMode =
  /** An existing file, for reading and writing. */
  | 'read-write'
  /** A new file (O_CREAT | O_EXCL); fails with EEXIST when the name is taken. */
  | 'create-exclusive'

export interface JournalFs {
  open(path: string, mode: OpenMode): Promise<JournalFileHandle>
  readFile(path: string): Promise<Uint8Array>
  rename(from: string, to: string): Promise<void>
  /** Hard link: atomic "create this name unless it exists" for a file whose content is complete. */
  link(existing: string, newPath: string): Promise<void>
  unlink(path: string): Promise<void>
  mkdir(path: string): Promise<void>
  readdir(dir: string): Promise<string[]>
  /** Makes renames, links, creations and unlinks in `dir` durable. */
  fsyncDir(dir: string): Promise<void>
}

const NO_BYTES: Uint8Array = new Uint8Array(0)
const NOBODY: (error: Error | null) => void = () => undefined

/**
 * Every append is one write and one fdatasync: made with the callback API on the handle's
 * descriptor. FileHandle's own methods wrap each call in several promises and an answer object,
 * which were a tenth of what queueing a task allocated. The journal never closes a handle with a
 * write or sync in flight (its operations run one at a time, and close waits for them), which is
 * what FileHandle's reference count would otherwise guard.
 */
function wrap(handle: FileHandle): JournalFileHandle {
  // The write under way (one at a time), so that one callback, made here, carries every write on.
  let data = NO_BYTES
  let length = 0
  let position = 0
  let offset = 0
  let done = NOBODY
  const next = () => writeToFd(handle.fd, data, offset, length - offset, position + offset, wrote)
  const wrote = (error: Error | null, written: number) => {
    if (!error && offset + written < length) {
      offset += written
      return next()
    }
    const answer = done
    data = NO_BYTES
    done = NOBODY
    answer(error)
  }
  const writeThen = (bytes: Uint8Array, count: number, at: number, then: (error: Error | null) => void) => {
    data = bytes
    length = count
    position = at
    offset = 0
    done = then
    next()
  }
  const syncThen = (then: (error: Error | null) => void) => fdatasync(handle.fd, then)
  return {
    writeThen,
    syncThen,
    write: (bytes, at) =>
      new Promise<void>((resolve, reject) =>
        writeThen(bytes, bytes.byteLength, at, (error) => (error ? reject(error) : resolve())),
      ),
    sync: () => new Promise<void>((resolve, reject) => syncThen((error) => (error ? reject(error) : resolve()))),
    truncate: (length) => handle.truncate(length),
    close: () => handle.close(),
  }
}

export const nodeJournalFs: JournalFs = {
  async open(path, mode) {
    return wrap(await open(path, mode === 'read-write' ? 'r+' : 'wx+', 0o600))
  },
  readFile: (path) => readFile(path),
  rename: (from, to) => rename(from, to),
  link: (existing, newPath) => link(existing, newPath),
  unlink: (path) => unlink(path),
  async mkdir(path) {
    await mkdir(path, { recursive: true, mode: 0o700 })
  },
  readdir: (dir) => readdir(dir),
  fsyncDir: (dir) => fsyncDirectory(dir),
}

export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code
}
