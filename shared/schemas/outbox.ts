import { z } from 'zod'
import { TaskIntent, TaskKind } from './intents'
import { ProfileId, ProviderName } from './providers'
import { NetworkProblem } from './send-outcome'
import { Message, StoredMessage } from '../i18n/message'

// The durable outbox (design.md §4): every task is an entry that lives through these states.
// `queued → sending → sent | rejected | expired | needs_auth | needs_review | cancelled`; `retry`
// outcomes put it back to `queued` with a time for the next attempt. `held`: it waits, unsent, for
// something on this computer to be put right (its profile is missing, the clock moved back), and
// goes on once it is. An entry never holds a credential or token: auth is stamped by the provider
// client at send time.

export const EntryState = z.enum([
  'queued',
  'sending',
  'sent',
  'rejected',
  'expired',
  'needs_auth',
  'needs_review',
  'held',
  'cancelled',
])
export type EntryState = z.infer<typeof EntryState>

/**
 * Why a `held` entry waits: its profile cannot be found (the settings were damaged, or it was set
 * aside); its profile no longer allows it (edited, or restored from an older copy: an entry point
 * or ANI it names is gone); or this computer's clock is earlier than when it was queued, so how long
 * it has waited cannot be told and the agent is asked before it is sent.
 */
export const HoldReason = z.enum(['no_profile', 'profile_changed', 'clock_moved_back'])
export type HoldReason = z.infer<typeof HoldReason>

/** States the entry never leaves. */
export const TERMINAL_STATES: ReadonlySet<EntryState> = new Set(['sent', 'rejected', 'expired', 'cancelled'])

/**
 * In the queue view: everything not finished, and finished entries that went wrong and the agent
 * has not dismissed. Main lists the view by it and the window keeps its copy current by it.
 */
export function inQueueView(entry: Pick<OutboxEntry, 'state' | 'dismissed'>): boolean {
  return (
    !TERMINAL_STATES.has(entry.state) || ((entry.state === 'expired' || entry.state === 'rejected') && !entry.dismissed)
  )
}

const Instant = z.iso.datetime({ offset: true })

/**
 * The longest scope key an entry holds. Scopes are built from what the agent typed (a contact chain,
 * a customer lookup), so main derives them to fit (outbox/scope.ts) rather than trusting the text.
 */
export const SCOPE_MAX_CHARS = 300

export const EntryProblem = z
  .object({
    message: StoredMessage,
    providerMessage: z.string().nullable(),
    httpStatus: z.number().int().min(100).max(599).nullable(),
    /** Set when this computer's network stopped the last attempt (a proxy, a certificate): it waits for IT, not the provider. */
    network: NetworkProblem.optional(),
  })
  .strict()
export type EntryProblem = z.infer<typeof EntryProblem>

export const OutboxEntry = z
  .object({
    id: z.uuid(),
    /** Submission order, strictly increasing: two tasks queued in the same millisecond keep their order. */
    seq: z.int().nonnegative(),
    /** Bumped on every change, so a reader can tell the newer of two copies of an entry. */
    version: z.int().nonnegative(),
    profileId: ProfileId,
    provider: ProviderName,
    intent: TaskIntent,
    /** The same on every attempt: Connect ClientToken, the AICCS / voice task name; tracing only elsewhere. */
    idempotencyKey: z.string().min(1).max(200),
    /** Entries of one scope (one customer, one contact chain) are sent in the order they were queued. */
    scope: z.string().min(1).max(SCOPE_MAX_CHARS),
    createdAt: Instant,
    /** After this the entry is never sent: it is marked expired and the agent is told. */
    notAfter: Instant,
    /** What sets `notAfter`, in words, for the agent. */
    deadlineReason: StoredMessage,
    attempts: z.int().nonnegative(),
    state: EntryState,
    /** Set while the entry is `held`: what it waits for. */
    hold: HoldReason.optional(),
    /** When the next attempt may start (after a retry outcome), or null for "as soon as possible". */
    nextAttemptAt: Instant.nullable(),
    lastProblem: EntryProblem.nullable(),
    providerId: z.string().nullable(),
    /** A refused or expired task the agent has seen: it leaves the queue view (it stays in history). */
    dismissed: z.boolean(),
    updatedAt: Instant,
  })
  .strict()
export type OutboxEntry = z.infer<typeof OutboxEntry>

// ——— What the renderer sees of the queue ———

