// The crash harness's child (Q1): the real journal, outbox, task sender and provider clients, sending
// to the simulators the parent runs. Bundled once by the parent (esbuild) and started with plain
// `node`, so a restart costs a process start, not a TypeScript compile.
//
// Protocol (one line each, stdout written with writeSync so a line written before a SIGKILL arrives):
// - the parent sends `open <ChildConfig JSON>` first: the child loads everything before that, so the
//   parent can start the next child while the current one still runs (a warm spare); the config
//   also carries the named crash point, if any;
// - the child opens the journal, runs recovery and says `started <entries> <recovered>`;
// - run mode: `submit <{"tag","intent"} JSON>` → `ack <tag> <entry id>` once `submit` resolved (the
//   entry is durable), or `nack <tag> <message>`; `compact` rewrites the journal once sends are
//   answered;
// - drain mode: waits until no entry is queued or sending, then `final <entries JSON>` and exits 0.
import { randomUUID } from 'node:crypto'
import { writeSync } from 'node:fs'
import { createInterface } from 'node:readline'
import type { ProviderSecret } from '@shared/schemas/credentials'
import type { TaskIntent } from '@shared/schemas/intents'
import type { Profile } from '@shared/schemas/profiles'
import type { DeadlinePolicy } from '../../../electron/main/outbox/deadlines'
import { DEFAULT_DEADLINES } from '../../../electron/main/outbox/deadlines'
import { createOutbox } from '../../../electron/main/outbox/outbox'
import { openOutboxLog } from '../../../electron/main/outbox/outbox-log'
import { createAiccsClient } from '../../../electron/main/providers/aiccs/aiccs-client'
import { createConnectClient } from '../../../electron/main/providers/connect/connect-client'
import { createEgainClient } from '../../../electron/main/providers/egain/egain-client'
import { createVoiceBroadcastClient } from '../../../electron/main/providers/voice-broadcast/voice-broadcast-client'
import { createWebexClient } from '../../../electron/main/providers/webex/webex-client'
import { memorySecretStore } from '../../../electron/main/secrets/memory-secret-store'
import { systemClock } from '../../../electron/main/services/clock'
import { createLogger } from '../../../electron/main/services/logger'
import type { ProviderClients } from '../../../electron/main/services/task-sender'
import { attemptOf, createTaskSender } from '../../../electron/main/services/task-sender'
import { createTokenCache } from '../../../electron/main/services/token-cache'

export interface ChildConfig {
  mode: 'run' | 'drain'
  /** The outbox folder (journal and lock). */
  dir: string
  profiles: Profile[]
  /** By profile id; held in memory only, as the sandbox does. */
  secrets: Record<string, ProviderSecret>
  /** Where the Connect client sends (the SDK's endpoint override). */
  connectEndpoint: string
  /** Journal compaction floor, small so compaction happens (and can be interrupted). */
  compactMinBytes: number
  /** Drain mode gives up after this long and reports what is left. */
  drainTimeoutMs: number
  /**
   * The named crash point for this run, set as `CALLBOARD_CRASH_AT`/`CALLBOARD_CRASH_HIT` before
   * anything runs (`crashPoint` reads them when reached), so a warm spare can take any round.
   */
  crash?: { at: string; hit: number }
  /**
   * Deadlines instead of the harness's day-long ones (the soak gives outdials and callbacks a few
   * seconds, so tasks expire while children die and restart, and "never sent late" is tested).
   */
  deadlines?: Partial<DeadlinePolicy>
}

export interface ChildCommand {
  tag: string
  intent: TaskIntent
}

const say = (line: string) => writeSync(1, `${line}\n`)
const DAY = 24 * 3_600_000

async function run(config: ChildConfig, lines: AsyncIterator<string>): Promise<void> {
  if (config.crash) {
    process.env['CALLBOARD_CRASH_AT'] = config.crash.at
    process.env['CALLBOARD_CRASH_HIT'] = String(config.crash.hit)
  }
  const clock = systemClock
  const debug = process.env['CALLBOARD_CRASH_DEBUG'] === '1'
  const logger = createLogger((line) => (debug ? writeSync(2, `${line}\n`) : undefined), clock)
  const profiles = new Map(config.profiles.map((p) => [p.id, p]))
  const log = await openOutboxLog({ dir: config.dir, clock, logger, compactMinBytes: config.compactMinBytes })
  const limit = { timeoutMs: 10_000 }
  const clients: ProviderClients = {
    webex: createWebexClient(limit),
    egain: createEgainClient(limit),
    connect: createConnectClient({ ...limit, endpointFor: () => config.connectEndpoint }),
    aiccs: createAiccsClient(limit),
    voice_broadcast: createVoiceBroadcastClient(limit),
  }
  const tokens = createTokenCache({ secrets: memorySecretStore(), clock, logger })
  const sendTask = createTaskSender({
    findProfile: (id) => profiles.get(id),
    credentials: {
      status: async (profileId) => ({ profileId, state: config.secrets[profileId] ? 'stored' : 'missing', hint: null }),
      read: async (profileId) => config.secrets[profileId] ?? null,
    },
    tokensFor: () => tokens,
    clientsFor: () => clients,
    clock,
    fetch,
    logger,
  })
  const outbox = createOutbox({
    log,
    clock,
    logger,
    newId: randomUUID,
    findProfile: (id) => profiles.get(id),
    // As the app wires it: the deadline is checked again right before the request leaves.
    send: (entry) => sendTask(attemptOf(entry)),
    onChanged: () => undefined,
    // No provider limit gets in the way, and no deadline passes during a run (unless the soak sets them).
    limitsFor: () => ({ rate: null, concurrency: 4 }),
    deadlines: {
      ...DEFAULT_DEADLINES,
      outdialMs: DAY,
      callbackNowMs: DAY,
      broadcastNowMs: DAY,
      followUpMs: 7 * DAY,
      ...config.deadlines,
    },
    dispatcher: { backoff: { baseMs: 20, capMs: 200 }, tickMs: 200 },
  })
  const started = await outbox.start()
  say(`started ${started.entries} ${started.recovered}`)

  if (config.mode === 'drain') {
    const end = Date.now() + config.drainTimeoutMs
    const busy = () => outbox.list().filter((e) => e.state === 'queued' || e.state === 'sending')
    while (busy().length > 0 && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 10))
    outbox.stop()
    await outbox.idle()
    say(`final ${JSON.stringify(outbox.list())}`)
    await log.close()
    process.exit(0)
  }

  for (;;) {
    const next = await lines.next()
    if (next.done) break
    const [verb, ...rest] = next.value.split(' ')
    if (verb === 'compact') {
      // Once every send so far is answered, rewrite the journal (the named compaction steps).
      void outbox
        .idle()
        .then(() => outbox.compactNow())
        .catch((error: unknown) => writeSync(2, `compact failed: ${String(error)}\n`))
      continue
    }
    if (verb !== 'submit') continue
    const command = JSON.parse(rest.join(' ')) as ChildCommand
    outbox.submit(command.intent).then(
      (entry) => say(`ack ${command.tag} ${entry.id}`),
      (error: unknown) => say(`nack ${command.tag} ${error instanceof Error ? error.message : String(error)}`),
    )
  }
}

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]()
  say('ready')
  const first = await lines.next()
  if (first.done) return
  const [verb, ...rest] = first.value.split(' ')
  if (verb !== 'open') throw new Error(`expected open, got ${verb}`)
  await run(JSON.parse(rest.join(' ')) as ChildConfig, lines)
}

main().catch((error: unknown) => {
  writeSync(2, `queue-child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
