import type { Message } from '@shared/i18n/message'
import { instant } from '@shared/i18n/format-instant'
import { msg } from '@shared/i18n/message'
import type { Logger } from '../core/logger'
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
      /** Why this process must not write, as a message for the agent. */
      busy: Message
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
        busy: msg('dataFolder.unwritable', { dir, code: String((error as NodeJS.ErrnoException).code) }),
      }
    }
    if (!(error instanceof JournalLockedError)) throw error
    // The process id is an identifier, not a quantity: a string, so no language groups its digits.
    const pid = String(error.pid)
    return {
      owner: false,
      busy: error.since
        ? msg('dataFolder.otherCallboardSince', { pid, dir, since: instant(error.since) })
        : msg('dataFolder.otherCallboard', { pid, dir }),
    }
  }
}

/**
 * The data folder as the services hold it: the claim the app or the harness made, or one made
 * here. `notOwner` is why this process may not write (null when it may); `release` lets go of a
 * claim made here only (the app and the harness release their own).
 */
export async function holdDataFolder(deps: {
  dataFolder?: DataFolderClaim
  userDataDir: string
  clock: { now(): Date }
  logger: Logger
}): Promise<{ notOwner: Message | null; release(): Promise<void> }> {
  const folder = deps.dataFolder ?? (await claimDataFolder(deps.userDataDir, () => deps.clock.now()))
  const notOwner = folder.owner ? null : folder.busy
  if (notOwner) deps.logger.warn('data folder owned by another Callboard: read-only', { dir: deps.userDataDir })
  return {
    notOwner,
    release: async () => {
      if (!deps.dataFolder && folder.owner) await folder.lock.release()
    },
  }
}
