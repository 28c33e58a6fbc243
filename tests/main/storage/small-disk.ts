import { execFileSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A real, small filesystem for the disk tests (a tmpfs mounted for the test): it fills up and can
 * be made read-only, as a user's disk can. Needs root (CI runs as root); elsewhere the tests say
 * so and skip, and with CI=true a missing mount is a failure, never a silent skip.
 */
export function smallDiskAvailable(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-disk-probe-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' })
    execFileSync('umount', [dir], { stdio: 'ignore' })
    return true
  } catch {
    if (process.env['CI']) throw new Error('CI=true but a tmpfs cannot be mounted here: the disk tests need root.')
    return false
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export interface SmallDisk {
  dir: string
  /** Fill every free byte with a file of zeros. */
  fill(): void
  /** Remove that file: the space is back. */
  free(): void
  readOnly(on: boolean): void
  close(): void
}

export function mountSmallDisk(sizeKb: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-disk-'))
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0700`, 'tmpfs', dir])
  const filler = join(dir, 'filler')
  return {
    dir,
    fill() {
      // Appended 4 KB at a time until the disk refuses, then 512 bytes at a time in small files,
      // so not even a small write fits.
      const fd = openSync(filler, 'a')
      try {
        for (;;) writeSync(fd, Buffer.alloc(4096))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
      } finally {
        closeSync(fd)
      }
      for (let i = 0; ; i++) {
        try {
          writeFileSync(join(dir, `crumb-${i}`), Buffer.alloc(512))
        } catch {
          break
        }
      }
    },
    free() {
      execFileSync('sh', ['-c', `rm -f "${dir}"/filler "${dir}"/crumb-*`])
    },
    readOnly(on) {
      execFileSync('mount', ['-o', `remount,${on ? 'ro' : 'rw'}`, dir])
    },
    close() {
      try {
        execFileSync('umount', ['-l', dir], { stdio: 'ignore' })
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
