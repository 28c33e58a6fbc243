import { toWireRequest } from '@shared/providers/registry'
import { issueMessage } from '@shared/i18n/issue-message'
import { listOf, msg, type Message } from '@shared/i18n/message'
import type { TaskIntent } from '@shared/schemas/intents'
import type { HoldReason, OutboxEntry, QueueCounts, QueueItem, ResolveAction } from '@shared/schemas/outbox'
import { TERMINAL_STATES } from '@shared/schemas/outbox'
import type { Profile } from '@shared/schemas/profiles'
import type { ProviderName } from '@shared/schemas/providers'
import type { SendOutcome } from '@shared/schemas/send-outcome'
import type { IssueDetail } from '@shared/ipc/result'
import { AppError } from '../core/app-error'
import { isDiskFull, isReadOnly, storageError } from '../core/storage-errors'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'
import type { ClockSkew } from '../providers/clock-skew'
import type { Deadline, DeadlinePolicy } from './deadlines'
import { deadlineFor } from './deadlines'
import { scopeFor } from './scope'
import type { Dispatcher, DispatcherDeps, LaneStatus } from './dispatcher'
import { createDispatcher } from './dispatcher'
import type { LaneLimits } from '../providers/provider-module'
import { mainProviders } from '../providers/registry'
import { JournalRecordRejectedError } from './journal'
import type { OutboxEvent } from './outbox-events'
import { applyEvent, isLive, recoveryEvents } from './outbox-state'
import { countBucket, toQueueItem } from './queue-items'
import { createQueueClock } from './queue-clock'

/** Where the outbox keeps its events: the durable journal in the app, memory in some tests. */
export interface OutboxLog {
  /** Every event on record, in order (read once at start). */
  replay(): OutboxEvent[]
  /** Resolves once the event is durable (fsynced), with its size in bytes where the log knows it. */
  append(event: OutboxEvent): Promise<number | void>
  /**
   * Rewrite the log as `snapshot()` when it has grown enough. Must call `snapshot` synchronously,
   * before any later append, so the snapshot reflects every append made so far. `liveBytes` is a
   * cheap estimate of the snapshot's size, for deciding without serializing the whole queue.
   */
  maybeCompact?(snapshot: () => OutboxEvent[], liveBytes: () => number): Promise<void> | void
  /** Rewrite the log as `snapshot()` now (same contract as `maybeCompact`). */
  compactNow?(snapshot: () => OutboxEvent[]): Promise<void>
  /** Entries known to have lost a change (their ids read from damaged records of the log). */
  lostChanges?(): ReadonlySet<string>
  /** Why the log stopped taking writes (the disk refused one), or null. */
  failure?(): unknown
  /** After a failure: rewrite the log as `snapshot()` and take writes again; rejects if it cannot. */
  recover?(snapshot: () => OutboxEvent[]): Promise<void>
}

/**
 * Events replay could not apply, by task: after a damaged journal, those for tasks whose `queued`
 * record is gone, and those for tasks that missed an earlier change (their state may be stale).
 */
export interface ReplaySkips {
  unknownTasks: string[]
  outOfStep: string[]
}

export interface OutboxDeps {
  log: OutboxLog
  clock: Clock
  logger: Logger
  newId: () => string
  findProfile: (id: string) => Profile | undefined
  /** One attempt at the provider for this entry (its intent, under its idempotency key). */
  send: (entry: OutboxEntry) => Promise<SendOutcome>
  /** Every change, after it is on disk. */
  onChanged: (entry: OutboxEntry) => void
  /** A task that will not go out by itself is close to its deadline (see the dispatcher). */
  onExpiringSoon?: (entry: OutboxEntry, blocker: OutboxEntry | null) => void
  onLaneChanged?: (status: LaneStatus) => void
  limitsFor?: (provider: ProviderName) => LaneLimits
  deadlines?: DeadlinePolicy
  /** The provider's clock minus ours, per profile (Q8); time rules are judged on the provider's clock. */
  skew?: ClockSkew
  /** Finished entries stay this long for history, then compaction drops them. Default 30 days. */
  historyMs?: number
  dispatcher?: Partial<
    Pick<DispatcherDeps, 'timers' | 'random' | 'backoff' | 'tickMs' | 'keychainRetryMs' | 'networkRetryMs'>
  >
  /**
   * Set when this process may only show the queue (the data folder is read-only, or another
   * Callboard owns it): the reason, for the agent. The queue is listed; nothing is sent or changed.
   */
  readOnly?: Message
  /** The queue stopped or started taking writes again (see `storageProblem`). */
  onStorageChanged?: (problem: Message | null) => void
}

