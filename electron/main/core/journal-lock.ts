import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { errorCode, type JournalFs } from './fs-facade'

/**
 * Single writer for a folder (Q4), across processes, without native locks.
 *
 * The lock is a sequence of generation files `<name>.1`, `<name>.2`, ...; the highest one present
 * says who holds the folder. A file is written in full under a private temp name, then published
 * with link(2), which fails with EEXIST if the name exists, so exactly one process can create a
 * given generation. Taking over a stale lock (holder dead) never deletes the holder's file first:
 * the taker creates the *next* generation, and only then removes older ones. Two processes racing
 * for a stale lock both try the same next generation and one gets EEXIST. Releasing publishes a
 * "released" generation on top rather than deleting, so the highest generation never goes back
 * and a slow taker cannot resurrect an old number (ABA); after publishing, a taker also checks
 * that no higher generation appeared meanwhile and backs off if one did.
 */

export class JournalLockedError extends Error {
  readonly code = 'journal_locked'
  constructor(
    /** Process id of the holder. */
    readonly pid: number,
    readonly lockFile: string,
    /** When the holder took the lock (ISO), if known. */
    readonly since: string | null,
  ) {
    super(
      `The outbox folder is in use by another Callboard process (pid ${pid}${since ? `, since ${since}` : ''}). ` +
        'Close the other instance and try again.',
    )
    this.name = 'JournalLockedError'
  }
}

interface LockInfo {
  pid: number
  token: string
  startedAt: string
  /** Kernel start time of the holder (Linux /proc), to tell a reused pid from the holder. */
  procStart: string | null
  released?: boolean
}

export interface HeldLock {
  readonly file: string
  readonly generation: number
  release(): Promise<void>
}

export interface AcquireLockOptions {
  fs: JournalFs
  dir: string
  /** Base name; generation files are `<name>.<n>`. */
  name: string
  now: () => Date
}

/** Tokens of the locks this process holds, so a pid equal to ours is judged correctly. */
const heldHere = new Set<string>()

function procStartOf(pid: number): string | null {
  if (process.platform !== 'linux') return null
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null
  } catch {
    return null
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return errorCode(error) === 'EPERM'
  }
}

function isLive(info: LockInfo): boolean {
  if (info.released) return false
  if (info.pid === process.pid) return heldHere.has(info.token)
  if (!pidAlive(info.pid)) return false
  if (info.procStart !== null) {
    const current = procStartOf(info.pid)
    if (current !== null && current !== info.procStart) return false
  }
  return true
}

function parseInfo(bytes: Uint8Array): LockInfo | null {
  try {
    const raw = JSON.parse(Buffer.from(bytes).toString('utf8')) as Partial<LockInfo>
    if (typeof raw.pid !== 'number' || !Number.isInteger(raw.pid) || raw.pid <= 0) return null
    if (typeof raw.token !== 'string') return null
    return {
      pid: raw.pid,
      token: raw.token,
      startedAt: typeof raw.startedAt === 'string' ? raw.startedAt : '',
      procStart: typeof raw.procStart === 'string' ? raw.procStart : null,
      released: raw.released === true,
    }
  } catch {
    return null
  }
}

export async function acquireJournalLock({ fs, dir, name, now }: AcquireLockOptions): Promise<HeldLock> {
  const token = `${process.pid}-${randomBytes(6).toString('hex')}`
  const genPattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d{1,15})$`)
  const tmpPrefix = `.${name}.`
  const generations = async (): Promise<number[]> =>
    (await fs.readdir(dir))
      .map((f) => genPattern.exec(f)?.[1])
      .filter((g): g is string => g !== undefined)
      .map(Number)
      .sort((a, b) => b - a)
  const genFile = (gen: number) => join(dir, `${name}.${gen}`)

  /** Publishes `info` as generation `gen`; false if that generation already exists. */
  async function publish(gen: number, info: LockInfo): Promise<boolean> {
    const tmp = join(dir, `${tmpPrefix}${info.token}${info.released ? '-rel' : ''}.tmp`)
    const handle = await fs.open(tmp, 'create-exclusive')
    try {
      await handle.write(Buffer.from(JSON.stringify(info), 'utf8'), 0)
    } finally {
      await handle.close()
    }
    try {
      await fs.link(tmp, genFile(gen))
      return true
    } catch (error) {
      if (errorCode(error) === 'EEXIST') return false
      throw error
    } finally {
      await fs.unlink(tmp).catch(() => undefined)
    }
  }

  const mine: LockInfo = {
    pid: process.pid,
    token,
    startedAt: now().toISOString(),
    procStart: procStartOf(process.pid),
  }
  let lastHolder: LockInfo | null = null
  for (let attempt = 0; attempt < 50; attempt++) {
    const [top] = await generations()
    if (top !== undefined) {
      let info: LockInfo | null
      try {
        info = parseInfo(await fs.readFile(genFile(top)))
      } catch (error) {
        if (errorCode(error) === 'ENOENT') continue // replaced under us; look again
        throw error
      }
      // An unreadable lock file can only come from a crash while no one held it open.
      if (info && isLive(info)) throw new JournalLockedError(info.pid, genFile(top), info.startedAt || null)
      lastHolder = info
    }
    const gen = (top ?? 0) + 1
    heldHere.add(token) // before publishing, so a same-process check during the race sees it
    if (!(await publish(gen, mine))) {
      heldHere.delete(token)
      continue
    }
    const [highest] = await generations()
    if (highest !== undefined && highest > gen) {
      // Someone published above us while we were slow: we never held it.
      heldHere.delete(token)
      await fs.unlink(genFile(gen)).catch(() => undefined)
      continue
    }
    await removeLeftovers(gen)
    return held(gen)
  }
  throw new JournalLockedError(lastHolder?.pid ?? 0, join(dir, name), lastHolder?.startedAt ?? null)

  async function removeLeftovers(gen: number): Promise<void> {
    for (const file of await fs.readdir(dir)) {
      const g = genPattern.exec(file)?.[1]
      const stale =
        (g !== undefined && Number(g) < gen) ||
        (file.startsWith(tmpPrefix) &&
          file.endsWith('.tmp') &&
          !pidAlive(Number(file.slice(tmpPrefix.length).split('-')[0])))
      if (stale) await fs.unlink(join(dir, file)).catch(() => undefined)
    }
  }

  function held(gen: number): HeldLock {
    let released = false
    return {
      file: genFile(gen),
      generation: gen,
      async release() {
        if (released) return
        released = true
        heldHere.delete(token)
        const marker: LockInfo = { ...mine, token: `${token}-r`, released: true }
        try {
          await publish(gen + 1, marker)
          await fs.unlink(genFile(gen))
        } catch {
          // Best effort: a lock left behind by a process that is gone is stale for the next opener.
        }
      },
    }
  }
}
