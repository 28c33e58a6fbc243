import fc from 'fast-check'
import { inEnglish } from '../../shared/in-english'
import { said } from '../../shared/in-english'
import { describe, expect, it } from 'vitest'
import type { Outbox } from '../../../electron/main/outbox/outbox'
import { createOutbox } from '../../../electron/main/outbox/outbox'
import { countEntries } from '../../../electron/main/outbox/queue-items'
import type { DeadlinePolicy } from '../../../electron/main/outbox/deadlines'
import { DEFAULT_DEADLINES } from '../../../electron/main/outbox/deadlines'
import { createLogger } from '../../../electron/main/core/logger'
import type { OutboxEntry } from '../../../shared/schemas/outbox'
import { Profile } from '../../../shared/schemas/profiles'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import type { TaskIntent } from '../../../shared/schemas/intents'
import { drafts } from '../../shared/fixtures'
import { memoryLog } from './memory-log'
import { virtualTime } from './virtual-time'

// The dispatcher against a scripted provider and virtual time: which entry is attempted when,
// under failures, limits, deadlines and hints. Real HTTP to the simulators is in outbox-sandbox.

const WEBEX = Profile.parse({ ...drafts.webex, id: '11111111-1111-4111-8111-111111111111' })
const WEBEX_B = Profile.parse({ ...drafts.webex, label: 'Webex EU', id: '22222222-2222-4222-8222-222222222222' })
const CONNECT = Profile.parse({ ...drafts.connect, id: '33333333-3333-4333-8333-333333333333' })
const profiles = new Map([WEBEX, WEBEX_B, CONNECT].map((p) => [p.id, p]))

const outdial = (to: string, profileId = WEBEX.id): TaskIntent => ({
  kind: 'outdial',
  profileId,
  destination: to,
  entryPointId: 'EP-outbound-1',
  origin: '+14085550100',
})
const followUp = (name: string): TaskIntent => ({
  kind: 'followUp',
  provider: 'connect',
  profileId: CONNECT.id,
  name,
  description: '',
  target: { kind: 'contactFlow', id: 'flow-1' },
})

type Script = (entry: OutboxEntry, attempt: number) => SendOutcome | Promise<SendOutcome>
const sent = (id = 'p-1'): SendOutcome => ({ kind: 'sent', providerId: id, httpStatus: 201 })
const retry = (delayMs: number | null = null, httpStatus: number | null = null): SendOutcome => ({
  kind: 'retry',
  delayMs,
  reason: said('not now'),
  httpStatus,
})

function setup(
  script: Script,
  options: {
    random?: () => number
    deadlines?: Partial<DeadlinePolicy>
    onExpiringSoon?: (entry: OutboxEntry) => void
  } = {},
) {
  const time = virtualTime()
  const log = memoryLog()
  const attempts: { id: string; at: number; mono: number; attempt: number }[] = []
  let ids = 0
  let inFlight = 0
  let maxInFlight = 0
  const outbox: Outbox = createOutbox({
    log,
    clock: time.clock,
    logger: createLogger(() => undefined, time.clock),
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    findProfile: (id) => profiles.get(id),
    send: async (entry) => {
      attempts.push({ id: entry.id, at: time.nowMs(), mono: time.monoMs(), attempt: entry.attempts })
      inFlight += 1
      maxInFlight = Math.max(maxInFlight, inFlight)
      try {
        return await script(entry, entry.attempts)
      } finally {
        inFlight -= 1
      }
    },
    onChanged: () => undefined,
    ...(options.onExpiringSoon ? { onExpiringSoon: options.onExpiringSoon } : {}),
    deadlines: { ...DEFAULT_DEADLINES, ...options.deadlines },
    dispatcher: { timers: time.timers, random: options.random ?? (() => 0.5), tickMs: 30_000 },
  })
  return { time, log, outbox, attempts, maxInFlight: () => maxInFlight }
}

