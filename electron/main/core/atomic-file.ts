import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * Replace `file` so that a crash at any moment leaves either the old or the new content:
 * write a temp file beside it, fsync it, rename over, then fsync the directory so the rename
 * itself survives power loss (write-file-atomic skips that last step).
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  const handle = await open(tmp, 'wx', 0o600)
  try {
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(tmp, file)
  } catch (error) {
    // A full disk fails the write half way: no temp file is left behind to fill it further.
    await rm(tmp, { force: true })
    throw error
  }
  await fsyncDirectory(dirname(file))
}

export async function fsyncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** `settings.json` → `settings.json.corrupt-2026-11-23T09-30-00.000Z`, kept for the user to inspect. */
export function quarantineName(file: string, at: Date): string {
  return `${file}.corrupt-${at.toISOString().replace(/:/g, '-')}`
}
