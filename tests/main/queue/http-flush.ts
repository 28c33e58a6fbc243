// Q5 against the real provider simulators: the real outbox (dispatcher, task sender, the five
// provider clients, token cache) flushes a backlog over real loopback HTTP to the five simulators,
// each enforcing its own rate limit. Violations are counted by the simulators themselves (their
// ledgers' rate-limited verdicts), and the rate used is measured from the times the simulators
// accepted each create request — not from anything the outbox says about itself.
// The virtual-time model of the same claim is flush-rate.test.ts. The checks are in
// flush-simulators.test.ts; the rate used, a measurement of this machine, is a bench figure.
//
// Scaling (so the file runs in well under 40 s on a 2-core machine while every lane is still
// rate-bound for ~15 s (Webex ~20 s) with a backlog the whole time):
//   provider          real limit                     scaled limit here            backlog
//   Webex             300 / 60 s sliding window      160 / 10 s sliding window     480  (3 windows)
//   eGain             1 request at a time per user   1 at a time, 3 ms handling   900
//   Amazon Connect    bucket 2/s, burst 5            bucket 20/s, burst 5          305  (5 + 20 × 15 s)
//   Alibaba AICCS     bucket 20/s, burst 20          bucket 30/s, burst 10         460  (10 + 30 × 15 s)
//   voice broadcast   (none published)               bucket 25/s, burst 5          380  (5 + 25 × 15 s)
// 2,525 tasks in all. The outbox's lanes get exactly the limits the simulators enforce (as
// each provider's laneLimits (providers/<name>/index.ts) mirror the published ones), so any jitter between the lane's own limiter and
// the provider's shows up as a 429 in the simulator's ledger.
// A window limit costs the lane one round trip per window (it counts a request until its answer);
// Webex's real window is 60 s, so the scaled one is kept at 10 s: at 2 s, round trips of a loaded CI
// machine (~300 ms) took 13% of each window, and at 5 s a full local run's (up to ~700 ms) took over
// 10%, a cost the real provider's limit would not show (at 60 s a 700 ms round trip is about 1%).
import { randomUUID } from 'node:crypto'
import type { ProviderSecret } from '../../../shared/schemas/credentials'
import type { TaskIntent } from '../../../shared/schemas/intents'
import type { OutboxEntry } from '../../../shared/schemas/outbox'
import type { Profile } from '../../../shared/schemas/profiles'
import type { ProviderName } from '../../../shared/schemas/providers'
import { sampleTasks } from '../../../shared/providers/registry'
import { DEFAULT_DEADLINES } from '../../../electron/main/outbox/deadlines'
import type { LaneLimits } from '../../../electron/main/providers/provider-module'
import { createOutbox, type Outbox } from '../../../electron/main/outbox/outbox'
import { aiccsTaskName } from '../../../electron/main/providers/aiccs/aiccs-client'
import { voiceBroadcastTaskName } from '../../../electron/main/providers/voice-broadcast/voice-broadcast-client'
import { webexTrackingId } from '../../../electron/main/providers/webex/webex-client'
import type { SandboxSecrets } from '../simulators'
import { SANDBOX_CONNECT_INSTANCE, sandboxEgainClientId, sandboxProfiles } from '../simulators'
import { memorySecretStore } from '../../../electron/main/secrets/memory-secret-store'
import { systemClock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import type { RateLimit } from '../../../electron/main/core/rate-limit'
import { createTaskSender } from '../../../electron/main/providers/task-sender'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import { startSimulator } from '../simulators'
import { newSecrets, type Sims } from '../crash/harness'
import { memoryLog } from './memory-log'

export const PROVIDERS: ProviderName[] = ['webex', 'egain', 'connect', 'aiccs', 'voice_broadcast']
export type Rated = Exclude<ProviderName, 'egain'>
export const RATED: Rated[] = ['webex', 'connect', 'aiccs', 'voice_broadcast']

/** The scaled limits: the simulators enforce these, the lanes keep to the same figures. */
export const SIM_LIMITS: Record<ProviderName, RateLimit | null> = {
  webex: { kind: 'window', max: 160, windowMs: 10_000 },
  egain: null,
  connect: { kind: 'bucket', perSecond: 20, burst: 5 },
  aiccs: { kind: 'bucket', perSecond: 30, burst: 10 },
  voice_broadcast: { kind: 'bucket', perSecond: 25, burst: 5 },
}
export const LANE_LIMITS: Record<ProviderName, LaneLimits> = {
  webex: { rate: SIM_LIMITS.webex, concurrency: 4 },
  egain: { rate: null, concurrency: 1 },
  connect: { rate: SIM_LIMITS.connect, concurrency: 2 },
  aiccs: { rate: SIM_LIMITS.aiccs, concurrency: 2 },
  voice_broadcast: { rate: SIM_LIMITS.voice_broadcast, concurrency: 2 },
}
export const BACKLOG: Record<ProviderName, number> = {
  webex: 480,
  egain: 900,
  connect: 305,
  aiccs: 460,
  voice_broadcast: 380,
}
/** eGain's time per create: a second create from the same user meanwhile is refused (429-100). */
const EGAIN_HANDLING_MS = 3

const DAY = 24 * 3_600_000
const quiet = createLogger(() => undefined, systemClock)

// ——— The simulators, with a timestamp on every ledger line ———

/**
 * When each ledger line was written, by the simulator's own push (the same tick its limiter judged
 * the request in). The simulators keep no times, so their ledger arrays' `push` is wrapped.
 */
function stampPushes<T extends object>(list: T[]): Map<T, number> {
  const at = new Map<T, number>()
  const push = list.push.bind(list)
  list.push = (...items: T[]) => {
    const now = Date.now()
    for (const item of items) at.set(item, now)
    return push(...items)
  }
  return at
}

export interface Ledger {
  /** Create requests the simulator accepted (created something), with the simulator's time. */
  accepted: number[]
  /** Create requests the simulator refused for its rate limit (or, eGain, one-at-a-time), with time. */
  limited: { at: number; verdict: string }[]
}

export interface Running {
  sims: Sims
  secrets: SandboxSecrets
  profiles: { [P in ProviderName]: Profile & { provider: P } }
  ledger: () => Record<ProviderName, Ledger>
  createdTimes: () => Record<ProviderName, Map<string, number>>
  close: () => Promise<void>
}

async function startSims(limits: Record<ProviderName, RateLimit | null>): Promise<Running> {
  const secrets = newSecrets()
  const sims: Sims = {
    webex: await startSimulator('webex', { ...secrets.webex, rateLimit: limits.webex, rotateRefreshToken: false }),
    egain: await startSimulator('egain', {
      clientId: sandboxEgainClientId,
      clientSecret: secrets.egain.clientSecret,
      rateLimit: limits.egain,
      handlingMs: EGAIN_HANDLING_MS,
    }),
    connect: await startSimulator('connect', {
      accessKeyId: secrets.connect.accessKeyId,
      secretAccessKey: secrets.connect.secretAccessKey,
      region: 'us-east-1',
      instances: [{ id: SANDBOX_CONNECT_INSTANCE, alias: 'callboard-q5' }],
      rateLimit: limits.connect,
    }),
    aiccs: await startSimulator('aiccs', { ...secrets.aiccs, rateLimit: limits.aiccs }),
    voice_broadcast: await startSimulator('voice_broadcast', {
      ...secrets.voice_broadcast,
      rateLimit: limits.voice_broadcast,
    }),
  }
  /** When each task was created, by the provider's own record of it (keyed as the provider keys it). */
  const created = {
    webex: [stampPushes(sims.webex.tasks), stampPushes(sims.webex.callbacks)] as const,
    egain: stampPushes(sims.egain.activities),
    connect: stampPushes(sims.connect.tasks),
    aiccs: stampPushes(sims.aiccs.tasks),
    voice_broadcast: stampPushes(sims.voice_broadcast.tasks),
  }
  const times = {
    webex: stampPushes(sims.webex.ledger),
    egain: stampPushes(sims.egain.requests),
    connect: stampPushes(sims.connect.requests),
    aiccs: stampPushes(sims.aiccs.requests),
    voice_broadcast: stampPushes(sims.voice_broadcast.ledger),
  }
  const profiles = sandboxProfiles(
    {
      webex: { url: sims.webex.url, identityUrl: sims.webex.identityUrl, orgId: sims.webex.orgId },
      egain: { url: sims.egain.url, tokenUrl: sims.egain.tokenUrl },
      aiccs: { host: sims.aiccs.host },
      voice_broadcast: { url: sims.voice_broadcast.url },
    },
    secrets,
  )

  /** Each simulator's own words for "created" and "refused for the rate", read from its ledger. */
  const ledger = (): Record<ProviderName, Ledger> => {
    const read = <T extends object>(
      at: Map<T, number>,
      list: T[],
      isCreate: (line: T) => boolean,
      verdictOf: (line: T) => string,
      created: string,
      limited: string[],
    ): Ledger => {
      const out: Ledger = { accepted: [], limited: [] }
      for (const line of list) {
        if (!isCreate(line)) continue
        const verdict = verdictOf(line)
        const time = at.get(line)!
        if (verdict === created) out.accepted.push(time)
        else if (limited.includes(verdict)) out.limited.push({ at: time, verdict })
      }
      return out
    }
    return {
      webex: read(
        times.webex,
        sims.webex.ledger,
        (l) => l.path !== '/v1/access_token' && l.path !== '/v1/people/me',
        (l) => l.verdict,
        'created',
        ['rate_limited'],
      ),
      egain: read(
        times.egain,
        sims.egain.requests,
        () => true,
        (l) => l.verdict,
        'created',
        ['rate_limited', 'busy'],
      ),
      connect: read(
        times.connect,
        sims.connect.requests,
        (l) => l.operation === 'StartTaskContact',
        (l) => (l.verdict === 'ok' && l.status === 200 ? 'created' : l.verdict),
        'created',
        ['throttled'],
      ),
      aiccs: read(
        times.aiccs,
        sims.aiccs.requests,
        (l) => l.action === 'CreateAiCallTask',
        (l) => l.verdict,
        'created',
        ['throttled'],
      ),
      voice_broadcast: read(
        times.voice_broadcast,
        sims.voice_broadcast.ledger,
        (l) => /\/voice\/group\/call\/send$/.test(l.path),
        (l) => l.verdict,
        'created',
        ['rate_limited'],
      ),
    }
  }
  /** Provider key of an entry's task → when the simulator created it. */
  const createdTimes = (): Record<ProviderName, Map<string, number>> => {
    const by = <T extends object>(at: Map<T, number>, key: (t: T) => string | null) =>
      new Map([...at].flatMap(([t, time]) => (key(t) === null ? [] : [[key(t)!, time] as const])))
    return {
      webex: new Map([...by(created.webex[0], (t) => t.trackingId), ...by(created.webex[1], (t) => t.trackingId)]),
      egain: by(created.egain, (a) => (a.body as { subject?: string }).subject ?? null),
      connect: by(created.connect, (t) => t.clientToken),
      aiccs: by(created.aiccs, (t) => t.taskName),
      voice_broadcast: by(created.voice_broadcast, (t) => t.taskName),
    }
  }
  return {
    sims,
    secrets,
    profiles,
    ledger,
    createdTimes,
    close: async () => {
      await Promise.all(Object.values(sims).map((s) => s.close()))
    },
  }
}

// ——— The real outbox, as tests/main/crash/queue-child.ts builds it, on an in-memory log ———

export interface Attempt {
  /** When our side called the provider: right after the lane took the allowance and marked it sending. */
  calledAt: number
  answeredAt: number
  /** `sent`, `retry_<status>`, … */
  outcome: string
  /** The wait the answer asked for (Retry-After), for a retry. */
  delayMs: number | null
}

export interface Harness {
  outbox: Outbox
  /** Outcomes our side saw, by kind (a `retry` here is a 429 or other refusal the lane met). */
  outcomes: Record<string, number>
  /** Every attempt, by entry id: when our side called the provider, and what it made of the answer. */
  attempts: Map<string, Attempt[]>
  /** Resolves when every entry is sent; rejects as soon as one ends any other way. */
  allSent: (count: number, timeoutMs: number) => Promise<void>
}

function buildOutbox(run: Running, limitsFor: (provider: ProviderName) => LaneLimits): Harness {
  const clock = systemClock
  const profiles = new Map<string, Profile>(Object.values(run.profiles).map((p) => [p.id, p]))
  const secrets = Object.fromEntries(
    Object.values(run.profiles).map((p) => [p.id, run.secrets[p.provider] as ProviderSecret]),
  )
  const limit = { timeoutMs: 10_000 }
  const tokens = createTokenCache({ secrets: memorySecretStore(), clock, logger: quiet })
  const sendTask = createTaskSender({
    findProfile: (id) => profiles.get(id),
    credentials: {
      status: async (profileId) => ({ profileId, state: secrets[profileId] ? 'stored' : 'missing', hint: null }),
      read: async (profileId) => secrets[profileId] ?? null,
    },
    tokensFor: () => tokens,
    clientEnv: () => limit,
    // Only Connect is reached through an endpoint override; the others' profiles carry their address.
    endpointFor: () => run.sims.connect.url,
    clock,
    fetch,
    logger: quiet,
  })
  const outcomes: Record<string, number> = {}
  const attempts: Harness['attempts'] = new Map()
  let sent = 0
  let target = Infinity
  let settle: { resolve: () => void; reject: (error: Error) => void } | null = null
  const outbox = createOutbox({
    log: memoryLog(),
    clock,
    logger: quiet,
    newId: randomUUID,
    findProfile: (id) => profiles.get(id),
    send: async (entry) => {
      // The lane has just taken this request's allowance from its limiter (and marked it sending).
      const calledAt = Date.now()
      const outcome = await sendTask({ taskId: entry.id, intent: entry.intent, idempotencyKey: entry.idempotencyKey })
      const key = outcome.kind === 'retry' ? `retry_${outcome.httpStatus}` : outcome.kind
      outcomes[key] = (outcomes[key] ?? 0) + 1
      const attempt: Attempt = {
        calledAt,
        answeredAt: Date.now(),
        outcome: key,
        delayMs: outcome.kind === 'retry' ? (outcome.delayMs ?? null) : null,
      }
      attempts.set(entry.id, [...(attempts.get(entry.id) ?? []), attempt])
      return outcome
    },
    onChanged: (entry: OutboxEntry) => {
      if (entry.state === 'sent') {
        sent += 1
        if (sent >= target) settle?.resolve()
      } else if (entry.state !== 'queued' && entry.state !== 'sending') {
        settle?.reject(
          new Error(`entry ${entry.id} (${entry.provider}) ended ${entry.state}: ${JSON.stringify(entry.lastProblem)}`),
        )
      }
    },
    limitsFor,
    // No deadline passes during a run (as in queue-child).
    deadlines: { ...DEFAULT_DEADLINES, outdialMs: DAY, callbackNowMs: DAY, broadcastNowMs: DAY, followUpMs: 7 * DAY },
    dispatcher: { backoff: { baseMs: 20, capMs: 200 }, tickMs: 200 },
  })
  return {
    outbox,
    outcomes,
    attempts,
    allSent: (count, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        target = count
        const timer = setTimeout(
          () => reject(new Error(`only ${sent} of ${count} sent after ${timeoutMs} ms`)),
          timeoutMs,
        )
        settle = {
          resolve: () => (clearTimeout(timer), resolve()),
          reject: (error) => (clearTimeout(timer), reject(error)),
        }
        if (sent >= count) settle.resolve()
      }),
  }
}