describe('dispatcher', () => {
  it('sends a queued task once, records the provider id, and journals sending before the send', async () => {
    const { outbox, time, log, attempts } = setup(() => sent('wx-1'))
    await outbox.start()
    const entry = await outbox.submit(outdial('+14155550100'))
    await time.advance(10)
    expect(attempts).toHaveLength(1)
    expect(inEnglish(outbox.get(entry.id))).toMatchObject({ state: 'sent', providerId: 'wx-1', attempts: 1 })
    expect(inEnglish(log.events.map((e) => e.t))).toEqual(['queued', 'sending', 'outcome'])
  })

  it('keeps FIFO within a scope under any failure schedule, and lets other scopes go on (Q6)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 12 }),
        fc.array(fc.constantFrom('sent', 'retry', 'limited'), { minLength: 1, maxLength: 40 }),
        async (scopes, failures) => {
          let n = 0
          const { outbox, time, attempts } = setup(
            () => {
              const kind = failures[n++ % failures.length]
              return kind === 'sent' || n > 12 ? sent() : kind === 'retry' ? retry() : retry(2000, 429)
            },
            { deadlines: { outdialMs: 24 * 3_600_000 } },
          )
          await outbox.start()
          const queued: OutboxEntry[] = []
          for (const s of scopes) queued.push(await outbox.submit(outdial(`+1415555010${s}`)))
          for (let i = 0; i < 400 && outbox.list().some((e) => e.state !== 'sent'); i++) await time.advance(30_000)
          expect(outbox.list().every((e) => e.state === 'sent')).toBe(true)
          for (const scope of new Set(queued.map((e) => e.scope))) {
            const order = queued.filter((e) => e.scope === scope).map((e) => e.id)
            // Every attempt of an entry comes before any attempt of the next one in its scope.
            const seen = attempts.filter((a) => order.includes(a.id)).map((a) => a.id)
            const firstIndex = order.map((id) => seen.indexOf(id))
            const lastIndex = order.map((id) => seen.lastIndexOf(id))
            for (let i = 1; i < order.length; i++) expect(firstIndex[i]!).toBeGreaterThan(lastIndex[i - 1]!)
          }
        },
      ),
      { numRuns: 40 },
    )
  })

  it('keeps its badge counts equal to a full count of its entries through any mix of outcomes and actions', async () => {
    const outcomes: SendOutcome[] = [
      sent(),
      retry(),
      { kind: 'needs_auth', message: said('Sign in again.'), providerMessage: null },
      { kind: 'needs_review', message: said('It may have been created.'), providerMessage: null },
      { kind: 'rejected', message: said('Refused.'), providerMessage: null, httpStatus: 400 },
      { kind: 'keychain_unavailable', keychain: 'locked', message: said('The keychain is locked.') },
      { kind: 'network_blocked', problem: 'proxy_auth', message: said('The proxy refused.'), detail: 'ERR_PROXY_407' },
    ]
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: outcomes.length - 1 }), { minLength: 1, maxLength: 30 }),
        fc.array(
          fc.tuple(fc.constantFrom('submit', 'advance', 'cancel', 'retry', 'resend', 'done', 'creds'), fc.nat()),
          {
            maxLength: 40,
          },
        ),
        async (script, actions) => {
          let n = 0
          const { outbox, time } = setup(() => outcomes[script[n++ % script.length]!]!)
          await outbox.start()
          for (const [action, pick] of actions) {
            const list = outbox.list()
            const target = list[pick % Math.max(1, list.length)]
            const tryIt = (p: Promise<unknown>) => p.catch(() => undefined)
            if (action === 'submit') await outbox.submit(outdial(`+1415555010${pick % 10}`))
            else if (action === 'advance') await time.advance(1_000 + (pick % 60_000))
            else if (action === 'creds') await outbox.credentialsChanged(WEBEX.id)
            else if (target && action === 'cancel') await tryIt(outbox.cancel(target.id))
            else if (target && action === 'retry') await tryIt(outbox.retry(target.id))
            else if (target && action === 'resend') await tryIt(outbox.resolve(target.id, 'resend'))
            else if (target && action === 'done') await tryIt(outbox.resolve(target.id, 'done'))
            expect(inEnglish(outbox.counts())).toEqual(countEntries(outbox.list()))
          }
        },
      ),
      { numRuns: 60 },
    )
  })

  describe("this computer's network stops a send (issue #15: a proxy's refusal, an untrusted certificate)", () => {
    const blocked: SendOutcome = {
      kind: 'network_blocked',
      problem: 'certificate_untrusted',
      message: said(
        'Your network presents a certificate this computer does not trust (SELF_SIGNED_CERT_IN_CHAIN), so nothing was sent.',
      ),
      detail: 'SELF_SIGNED_CERT_IN_CHAIN',
    }

    it('parks the lane with the reason shown, not counted as an attempt; other lanes go on; tried again after the pause', async () => {
      let network = 'inspected'
      const { outbox, time, attempts } = setup((entry) =>
        entry.profileId === WEBEX.id && network === 'inspected' ? blocked : sent(),
      )
      await outbox.start()
      const first = await outbox.submit(outdial('+14155550100'))
      const second = await outbox.submit(outdial('+14155550111'))
      const other = await outbox.submit(followUp('Ana'))
      await time.advance(50)
      const parked = outbox.get(first.id)!
      expect(parked).toMatchObject({ state: 'queued', attempts: 0, nextAttemptAt: null })
      expect(parked.lastProblem).toMatchObject({ message: blocked.message, network: 'certificate_untrusted' })
      // The whole lane waits: the second task meets the same network, so it is not tried.
      expect(attempts.filter((a) => a.id === second.id)).toHaveLength(0)
      expect(outbox.get(other.id)!.state).toBe('sent')
      await time.advance(4 * 60_000)
      expect(attempts.filter((a) => a.id === first.id)).toHaveLength(1)
      network = 'fixed'
      await time.advance(60_000 + 50)
      expect(outbox.get(first.id)!.state).toBe('sent')
      expect(outbox.get(second.id)!.state).toBe('sent')
      // Each task reached the provider once.
      expect(attempts.filter((a) => a.id === first.id)).toHaveLength(2)
      expect(attempts.filter((a) => a.id === second.id)).toHaveLength(1)
    })

    it('Retry now (IT fixed it) or a network change tries at once', async () => {
      let network = 'inspected'
      const { outbox, time, attempts } = setup(() => (network === 'inspected' ? blocked : sent()))
      await outbox.start()
      const task = await outbox.submit(outdial('+14155550100'))
      await time.advance(50)
      expect(outbox.get(task.id)!.state).toBe('queued')
      await outbox.poke('online')
      await time.advance(50)
      expect(attempts).toHaveLength(2)
      network = 'fixed'
      await outbox.retry(task.id)
      await time.advance(50)
      expect(outbox.get(task.id)!.state).toBe('sent')
      expect(attempts).toHaveLength(3)
    })

    it('still expires at its deadline, and is announced before it', async () => {
      const warned: string[] = []
      const { outbox, time } = setup(() => blocked, { onExpiringSoon: (entry) => warned.push(entry.id) })
      await outbox.start()
      const task = await outbox.submit(outdial('+14155550100'))
      await time.advance(50)
      // An outdial has 15 minutes; the lane's pause would outlast the warning (a fifth before).
      await time.advance(13 * 60_000)
      expect(warned).toEqual([task.id])
      expect(outbox.get(task.id)!.state).toBe('queued')
      await time.advance(3 * 60_000)
      expect(outbox.get(task.id)!.state).toBe('expired')
    })
  })

  it('a task refused at the head of a lane never blocks the ones behind it, same scope or not (Q11)', async () => {
    const { outbox, time, attempts } = setup((entry) =>
      entry.seq === 0
        ? { kind: 'rejected', message: said('Refused.'), providerMessage: 'bad field', httpStatus: 400 }
        : sent(),
    )
    await outbox.start()
    const head = await outbox.submit(outdial('+14155550100'))
    const sameScope = await outbox.submit(outdial('+14155550100'))
    const other = await outbox.submit(outdial('+14155550111'))
    await time.advance(50)
    expect(outbox.get(head.id)!.state).toBe('rejected')
    expect(outbox.get(sameScope.id)!.state).toBe('sent')
    expect(outbox.get(other.id)!.state).toBe('sent')
    expect(attempts).toHaveLength(3)
  })

  it('keeps lanes independent: one profile hanging never delays another', async () => {
    const { outbox, time, attempts } = setup((entry) =>
      entry.profileId === WEBEX.id ? new Promise<SendOutcome>(() => undefined) : sent(),
    )
    await outbox.start()
    await outbox.submit(outdial('+14155550100'))
    for (let i = 0; i < 5; i++) await outbox.submit(outdial(`+1415555020${i}`, WEBEX_B.id))
    await time.advance(100)
    expect(attempts.filter((a) => a.id && outbox.get(a.id)?.profileId === WEBEX_B.id)).toHaveLength(5)
    expect(
      outbox
        .list()
        .filter((e) => e.profileId === WEBEX_B.id)
        .every((e) => e.state === 'sent'),
    ).toBe(true)
    expect(outbox.list().find((e) => e.profileId === WEBEX.id)?.state).toBe('sending')
  })

  it('keeps a Connect lane within 2 a second, burst 5 (Q5)', async () => {
    const { outbox, time, attempts } = setup(() => sent())
    await outbox.start()
    for (let i = 0; i < 25; i++) await outbox.submit(followUp(`task ${i}`))
    for (let i = 0; i < 44; i++) await time.advance(250)
    expect(attempts).toHaveLength(25)
    const start = attempts[0]!.at
    for (const a of attempts) {
      const within = attempts.filter((b) => b.at <= a.at).length
      expect(within).toBeLessThanOrEqual(5 + Math.floor(((a.at - start) / 1000) * 2) + 1)
    }
    // And it uses the allowance: 25 tasks in about (25 - 5) / 2 = 10 s.
    expect(attempts.at(-1)!.at - start).toBeLessThanOrEqual(10_500)
  })

  it("never tries again before the provider's Retry-After, and holds the whole lane meanwhile", async () => {
    let calls = 0
    const { outbox, time, attempts } = setup(() => (++calls === 1 ? retry(10_000, 429) : sent()))
    await outbox.start()
    const first = await outbox.submit(outdial('+14155550100'))
    await time.advance(10)
    await outbox.submit(outdial('+14155550111'))
    await time.advance(9_000)
    expect(attempts).toHaveLength(1)
    expect(inEnglish(outbox.lanes()[0])).toMatchObject({ health: 'rate_limited' })
    await time.advance(1_500)
    expect(attempts.filter((a) => a.id === first.id)).toHaveLength(2)
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(10_000)
    expect(outbox.list().every((e) => e.state === 'sent')).toBe(true)
  })

  it('hands out the same frozen lane statuses while no lane changes (every queue change reports them), new ones once one does', async () => {
    let calls = 0
    const { outbox, time } = setup(() => (++calls === 1 ? retry(10_000, 429) : sent()))
    await outbox.start()
    await outbox.submit(outdial('+14155550100'))
    await time.advance(10)
    const blocked = outbox.lanes()
    expect(blocked[0]).toMatchObject({ health: 'rate_limited', blockedUntil: expect.any(String), inFlight: 0 })
    expect(Object.isFrozen(blocked) && Object.isFrozen(blocked[0])).toBe(true)
    // A task queued behind the block changes nothing in the lane.
    await outbox.submit(outdial('+14155550111'))
    expect(outbox.lanes()).toBe(blocked)
    await time.advance(10_500)
    expect(outbox.list().every((e) => e.state === 'sent')).toBe(true)
    const after = outbox.lanes()
    expect(after).not.toBe(blocked)
    expect(after[0]).toMatchObject({ health: 'online', blockedUntil: null })
    expect(blocked[0]).toMatchObject({ health: 'rate_limited' })
  })

  it.each([
    [429, 'rate_limited'],
    [503, 'down'],
    [null, 'offline'],
  ] as const)(
    "a %s retry's wait (Retry-After, the seam's reading) is a floor even when the jittered backoff draws 0",
    async (status, health) => {
      let calls = 0
      // random 0: the backoff alone would try again at once (the 0.58 s Alibaba saw after `Retry-After: 5`).
      const { outbox, time, attempts } = setup(() => (++calls === 1 ? retry(5_000, status) : sent()), {
        random: () => 0,
      })
      await outbox.start()
      await outbox.submit(outdial('+14155550100'))
      await time.advance(4_990)
      expect(attempts).toHaveLength(1)
      expect(inEnglish(outbox.lanes()[0])).toMatchObject({ health })
      await time.advance(1_000)
      expect(attempts).toHaveLength(2)
      expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(5_000)
    },
  )

  it('expires an entry at its deadline and never sends it late, also after the wall clock jumps (Q7)', async () => {
    const { outbox, time, attempts } = setup(() => retry())
    await outbox.start()
    const entry = await outbox.submit(outdial('+14155550100'))
    for (let i = 0; i < 20 * 12; i++) await time.advance(5000)
    const expired = outbox.get(entry.id)!
    expect(expired.state).toBe('expired')
    expect(inEnglish(expired.lastProblem?.message)).toMatch(/not placed more than 15 minutes/)
    expect(attempts.every((a) => a.at < Date.parse(entry.notAfter))).toBe(true)

    // Asleep for two hours: the wall clock moved, no timer fired. The next look expires it unsent.
    outbox.pause()
    const second = await outbox.submit(outdial('+14155550199'))
    const before = attempts.length
    time.jumpWall(2 * 3_600_000)
    await outbox.resume()
    await time.advance(10)
    expect(outbox.get(second.id)!.state).toBe('expired')
    expect(attempts.length).toBe(before)
  })

  it('a wall clock set back neither gives a task more time nor expires it early: an outdial ends 15 minutes after it was asked for (Q7)', async () => {
    const { outbox, time, attempts } = setup(() => retry())
    await outbox.start()
    const entry = await outbox.submit(outdial('+14155550100'))
    const askedAt = time.monoMs()
    await time.advance(10)
    // NTP, or the agent fixing the time: the wall clock now reads 20 minutes earlier.
    time.jumpWall(-20 * 60_000)
    // Still tried for the rest of its 15 minutes (not expired early)...
    for (let i = 0; i < 14 * 6; i++) await time.advance(10_000)
    expect(outbox.get(entry.id)!.state).toBe('queued')
    // ...and expired at 15 minutes of real time, although the wall clock says 5 minutes have passed.
    for (let i = 0; i < 2 * 6; i++) await time.advance(10_000)
    expect(outbox.get(entry.id)!.state).toBe('expired')
    expect(attempts.length).toBeGreaterThan(3)
    expect(attempts.every((a) => a.mono - askedAt < 15 * 60_000)).toBe(true)
    // Nothing afterwards, however long the wall clock takes to reach the old deadline.
    const tried = attempts.length
    for (let i = 0; i < 30; i++) await time.advance(60_000)
    expect(attempts.length).toBe(tried)
  })

  it('a wall clock set back after a sleep still cannot give a task more time (Q7)', async () => {
    const { outbox, time, attempts } = setup(() => retry())
    await outbox.start()
    const entry = await outbox.submit(outdial('+14155550100'))
    const askedAt = time.monoMs()
    await time.advance(10)
    time.jumpWall(10 * 60_000) // asleep 10 minutes: the monotonic clock stood still
    await outbox.poke('resume') // the OS says it woke up, as powerMonitor does in the app
    await time.advance(10)
    time.jumpWall(-8 * 60_000) // then the clock is set back 8 minutes
    for (let i = 0; i < 10 * 6; i++) await time.advance(10_000)
    expect(outbox.get(entry.id)!.state).toBe('expired')
    // Ten minutes asleep count: it expired within about 5 minutes of being awake again.
    expect(attempts.every((a) => a.mono - askedAt < 5 * 60_000 + 20_000)).toBe(true)
  })

  it('after a suspend (wall time moves, timers do not), the first look expires what is overdue, unsent (Q7)', async () => {
    const { outbox, time, attempts } = setup(() => retry())
    await outbox.start()
    const entry = await outbox.submit(outdial('+14155550100'))
    await time.advance(10)
    const before = attempts.length
    time.jumpWall(3 * 3_600_000) // asleep for three hours
    await outbox.poke('resume')
    await time.advance(10)
    expect(outbox.get(entry.id)!.state).toBe('expired')
    expect(attempts.length).toBe(before)
  })

  it('parks a lane whose credentials were refused, and sends again once they are replaced (Q10)', async () => {
    let refuse = true
    const { outbox, time, attempts } = setup((entry) =>
      refuse && entry.profileId === WEBEX.id
        ? { kind: 'needs_auth', message: said('Sign in again.'), providerMessage: '401' }
        : sent(),
    )
    await outbox.start()
    const a = await outbox.submit(outdial('+14155550100'))
    await time.advance(10)
    const b = await outbox.submit(outdial('+14155550111'))
    const other = await outbox.submit(outdial('+14155550122', WEBEX_B.id))
    await time.advance(60_000)
    expect(outbox.get(a.id)!.state).toBe('needs_auth')
    expect(outbox.get(b.id)!.state).toBe('queued')
    expect(attempts.filter((x) => x.id !== other.id)).toHaveLength(1)
    // Another profile's lane is not affected.
    expect(outbox.get(other.id)!.state).toBe('sent')
    refuse = false
    await outbox.credentialsChanged(WEBEX.id)
    await time.advance(10)
    expect(outbox.get(a.id)!.state).toBe('sent')
    expect(outbox.get(b.id)!.state).toBe('sent')
  })

  it('runs one flush loop per lane however many hints arrive, and sends nothing twice (Q9)', async () => {
    const { outbox, time, attempts, maxInFlight } = setup(async () => {
      await new Promise((resolve) => setImmediate(resolve))
      return sent()
    })
    await outbox.start()
    for (let i = 0; i < 10; i++) await outbox.submit(outdial(`+141555503${String(i).padStart(2, '0')}`))
    await Promise.all(Array.from({ length: 50 }, (_, i) => outbox.poke(`flap ${i}`)))
    await time.advance(100)
    expect(new Set(attempts.map((a) => a.id)).size).toBe(attempts.length)
    expect(attempts).toHaveLength(10)
    expect(maxInFlight()).toBeLessThanOrEqual(4)
  })

  it('an offline lane probes with one request per backoff step, and an OS hint only makes it probe now', async () => {
    let reachable = false
    const { outbox, time, attempts } = setup(() => (reachable ? sent() : retry(null, null)), { random: () => 1 })
    await outbox.start()
    for (let i = 0; i < 5; i++) await outbox.submit(outdial(`+1415555040${i}`))
    await time.advance(10)
    expect(attempts).toHaveLength(1)
    expect(outbox.lanes()[0]!.health).toBe('offline')
    await time.advance(1_500) // backoff 1 s (random = 1): one more probe, still one at a time
    expect(attempts).toHaveLength(2)
    reachable = true
    await outbox.poke('online')
    await time.advance(10)
    expect(outbox.lanes()[0]!.health).toBe('online')
    expect(outbox.list().filter((e) => e.state === 'sent').length).toBeGreaterThanOrEqual(4)
  })
})

