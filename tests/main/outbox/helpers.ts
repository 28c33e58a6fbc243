import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { z } from 'zod'
import type { Clock } from '../../../electron/main/core/clock'
import { createLogger, type Logger } from '../../../electron/main/core/logger'

export const TestRecord = z.object({ seq: z.number().int().nonnegative(), body: z.string() })
export type TestRecord = z.infer<typeof TestRecord>

export const record = (seq: number, bytes = 40): TestRecord => ({
  seq,
  body: `r${seq}-`.padEnd(bytes, 'x'),
})

export function tempDir(prefix = 'callboard-journal-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** Wall clock fixed at a known instant, moving 1 ms per read so quarantine names stay unique. */
export function testClock(start = Date.parse('2026-11-23T10:00:00.000Z')): Clock {
  let t = start
  return { now: () => new Date(t++), monotonicMs: () => t - start }
}

export function testLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = []
  const logger = createLogger((line) => lines.push(JSON.parse(line) as Record<string, unknown>), testClock())
  return { logger, lines }
}

export const CHILD_SCRIPT = resolve(import.meta.dirname, 'journal-child.ts')

export interface Child {
  readonly process: ChildProcess
  readonly pid: number
  /** Next stdout line, or null once stdout has ended. */
  line(): Promise<string | null>
  /** Every stdout line until the process exits. */
  rest(): Promise<string[]>
  send(line: string): void
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

export function startChild(args: string[], env: Record<string, string> = {}): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT, ...args], {
    cwd: resolve(import.meta.dirname, '../../..'),
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const buffered: string[] = []
  const waiting: ((line: string | null) => void)[] = []
  let ended = false
  let stderr = ''
  proc.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const rl = createInterface({ input: proc.stdout! })
  rl.on('line', (line) => {
    const w = waiting.shift()
    if (w) w(line)
    else buffered.push(line)
  })
  rl.on('close', () => {
    ended = true
    for (const w of waiting.splice(0)) w(null)
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    proc.on('exit', (code, signal) => {
      if (code) console.error(`child ${args.join(' ')} exited ${code}: ${stderr}`)
      done({ code, signal })
    }),
  )
  const line = (): Promise<string | null> => {
    const next = buffered.shift()
    if (next !== undefined) return Promise.resolve(next)
    if (ended) return Promise.resolve(null)
    return new Promise((done) => waiting.push(done))
  }
  return {
    process: proc,
    pid: proc.pid!,
    line,
    async rest() {
      const all: string[] = []
      for (let l = await line(); l !== null; l = await line()) all.push(l)
      await exited
      return all
    },
    send: (l) => proc.stdin!.write(`${l}\n`),
    exited,
  }
}