// ——— The tasks: the sandbox samples, made unique in everything that scopes them ———

function makeTask(profiles: Running['profiles'], provider: ProviderName, n: number): TaskIntent {
  const sample = <P extends ProviderName>(p: P, id: string) => {
    const found = sampleTasks(profiles[p], new Date(), 'Europe/Madrid').find((s) => s.id === id)
    if (!found) throw new Error(`no sample ${id} for ${p}`)
    return found.intent
  }
  const tag = `Q5-${provider}-${n}`
  const number = `+1415${String(n).padStart(7, '0')}`
  switch (provider) {
    case 'webex':
      // Outdials and immediate callbacks alternate: both count against the same limit.
      return n % 2 === 0
        ? { ...(sample('webex', 'outdial') as Extract<TaskIntent, { kind: 'outdial' }>), destination: number }
        : {
            ...(sample('webex', 'callback-now') as Extract<TaskIntent, { kind: 'callback'; provider: 'webex' }>),
            destination: number,
            customerName: tag,
          }
    case 'egain': {
      const base = sample('egain', 'follow-up') as Extract<TaskIntent, { kind: 'followUp'; provider: 'egain' }>
      return { ...base, subject: tag, lookup: { attribute: base.lookup.attribute, value: `q5-${n}@example.com` } }
    }
    case 'connect':
      return {
        ...(sample('connect', 'follow-up') as Extract<TaskIntent, { kind: 'followUp'; provider: 'connect' }>),
        name: tag,
      }
    case 'aiccs':
      return {
        ...(sample('aiccs', 'broadcast') as Extract<TaskIntent, { kind: 'broadcast'; provider: 'aiccs' }>),
        taskName: tag,
      }
    case 'voice_broadcast':
      return {
        ...(sample('voice_broadcast', 'broadcast') as Extract<
          TaskIntent,
          { kind: 'broadcast'; provider: 'voice_broadcast' }
        >),
        taskName: tag,
      }
  }
}