describe('recovery after a crash mid-send', () => {
  it('resends a keyed task under the same key, and parks a keyless one for review (Q1 rule)', async () => {
    const first = setup(() => new Promise<SendOutcome>(() => undefined))
    await first.outbox.start()
    const w = await first.outbox.submit(outdial('+14155550100'))
    const c = await first.outbox.submit(followUp('refund'))
    await first.time.advance(10)
    expect(first.outbox.get(w.id)!.state).toBe('sending')
    expect(first.outbox.get(c.id)!.state).toBe('sending')
    first.outbox.stop()

    // "Restart": a new outbox over the same journal.
    const time = virtualTime()
    const keys: string[] = []
    const second = createOutbox({
      log: first.log,
      clock: time.clock,
      logger: createLogger(() => undefined, time.clock),
      newId: () => '00000000-0000-4000-8000-999999999999',
      findProfile: (id) => profiles.get(id),
      send: async (entry) => {
        keys.push(entry.idempotencyKey)
        return sent()
      },
      onChanged: () => undefined,
      dispatcher: { timers: time.timers },
    })
    const started = await second.start()
    await time.advance(10)
    expect(started.recovered).toBe(2)
    expect(inEnglish(second.get(w.id))).toMatchObject({ state: 'needs_review' })
    expect(inEnglish(second.get(w.id)!.lastProblem!.message)).toMatch(/may or may not have been created/)
    expect(inEnglish(second.get(c.id))).toMatchObject({ state: 'sent', attempts: 2 })
    expect(inEnglish(keys)).toEqual([c.idempotencyKey])
  })
})
