// One child of the crash harness from start to SIGKILL, and the drain of a journal folder: shared by
// the Q1 test (tests/main/crash/crash-harness.test.ts) and the soak (tests/soak/soak.ts).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CrashPointName } from '../../../electron/main/outbox/crash-points'
import type { SandboxSecrets } from '../../../electron/main/sandbox/sandbox-profiles'
import type { OutboxEntry } from '../../../shared/schemas/outbox'
import type { ChildExit, ChildPool, QueueChild, Route, Variant } from './harness'
import { childConfig, makeTask } from './harness'
import type { ChildConfig } from './queue-child'

export interface Lane {
  route: Route
  pool: ChildPool
}

/** One journal folder: what its children acknowledged, and what its drain found. */
export interface Folder {
  name: string
  dir: string
  acks: Map<string, string>
  nacks: string[]
  finals: OutboxEntry[]
}

export const newFolder = (name: string): Folder => ({
  name,
  dir: mkdtempSync(join(tmpdir(), 'callboard-q1-')),
  acks: new Map(),
  nacks: [],
  finals: [],
})

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

/** What every child of a run is configured with beyond the folder (the soak's short deadlines). */
export type ChildExtras = Pick<ChildConfig, 'deadlines'>

export interface CrashRun {
  lane: Lane
  folder: Folder
  crash?: { at: CrashPointName; hit: number }
  /** The tasks this child is given, in order. */
  tasks: Variant[]
  /** Longest pause between two submits. */
  paceMs: number
  /** Kill after this long (from `open`): a random moment. */
  killAfterMs?: number
  /** Kill when the n-th task-creating request's body has arrived at the proxy. */
  onBody?: { nth: number; forward: boolean }
  /** Give up (kill) after this long, counting the step as not reached. */
  maxMs: number
  /** Once every task is handed over, have the child rewrite its journal (the compaction steps). */
  compactAfterTasks?: boolean
}

/** One child until it dies; true if it died by a SIGKILL of the plan (not by the give-up timer). */
export async function crashRun(secrets: SandboxSecrets, run: CrashRun, extras: ChildExtras = {}): Promise<boolean> {
  const { route, pool } = run.lane
  const child: QueueChild = await pool.take()
  const config = {
    ...childConfig(route, secrets, run.folder.dir, 'run'),
    ...extras,
    ...(run.crash ? { crash: run.crash } : {}),
  }
  let gaveUp = false
  let dead = false
  child.onLine((line) => {
    const [verb, tag = '', ...rest] = line.split(' ')
    if (verb === 'ack') run.folder.acks.set(tag, rest[0] ?? '')
    if (verb === 'nack') run.folder.nacks.push(`${tag} ${rest.join(' ')}`)
  })
  let creates = 0
  route.hook = ({ creates: isCreate }) => {
    if (!run.onBody || !isCreate || dead) return 'pass'
    creates += 1
    if (creates !== run.onBody.nth) return 'pass'
    child.kill()
    return run.onBody.forward ? 'kill-then-forward' : 'kill-then-drop'
  }
  const exit: Promise<ChildExit> = child.exited.then((e) => ((dead = true), e))
  const timers: ReturnType<typeof setTimeout>[] = []
  if (run.killAfterMs !== undefined) timers.push(setTimeout(() => child.kill(), run.killAfterMs))
  timers.push(
    setTimeout(() => {
      gaveUp = true
      child.kill()
    }, run.maxMs),
  )
  child.open(config)
  const feeding = (async () => {
    for (const variant of run.tasks) {
      if (dead) return
      child.submit(makeTask(route, variant))
      await sleep(Math.random() * run.paceMs)
    }
    if (run.compactAfterTasks && !dead) child.compact()
  })()
  const { signal, code } = await exit
  for (const t of timers) clearTimeout(t)
  await feeding
  route.hook = () => 'pass'
  if (signal !== 'SIGKILL') {
    throw new Error(
      `child ended by itself (code ${code}, signal ${signal}):\n${child.stderr}\n${child.lines.join('\n')}`,
    )
  }
  return !gaveUp
}

/** A fresh child on the folder: recovery, then sending until nothing is queued or sending. */
export async function drain(
  secrets: SandboxSecrets,
  lane: Lane,
  folder: Folder,
  extras: ChildExtras = {},
): Promise<void> {
  const child = await lane.pool.take()
  child.open({ ...childConfig(lane.route, secrets, folder.dir, 'drain'), ...extras })
  const { code } = await child.exited
  const final = child.lines.find((l) => l.startsWith('final '))
  if (code !== 0 || !final) throw new Error(`drain of ${folder.name} failed (code ${code}):\n${child.stderr}`)
  folder.finals = JSON.parse(final.slice('final '.length)) as OutboxEntry[]
}
