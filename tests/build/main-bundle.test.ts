import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

// What the main-process bundle the app ships (`electron-vite build` → out/main) holds, and what it
// leaves for later or leaves out: the sandbox and its simulators load only when the sandbox is used,
// and the crash harness's test hooks are not compiled in at all.

const OUT = resolve(import.meta.dirname, '../../out/main')
const SIMULATORS = [
  'startWebexSimulator',
  'startEgainSimulator',
  'startConnectSimulator',
  'startAiccsSimulator',
  'startVoiceBroadcastSimulator',
]

describe('the main-process bundle (out/main)', () => {
  let entry = ''
  let chunks: string[] = []
  beforeAll(() => {
    if (!existsSync(join(OUT, 'index.js')))
      throw new Error('out/main/index.js is missing: run `npx electron-vite build`')
    entry = readFileSync(join(OUT, 'index.js'), 'utf8')
    chunks = readdirSync(OUT)
      .filter((name) => name.endsWith('.js') && name !== 'index.js')
      .map((name) => readFileSync(join(OUT, name), 'utf8'))
  })

  it('has no crash point: no environment variable can make the packaged app kill itself', () => {
    expect(entry).not.toContain('CALLBOARD_CRASH_AT')
    expect(entry).not.toContain('SIGKILL')
    for (const chunk of chunks) expect(chunk).not.toContain('CALLBOARD_CRASH_AT')
  })

  it('starts no simulator at launch: each is in a chunk of its own, loaded when the sandbox first uses it', () => {
    for (const name of SIMULATORS) {
      expect(entry, name).not.toContain(name)
      expect(
        chunks.filter((chunk) => chunk.includes(`function ${name}(`)),
        name,
      ).toHaveLength(1)
    }
  })

  it('holds none of the harness: its stand-ins for the shortcut, a tel: link and the clipboard are development-only', () => {
    // Issue 16 item 10: every file the app is built from (main, preload, renderer), not only out/main.
    const built = resolve(OUT, '..')
    const offenders = readdirSync(built, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(js|cjs|mjs|html)$/.test(name))
      .filter((name) => /__harness|startHarness|CALLBOARD_HARNESS_URL/.test(readFileSync(join(built, name), 'utf8')))
    expect(offenders).toEqual([])
  })

  it('loads the sandbox itself only when it is turned on', () => {
    expect(entry).not.toMatch(/function createSandbox\(/)
    expect(chunks.some((chunk) => /function createSandbox\(/.test(chunk))).toBe(true)
  })
})