// ——— Exactly once, by each provider's own record ———

/** How the provider itself names an entry's task: the key its ledger can be searched by. */
export function providerKey(entry: OutboxEntry): string {
  const intent = entry.intent
  switch (entry.provider) {
    case 'webex':
      return webexTrackingId(entry.idempotencyKey)
    case 'egain':
      return 'subject' in intent ? String(intent.subject) : ''
    case 'connect':
      return entry.idempotencyKey
    case 'aiccs':
      return aiccsTaskName(entry.idempotencyKey, 'taskName' in intent ? intent.taskName : undefined) ?? ''
    case 'voice_broadcast':
      return voiceBroadcastTaskName('taskName' in intent ? intent.taskName : '', entry.idempotencyKey)
  }
}

/** Per provider: tasks the simulator holds, and how many of our entries it holds other than once. */
export function exactlyOnce(
  sims: Sims,
  entries: OutboxEntry[],
): Record<ProviderName, { held: number; notOnce: number }> {
  const count = (keys: (string | null)[]) => {
    const seen = new Map<string, number>()
    for (const key of keys) if (key !== null) seen.set(key, (seen.get(key) ?? 0) + 1)
    return seen
  }
  const created: Record<ProviderName, Map<string, number>> = {
    webex: count([...sims.webex.tasks, ...sims.webex.callbacks].map((t) => t.trackingId)),
    egain: count(sims.egain.activities.map((a) => (a.body as { subject?: string }).subject ?? null)),
    // Connect's own effects ledger counts creations per ClientToken, resends included.
    connect: sims.connect.effects,
    aiccs: count(sims.aiccs.tasks.map((t) => t.taskName)),
    voice_broadcast: sims.voice_broadcast.effects,
  }
  const held: Record<ProviderName, number> = {
    webex: sims.webex.tasks.length + sims.webex.callbacks.length,
    egain: sims.egain.activities.length,
    connect: sims.connect.tasks.length,
    aiccs: sims.aiccs.tasks.length,
    voice_broadcast: sims.voice_broadcast.tasks.length,
  }
  const out = Object.fromEntries(PROVIDERS.map((p) => [p, { held: held[p], notOnce: 0 }])) as Record<
    ProviderName,
    { held: number; notOnce: number }
  >
  for (const entry of entries)
    if ((created[entry.provider].get(providerKey(entry)) ?? 0) !== 1) out[entry.provider].notOnce += 1
  return out
}

