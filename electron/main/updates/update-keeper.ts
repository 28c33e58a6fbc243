import { msg } from '@shared/i18n/message'
import type { UpdatesOffReason, UpdateStatus } from '@shared/schemas/updates'
import { AppError } from '../core/app-error'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'

/** A newer version the feed offers; its download starts on its own. */
export interface FoundUpdate {
  version: string
  /** Resolves once the file is downloaded and its checksum verified; rejects if either fails. */
  downloaded: Promise<void>
}

/**
 * What the keeper needs of the update library (electron-updater, through electron-updater-port.ts):
 * small enough that its decisions are tested with a fake, and the port itself against a real feed.
 */
export interface UpdaterPort {
  /** Asks the feed; null when this version is the newest. */
  check(): Promise<FoundUpdate | null>
  onProgress(listener: (percent: number) => void): void
  /** Quits the app and installs the downloaded version. In the app it does not return. */
  install(): void
}

/** The queue as an update sees it: a restart must never cut a request on the wire. */
export interface SendGate {
  /** Requests on the wire now. */
  sending(): number
  /** No new send starts; resolves once every request on the wire has its answer. */
  hold(): Promise<void>
  /** Sends start again (the install did not happen). */
  release(): void
}

export interface UpdateKeeperDeps {
  /** Null when there is no feed: updates are off and `offReason` says why. */
  updater: UpdaterPort | null
  offReason?: UpdatesOffReason
  sends: SendGate
  clock: Clock
  logger: Logger
  onChange(status: UpdateStatus): void
  /** Between two checks; a day unless a test says otherwise. */
  everyMs?: number
}

export const CHECK_EVERY_MS = 24 * 60 * 60 * 1000

/**
 * Checks for updates at start and once a day, lets the library download in the background, and
 * installs only when the agent asks and nothing is on the wire: "Restart to update" first stops new
 * sends, waits for the answers of those in flight (their outcome is journalled like any other), and
 * only then quits. Queued tasks stay in the journal and go on after the restart.
 */
export function createUpdateKeeper(deps: UpdateKeeperDeps) {
  const { updater, sends, logger } = deps
  let status: UpdateStatus = updater
    ? { phase: 'up_to_date', checkedAt: deps.clock.now().toISOString() }
    : { phase: 'off', reason: deps.offReason ?? 'no_feed' }
  let timer: ReturnType<typeof setTimeout> | null = null
  let checking: Promise<void> | null = null
  let started = false

  const set = (next: UpdateStatus) => {
    status = next
    deps.onChange(next)
  }
  const failed = (step: 'check' | 'download' | 'install', version: string | undefined, error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error)
    logger.warn('update failed', { step, version, detail })
    set({ phase: 'failed', step, ...(version ? { version } : {}), detail, at: deps.clock.now().toISOString() })
  }

  updater?.onProgress((percent) => {
    if (status.phase !== 'downloading') return
    const rounded = Math.min(100, Math.max(0, Math.floor(percent)))
    if (rounded !== status.percent) set({ ...status, percent: rounded })
  })

  async function check(): Promise<void> {
    if (!updater) return
    set({ phase: 'checking' })
    let found: FoundUpdate | null
    try {
      found = await updater.check()
    } catch (error) {
      return failed('check', undefined, error)
    }
    if (!found) {
      logger.info('update check: up to date')
      return set({ phase: 'up_to_date', checkedAt: deps.clock.now().toISOString() })
    }
    logger.info('update found', { version: found.version })
    set({ phase: 'downloading', version: found.version, percent: 0 })
    try {
      await found.downloaded
    } catch (error) {
      return failed('download', found.version, error)
    }
    logger.info('update downloaded', { version: found.version })
    set({ phase: 'ready', version: found.version })
  }

  function schedule(): void {
    if (!started || !updater) return
    timer = setTimeout(() => {
      void checkNow().finally(schedule)
    }, deps.everyMs ?? CHECK_EVERY_MS)
    // A pending daily check must not keep a closing process alive.
    timer.unref?.()
  }

  /** Checks now unless a check or download is under way, or an update already waits. */
  function checkNow(): Promise<void> {
    if (checking) return checking
    if (status.phase === 'ready' || status.phase === 'waiting_for_sends') return Promise.resolve()
    checking = check().finally(() => (checking = null))
    return checking
  }

  return {
    status: (): UpdateStatus => status,
    /** The check at start, then one a day. */
    start(): Promise<void> {
      if (started) return Promise.resolve()
      started = true
      if (!updater) {
        deps.onChange(status)
        return Promise.resolve()
      }
      const first = checkNow()
      schedule()
      return first
    },
    checkNow,
    /**
     * "Restart to update": waits for the requests on the wire, then installs. If the install does
     * not happen (the library refuses), sends start again and the agent is told why.
     */
    async restartToUpdate(): Promise<void> {
      if (status.phase !== 'ready') {
        throw new AppError('conflict', msg('failure.noUpdateReady'))
      }
      const version = status.version
      set({ phase: 'waiting_for_sends', version, sending: sends.sending() })
      await sends.hold()
      logger.info('update: installing', { version })
      try {
        updater!.install()
      } catch (error) {
        sends.release()
        failed('install', version, error)
      }
    },
    stop(): void {
      started = false
      if (timer !== null) clearTimeout(timer)
      timer = null
    },
  }
}

export type UpdateKeeper = ReturnType<typeof createUpdateKeeper>
