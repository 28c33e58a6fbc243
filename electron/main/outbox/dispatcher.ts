import type { OutboxEntry } from '@shared/schemas/outbox'
import type { LaneHealth, LaneStatus } from '@shared/schemas/outbox'
import { TERMINAL_STATES } from '@shared/schemas/outbox'
import type { ProviderName } from '@shared/schemas/providers'
import type { SendOutcome } from '@shared/schemas/send-outcome'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'
import type { BackoffPolicy } from './backoff'
import { backoffDelayMs, DEFAULT_BACKOFF } from './backoff'
import { crashPoint } from './crash-points'
import type { LaneLimits } from '../providers/provider-module'
import type { OutboxEvent } from './outbox-events'
import type { SendPacer } from './send-pacer'
import { createSendPacer } from './send-pacer'

export type { LaneHealth, LaneStatus } from '@shared/schemas/outbox'

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface DispatcherDeps {
  clock: Clock
  logger: Logger
  /** A profile's unfinished entries, in submission order (the outbox keeps this index). */
  entriesOf: (profileId: string) => Iterable<OutboxEntry>
  /** Every profile with unfinished entries. */
  activeProfiles: () => Iterable<Pick<OutboxEntry, 'profileId' | 'provider'>>
  /** Durably record one change (journal append, then apply); resolves once it is on disk. */
  record: (event: OutboxEvent) => Promise<void>
  /** One attempt at the provider. Never throws for a provider or network problem. */
  send: (entry: OutboxEntry) => Promise<SendOutcome>
  limitsFor: (provider: ProviderName) => LaneLimits
  onLaneChanged?: (status: LaneStatus) => void
  /**
   * How far ahead the profile's provider clock is (ms; 0 if unknown). Deadlines are judged on the
   * later of the two clocks: a provider whose clock is ahead reaches a scheduled time sooner (Q8).
   */
  providerAheadMs?: (profileId: string) => number
  /** The estimated skew to show, or null while unknown. */
  clockSkewMs?: (profileId: string) => number | null
  backoff?: BackoffPolicy
  random?: () => number
  timers?: Timers
  /** How often deadlines are checked even when nothing else happens (Q7: every 30 s). */
  tickMs?: number
  /** Whether changes can be recorded now (false while the disk refuses writes): nothing is sent otherwise. */
  writable?: () => boolean
  /**
   * Right before the `sending` mark: whether the entry can be sent as its profile is now. False when
   * it cannot (its profile is missing, or no longer has what the task needs): the outbox has then
   * held it, and it is not sent.
   */
  checkBeforeSend?: (entry: OutboxEntry) => Promise<boolean>
  /**
   * An entry that will not go out by itself (held, behind an earlier task of its customer, or its
   * lane waiting for a sign-in or paused) is close to its deadline: the agent should hear of it now,
   * not once it has expired. Called once per entry per run.
   */
  onExpiringSoon?: (entry: OutboxEntry) => void
  /**
   * How long a lane waits after finding the keychain locked or unavailable before one task tries
   * again (sooner when the keychain is found working: `keychainAvailable`). Default 15 s.
   */
  keychainRetryMs?: number
  /**
   * How long a lane whose requests this computer's network stopped (a proxy's refusal, an
   * untrusted certificate) waits before it tries again by itself; Retry now and network changes
   * end the wait at once.
   */
  networkRetryMs?: number
}

/** States that still expire at their deadline: queued, or waiting on something here. */
const EXPIRES: ReadonlySet<OutboxEntry['state']> = new Set(['queued', 'held', 'needs_auth'])

/**
 * How long before its deadline a stuck entry is worth a warning: a fifth of the time it was given,
 * at least 2 minutes (an outdial's 15 minutes: 3) and at most an hour (a week-long follow-up).
 */
export function expiryWarningLeadMs(entry: Pick<OutboxEntry, 'createdAt' | 'notAfter'>): number {
  const life = Date.parse(entry.notAfter) - Date.parse(entry.createdAt)
  return Math.min(3_600_000, Math.max(120_000, life * 0.2))
}

interface Lane {
  profileId: string
  provider: ProviderName
  pacer: SendPacer
  limits: LaneLimits
  health: LaneHealth
  /** Wall ms before which the lane sends nothing (provider down, rate limited). */
  blockedUntil: number
  /**
   * Wall ms before which the lane sends nothing because this computer's keychain could not be
   * read: kept apart from `blockedUntil` and `health`, which are about the provider.
   */
  keychainHoldUntil: number
  /** Until when the lane waits for this computer's network to be put right (proxy, certificates). */
  networkHoldUntil: number
  failures: number
  inFlight: number
  /** Entries handed to `attempt` whose `sending` mark may not be on disk yet: never picked twice. */
  claimed: Set<string>
  pumping: boolean
  again: boolean
  timer: unknown
  /** Wall ms the timer fires at, or null with no timer. */
  timerAt: number | null
  /** The status last made for it, and the block it was made with (lanes(): made again only when changed). */
  reported: LaneStatus | null
  reportedBlock: number | null
}

const nodeTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/** Longest single timer: wall-clock deadlines are re-read at least this often (sleep, clock changes). */
const MAX_TIMER_MS = 30_000

/**
 * Sends queued entries: one lane per provider profile, each with its own rate limit, concurrency
 * and reachability, so one provider being down never delays another; FIFO within a scope; retries
 * with full-jitter backoff (Retry-After as a floor); deadlines checked before every send.
 */
export function createDispatcher(deps: DispatcherDeps) {
  const timers = deps.timers ?? nodeTimers
  const random = deps.random ?? Math.random
  const backoff = deps.backoff ?? DEFAULT_BACKOFF
  const keychainRetryMs = deps.keychainRetryMs ?? 15_000
  const networkRetryMs = deps.networkRetryMs ?? 5 * 60_000
  const lanes = new Map<string, Lane>()
  /** The same lanes in the order they were made (the map's order), walked without an iterator. */
  const laneList: Lane[] = []
  /** Entries already warned about (onExpiringSoon), so each is warned once. */
  const warned = new Set<string>()
  let paused = false
  let stopped = false
  let tickTimer: unknown = null
  const now = () => deps.clock.now().getTime()
  const ahead = (profileId: string) => Math.max(0, deps.providerAheadMs?.(profileId) ?? 0)

  /**
   * The lane as the window sees it. Every queue change reports every lane (queue:changed), and a lane
   * rarely changes with a task: the status made last is handed out again, frozen, while it still
   * says the same.
   */
  const status = (lane: Lane): LaneStatus => {
    // The clock is read only for a lane that has been blocked at all.
    const block = lane.blockedUntil > 0 && lane.blockedUntil > now() ? lane.blockedUntil : null
    const clockSkewMs = deps.clockSkewMs?.(lane.profileId) ?? null
    const last = lane.reported
    if (
      last &&
      lane.reportedBlock === block &&
      last.health === lane.health &&
      last.inFlight === lane.inFlight &&
      last.clockSkewMs === clockSkewMs
    ) {
      return last
    }
    lane.reportedBlock = block
    return (lane.reported = Object.freeze({
      profileId: lane.profileId,
      provider: lane.provider,
      health: lane.health,
      blockedUntil: block === null ? null : new Date(block).toISOString(),
      inFlight: lane.inFlight,
      clockSkewMs,
    }))
  }
  /** Every lane's status, the same frozen list while none of them changed. */
  let reportedLanes: LaneStatus[] = []
  function laneStatuses(): LaneStatus[] {
    let same = reportedLanes.length === laneList.length
    for (let i = 0; i < laneList.length; i++) {
      if (status(laneList[i]!) !== reportedLanes[i]) same = false
    }
    if (same) return reportedLanes
    const list: LaneStatus[] = []
    for (const lane of laneList) list.push(lane.reported!)
    Object.freeze(list)
    return (reportedLanes = list)
  }

  function laneFor(entry: Pick<OutboxEntry, 'profileId' | 'provider'>): Lane {
    let lane = lanes.get(entry.profileId)
    if (!lane) {
      const limits = deps.limitsFor(entry.provider)
      lane = {
        profileId: entry.profileId,
        provider: entry.provider,
        limits,
        pacer: createSendPacer(limits.rate),
        health: 'unknown',
        blockedUntil: 0,
        keychainHoldUntil: 0,
        networkHoldUntil: 0,
        failures: 0,
        inFlight: 0,
        claimed: new Set(),
        pumping: false,
        again: false,
        timer: null,
        timerAt: null,
        reported: null,
        reportedBlock: null,
      }
      lanes.set(entry.profileId, lane)
      laneList.push(lane)
    }
    return lane
  }

  function setHealth(lane: Lane, health: LaneHealth): void {
    if (lane.health === health) return
    deps.logger.info('lane health', {
      profileId: lane.profileId,
      provider: lane.provider,
      from: lane.health,
      to: health,
    })
    lane.health = health
    deps.onLaneChanged?.(status(lane))
  }

  /**
   * The entries this lane may send next, oldest first: queued, due, and not behind an unfinished
   * earlier entry of the same scope (an entry waiting for the agent holds its scope too, so order
   * survives a review; other scopes go on). Also every waiting entry past its deadline, due or not
   * (held and parked ones included: they expire like any other), the stuck ones close to it (to
   * warn the agent), and the next time something changes (an attempt falls due, a deadline or a
   * warning comes).
   */
  function candidates(
    lane: Lane,
    at: number,
  ): { ready: OutboxEntry[]; overdue: OutboxEntry[]; expiring: OutboxEntry[]; nextAt: number | null } {
    const all = deps.entriesOf(lane.profileId)
    const heldScopes = new Set<string>()
    const ready: OutboxEntry[] = []
    const overdue: OutboxEntry[] = []
    const expiring: OutboxEntry[] = []
    let nextAt: number | null = null
    const soonest = (t: number) => {
      nextAt = nextAt === null ? t : Math.min(nextAt, t)
    }
    // A lane waiting for the network to be fixed will not send by itself soon: its tasks are
    // announced before their deadlines like a paused lane's.
    const laneStuck = paused || lane.health === 'needs_auth' || lane.networkHoldUntil > at
    for (const entry of all) {
      if (TERMINAL_STATES.has(entry.state)) continue
      const held = heldScopes.has(entry.scope)
      heldScopes.add(entry.scope)
      if (!EXPIRES.has(entry.state) || lane.claimed.has(entry.id)) continue
      const deadline = Date.parse(entry.notAfter) - ahead(lane.profileId)
      if (deadline <= at) {
        overdue.push(entry)
        continue
      }
      soonest(deadline)
      if (entry.state !== 'queued' || held || laneStuck) {
        if (!warned.has(entry.id)) {
          const warnAt = deadline - expiryWarningLeadMs(entry)
          if (warnAt <= at) expiring.push(entry)
          else soonest(warnAt)
        }
        continue
      }
      const due = entry.nextAttemptAt === null ? 0 : Date.parse(entry.nextAttemptAt)
      if (due <= at) ready.push(entry)
      else soonest(due)
    }
    return { ready, overdue, expiring, nextAt }
  }

  /** Until when the lane sends nothing, for the provider's sake or the keychain's. */
  const heldUntil = (lane: Lane) => Math.max(lane.blockedUntil, lane.keychainHoldUntil, lane.networkHoldUntil)

  function schedule(lane: Lane, atMs: number | null): void {
    if (lane.timer !== null) timers.clearTimeout(lane.timer)
    lane.timer = null
    lane.timerAt = null
    if (atMs === null || stopped) return
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, atMs - now()))
    lane.timerAt = now() + delay
    lane.timer = timers.setTimeout(() => {
      lane.timer = null
      lane.timerAt = null
      void pump(lane)
    }, delay)
  }

  /**
   * Whether a look at this lane now could start a send. When it could not (paused, blocked, waiting
   * for credentials, every slot busy), a newly queued entry only needs its deadline watched: a full
   * look scans the lane's whole backlog, and doing that on every submit made a long queue quadratic.
   */
  function couldSendNow(lane: Lane): boolean {
    if (deps.writable && !deps.writable()) return false
    if (paused || stopped || lane.health === 'needs_auth' || heldUntil(lane) > now()) return false
    return lane.inFlight < (lane.health === 'online' ? lane.limits.concurrency : 1)
  }

  /** Expire what is past its deadline; true if the entry may still be sent. */
  async function withinDeadline(entry: OutboxEntry, at: number): Promise<boolean> {
    if (Date.parse(entry.notAfter) > at + ahead(entry.profileId)) return true
    warned.delete(entry.id)
    await deps.record({ t: 'expired', id: entry.id, at: new Date(at).toISOString(), reason: entry.deadlineReason })
    deps.logger.warn('entry expired', { id: entry.id, profileId: entry.profileId, notAfter: entry.notAfter })
    return false
  }

  /** One flush loop per lane at any time; a wake during a loop makes it run once more. */
  async function pump(lane: Lane): Promise<void> {
    if (lane.pumping) {
      lane.again = true
      return
    }
    lane.pumping = true
    try {
      do {
        lane.again = false
        await pumpOnce(lane)
      } while (lane.again && !stopped)
    } catch (error) {
      deps.logger.error('lane loop failed', { profileId: lane.profileId, error: String(error) })
      schedule(lane, now() + 5000)
    } finally {
      lane.pumping = false
    }
  }

  async function pumpOnce(lane: Lane): Promise<void> {
    if (stopped) return
    // Nothing can be recorded (the disk is full): the queue pokes every lane once it can again.
    if (deps.writable && !deps.writable()) return schedule(lane, null)
    const at = now()
    const { ready, overdue, expiring, nextAt } = candidates(lane, at)
    let wakeAt = nextAt
    const earlier = (t: number) => {
      wakeAt = wakeAt === null ? t : Math.min(wakeAt, t)
    }
    // Deadlines first, whatever else holds the lane: an expired entry is shown, never sent.
    for (const entry of overdue) await withinDeadline(entry, at)
    for (const entry of expiring) {
      warned.add(entry.id)
      deps.logger.warn('entry close to its deadline and not going out', { id: entry.id, notAfter: entry.notAfter })
      deps.onExpiringSoon?.(entry)
    }
    const live = ready
    // Nothing goes out, but deadlines and warnings still come on time.
    if (paused || lane.health === 'needs_auth') return schedule(lane, wakeAt)
    if (heldUntil(lane) > at) {
      earlier(heldUntil(lane))
      return schedule(lane, wakeAt)
    }
    // Until the provider has answered (and while it is offline, down or limiting us) the lane sends
    // one request at a time: that request is the probe.
    const cap = lane.health === 'online' ? lane.limits.concurrency : 1
    for (const entry of live) {
      if (lane.inFlight >= cap) break
      const allowance = lane.pacer.reserve(deps.clock.monotonicMs())
      if (!allowance.ok) {
        // Null: only an answer frees the allowance, and every answer looks at the lane again.
        if (allowance.retryAfterMs !== null) earlier(at + allowance.retryAfterMs)
        break
      }
      lane.inFlight += 1
      lane.claimed.add(entry.id)
      void attempt(lane, entry)
        .catch((error: unknown) => {
          // The journal refused the write: nothing was sent, and the entry stays queued.
          deps.logger.error('attempt failed', { id: entry.id, error: String(error) })
          lane.blockedUntil = Math.max(lane.blockedUntil, now() + 5000)
        })
        .finally(() => {
          lane.pacer.settle(allowance.ticket, deps.clock.monotonicMs())
          lane.inFlight -= 1
          lane.claimed.delete(entry.id)
          void pump(lane)
        })
    }
    schedule(lane, wakeAt)
  }

  async function attempt(lane: Lane, entry: OutboxEntry): Promise<void> {
    // Right before the send, against the clock as it is now (Q7).
    if (!(await withinDeadline(entry, now()))) return
    // A task is only ever sent for its profile as it is now; otherwise it waits for it.
    if (deps.checkBeforeSend && !(await deps.checkBeforeSend(entry))) return
    const attemptNo = entry.attempts + 1
    await deps.record({ t: 'sending', id: entry.id, at: new Date(now()).toISOString(), attempt: attemptNo })
    crashPoint('dispatch:after-sending-mark')
    const outcome = await deps.send({ ...entry, state: 'sending', attempts: attemptNo })
    crashPoint('dispatch:after-answer')
    warned.delete(entry.id)
    const at = now()
    let nextAttemptAt: string | null = null
    if (outcome.kind === 'retry') {
      const delay = backoffDelayMs(attemptNo, outcome.delayMs, random, backoff)
      nextAttemptAt = new Date(at + delay).toISOString()
      noteFailure(lane, outcome, at)
    } else if (outcome.kind === 'keychain_unavailable') {
      // The provider was not asked: its health, failures and backoff stay as they were. The lane
      // holds (one task tries again after a short wait) instead of running its whole backlog into
      // the same locked keychain, and the entry is due at once when the hold ends.
      lane.keychainHoldUntil = Math.max(lane.keychainHoldUntil, at + keychainRetryMs)
    } else if (outcome.kind === 'network_blocked') {
      // This computer's network stopped it (a proxy refusal, an untrusted certificate): the
      // provider was not reached, so its health stays as it was. The whole lane waits (every task
      // would meet the same proxy) until Retry now, a network change, or the pause ends.
      // The entry is due as soon as the lane's wait ends.
      lane.networkHoldUntil = Math.max(lane.networkHoldUntil, at + networkRetryMs)
    } else if (outcome.kind === 'deadline_passed') {
      // Nothing was sent: the provider's health, failures and backoff stay as they were.
    } else if (outcome.kind === 'needs_auth') {
      setHealth(lane, 'needs_auth')
    } else {
      // The provider answered: it is reachable, whatever it thought of this task. A wait it asked
      // for on another request meanwhile (Retry-After) still stands: this answer may predate it.
      lane.failures = 0
      if (lane.blockedUntil <= at) setHealth(lane, 'online')
    }
    await deps.record({ t: 'outcome', id: entry.id, at: new Date(at).toISOString(), outcome, nextAttemptAt })
    // Expired now, with the task's own reason, rather than at the lane's next look.
    if (outcome.kind === 'deadline_passed') await withinDeadline(entry, now())
  }

  /** A failed attempt says something about the provider: hold the whole lane, not just the entry. */
  function noteFailure(lane: Lane, outcome: Extract<SendOutcome, { kind: 'retry' }>, at: number): void {
    lane.failures += 1
    if (outcome.httpStatus === 429) {
      const wait = outcome.delayMs ?? backoffDelayMs(lane.failures, null, random, backoff)
      lane.blockedUntil = Math.max(lane.blockedUntil, at + wait)
      setHealth(lane, 'rate_limited')
      return
    }
    // Circuit breaker: the lane waits out a backoff, then one request probes.
    lane.blockedUntil = Math.max(
      lane.blockedUntil,
      at + backoffDelayMs(lane.failures, outcome.delayMs, random, backoff),
    )
    setHealth(lane, outcome.httpStatus === null ? 'offline' : 'down')
  }

  async function checkAll(): Promise<void> {
    await Promise.all([...deps.activeProfiles()].map((profile) => pump(laneFor(profile))))
  }

  function tick(): void {
    tickTimer = timers.setTimeout(() => {
      void checkAll().finally(() => {
        if (!stopped) tick()
      })
    }, deps.tickMs ?? 30_000)
  }

  return {
    /** Look at every lane now (start-up, resume from sleep, the network came back). */
    start(): Promise<void> {
      stopped = false
      tick()
      return checkAll()
    },
    /** An entry was queued or changed: its lane looks again, or at least minds its deadline. */
    wake(entry: Pick<OutboxEntry, 'profileId' | 'provider' | 'notAfter'>): Promise<void> {
      const lane = laneFor(entry)
      if (couldSendNow(lane) || lane.pumping) return pump(lane)
      const deadline = Date.parse(entry.notAfter) - ahead(entry.profileId)
      if (!stopped && (lane.timerAt === null || deadline < lane.timerAt)) schedule(lane, deadline)
      return Promise.resolve()
    },
    /**
     * An OS hint (online, resume, the agent pressing retry): offline or down lanes probe now
     * instead of waiting out their backoff. The hint never marks a provider reachable by itself.
     */
    poke(reason: string): Promise<void> {
      deps.logger.info('connectivity hint', { reason })
      for (const lane of lanes.values()) {
        if (lane.health === 'offline' || lane.health === 'down') lane.blockedUntil = 0
        // The network changed (or the agent asked): a proxy or certificate fixed meanwhile is tried now.
        lane.networkHoldUntil = 0
      }
      return checkAll()
    },
    /** The agent fixed the credentials or pressed retry: the lane sends again. */
    resumeProfile(profileId: string): Promise<void> {
      const lane = lanes.get(profileId)
      if (!lane) return Promise.resolve()
      if (lane.health === 'needs_auth') setHealth(lane, 'unknown')
      lane.keychainHoldUntil = 0
      lane.networkHoldUntil = 0
      return pump(lane)
    },
    /**
     * The profile is back (or new): whatever its lane learnt while it was missing says nothing
     * about the provider, so the lane starts afresh.
     */
    resetProfile(profileId: string): Promise<void> {
      const lane = lanes.get(profileId)
      if (!lane) return Promise.resolve()
      lane.blockedUntil = 0
      lane.keychainHoldUntil = 0
      lane.failures = 0
      setHealth(lane, 'unknown')
      return pump(lane)
    },
    /** A keychain check found the keychain working: lanes that were waiting for it send now. */
    keychainAvailable(): Promise<void> {
      const waiting = [...lanes.values()].filter((lane) => lane.keychainHoldUntil > now())
      for (const lane of waiting) lane.keychainHoldUntil = 0
      return Promise.all(waiting.map(pump)).then(() => undefined)
    },
    pause(): void {
      paused = true
    },
    resume(): Promise<void> {
      paused = false
      return checkAll()
    },
    isPaused: () => paused,
    lanes: laneStatuses,
    stop(): void {
      stopped = true
      if (tickTimer !== null) timers.clearTimeout(tickTimer)
      for (const lane of lanes.values()) schedule(lane, null)
    },
    /** Resolves when no lane has a request in flight (tests, shutdown). */
    async idle(): Promise<void> {
      while ([...lanes.values()].some((l) => l.inFlight > 0 || l.pumping)) {
        await new Promise((resolve) => setImmediate(resolve))
      }
    },
  }
}

export type Dispatcher = ReturnType<typeof createDispatcher>