/** Unfinished entries of one scope, in submission order, and the first of them. */
interface Scope {
  head: OutboxEntry
  entries: Map<string, OutboxEntry>
}

/** A task let through `admit`: its profile, when it is queued, and until when it may be sent. */
interface Admission {
  profile: Profile
  createdAt: Date
  deadline: Deadline
}

/** The log refused a write: the disk is full or read-only; nothing was recorded. */
class QueueStoppedError extends Error {
  constructor(override readonly cause: unknown) {
    super('The task queue could not be written.')
    this.name = 'QueueStoppedError'
  }
}

/** What the agent reads while the queue cannot be written. */
function stoppedText(cause: unknown): Message {
  const code = String((cause as NodeJS.ErrnoException | null)?.code ?? cause)
  const why = isDiskFull(cause)
    ? msg('queueFile.stoppedDiskFull')
    : isReadOnly(cause)
      ? msg('queueFile.stoppedReadOnly', { code })
      : msg('queueFile.stoppedUnwritable', { code })
  return msg('queueFile.stopped', { why })
}

/** First retry of a stopped queue's writes after this long, doubling up to the cap. */
const STORAGE_RETRY_MS = 2_000
const STORAGE_RETRY_CAP_MS = 30_000

/** A `createdAt` this far past the wall clock is still read as the same moment (clock adjustments). */
const CLOCK_TOLERANCE_MS = 60_000

/**
 * The journal refused the task's record because the next start could not read it back. Nothing was
 * written; the agent is told which field, as for any other refusal, never "unexpected error". Issues
 * in the intent are shown on its fields; one in a key the outbox derived names that key.
 */
function unstorable(error: JournalRecordRejectedError): AppError {
  const fields: IssueDetail[] = error.issues.flatMap(({ path, message }) =>
    path[0] === 'entry' && path[1] === 'intent'
      ? [{ path: ['intent', ...path.slice(2).map((p) => (typeof p === 'number' ? p : String(p)))], message }]
      : [],
  )
  // Each issue as its key, so the window words it in the agent's language (not main's English).
  const what = listOf(
    error.issues
      .slice(0, 3)
      .map(({ path, message }) =>
        msg('failure.unstorableIssue', { path: path.map(String).join('.'), reason: issueMessage(message) }),
      ),
  )
  return new AppError('invalid_input', msg('failure.taskNotStorable', { what }), fields.length ? fields : undefined)
}

/**
 * The one path every task takes (design.md §4): validate, give it an id and an idempotency key,
 * append it durably, and only then let the dispatcher send it. Online or offline alike.
 */
