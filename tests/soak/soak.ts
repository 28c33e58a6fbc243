// `npm run soak`: the kill-and-restart check, long. The real queue (journal, outbox, dispatcher,
// task sender, the five provider clients) runs as a child process, the app, against the five
// provider simulators, which run in this process: outside the app, so a kill of the app never
// takes a provider with it. The child is SIGKILLed at random moments (SOAK_KILLS, default 1,000)
// while tasks are submitted and sent, some of them while their request is on the wire; outdials
// and immediate callbacks get deadlines of a few seconds, so tasks also expire while children die.
// Each journal folder is then drained by a fresh child, and every task is checked at its provider.
//
// One line per figure, `soak <name>: <value>`; exits 1 if any of lost, duplicated, late or
// sent_after_expiry is above 0.
import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import type { OutboxEntry } from '../../shared/schemas/outbox'
import type { Sims } from '../main/crash/harness'
import {
  ALL_VARIANTS,
  bundleChild,
  ChildPool,
  effectsFor,
  isKeyed,
  newSecrets,
  startRoute,
  startSims,
  totalEffects,
} from '../main/crash/harness'
import { aiccsTaskName } from '../../electron/main/providers/aiccs/aiccs-client'
import { voiceBroadcastTaskName } from '../../electron/main/providers/voice-broadcast/voice-broadcast-client'
import { webexTrackingId } from '../../electron/main/providers/webex/webex-client'
import type { ChildExtras, Folder, Lane } from '../main/crash/rounds'
import { crashRun, drain, newFolder } from '../main/crash/rounds'

const KILLS = Number(process.env['SOAK_KILLS'] ?? '1000')
const KILLS_PER_FOLDER = 50
/**
 * A request's time from the child's last deadline check to the provider's record of it. The check
 * is made right before each send; over loopback the rest takes milliseconds, so anything past
 * this is a send that should not have started.
 */
const TRANSIT_ALLOWANCE_MS = 1_000
/** Short deadlines for outdials and immediate callbacks: they expire while children die. */
const EXTRAS: ChildExtras = { deadlines: { outdialMs: 6_000, callbackNowMs: 12_000 } }

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!

/** When each provider record was made, by wrapping the simulators' own arrays (they keep no times). */
function stampCreates(sims: Sims): (record: object) => number | undefined {
  const at = new WeakMap<object, number>()
  const stamp = <T extends object>(list: T[]) => {
    const push = list.push.bind(list)
    list.push = (...items: T[]) => {
      for (const item of items) at.set(item, Date.now())
      return push(...items)
    }
  }
  stamp(sims.webex.tasks)
  stamp(sims.webex.callbacks)
  stamp(sims.egain.activities)
  stamp(sims.connect.tasks)
  stamp(sims.aiccs.tasks)
  stamp(sims.voice_broadcast.tasks)
  return (record) => at.get(record)
}

/** When the provider created each task for this entry (one time per creation). */
function creationTimes(sims: Sims, entry: OutboxEntry, timeOf: (record: object) => number | undefined): number[] {
  const intent = entry.intent
  let records: object[]
  switch (entry.provider) {
    case 'connect':
      records = sims.connect.tasks.filter((t) => t.clientToken === entry.idempotencyKey)
      break
    case 'aiccs': {
      const name = aiccsTaskName(entry.idempotencyKey, 'taskName' in intent ? intent.taskName : undefined)
      records = sims.aiccs.tasks.filter((t) => t.taskName === name)
      break
    }
    case 'voice_broadcast': {
      const name = voiceBroadcastTaskName('taskName' in intent ? intent.taskName : '', entry.idempotencyKey)
      records = sims.voice_broadcast.tasks.filter((t) => t.taskName === name)
      break
    }
    case 'webex': {
      const tracking = webexTrackingId(entry.idempotencyKey)
      records = [...sims.webex.tasks, ...sims.webex.callbacks].filter((t) => t.trackingId === tracking)
      break
    }
    case 'egain': {
      const subject = 'subject' in intent ? intent.subject : undefined
      records = sims.egain.activities.filter(
        (a) => subject !== undefined && JSON.stringify(a.body).includes(`"${subject}"`),
      )
      break
    }
  }
  return records.map((r) => timeOf(r) ?? Number.NaN)
}

