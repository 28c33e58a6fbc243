import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { nodeJournalFs, type JournalFileHandle, type JournalFs } from '../../../electron/main/core/fs-facade'

/**
 * Test double for the disk (Q2): performs every operation on the real folder through `inner`, and
 * records what a crash could lose. Files are modelled as inodes and the folder as a name → inode
 * map, the way POSIX does it: writes and truncates to an inode become durable at that inode's next
 * fsync; creations, renames, links and unlinks become durable at the next folder fsync.
 *
 * `crashImages()` then produces every disk image a crash could leave (ALICE-style, prefix model):
 * for each point k in the operation log, everything made durable before k, plus each prefix of the
 * not-yet-durable operations in issue order, plus that prefix with the next write torn in half.
 * Not produced: reordering of un-synced operations and corruption of synced data.
 */

export type RecordedOp =
  | { kind: 'create'; name: string; inode: number }
  | { kind: 'write'; inode: number; position: number; data: Buffer }
  | { kind: 'truncate'; inode: number; length: number }
  | { kind: 'fsync'; inode: number }
  | { kind: 'rename'; from: string; to: string }
  | { kind: 'link'; from: string; to: string }
  | { kind: 'unlink'; name: string }
  | { kind: 'fsync-dir' }
  /** A test's own note, e.g. "append 3 resolved"; no effect on disk. */
  | { kind: 'mark'; label: string }

export interface CrashImage {
  /** Number of recorded operations (marks included) that happened before the crash. */
  crashAt: number
  /** Marks recorded before the crash, in order. */
  marks: string[]
  /** How many not-yet-durable operations still reached the disk. */
  unsyncedKept: number
  /** Whether the next write reached the disk only in part. */
  torn: boolean
  /** File name → content, for the names that pass the `include` filter. */
  files: Map<string, Buffer>
}

export interface RecordingFs extends JournalFs {
  readonly ops: readonly RecordedOp[]
  mark(label: string): void
  crashImages(options?: { include?: (name: string) => boolean }): CrashImage[]
}

export async function materialize(image: CrashImage, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true })
  for (const [name, data] of image.files) await writeFile(join(dir, name), data)
}

interface DiskState {
  names: Map<string, number>
  inodes: Map<number, Buffer>
}

function applyOp(state: DiskState, op: RecordedOp, tornHalf = false): void {
  const inodeData = (inode: number) => state.inodes.get(inode) ?? Buffer.alloc(0)
  switch (op.kind) {
    case 'create':
      state.names.set(op.name, op.inode)
      if (!state.inodes.has(op.inode)) state.inodes.set(op.inode, Buffer.alloc(0))
      return
    case 'write': {
      const data = tornHalf ? op.data.subarray(0, Math.floor(op.data.byteLength / 2)) : op.data
      const old = inodeData(op.inode)
      const next = Buffer.alloc(Math.max(old.byteLength, op.position + data.byteLength))
      old.copy(next)
      data.copy(next, op.position)
      state.inodes.set(op.inode, next)
      return
    }
    case 'truncate': {
      const old = inodeData(op.inode)
      const next = Buffer.alloc(op.length)
      old.copy(next, 0, 0, Math.min(op.length, old.byteLength))
      state.inodes.set(op.inode, next)
      return
    }
    case 'rename': {
      const inode = state.names.get(op.from)
      if (inode === undefined) return
      state.names.delete(op.from)
      state.names.set(op.to, inode)
      return
    }
    case 'link': {
      const inode = state.names.get(op.from)
      if (inode !== undefined) state.names.set(op.to, inode)
      return
    }
    case 'unlink':
      state.names.delete(op.name)
      return
    default:
      return
  }
}

function isBarrierOrMark(op: RecordedOp): boolean {
  return op.kind === 'fsync' || op.kind === 'fsync-dir' || op.kind === 'mark'
}

