import { createOutbox } from '../../../electron/main/outbox/outbox'
import { DEFAULT_DEADLINES } from '../../../electron/main/outbox/deadlines'
import { mainProviders } from '../../../electron/main/providers/registry'
import { createLogger } from '../../../electron/main/core/logger'
import type { TaskIntent } from '../../../shared/schemas/intents'
import { Profile } from '../../../shared/schemas/profiles'
import type { ProviderName } from '../../../shared/schemas/providers'
import { drafts } from '../../shared/fixtures'
import { memoryLog } from './memory-log'
import { virtualTime } from './virtual-time'

// Q5 on virtual time: a backlog spread over the five providers' lanes drains against providers
// that answer after a fixed latency. The send timestamps are then checked against each provider's
// published limit by an independent count (not the limiter the dispatcher uses), and the rate
// used while a backlog remained is compared with the rate allowed.

const ids: Record<ProviderName, string> = {
  webex: '10000000-0000-4000-8000-000000000001',
  egain: '10000000-0000-4000-8000-000000000002',
  connect: '10000000-0000-4000-8000-000000000003',
  aiccs: '10000000-0000-4000-8000-000000000004',
  voice_broadcast: '10000000-0000-4000-8000-000000000005',
}
const profiles = new Map(
  (Object.keys(ids) as ProviderName[]).map((p) => [ids[p], Profile.parse({ ...drafts[p], id: ids[p] })]),
)

function intentFor(provider: ProviderName, i: number): TaskIntent {
  const profileId = ids[provider]
  switch (provider) {
    case 'webex':
      return {
        kind: 'outdial',
        profileId,
        destination: `+1415${String(i).padStart(7, '0')}`,
        entryPointId: 'EP-outbound-1',
        origin: '+14085550100',
      }
    case 'egain':
      return {
        kind: 'followUp',
        provider: 'egain',
        profileId,
        department: '',
        subtype: 'General',
        subject: `Follow-up ${i}`,
        lookup: { attribute: 'email.emailAddress', value: `c${i}@example.com` },
        createCustomer: false,
        assignee: { by: 'loginId', value: 'agent' },
      }
    case 'connect':
      return {
        kind: 'followUp',
        provider: 'connect',
        profileId,
        name: `Task ${i}`,
        description: '',
        target: { kind: 'contactFlow', id: 'flow-1' },
      }
    case 'aiccs':
      return {
        kind: 'broadcast',
        provider: 'aiccs',
        profileId,
        taskName: `B${i}`,
        agentId: '',
        virtualNumber: '',
        callTimes: [{ startTime: '09:00:00', endTime: '18:00:00' }],
        callDays: ['MONDAY'],
        retryTimes: 0,
        retryIntervalMinutes: 1,
        concurrency: 1,
        start: { kind: 'now' },
      }
    case 'voice_broadcast':
      return {
        kind: 'broadcast',
        provider: 'voice_broadcast',
        profileId,
        taskName: `B${i}`,
        numbers: ['14155550123'],
        text: 'Hello',
        lan: 'EN',
        loopCount: 1,
        maxCalls: 1,
        allowSendTime: [],
      }
  }
}

export interface FlushResult {
  sends: Record<ProviderName, number[]>
  /** Requests beyond the provider's limit, by an independent count over the send times. */
  violations: Record<ProviderName, number>
  /** Sends per second achieved while a backlog remained, over the allowed rate, per rated provider. */
  utilization: Partial<Record<ProviderName, number>>
  maxConcurrent: Record<ProviderName, number>
  unsent: number
}

/** Independent checks of the published limits over send times (ms). */
function countViolations(provider: ProviderName, times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  let violations = 0
  if (provider === 'webex') {
    // At most 300 in any 60 s window.
    let start = 0
    for (let end = 0; end < sorted.length; end++) {
      while (sorted[end]! - sorted[start]! >= 60_000) start++
      if (end - start + 1 > 300) violations++
    }
  } else if (provider === 'connect') {
    // Token bucket 2/s, burst 5: any window of length w holds at most 5 + 2w sends.
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i; j < sorted.length; j++) {
        const w = (sorted[j]! - sorted[i]!) / 1000
        if (j - i + 1 > 5 + Math.floor(2 * w + 1e-9)) {
          violations++
          break
        }
        if (w > 10) break
      }
    }
  }
  return violations
}

export async function simulateFlush(perProvider: number, latencyMs = 40): Promise<FlushResult> {
  const time = virtualTime()
  const providers = Object.keys(ids) as ProviderName[]
  const sends = Object.fromEntries(providers.map((p) => [p, [] as number[]])) as Record<ProviderName, number[]>
  const inFlight = Object.fromEntries(providers.map((p) => [p, 0])) as Record<ProviderName, number>
  const maxConcurrent = { ...inFlight }
  let n = 0
  const outbox = createOutbox({
    log: memoryLog(),
    clock: time.clock,
    logger: createLogger(() => undefined, time.clock),
    newId: () => `20000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    findProfile: (id) => profiles.get(id),
    send: async (entry) => {
      const p = entry.provider
      sends[p].push(time.nowMs())
      inFlight[p] += 1
      maxConcurrent[p] = Math.max(maxConcurrent[p], inFlight[p])
      // The answer comes after `latencyMs` of virtual time.
      await new Promise<void>((resolve) => time.timers.setTimeout(resolve, latencyMs))
      inFlight[p] -= 1
      return { kind: 'sent', providerId: entry.id, httpStatus: 201 }
    },
    onChanged: () => undefined,
    deadlines: { ...DEFAULT_DEADLINES, outdialMs: 24 * 3_600_000, broadcastNowMs: 24 * 3_600_000 },
    dispatcher: { timers: time.timers },
  })
  outbox.pause()
  await outbox.start()
  for (const provider of providers) {
    for (let i = 0; i < perProvider; i++) await outbox.submit(intentFor(provider, i))
  }
  await outbox.resume()
  for (let step = 0; step < 20_000 && outbox.list().some((e) => e.state !== 'sent'); step++) await time.advance(250)
  const violations = Object.fromEntries(providers.map((p) => [p, countViolations(p, sends[p])])) as Record<
    ProviderName,
    number
  >
  const utilization: FlushResult['utilization'] = {}
  for (const provider of ['webex', 'connect'] as const) {
    const times = sends[provider]
    const limit = mainProviders[provider].laneLimits.rate!
    const allowedPerS = limit.kind === 'window' ? (limit.max / limit.windowMs) * 1000 : limit.perSecond
    // Steady state: after the initial allowance (a window's worth or the burst), until the last send.
    const initial = limit.kind === 'window' ? limit.max : limit.burst
    const steady = times.slice(initial)
    if (steady.length > 1) {
      const seconds = (steady.at(-1)! - times[0]!) / 1000
      const allowed = seconds * allowedPerS
      utilization[provider] = steady.length / allowed
    }
  }
  outbox.stop()
  return {
    sends,
    violations,
    utilization,
    maxConcurrent,
    unsent: outbox.list().filter((e) => e.state !== 'sent').length,
  }
}