export function createOutbox(deps: OutboxDeps) {
  // The queue's own time: the wall clock, but never going back, and moving at least as fast as the
  // monotonic clock (see queue-clock.ts). Deadlines hold when the wall clock is set back.
  const clock = createQueueClock(deps.clock)
  const entries = new Map<string, OutboxEntry>()
  /**
   * Unfinished entries per profile, in submission order: what the dispatcher scans on every look,
   * so its cost follows the backlog, not the history. Map insertion order is submission order
   * (entries are queued, and replayed, in `seq` order; updating an entry keeps its place).
   */
  const unfinished = new Map<string, Map<string, OutboxEntry>>()
  /** The badge's figures, kept as entries change: every change reports them. */
  const counts: QueueCounts = { waiting: 0, attention: 0 }
  const countAs = (entry: OutboxEntry | undefined, by: number) => {
    const bucket = entry ? countBucket(entry.state) : null
    if (bucket) counts[bucket] += by
  }
  /**
   * Unfinished entries per scope (one customer, one contact chain; scopes are per profile), in
   * submission order: the first is the one every later entry of the scope waits behind.
   */
  // By profile, then by scope: a key joining the two was a string made three times per task queued.
  // Each scope keeps its first entry at hand: every row asks for it, and reading it off the map made
  // an iterator each time.
  const scopes = new Map<string, Map<string, Scope>>()
  const index = (entry: OutboxEntry) => {
    let lane = unfinished.get(entry.profileId)
    countAs(lane?.get(entry.id), -1)
    let ofProfile = scopes.get(entry.profileId)
    if (TERMINAL_STATES.has(entry.state)) {
      lane?.delete(entry.id)
      if (lane?.size === 0) unfinished.delete(entry.profileId)
      const scope = ofProfile?.get(entry.scope)
      if (scope?.entries.delete(entry.id)) {
        if (scope.entries.size === 0) {
          ofProfile!.delete(entry.scope)
          if (ofProfile!.size === 0) scopes.delete(entry.profileId)
        } else if (scope.head.id === entry.id) {
          scope.head = scope.entries.values().next().value!
        }
      }
      return
    }
    if (!lane) unfinished.set(entry.profileId, (lane = new Map()))
    lane.set(entry.id, entry)
    if (!ofProfile) scopes.set(entry.profileId, (ofProfile = new Map()))
    let scope = ofProfile.get(entry.scope)
    if (!scope) ofProfile.set(entry.scope, (scope = { head: entry, entries: new Map() }))
    scope.entries.set(entry.id, entry)
    // A change makes a new entry: the head is the current one.
    if (scope.head.id === entry.id) scope.head = entry
    countAs(entry, 1)
  }
  /** The earlier unfinished task of the same scope this one waits behind, or null. */
  const blockerOf = (entry: OutboxEntry): OutboxEntry | null => {
    if (TERMINAL_STATES.has(entry.state)) return null
    const head = scopes.get(entry.profileId)?.get(entry.scope)?.head
    return head && head.id !== entry.id ? head : null
  }
  const iso = () => clock.now().toISOString()
  const historyMs = deps.historyMs ?? 30 * 24 * 3_600_000
  let appending = 0
  let nextSeq = 0

  /** One `queued` event per live entry, holding its current state: replaying it rebuilds the queue. */
  const snapshot = (): OutboxEvent[] => {
    const now = clock.now().getTime()
    return [...entries.values()].filter((e) => isLive(e, now, historyMs)).map((entry) => ({ t: 'queued', entry }))
  }
  /**
   * Each entry's size in the log as first queued (from the log, or measured once for entries
   * replayed at start): the snapshot's size, near enough, without serializing it.
   */
  const sizes = new Map<string, number>()
  const sizeOf = (entry: OutboxEntry) => {
    let size = sizes.get(entry.id)
    if (size === undefined) sizes.set(entry.id, (size = JSON.stringify({ t: 'queued', entry }).length + 16))
    return size
  }
  const liveBytes = (): number => {
    const now = clock.now().getTime()
    let total = 0
    for (const entry of entries.values()) if (isLive(entry, now, historyMs)) total += sizeOf(entry)
    return total
  }

  /**
   * Everything that refuses a task before it is queued (the read-only folder, a stopped queue, the
   * profile, the provider's rules on its clock, the deadline), throwing the refusal. `submit` runs it
   * first; `check` runs it alone, so a task that would be refused is refused, not asked about as a
   * repeat (repeat-guard.ts).
   */
  async function admit(intent: TaskIntent): Promise<Admission> {
    if (deps.readOnly) throw new AppError('read_only', deps.readOnly)
    // Space may be back: try at once rather than wait for the next retry.
    if (stopped && !(await tryToWriteAgain())) throw storageError(stopped.cause)
    return admission(intent)
  }

  /**
   * `admit` for a queue that takes writes: the same checks, answered at once (no promise made for
   * every task queued).
   */
  function admitWritable(intent: TaskIntent): Admission | Promise<Admission> {
    return deps.readOnly || stopped ? admit(intent) : admission(intent)
  }

  /** What `admit` checks once the queue can be written: the profile, the provider's rules, the deadline. */
  function admission(intent: TaskIntent): Admission {
    const profile = deps.findProfile(intent.profileId)
    if (!profile) throw new AppError('not_found', msg('failure.profileGone'))
    const createdAt = clock.now()
    // The provider's rules ("in the future", "30 minutes ahead") are judged on its clock.
    const offset = deps.skew?.offsetMs(profile.id) ?? 0
    const providerNow = offset === 0 ? createdAt : new Date(createdAt.getTime() + offset)
    const wire = toWireRequest(intent, profile, providerNow)
    if ('error' in wire) {
      throw new AppError('invalid_input', issueMessage(wire.error.message), [
        { path: ['intent', ...wire.error.path], message: wire.error.message },
      ])
    }
    const deadline = deadlineFor(intent, createdAt, deps.deadlines)
    if (deadline.notAfter.getTime() <= createdAt.getTime()) {
      throw new AppError('invalid_input', msg('failure.tooLate', { reason: deadline.reason }))
    }
    return { profile, createdAt, deadline }
  }

  const compactionFailed = (error: unknown) => {
    deps.logger.error('outbox compaction failed', { error: String(error) })
  }

  /** Durable first, then in memory, then told. */
  async function record(event: OutboxEvent): Promise<OutboxEntry> {
    if (deps.readOnly) throw new AppError('read_only', deps.readOnly)
    if (stopped) throw new QueueStoppedError(stopped.cause)
    appending += 1
    try {
      const size = await deps.log.append(event)
      if (event.t === 'queued' && typeof size === 'number') sizes.set(event.entry.id, size)
    } catch (error) {
      const failure = deps.log.failure?.()
      if (!failure) throw error
      stop(failure)
      throw new QueueStoppedError(failure)
    } finally {
      appending -= 1
    }
    const result = applyEvent(entries, event)
    if (result.ok) index(result.entry)
    // Only with no append in flight can the snapshot reflect every append made so far.
    if (appending === 0) deps.log.maybeCompact?.(snapshot, liveBytes)?.catch(compactionFailed)
    if (!result.ok) {
      // The journal is ahead of memory only through a bug; say so loudly and keep going.
      deps.logger.error('outbox event not applicable', { problem: result.problem })
      throw new AppError('internal', msg('failure.queueRefusedChange', { problem: result.problem }))
    }
    deps.onChanged(result.entry)
    return result.entry
  }

  // ——— A full or read-only disk: the queue stops, says so, and starts again by itself ———
  let stopped: { cause: unknown; message: Message } | null = null
  let storageTimer: unknown = null
  let storageRetryMs = STORAGE_RETRY_MS
  /** Stopped for good (the app is quitting): no more retries. */
  let halted = false
  const storageTimers = deps.dispatcher?.timers ?? {
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  }

  function stop(cause: unknown): void {
    if (stopped) return
    stopped = { cause, message: stoppedText(cause) }
    storageRetryMs = STORAGE_RETRY_MS
    deps.logger.error('task queue stopped: its file cannot be written', { error: String(cause) })
    deps.onStorageChanged?.(stopped.message)
    scheduleStorageRetry()
  }

  function scheduleStorageRetry(): void {
    if (storageTimer !== null || halted) return
    storageTimer = storageTimers.setTimeout(() => {
      storageTimer = null
      void tryToWriteAgain()
    }, storageRetryMs)
    storageRetryMs = Math.min(STORAGE_RETRY_CAP_MS, storageRetryMs * 2)
  }

  /** Rewrites the queue file from what is known here; true once it can be written again. */
  async function tryToWriteAgain(): Promise<boolean> {
    if (!stopped) return true
    if (!deps.log.recover) return false
    try {
      await deps.log.recover(snapshot)
    } catch (error) {
      deps.logger.warn('task queue still cannot be written', { error: String(error) })
      scheduleStorageRetry()
      return false
    }
    stopped = null
    if (storageTimer !== null) storageTimers.clearTimeout(storageTimer)
    storageTimer = null
    deps.logger.info('task queue writes again')
    deps.onStorageChanged?.(null)
    void dispatcher.poke('the queue can write again')
    return true
  }

  /** Hold an entry, unsent, until something here is put right. */
  const hold = (entry: OutboxEntry, why: HoldReason, message: Message) =>
    record({ t: 'held', id: entry.id, at: iso(), why, message })
  const profileMissing = (entry: OutboxEntry) => hold(entry, 'no_profile', msg('sendOutcome.held.noProfile'))

  const dispatcher: Dispatcher = createDispatcher({
    clock,
    logger: deps.logger.child('dispatch'),
    entriesOf: (profileId) => unfinished.get(profileId)?.values() ?? [],
    activeProfiles: () => [...unfinished.values()].flatMap((lane) => lane.values().next().value ?? []),
    record: async (event) => {
      await record(event)
    },
    send: deps.send,
    limitsFor: deps.limitsFor ?? ((provider) => mainProviders[provider].laneLimits),
    ...(deps.skew ? { providerAheadMs: deps.skew.offsetMs, clockSkewMs: deps.skew.known } : {}),
    ...(deps.onLaneChanged ? { onLaneChanged: deps.onLaneChanged } : {}),
    // Nothing is sent while no change can be recorded: the `sending` mark comes first.
    writable: () => stopped === null && !deps.readOnly,
    checkBeforeSend: async (entry) => {
      const current = entries.get(entry.id)
      if (current?.state !== 'queued') return false
      const profile = deps.findProfile(current.profileId)
      if (!profile) {
        await profileMissing(current)
        return false
      }
      // Its profile may have changed since it was queued (edited, or restored from an older copy):
      // a task it no longer allows waits for the profile to be put right, never refused for it.
      const refusal = wireRefusal(current, profile)
      if (refusal === null) return true
      await hold(current, 'profile_changed', msg('sendOutcome.held.profileChanged', { why: issueMessage(refusal) }))
      return false
    },
    onExpiringSoon: (entry) => deps.onExpiringSoon?.(entry, blockerOf(entry)),
    ...deps.dispatcher,
  })

  /**
   * Entries whose profile went missing are held; held ones whose profile is back go on, in their
   * lane afresh. Run at start and whenever the profiles change.
   */
  async function reconcileProfiles(): Promise<void> {
    const back = new Set<string>()
    for (const [profileId, lane] of [...unfinished]) {
      const profile = deps.findProfile(profileId)
      for (const entry of [...lane.values()]) {
        if (!profile && entry.state === 'queued') await profileMissing(entry)
        if (!profile || entry.state !== 'held') continue
        // Back, or put right: a task its profile allows again goes on (sent ones are checked again
        // right before the send anyway).
        const allowed =
          entry.hold === 'no_profile' || (entry.hold === 'profile_changed' && !wireRefusal(entry, profile))
        if (!allowed) continue
        await record({ t: 'requeued', id: entry.id, at: iso(), why: 'profile_back' })
        back.add(profileId)
      }
    }
    for (const profileId of back) {
      deps.logger.info('profile back: its held tasks go on', { profileId })
      await dispatcher.resetProfile(profileId)
    }
  }

  /** Why the entry's profile, as it is now, does not allow it (its wire request), or null. */
  function wireRefusal(entry: OutboxEntry, profile: Profile): string | null {
    const providerNow = new Date(clock.now().getTime() + (deps.skew?.offsetMs(profile.id) ?? 0))
    const wire = toWireRequest(entry.intent, profile, providerNow)
    return 'error' in wire ? wire.error.message : null
  }

  /**
   * After a restart, an entry queued "later" than the wall clock now means the clock was set back
   * meanwhile: how long the entry has really waited cannot be told, so the agent is asked first.
   */
  async function holdIfFromTheFuture(wallNow: number): Promise<void> {
    for (const lane of [...unfinished.values()]) {
      for (const entry of [...lane.values()]) {
        if (entry.state !== 'queued' || Date.parse(entry.createdAt) <= wallNow + CLOCK_TOLERANCE_MS) continue
        await hold(entry, 'clock_moved_back', msg('sendOutcome.held.clockMovedBack', { queuedAt: entry.createdAt }))
      }
    }
  }

  /** The row `item` made last, with what it was made of. */
  let lastRow: { entry: OutboxEntry; blocker: OutboxEntry | null; item: QueueItem } | null = null

  function find(id: string): OutboxEntry {
    const entry = entries.get(id)
    if (!entry) throw new AppError('not_found', msg('failure.taskGone'))
    return entry
  }

  return {
    /** Replay the journal, settle interrupted sends, then start sending. */
    async start(): Promise<{ entries: number; recovered: number; problems: string[]; skipped: ReplaySkips }> {
      const problems: string[] = []
      const unknownTasks = new Set<string>()
      const outOfStep = new Set<string>()
      for (const event of deps.log.replay()) {
        const result = applyEvent(entries, event)
        if (result.ok) index(result.entry)
        else {
          problems.push(result.problem)
          ;(result.unknownEntry ? unknownTasks : outOfStep).add(result.id)
        }
      }
      for (const entry of entries.values()) nextSeq = Math.max(nextSeq, entry.seq + 1)
      const skipped = { unknownTasks: [...unknownTasks], outOfStep: [...outOfStep] }
      // Shown only: nothing recovered, held or sent here.
      if (deps.readOnly) return { entries: entries.size, recovered: 0, problems, skipped }
      // Events that cannot be applied would be met again at every start: rewrite the log as the
      // state it gave (the original stays in the journal's quarantine copy, if it was damaged).
      if (problems.length && deps.log.compactNow) await deps.log.compactNow(snapshot)
      const lostChange = new Set([...outOfStep, ...(deps.log.lostChanges?.() ?? [])])
      const recovery = recoveryEvents(entries.values(), iso(), lostChange)
      for (const event of recovery) await record(event)
      await holdIfFromTheFuture(deps.clock.now().getTime())
      await reconcileProfiles()
      if (problems.length)
        deps.logger.warn('outbox replay skipped events', { count: problems.length, first: problems[0] })
      deps.logger.info('outbox started', { entries: entries.size, recovered: recovery.length })
      await dispatcher.start()
      return { entries: entries.size, recovered: recovery.length, problems, skipped }
    },

    /** Throws what `submit` would refuse the task with, and queues nothing. */
    async check(intent: TaskIntent): Promise<void> {
      await admit(intent)
    },

    /** Queue a task: refused here, with the field, when it cannot be sent as it is. */
    async submit(intent: TaskIntent): Promise<OutboxEntry> {
      const admitted = admitWritable(intent)
      const { profile, createdAt, deadline } = admitted instanceof Promise ? await admitted : admitted
      const id = deps.newId()
      const at = createdAt.toISOString()
      const entry: OutboxEntry = {
        id,
        seq: nextSeq++,
        version: 0,
        profileId: profile.id,
        provider: profile.provider,
        intent,
        idempotencyKey: id,
        scope: scopeFor(intent) ?? `${profile.id}:task:${id}`,
        createdAt: at,
        notAfter: deadline.notAfter.toISOString(),
        deadlineReason: deadline.reason,
        attempts: 0,
        state: 'queued',
        nextAttemptAt: null,
        lastProblem: null,
        providerId: null,
        dismissed: false,
        updatedAt: at,
      }
      let queued: OutboxEntry
      try {
        queued = await record({ t: 'queued', entry })
      } catch (error) {
        if (error instanceof QueueStoppedError) throw storageError(error.cause)
        throw error instanceof JournalRecordRejectedError ? unstorable(error) : error
      }
      deps.logger.info('task queued', { taskId: id, profileId: profile.id, kind: intent.kind })
      void dispatcher.wake(queued)
      return queued
    },

    list: (): OutboxEntry[] => [...entries.values()],
    /** The row for an entry, with the task it waits behind. */
    item(entry: OutboxEntry): QueueItem {
      const blocker = blockerOf(entry)
      // Entries are never changed in place (a change makes a new one), so a row made of the same
      // entry and blocker is the same row: a task queued is made one for its change event and
      // asked for again for the answer.
      if (lastRow?.entry === entry && lastRow.blocker === blocker) return lastRow.item
      const item = toQueueItem(entry, blocker)
      lastRow = { entry, blocker, item }
      return item
    },
    blockerOf,
    /** The profiles changed (saved, removed, restored, the settings file reloaded). */
    profilesChanged: () => reconcileProfiles(),
    /** Waiting and needs-attention figures, as the badge shows them. */
    counts: (): QueueCounts => ({ ...counts }),
    get: (id: string) => entries.get(id) ?? null,

    /**
     * "Retry now": a waiting entry goes now, and its lane probes even if it looked down. For an
     * entry held because the clock moved back, the agent's "send it" after checking the clock.
     */
    async retry(id: string): Promise<OutboxEntry> {
      const entry = find(id)
      if (entry.state === 'held' && entry.hold === 'clock_moved_back') {
        const next = await record({ t: 'requeued', id, at: iso(), why: 'confirmed' })
        void dispatcher.wake(next)
        return next
      }
      if (entry.state === 'held') {
        throw new AppError('conflict', msg('failure.heldForProfile'))
      }
      if (entry.state !== 'queued' && entry.state !== 'needs_auth') {
        throw new AppError('conflict', msg('failure.cannotRetry', { state: msg(`entryState.${entry.state}`) }))
      }
      const next = await record({ t: 'requeued', id, at: iso(), why: 'retry_now' })
      await dispatcher.resumeProfile(entry.profileId)
      void dispatcher.poke('retry pressed')
      return next
    },

    async cancel(id: string): Promise<OutboxEntry> {
      const entry = find(id)
      if (entry.state === 'sending') throw new AppError('conflict', msg('failure.sendingNow'))
      if (!['queued', 'needs_auth', 'needs_review', 'held'].includes(entry.state)) {
        throw new AppError('conflict', msg('failure.cannotCancel', { state: msg(`entryState.${entry.state}`) }))
      }
      const cancelled = await record({ t: 'cancelled', id, at: iso() })
      void dispatcher.wake(cancelled)
      return cancelled
    },

    /** The agent has seen a refused or expired task: it leaves the queue view. */
    async dismiss(id: string): Promise<OutboxEntry> {
      const entry = find(id)
      if (entry.state !== 'rejected' && entry.state !== 'expired') {
        throw new AppError('conflict', msg('failure.onlyDismiss'))
      }
      if (entry.dismissed) return entry
      return record({ t: 'dismissed', id, at: iso() })
    },

    /** The agent's answer to "it may have been created": send again, it exists, or drop it. */
    async resolve(id: string, action: ResolveAction): Promise<OutboxEntry> {
      const entry = find(id)
      if (entry.state !== 'needs_review') throw new AppError('conflict', msg('failure.notInReview'))
      if (action === 'cancel' || action === 'done') {
        const settled = await record(
          action === 'cancel' ? { t: 'cancelled', id, at: iso() } : { t: 'marked_done', id, at: iso() },
        )
        // The tasks of the same customer that waited behind it go on now.
        void dispatcher.wake(settled)
        return settled
      }
      const next = await record({ t: 'requeued', id, at: iso(), why: 'resend' })
      void dispatcher.wake(next)
      return next
    },

    /** The agent stored new credentials for a profile: entries waiting on them go again. */
    async credentialsChanged(profileId: string): Promise<void> {
      for (const entry of [...entries.values()]) {
        if (entry.profileId === profileId && entry.state === 'needs_auth') {
          await record({ t: 'requeued', id: entry.id, at: iso(), why: 'signed_in' })
        }
      }
      await dispatcher.resumeProfile(profileId)
    },

    poke: (reason: string) => dispatcher.poke(reason),
    /**
     * Rewrite the log now, once no change is being written (the snapshot must hold every append
     * made so far). For the crash harness, which kills the process in the middle of it.
     */
    async compactNow(): Promise<void> {
      while (appending > 0) await new Promise((resolve) => setImmediate(resolve))
      await deps.log.compactNow?.(snapshot)
    },
    /** Why the queue cannot be written (a full or read-only disk, a read-only view), or null. */
    storageProblem: (): Message | null => deps.readOnly ?? stopped?.message ?? null,
    /** Try to write again now (the agent freed space); true if the queue writes again. */
    retryStorage: () => tryToWriteAgain(),
    keychainAvailable: () => dispatcher.keychainAvailable(),
    pause: () => dispatcher.pause(),
    resume: () => dispatcher.resume(),
    isPaused: () => dispatcher.isPaused(),
    lanes: () => dispatcher.lanes(),
    idle: () => dispatcher.idle(),
    /** Requests on the wire now, every lane together. */
    sending: () => dispatcher.lanes().reduce((n, lane) => n + lane.inFlight, 0),
    /**
     * No send starts until releaseSends; resolves once every request on the wire has its answer,
     * journalled. An update's restart waits for this. The agent's own pause is a separate switch
     * and is left as it is.
     */
    async holdSends(): Promise<void> {
      dispatcher.stop()
      await dispatcher.idle()
    },
    releaseSends: () => void dispatcher.start(),
    stop: () => {
      halted = true
      if (storageTimer !== null) storageTimers.clearTimeout(storageTimer)
      dispatcher.stop()
    },
  }
}

export type Outbox = ReturnType<typeof createOutbox>
