import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Result } from '../../shared/ipc/result'
import { sampleTasks } from '../../shared/sandbox-samples'
import type { QueueItem, QueueSnapshot } from '../../shared/schemas/outbox'
import { createTestServices } from './test-app-services'

// The outbox as the app runs it: in the user-data folder, across restarts, with one writer, and
// telling the agent when its file had to be set aside.

const call = async <T>(
  services: { dispatch: (c: string, i?: unknown) => Promise<unknown> },
  channel: string,
  input?: unknown,
) => (await services.dispatch(channel, input)) as Result<T>

async function until<T>(probe: () => T | null | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const value = probe()
    if (value !== null && value !== undefined) return value
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('the outbox in the app', () => {
  it('keeps queued tasks across a restart and sends them after it, with no secret in the file', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'callboard-outbox-app-'))
    const first = await createTestServices({ sandbox: true, userDataDir })
    first.services.outbox!.pause() // as if offline: nothing leaves
    const webex = first.services.sandbox!.profiles().find((p) => p.provider === 'webex')!
    const ids: string[] = []
    for (const sample of sampleTasks(webex, new Date(), 'UTC')) {
      const queued = await call<QueueItem>(first.services, 'tasks:submit', { intent: sample.intent })
      expect(queued.ok).toBe(true)
      if (queued.ok) ids.push(queued.value.id)
    }
    const before = await call<QueueSnapshot>(first.services, 'queue:list')
    expect(before.ok && before.value.counts).toEqual({ waiting: 3, attention: 0 })
    const secrets = Object.values(first.services.sandbox!.secret(webex.id)!).filter(
      (v): v is string => typeof v === 'string' && v.length >= 12,
    )
    await first.services.close()

    const journal = readFileSync(join(userDataDir, 'outbox', 'outbox.journal'), 'utf8')
    for (const id of ids) expect(journal).toContain(id)
    for (const secret of secrets) expect(journal).not.toContain(secret)

    // The sandbox's credentials are new on every start; its profile ids are not.
    const second = await createTestServices({ sandbox: true, userDataDir })
    try {
      const sent = await until(() => {
        const entries = ids.map((id) => second.services.outbox!.get(id))
        return entries.every((e) => e?.state === 'sent') ? entries : null
      })
      expect(sent.map((e) => e!.providerId)).toEqual([expect.any(String), expect.any(String), expect.any(String)])
      const history = await call<QueueItem[]>(second.services, 'history:list', { states: ['sent'] })
      expect(history.ok && history.value.map((h) => h.id).sort()).toEqual([...ids].sort())
    } finally {
      await second.services.close()
    }
  })

  it('lets one process own the queue: a second one says why it cannot queue (Q4)', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'callboard-outbox-lock-'))
    const first = await createTestServices({ sandbox: true, userDataDir })
    const second = await createTestServices({ sandbox: true, userDataDir })
    try {
      const snapshot = await call<QueueSnapshot>(second.services, 'queue:list')
      expect(snapshot.ok && snapshot.value.unavailable).toMatch(
        /Another Callboard \(process \d+\) is using this task queue/,
      )
      const webex = second.services.sandbox!.profiles().find((p) => p.provider === 'webex')!
      const refused = await call(second.services, 'tasks:submit', {
        intent: sampleTasks(webex, new Date(), 'UTC')[0]!.intent,
      })
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: expect.stringMatching(/Another Callboard/) },
      })
      const mine = await call<QueueSnapshot>(first.services, 'queue:list')
      expect(mine.ok && mine.value.unavailable).toBeNull()
    } finally {
      await second.services.close()
      await first.services.close()
    }
  })

  it('sets a damaged queue file aside, says so, and keeps working (Q3)', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'callboard-outbox-corrupt-'))
    const { mkdirSync } = await import('node:fs')
    mkdirSync(join(userDataDir, 'outbox'))
    writeFileSync(join(userDataDir, 'outbox', 'outbox.journal'), '{"not":"a journal"}\n')
    const { services } = await createTestServices({ sandbox: true, userDataDir })
    try {
      const snapshot = await call<QueueSnapshot>(services, 'queue:list')
      expect(snapshot.ok && snapshot.value.notice).toMatch(
        /task queue file was damaged .* set aside as .*outbox\.journal\.corrupt-/,
      )
      const moved = readdirSync(join(userDataDir, 'outbox')).filter((f) => f.startsWith('outbox.journal.corrupt-'))
      expect(moved).toHaveLength(1)
      expect(existsSync(join(userDataDir, 'outbox', moved[0]!))).toBe(true)
      const webex = services.sandbox!.profiles().find((p) => p.provider === 'webex')!
      const queued = await call<QueueItem>(services, 'tasks:submit', {
        intent: sampleTasks(webex, new Date(), 'UTC')[0]!.intent,
      })
      expect(queued.ok).toBe(true)
    } finally {
      await services.close()
    }
  })

  it('refuses a task that cannot be sent as it is, naming the field, and queues nothing', async () => {
    const { services } = await createTestServices({ sandbox: true })
    try {
      const webex = services.sandbox!.profiles().find((p) => p.provider === 'webex')!
      const intent = { ...sampleTasks(webex, new Date(), 'UTC')[0]!.intent, origin: '+19999999999' }
      const refused = await call(services, 'tasks:submit', { intent })
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          issues: [{ path: ['intent', 'origin'], message: expect.stringMatching(/not configured/) }],
        },
      })
      expect(services.outbox!.list()).toHaveLength(0)
    } finally {
      await services.close()
    }
  })
})

