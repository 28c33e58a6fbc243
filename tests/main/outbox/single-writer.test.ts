import { spawn } from 'node:child_process'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nodeJournalFs, type JournalFs } from '../../../electron/main/core/fs-facade'
import { JournalLockedError, openJournal } from '../../../electron/main/outbox/journal'
import { acquireJournalLock } from '../../../electron/main/core/journal-lock'
import { TestRecord, record, startChild, tempDir, testClock, testLogger, type Child } from './helpers'

// Q4: one writer per folder, across processes. Rounds default to 20; CALLBOARD_LOCK_RACE_ROUNDS=100
// runs the full count from reliability.md.
const ROUNDS = Number(process.env['CALLBOARD_LOCK_RACE_ROUNDS'] ?? '20')

const open = (dir: string) => openJournal({ dir, schema: TestRecord, clock: testClock(), logger: testLogger().logger })

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await new Promise((done) => child.on('exit', done))
  return child.pid!
}

const lockFiles = (dir: string) => readdirSync(dir).filter((f) => /^outbox\.lock\.\d+$/.test(f))

function seedLock(dir: string, gen: number, content: string) {
  writeFileSync(join(dir, `outbox.lock.${gen}`), content)
}

describe('Q4: single writer', () => {
  let racers: [Child, Child]
  beforeAll(async () => {
    racers = [startChild(['serve']), startChild(['serve'])]
  })
  afterAll(async () => {
    for (const c of racers) c.send('exit')
    await Promise.all(racers.map((c) => c.exited))
  })

  it(`two processes racing for one folder: exactly one wins, ${ROUNDS} rounds (some over a stale lock)`, async () => {
    const dead = await deadPid()
    const stats = { a: 0, b: 0, stale: 0 }
    for (let round = 1; round <= ROUNDS; round++) {
      const dir = tempDir('callboard-race-')
      if (round % 3 === 0) {
        stats.stale++
        seedLock(dir, 4, JSON.stringify({ pid: dead, token: `${dead}-gone`, startedAt: '2026-01-01T00:00:00.000Z' }))
      }
      // Alternate who is told first, so both orders are raced.
      const [first, second] = round % 2 ? racers : [racers[1], racers[0]]
      first.send(`open ${dir}`)
      second.send(`open ${dir}`)
      const answers = await Promise.all(racers.map((c) => c.line()))
      const winners = answers.map((a, i) => (a === 'won' ? i : -1)).filter((i) => i >= 0)
      expect(winners, `round ${round}: ${answers.join(' / ')}`).toHaveLength(1)
      const w = winners[0]!
      const winner = racers[w]!
      const loser = racers[1 - w]!
      expect(answers[1 - w]).toBe(`locked ${winner.pid}`)
      if (w === 0) stats.a++
      else stats.b++

      // The winner writes; the loser could not have. The file verifies record by record.
      winner.send(`append ${round}`)
      expect(await winner.line()).toBe('ok')
      winner.send('close')
      expect(await winner.line()).toBe('closed')
      loser.send('close')
      expect(await loser.line()).toBe('closed')
      const check = await open(dir)
      expect(check.records).toEqual([record(round)])
      expect(check.quarantine).toBeNull()
      expect(check.tornTail).toBeNull()
      await check.journal.close()
    }
    expect(stats.a + stats.b).toBe(ROUNDS)
    expect(stats.stale).toBeGreaterThan(0)
  })

  it('takes over a stale lock left by a dead pid, and a garbage lock file', async () => {
    const dir = tempDir()
    const dead = await deadPid()
    seedLock(dir, 7, JSON.stringify({ pid: dead, token: `${dead}-x`, startedAt: '2026-01-01T00:00:00.000Z' }))
    const opened = await open(dir)
    expect(lockFiles(dir)).toEqual(['outbox.lock.8'])
    await opened.journal.close()

    const other = tempDir()
    seedLock(other, 1, '\0\0\0')
    const second = await open(other)
    expect(lockFiles(other)).toEqual(['outbox.lock.2'])
    await second.journal.close()
  })

  it('treats a lock with our own pid but not taken by this process as stale (pid reused after a restart)', async () => {
    const dir = tempDir()
    seedLock(dir, 3, JSON.stringify({ pid: process.pid, token: `${process.pid}-previous-life`, startedAt: 'x' }))
    const opened = await open(dir)
    await opened.journal.close()
  })

  it('a slow taker that loses the race to a newer generation backs off (no two holders, no ABA)', async () => {
    const dir = tempDir()
    // Stale: our pid, but a token this process never issued.
    seedLock(dir, 3, JSON.stringify({ pid: process.pid, token: `${process.pid}-old`, startedAt: 'x' }))
    const now = () => new Date()
    let resume!: () => void
    const gate = new Promise<void>((done) => (resume = done))
    let paused!: () => void
    const atLink = new Promise<void>((done) => (paused = done))
    let held = false
    // X has judged generation 3 stale and is about to publish 4, then stalls.
    const slowFs: JournalFs = {
      ...nodeJournalFs,
      async link(existing, newPath) {
        if (!held && newPath.endsWith('outbox.lock.4')) {
          held = true
          paused()
          await gate
        }
        return nodeJournalFs.link(existing, newPath)
      },
    }
    const x = acquireJournalLock({ fs: slowFs, dir, name: 'outbox.lock', now })
    await atLink
    // Meanwhile Y takes 4 and releases it (5 = released), and Z takes 6.
    const y = await acquireJournalLock({ fs: nodeJournalFs, dir, name: 'outbox.lock', now })
    expect(y.generation).toBe(4)
    await y.release()
    const z = await acquireJournalLock({ fs: nodeJournalFs, dir, name: 'outbox.lock', now })
    expect(z.generation).toBe(6)
    // X's link to 4 now succeeds (4 was removed), but 6 exists: X must not believe it holds the lock.
    resume()
    await expect(x).rejects.toBeInstanceOf(JournalLockedError)
    expect(lockFiles(dir)).toEqual(['outbox.lock.6'])
    await z.release()
    expect(lockFiles(dir)).toEqual(['outbox.lock.7'])
  })

  it('refuses while a live process holds the folder and recovers after that holder is SIGKILLed', async () => {
    const dir = tempDir()
    const holder = startChild(['hold', dir])
    expect(await holder.line()).toBe('held')
    const error = await open(dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(JournalLockedError)
    expect((error as JournalLockedError).pid).toBe(holder.pid)
    expect((error as JournalLockedError).message).toMatch(new RegExp(`pid ${holder.pid}`))
    holder.process.kill('SIGKILL')
    expect((await holder.exited).signal).toBe('SIGKILL')
    const opened = await open(dir)
    await opened.journal.append(record(1))
    await opened.journal.close()
  })
})
