import { inEnglish } from '../shared/in-english'
import { renderMessage } from '../../shared/i18n/render-message'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Result } from '../../shared/ipc/result'
import { sampleTasks } from '../../shared/providers/registry'
import type { HistoryPage } from '../../shared/schemas/list-pages'
import type { QueueItem, QueueSnapshot } from '../../shared/schemas/outbox'
import { createTestServices } from './test-app-services'
import { decodeLine, encodeRecord } from '../../electron/main/outbox/record-codec'

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
      // The callback now and later are for the same number: the second is confirmed as a repeat.
      const queued = await call<QueueItem>(first.services, 'tasks:submit', {
        intent: sample.intent,
        confirmedRepeat: true,
      })
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
      const history = await call<HistoryPage>(second.services, 'history:list', { states: ['sent'] })
      expect(history.ok && history.value.items.map((h) => h.id).sort()).toEqual([...ids].sort())
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
      // It shows the owner's queue, and says it cannot change it.
      expect(snapshot.ok && inEnglish(snapshot.value.stopped)).toMatch(
        /Another Callboard \(process \d+, started [^)]+\) is using this data folder/,
      )
      const webex = second.services.sandbox!.profiles().find((p) => p.provider === 'webex')!
      const refused = await call(second.services, 'tasks:submit', {
        intent: sampleTasks(webex, new Date(), 'UTC')[0]!.intent,
      })
      expect(inEnglish(refused)).toMatchObject({
        ok: false,
        error: { code: 'read_only', message: expect.stringMatching(/Another Callboard/) },
      })
      const mine = await call<QueueSnapshot>(first.services, 'queue:list')
      expect(mine.ok && mine.value.unavailable).toBeNull()
      expect(mine.ok && mine.value.stopped).toBeNull()
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
      const notice = snapshot.ok ? snapshot.value.notice : null
      // Keys over the contract, for the window to say in the agent's language.
      expect(notice?.map((m) => m.key)).toEqual(['queueFile.setAside'])
      expect(inEnglish(notice)?.join(' ')).toMatch(
        /task queue file was damaged .* set aside as .*outbox\.journal\.corrupt-/,
      )
      expect(renderMessage(notice![0]!, 'es')).toMatch(/archivo de la cola de tareas estaba dañado .* Se apartó como/)
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
      expect(inEnglish(refused)).toMatchObject({
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

// ——— A damaged queue file (issue "trust", item 2) and records the app can always read back (item 3) ———

type Services = Awaited<ReturnType<typeof createTestServices>>['services']

const journalFile = (userDataDir: string) => join(userDataDir, 'outbox', 'outbox.journal')

/** Byte ranges of the journal's lines: [0] is the header, [n] the n-th record. */
function lineSpans(bytes: Buffer): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = []
  for (let start = 0; start < bytes.byteLength;) {
    const end = bytes.indexOf(0x0a, start) + 1
    spans.push({ start, end })
    start = end
  }
  return spans
}

/**
 * Queues `count` outdials with sending paused, then closes the app: one `queued` record per task,
 * then whatever `after` does.
 */
async function queueOutdials(
  userDataDir: string,
  count: number,
  after: (services: Services, ids: string[]) => Promise<void> = async () => undefined,
): Promise<string[]> {
  const { services } = await createTestServices({ sandbox: true, userDataDir })
  services.outbox!.pause()
  const webex = services.sandbox!.profiles().find((p) => p.provider === 'webex')!
  const base = sampleTasks(webex, new Date(), 'UTC')[0]!.intent
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const intent = { ...base, destination: `+1415555${String(1000 + i)}` }
    const queued = await call<QueueItem>(services, 'tasks:submit', { intent })
    if (!queued.ok) throw new Error(inEnglish(queued.error.message))
    ids.push(queued.value.id)
  }
  await after(services, ids)
  await services.close()
  return ids
}

async function restart(userDataDir: string) {
  const { services } = await createTestServices({ sandbox: true, userDataDir })
  services.outbox!.pause()
  const snapshot = await call<QueueSnapshot>(services, 'queue:list')
  const history = await call<HistoryPage>(services, 'history:list', {})
  if (!snapshot.ok || !history.ok) throw new Error('queue:list or history:list failed')
  return {
    services,
    notice: snapshot.value.notice && inEnglish(snapshot.value.notice).join(' '),
    noticeInSpanish: snapshot.value.notice?.map((m) => renderMessage(m, 'es')).join(' ') ?? null,
    ids: history.value.items.map((h) => h.id),
  }
}

