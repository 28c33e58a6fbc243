import { nodeJournalFs } from '../core/fs-facade'
import type { HeldLock } from '../core/journal-lock'
import { acquireJournalLock, JournalLockedError } from '../core/journal-lock'
import { isReadOnly } from '../core/storage-errors'

/**
 * Who owns Callboard's data folder (trust issue A5): one process at a time writes its settings,
 * its queue and its log. A second Callboard on the same folder (another install, the harness beside
 * the app) reads what it can and writes nothing, and says who the owner is. The same lock protocol
 * as the queue's (journal-lock.ts), on the folder itself.
 */
export type DataFolderClaim =
  | { owner: true; lock: HeldLock }
  | {
      owner: false
      /** Why this process must not write, in words for the agent. */
      busy: string
    }

export async function claimDataFolder(dir: string, now: () => Date): Promise<DataFolderClaim> {
  try {
    await nodeJournalFs.mkdir(dir)
    return { owner: true, lock: await acquireJournalLock({ fs: nodeJournalFs, dir, name: 'callboard.lock', now }) }
  } catch (error) {
    // A folder nobody may write (a read-only disk): shown as it is, like another owner's.
    if (isReadOnly(error)) {
      return {
        owner: false,
        busy: `Callboard's data folder (${dir}) cannot be written (${(error as NodeJS.ErrnoException).code}): what is there is shown, and nothing can be saved, queued or sent. Check that the disk is not read-only and that you may write to the folder, then restart Callboard.`,
      }
    }
    if (!(error instanceof JournalLockedError)) throw error
    const since = error.since ? `, started ${error.since}` : ''
    return {
      owner: false,
      busy: `Another Callboard (process ${error.pid}${since}) is using this data folder (${dir}). This one shows what it finds there but saves nothing: close one of them, then restart the other.`,
    }
  }
}