/**
 * Accepted requests over what the limit allows from the first accepted to the last: the initial
 * allowance (a window's worth, or the burst) plus the steady rate over the span. The ideal sender
 * (everything allowed at once, then exactly at the rate) scores 1.
 */
export function utilization(limit: RateLimit, accepted: number[]): { ratio: number; spanMs: number; allowed: number } {
  const sorted = [...accepted].sort((a, b) => a - b)
  const spanMs = sorted.at(-1)! - sorted[0]!
  const allowed =
    limit.kind === 'window'
      ? limit.max + (limit.max * spanMs) / limit.windowMs
      : limit.burst + (limit.perSecond * spanMs) / 1000
  return { ratio: sorted.length / allowed, spanMs, allowed }
}

/** The least time the limit needs for `n` requests (the ideal sender's span), in ms. */
export function idealSpanMs(limit: RateLimit, n: number): number {
  if (limit.kind === 'window') return Math.max(0, Math.ceil(n / limit.max) - 1) * limit.windowMs
  return (Math.max(0, n - limit.burst) / limit.perSecond) * 1000
}

/** Sorted quantiles of a list of numbers (ms). */
export function spread(values: number[]): { min: number; p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b)
  const q = (f: number) => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))]!
  return { min: sorted[0]!, p50: q(0.5), p99: q(0.99), max: sorted.at(-1)! }
}