describe('a damaged queue file keeps every intact task', () => {
  it('one flipped byte in task 10 of 50: the other 49 stay in the queue and history, and task 10 is named', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'callboard-outbox-flip-'))
    const ids = await queueOutdials(userDataDir, 50)
    const bytes = readFileSync(journalFile(userDataDir))
    const tenth = lineSpans(bytes)[10]!
    bytes[tenth.end - 20] = bytes[tenth.end - 20]! ^ 0x04
    writeFileSync(journalFile(userDataDir), bytes)

    const { services, notice, ids: kept } = await restart(userDataDir)
    try {
      expect([...kept].sort()).toEqual(ids.filter((_, i) => i !== 9).sort())
      expect(notice).toContain(ids[9])
      expect(notice).toMatch(/1 task could not be recovered/)
      expect(notice).toMatch(/copy of the damaged file is at .*outbox\.journal\.corrupt-/)
      expect(notice).not.toMatch(/Every task confirmed before it is kept/)
    } finally {
      await services.close()
    }
  })

  it('a damaged header: every task after it is kept, and the notice says none was lost', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'callboard-outbox-header-'))
    const ids = await queueOutdials(userDataDir, 50)
    const bytes = readFileSync(journalFile(userDataDir))
    bytes[25] = bytes[25]! ^ 0x01
    writeFileSync(journalFile(userDataDir), bytes)

    const { services, notice, ids: kept } = await restart(userDataDir)
    try {
      expect([...kept].sort()).toEqual([...ids].sort())
      expect(notice).toMatch(/header/)
      expect(notice).toMatch(/No task was lost/)
    } finally {
      await services.close()
    }
  })

  it('a task whose record is unreadable but whose later change survives is named from that change', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'callboard-outbox-orphan-'))
    const ids = await queueOutdials(userDataDir, 5, async (services, queued) => {
      expect(await call(services, 'queue:cancel', { taskId: queued[2] })).toMatchObject({ ok: true })
    })
    const bytes = readFileSync(journalFile(userDataDir))
    const third = lineSpans(bytes)[3]!
    bytes.fill(0x2a, third.start + 3, third.end - 1) // nothing of task 3's record can be read
    writeFileSync(journalFile(userDataDir), bytes)

    const { services, notice, ids: kept } = await restart(userDataDir)
    try {
      expect([...kept].sort()).toEqual(ids.filter((_, i) => i !== 2).sort())
      expect(notice).toMatch(/1 task could not be recovered/)
      expect(notice).toContain(ids[2])
    } finally {
      await services.close()
    }
    // The change that could not be applied is not met again at the next start.
    const again = await restart(userDataDir)
    await again.services.close()
    expect(again.notice).toBeNull()
  })

  it('a complete last record with a bad checksum is damage: a copy is kept and no confirmation is claimed', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'callboard-outbox-lastcrc-'))
    const ids = await queueOutdials(userDataDir, 5)
    const bytes = readFileSync(journalFile(userDataDir))
    bytes[bytes.byteLength - 10] = bytes[bytes.byteLength - 10]! ^ 0x04
    writeFileSync(journalFile(userDataDir), bytes)

    const { services, notice, ids: kept } = await restart(userDataDir)
    try {
      expect([...kept].sort()).toEqual(ids.slice(0, 4).sort())
      expect(notice).toContain(ids[4])
      expect(notice).toMatch(/copy of the damaged file is at/)
      expect(notice).not.toMatch(/Every task confirmed before it is kept/)
      const copies = readdirSync(join(userDataDir, 'outbox')).filter((f) => f.startsWith('outbox.journal.corrupt-'))
      expect(copies).toHaveLength(1)
    } finally {
      await services.close()
    }
  })

  it('an incomplete last write: the notice says every confirmed task is kept only because the file proves it', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'callboard-outbox-torn-'))
    const ids = await queueOutdials(userDataDir, 5)
    const bytes = readFileSync(journalFile(userDataDir))
    writeFileSync(journalFile(userDataDir), bytes.subarray(0, bytes.byteLength - 30))

    const { services, notice, noticeInSpanish, ids: kept } = await restart(userDataDir)
    try {
      expect([...kept].sort()).toEqual(ids.slice(0, 4).sort())
      expect(notice).toMatch(/incomplete write/)
      expect(notice).toMatch(/Every task confirmed before it is kept/)
      // Every word of it in the agent's language, the reason too.
      expect(noticeInSpanish).toMatch(
        /escritura incompleta \(\d+ bytes, el último registro está incompleto\); se descartó\./,
      )
    } finally {
      await services.close()
    }
  })
  it('an incomplete last write in a file without the task count: no confirmation is claimed', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'callboard-outbox-torn-v1-'))
    const ids = await queueOutdials(userDataDir, 5)
    // The same tasks as an older Callboard wrote them: version 1, records without the count.
    const bytes = readFileSync(journalFile(userDataDir))
    const lines = lineSpans(bytes).map(({ start }) => decodeLine(bytes, start))
    const values = lines.map((line) => (line.kind === 'record' ? (line.value as Record<string, unknown>) : null))
    const older = Buffer.concat([
      encodeRecord({ ...values[0], version: 1 }),
      ...values.slice(1).map((value) => encodeRecord(value)),
    ])
    writeFileSync(journalFile(userDataDir), older.subarray(0, older.byteLength - 30))

    const { services, notice, ids: kept } = await restart(userDataDir)
    try {
      expect([...kept].sort()).toEqual(ids.slice(0, 4).sort())
      expect(notice).toMatch(/incomplete write/)
      expect(notice).not.toMatch(/Every task confirmed before it is kept/)
      expect(notice).toMatch(/cannot confirm/)
    } finally {
      await services.close()
    }
  })
})

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