async function main(): Promise<void> {
  const started = Date.now()
  const secrets = newSecrets()
  const script = await bundleChild()
  const sims = await startSims(secrets)
  const timeOf = stampCreates(sims)
  const lanes: Lane[] = []
  for (let i = 0; i < 2; i++) lanes.push({ route: await startRoute(sims, secrets), pool: new ChildPool(script) })
  const folders: Folder[] = []
  let kills = 0
  let budget = KILLS
  const take = () => {
    const n = Math.min(KILLS_PER_FOLDER, budget)
    budget -= n
    return n
  }
  // Providers go down now and then (503 for several seconds), so tasks wait past their deadlines
  // while the app keeps dying: the ones that expire must never be created afterwards.
  let soaking = true
  let outageCount = 0
  const outages = (async () => {
    const providers = ['webex', 'egain', 'connect', 'aiccs', 'voice_broadcast'] as const
    while (soaking) {
      await new Promise((done) => setTimeout(done, 3_000 + Math.random() * 4_000))
      if (!soaking) break
      const provider = pick(providers)
      await sims[provider].setFault({ kind: 'status', status: 503 })
      await new Promise((done) => setTimeout(done, 7_000 + Math.random() * 5_000))
      await sims[provider].setFault(null)
      outageCount += 1
    }
  })()
  try {
    await Promise.all(
      lanes.map(async (lane, laneNo) => {
        for (let n = take(); n > 0; n = take()) {
          const folder = newFolder(`soak lane ${laneNo} +${n}`)
          folders.push(folder)
          for (let k = 0; k < n; k++) {
            const byBody = Math.random() < 0.3
            await crashRun(
              secrets,
              {
                lane,
                folder,
                tasks: Array.from({ length: 1 + Math.floor(Math.random() * 8) }, () => pick(ALL_VARIANTS)),
                paceMs: 15,
                maxMs: 10_000,
                ...(byBody
                  ? {
                      onBody: { nth: 1 + Math.floor(Math.random() * 4), forward: Math.random() < 0.5 },
                      killAfterMs: 1500,
                    }
                  : { killAfterMs: Math.random() * 400 }),
              },
              EXTRAS,
            )
            kills += 1
            if (kills % 100 === 0) console.error(`soak: ${kills} kills…`)
          }
          await drain(secrets, lane, folder, EXTRAS)
        }
      }),
    )
    soaking = false
    await outages

    const entries = folders.flatMap((f) => f.finals)
    const byId = new Map(entries.map((e) => [e.id, e]))
    const acked = folders.flatMap((f) => [...f.acks.values()])
    const figures = {
      kills,
      provider_outages: outageCount,
      acknowledged: acked.length,
      lost: acked.filter((id) => !byId.has(id)).length,
      duplicated: 0,
      late: 0,
      sent_after_expiry: 0,
      sent: 0,
      expired: 0,
      needs_review: 0,
      not_settled: 0,
      orphan_effects: 0,
      /** The smallest gap between a creation and its task's deadline (negative: late). */
      closest_to_deadline_ms: Number.POSITIVE_INFINITY,
    }
    const problems: string[] = []
    let effectsSeen = 0
    for (const entry of entries) {
      const effects = effectsFor(sims, entry)
      effectsSeen += effects
      const times = creationTimes(sims, entry, timeOf)
      const what = `${entry.provider} ${entry.id} (${entry.state})`
      if (effects > 1) {
        figures.duplicated += 1
        problems.push(`created ${effects} times: ${what}`)
      }
      const deadline = Date.parse(entry.notAfter)
      for (const t of times) {
        figures.closest_to_deadline_ms = Math.min(figures.closest_to_deadline_ms, deadline - t)
        if (!(t <= deadline + TRANSIT_ALLOWANCE_MS)) {
          figures.late += 1
          problems.push(`created ${t - deadline} ms after its deadline: ${what}`)
        }
      }
      if (entry.state === 'sent') figures.sent += 1
      else if (entry.state === 'needs_review') figures.needs_review += 1
      else if (entry.state === 'expired') {
        figures.expired += 1
        // An expired task was never sent, unless an earlier attempt's answer was lost (the agent
        // was told "may have been created"): a keyless task that expired with an effect is a send
        // the agent was never told about.
        if (effects > 0 && !isKeyed(entry.provider)) {
          figures.sent_after_expiry += 1
          problems.push(`expired, yet created: ${what}`)
        }
      } else {
        figures.not_settled += 1
        problems.push(`not settled after drain: ${what}`)
      }
    }
    figures.orphan_effects = totalEffects(sims) - effectsSeen
    figures.closest_to_deadline_ms = Math.round(figures.closest_to_deadline_ms)
    for (const [name, value] of Object.entries(figures)) console.log(`soak ${name}: ${value}`)
    console.log(`soak minutes: ${((Date.now() - started) / 60_000).toFixed(1)}`)
    for (const problem of problems.slice(0, 20)) console.error(`soak problem: ${problem}`)
    const failed =
      figures.lost + figures.duplicated + figures.late + figures.sent_after_expiry + figures.orphan_effects > 0 ||
      folders.some((f) => f.nacks.length > 0)
    process.exitCode = failed ? 1 : 0
  } finally {
    soaking = false
    for (const lane of lanes) {
      await lane.pool.close()
      await lane.route.close()
    }
    await Promise.all(Object.values(sims).map((s) => s.close()))
    for (const folder of folders) rmSync(folder.dir, { recursive: true, force: true })
    rmSync(dirname(script), { recursive: true, force: true })
  }
}

await main()