/**
 * Why a simulator refused: for each request it refused for the rate (the first few), the request
 * the limit judged it against — for a window, the oldest of the `max` accepted before it; for a
 * bucket, the last accepted before it — and the two gaps between them: as our lane spaced them
 * (when it called the provider, right after taking the allowance) and as the provider saw them.
 * Our refused attempts are paired with the simulator's refusals in time order.
 */
export function explainRefusals(
  provider: ProviderName,
  limit: RateLimit,
  ledger: Ledger,
  accepted: { calledAt: number; simAt: number }[],
  refusedCalls: number[],
  first = 3,
): string[] {
  const byArrival = [...accepted].sort((a, b) => a.simAt - b.simAt)
  const refusedAt = ledger.limited.map((l) => l.at).sort((a, b) => a - b)
  const calls = [...refusedCalls].sort((a, b) => a - b)
  return refusedAt.slice(0, first).map((at, i) => {
    const before = byArrival.filter((a) => a.simAt <= at)
    const reference = limit.kind === 'window' ? before.at(-limit.max) : before.at(-1)
    const called = calls[i]
    if (!reference || called === undefined) return `${provider}: refusal at +${at} unexplained`
    return (
      `${provider}: refused a request our lane sent ${called - reference.calledAt} ms after the ` +
      `${limit.kind === 'window' ? `${limit.max}th-last` : 'last'} accepted one; the simulator saw them ` +
      `${at - reference.simAt} ms apart (that one took ${reference.simAt - reference.calledAt} ms to arrive, ` +
      `the refused one ${at - called} ms)`
    )
  })
}