/** An entry without its full intent (a broadcast can carry 200,000 numbers): what a list row needs. */
export const QueueItem = OutboxEntry.omit({ intent: true, scope: true })
  .extend({
    kind: TaskKind,
    /**
     * Who or what the task is about, for the row: a number, a task name, "… · 2 numbers"; a message
     * (shared/providers/subject-kit.ts) the window renders in the agent's language when it draws the row.
     * Read leniently, as the entry's own messages are: a plain text is shown as it is.
     */
    subject: StoredMessage,
    /**
     * The earlier unfinished task of the same customer or contact chain this one waits behind
     * (tasks of one scope go out in order), or null when nothing holds it.
     */
    waitingBehind: z.object({ id: z.uuid(), subject: StoredMessage, state: EntryState }).strict().nullable(),
    /**
     * When a task scheduled for later is meant to happen, and the customer's time zone when the agent
     * chose one, so a list can show it in both zones. Absent for tasks that go out at once.
     */
    scheduled: z
      .object({ at: Instant, timeZone: z.string().min(1).optional() })
      .strict()
      .optional(),
  })
  .strict()
export type QueueItem = z.infer<typeof QueueItem>

export const QueueCounts = z
  .object({
    /** Queued or being sent. */
    waiting: z.int().nonnegative(),
    /** Waiting for the agent: sign in, review, or shown because it expired or was refused. */
    attention: z.int().nonnegative(),
  })
  .strict()
export type QueueCounts = z.infer<typeof QueueCounts>

/**
 * What the dispatcher knows about a provider profile's reachability, decided by real requests to
 * it, never by the OS: `offline` (nothing reached it), `down` (it answered 5xx or nothing in time),
 * `rate_limited` (it asked us to wait), `needs_auth` (its credentials were refused: the lane waits
 * for the agent). OS signals only make an offline or down lane try its next request now.
 */
export const LaneHealth = z.enum(['unknown', 'online', 'offline', 'down', 'rate_limited', 'needs_auth'])
export type LaneHealth = z.infer<typeof LaneHealth>

export const LaneStatus = z
  .object({
    profileId: ProfileId,
    provider: ProviderName,
    health: LaneHealth,
    /** Wall-clock time before which the lane sends nothing, or null. */
    blockedUntil: Instant.nullable(),
    inFlight: z.int().nonnegative(),
    /** The provider's clock minus this computer's (ms), learned from its answers; null before. */
    clockSkewMs: z.int().nullable(),
  })
  .strict()
export type LaneStatus = z.infer<typeof LaneStatus>

export const QueueSnapshot = z
  .object({
    /** Entries not yet finished, and finished ones that still want the agent's eye. */
    items: z.array(QueueItem),
    counts: QueueCounts,
    paused: z.boolean(),
    lanes: z.array(LaneStatus),
    /** Something the agent should know about the queue file (it was damaged and set aside, say). */
    notice: z.array(Message).max(20).nullable(),
    /** Why the queue cannot take tasks at all (another Callboard holds it), or null. */
    unavailable: Message.nullable(),
    /**
     * Why the queue cannot be written now (a full or read-only disk; or this Callboard may only show
     * it), or null. Queued tasks are listed and kept; new ones are refused until it writes again.
     */
    stopped: Message.nullable(),
  })
  .strict()
export type QueueSnapshot = z.infer<typeof QueueSnapshot>

/** The queue stopped taking writes, or started again (`stopped: null`). */
export const QueueStopped = z.object({ stopped: Message.nullable() }).strict()

export const TaskRef = z.object({ taskId: z.uuid() }).strict()

/** The agent's answer to "it may have been created": send it again (it may be created twice), say it exists, or drop it. */
export const ResolveAction = z.enum(['resend', 'done', 'cancel'])
export type ResolveAction = z.infer<typeof ResolveAction>

export const ResolveReview = z.object({ taskId: z.uuid(), action: ResolveAction }).strict()

export const HistoryQuery = z
  .object({
    /** Matched against the subject, the provider id and the profile label, case-insensitively. */
    search: z.string().trim().max(200).optional(),
    provider: ProviderName.optional(),
    states: z.array(EntryState).max(8).optional(),
    limit: z.int().min(1).max(1000).optional(),
    /** How many matching tasks (newest first) to skip: the page of a long list to show. */
    offset: z.int().min(0).optional(),
  })
  .strict()
export type HistoryQuery = z.infer<typeof HistoryQuery>

export const QueueChanged = z.object({ item: QueueItem, counts: QueueCounts, lanes: z.array(LaneStatus) }).strict()