export async function createRecordingFs(folder: string, inner: JournalFs = nodeJournalFs): Promise<RecordingFs> {
  const dir = resolve(folder)
  const ops: RecordedOp[] = []
  const initial: DiskState = { names: new Map(), inodes: new Map() }
  const live = new Map<string, number>()
  let nextInode = 1
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const inode = nextInode++
    initial.names.set(name, inode)
    initial.inodes.set(inode, await readFile(join(dir, name)))
    live.set(name, inode)
  }

  const nameIn = (path: string): string | null => (dirname(resolve(path)) === dir ? basename(path) : null)

  function wrapHandle(inner: JournalFileHandle, inode: number | null): JournalFileHandle {
    return {
      async write(data, position) {
        await inner.write(data, position)
        if (inode !== null) ops.push({ kind: 'write', inode, position, data: Buffer.from(data) })
      },
      async sync() {
        await inner.sync()
        if (inode !== null) ops.push({ kind: 'fsync', inode })
      },
      writeThen(data, length, position, done) {
        inner.writeThen(data, length, position, (error) => {
          if (!error && inode !== null)
            ops.push({ kind: 'write', inode, position, data: Buffer.from(data.subarray(0, length)) })
          done(error)
        })
      },
      syncThen(done) {
        inner.syncThen((error) => {
          if (!error && inode !== null) ops.push({ kind: 'fsync', inode })
          done(error)
        })
      },
      async truncate(length) {
        await inner.truncate(length)
        if (inode !== null) ops.push({ kind: 'truncate', inode, length })
      },
      close: () => inner.close(),
    }
  }

  return {
    ops,
    mark(label) {
      ops.push({ kind: 'mark', label })
    },
    async open(path, mode) {
      const handle = await inner.open(path, mode)
      const name = nameIn(path)
      let inode: number | null = null
      if (name !== null) {
        if (mode === 'create-exclusive') {
          inode = nextInode++
          live.set(name, inode)
          ops.push({ kind: 'create', name, inode })
        } else {
          inode = live.get(name) ?? null
        }
      }
      return wrapHandle(handle, inode)
    },
    readFile: (path) => inner.readFile(path),
    readdir: (path) => inner.readdir(path),
    mkdir: (path) => inner.mkdir(path),
    async rename(from, to) {
      await inner.rename(from, to)
      const a = nameIn(from)
      const b = nameIn(to)
      if (a === null || b === null) return
      const inode = live.get(a)
      live.delete(a)
      if (inode !== undefined) live.set(b, inode)
      ops.push({ kind: 'rename', from: a, to: b })
    },
    async link(existing, newPath) {
      await inner.link(existing, newPath)
      const a = nameIn(existing)
      const b = nameIn(newPath)
      if (a === null || b === null) return
      const inode = live.get(a)
      if (inode !== undefined) live.set(b, inode)
      ops.push({ kind: 'link', from: a, to: b })
    },
    async unlink(path) {
      await inner.unlink(path)
      const name = nameIn(path)
      if (name === null) return
      live.delete(name)
      ops.push({ kind: 'unlink', name })
    },
    async fsyncDir(path) {
      await inner.fsyncDir(path)
      if (resolve(path) === dir) ops.push({ kind: 'fsync-dir' })
    },
    crashImages({ include = () => true } = {}) {
      const images: CrashImage[] = []
      const seen = new Set<string>()
      for (let k = 0; k <= ops.length; k++) {
        const before = ops.slice(0, k)
        const durable = before.map((op, i) => {
          if (isBarrierOrMark(op)) return true
          const later = before.slice(i + 1)
          if (op.kind === 'write' || op.kind === 'truncate') {
            return later.some((o) => o.kind === 'fsync' && o.inode === op.inode)
          }
          return later.some((o) => o.kind === 'fsync-dir')
        })
        const unsynced = before.map((_, i) => i).filter((i) => !durable[i])
        const marks = before.flatMap((op) => (op.kind === 'mark' ? [op.label] : []))
        for (let p = 0; p <= unsynced.length; p++) {
          const kept = new Set(unsynced.slice(0, p))
          const nextIndex = unsynced[p]
          const nextOp = nextIndex === undefined ? undefined : before[nextIndex]
          const variants = nextOp?.kind === 'write' && nextOp.data.byteLength >= 2 ? [false, true] : [false]
          for (const torn of variants) {
            const state: DiskState = {
              names: new Map(initial.names),
              inodes: new Map(initial.inodes),
            }
            before.forEach((op, i) => {
              if (durable[i] || kept.has(i)) applyOp(state, op)
              else if (torn && i === nextIndex) applyOp(state, op, true)
            })
            const files = new Map<string, Buffer>()
            for (const [name, inode] of [...state.names].sort(([a], [b]) => a.localeCompare(b))) {
              if (include(name)) files.set(name, state.inodes.get(inode) ?? Buffer.alloc(0))
            }
            const hash = createHash('sha1')
            hash.update(marks.join('\n'))
            for (const [name, data] of files) hash.update(`\0${name}\0${data.byteLength}\0`).update(data)
            const key = hash.digest('hex')
            if (seen.has(key)) continue
            seen.add(key)
            images.push({ crashAt: k, marks, unsyncedKept: p, torn, files })
          }
        }
      }
      return images
    },
  }
}