// ——— Records the app can always read back (issue "trust", item 3) ———

describe('every task the contract accepts is stored so that it can be read back', () => {
  const longIntents = (services: Awaited<ReturnType<typeof createTestServices>>['services']) => {
    const connect = services.sandbox!.profiles().find((p) => p.provider === 'connect')!
    const egain = services.sandbox!.profiles().find((p) => p.provider === 'egain')!
    const target = { kind: 'contactFlow', id: 'sandbox-task-flow' } as const
    const followUp = { kind: 'followUp', provider: 'connect', profileId: connect.id, target } as const
    return {
      'a Connect name of 1,024 characters': { ...followUp, name: 'N'.repeat(1024) },
      'a Connect name of 1,024 emoji': { ...followUp, name: '📞'.repeat(1024) },
      'a previous contact id of 256 characters': { ...followUp, name: 'Chain', previousContactId: 'c'.repeat(256) },
      'an eGain lookup of 255 characters on a long custom attribute': {
        ...sampleTasks(egain, new Date(), 'UTC')[0]!.intent,
        lookup: { attribute: `custom.${'a'.repeat(100)}`, value: 'v'.repeat(255) },
      },
    }
  }

  for (const checkContract of [true, false]) {
    it(`queues the longest fields the API allows and keeps them across a restart (${checkContract ? 'development' : 'packaged'} checks)`, async () => {
      const userDataDir = mkdtempSync(join(tmpdir(), 'callboard-outbox-long-'))
      const first = await createTestServices({ sandbox: true, userDataDir, checkContract })
      first.services.outbox!.pause()
      const queued: Record<string, QueueItem> = {}
      for (const [what, intent] of Object.entries(longIntents(first.services))) {
        const result = await call<QueueItem>(first.services, 'tasks:submit', { intent })
        expect(result, what).toMatchObject({ ok: true })
        if (result.ok) queued[what] = result.value
      }
      const before = Object.values(queued).map((item) => first.services.outbox!.get(item.id))
      await first.services.close()

      const second = await createTestServices({ sandbox: true, userDataDir, checkContract })
      try {
        second.services.outbox!.pause()
        const snapshot = await call<QueueSnapshot>(second.services, 'queue:list')
        expect(snapshot.ok && snapshot.value.notice).toBeNull()
        const after = Object.values(queued).map((item) => second.services.outbox!.get(item.id))
        expect(after).toEqual(before)
      } finally {
        await second.services.close()
      }
    })
  }
})