/**
 * Calls a lane made while a Retry-After it had been given was still running: for every answer that
 * asked for a wait, any call on the same lane after that answer came back (1 ms of slack for the
 * clock's resolution) and before the wait was over.
 */
export function retryAfterBreaches(attempts: Attempt[]): string[] {
  const waits = attempts.filter((a) => a.delayMs !== null)
  const breaches: string[] = []
  for (const wait of waits) {
    for (const call of attempts) {
      if (call.calledAt > wait.answeredAt + 1 && call.calledAt < wait.answeredAt + wait.delayMs!) {
        // Which answers came back between the wait and the call (requests already in flight)?
        const between = attempts
          .filter((a) => a !== wait && a.answeredAt >= wait.answeredAt && a.answeredAt <= call.calledAt)
          .map((a) => `${a.outcome} answered ${a.answeredAt - wait.answeredAt} ms after it`)
        breaches.push(
          `called ${call.calledAt - wait.answeredAt} ms into a ${wait.delayMs} ms Retry-After` +
            (between.length ? ` (${between.join(', ')})` : ''),
        )
      }
    }
  }
  return breaches
}

/** One flush: the simulators' ledgers and our attempts, kept after the simulators are closed. */
export interface Flush {
  run: Running
  h: Harness
  entries: OutboxEntry[]
  ledger: Record<ProviderName, Ledger>
  resumedAt: number
  wallMs: number
  submitMs: number
}

/** Start the simulators and the outbox, queue `backlog` while paused, resume, wait for every send. */
export async function flush(
  backlog: Partial<Record<ProviderName, number>>,
  limitsFor: (provider: ProviderName) => LaneLimits,
): Promise<Flush> {
  const run = await startSims(SIM_LIMITS)
  const h = buildOutbox(run, limitsFor)
  try {
    h.outbox.pause()
    await h.outbox.start()
    const providers = PROVIDERS.filter((p) => (backlog[p] ?? 0) > 0)
    const total = providers.reduce((sum, p) => sum + backlog[p]!, 0)
    const submitStart = performance.now()
    // Interleaved, as an agent's queue would be.
    const longest = Math.max(...providers.map((p) => backlog[p]!))
    for (let n = 0; n < longest; n++) {
      for (const p of providers) if (n < backlog[p]!) await h.outbox.submit(makeTask(run.profiles, p, n))
    }
    const submitMs = performance.now() - submitStart
    const sent = h.allSent(total, 200_000)
    const resumedAt = Date.now()
    await h.outbox.resume()
    await sent
    const wallMs = Date.now() - resumedAt
    return { run, h, entries: h.outbox.list(), ledger: run.ledger(), resumedAt, wallMs, submitMs }
  } finally {
    h.outbox.stop()
    await h.outbox.idle()
    await run.close()
  }
}
