import { execFile } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it, vi } from 'vitest'
import { applyStartAtLogin, AUTOSTART_FILE, HIDDEN_FLAG } from '../../electron/main/desktop/login-item'
import { inEnglish } from '../shared/in-english'

// Start at sign-in. On Linux the entry is read by the desktop, not by us: freedesktop's own
// validator (desktop-file-validate) checks each written entry against the specification, and GLib
// (GNOME's loader, through `gio launch`) parses it and starts the program it names, which records
// its arguments. Paths with spaces, quotes, `$`, backticks and backslashes must arrive intact.

const run = promisify(execFile)
const GIO = '/usr/bin/gio'
const VALIDATE = '/usr/bin/desktop-file-validate'
const hasGio = existsSync(GIO) && existsSync(VALIDATE)
if (!hasGio && process.env['CI']) {
  throw new Error(
    'CI=true but gio or desktop-file-validate is missing: .ci/run installs libglib2.0-bin and desktop-file-utils.',
  )
}

/** A program in a folder named `name` that writes its arguments, one per line, beside itself. */
function recorder(name: string) {
  const root = mkdtempSync(join(tmpdir(), 'callboard-login-'))
  const folder = join(root, name)
  mkdirSync(folder, { recursive: true })
  const program = join(folder, 'callboard')
  const out = join(root, 'argv.txt')
  writeFileSync(program, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${out}'\n`)
  chmodSync(program, 0o755)
  return { root, program, out }
}

const linuxHost = (executable: string, autostartDir: string) => ({
  platform: 'linux' as const,
  setLoginItemSettings: vi.fn(),
  executable,
  autostartDir,
})

describe.skipIf(!hasGio)('the Linux autostart entry, as the specification and GLib read it', () => {
  const names = ['plain', 'with space', 'quote " inside', 'dollar $HOME', 'back `tick`', 'back\\slash', "it's"]
  for (const name of names) {
    it(`starts ${JSON.stringify(name)} hidden`, async () => {
      const { root, program, out } = recorder(name)
      const autostart = join(root, 'autostart')
      expect(await applyStartAtLogin(linuxHost(program, autostart), true)).toBeNull()
      const entry = join(autostart, AUTOSTART_FILE)
      // Silent and exit 0 when the entry follows the specification (a backslash too few fails it).
      expect(await run(VALIDATE, [entry])).toMatchObject({ stdout: '', stderr: '' })
      await run(GIO, ['launch', entry])
      // gio starts the program and returns; its output file appears when it has run.
      await vi.waitFor(() => expect(readFileSync(out, 'utf8')).toBe(`${HIDDEN_FLAG}\n`), { timeout: 10_000 })
    })
  }
})

describe('start at sign-in', () => {
  it('off removes the Linux entry; off again is not an error', async () => {
    const { root, program } = recorder('plain')
    const host = linuxHost(program, join(root, 'autostart'))
    await applyStartAtLogin(host, true)
    expect(existsSync(join(root, 'autostart', AUTOSTART_FILE))).toBe(true)
    expect(await applyStartAtLogin(host, false)).toBeNull()
    expect(existsSync(join(root, 'autostart', AUTOSTART_FILE))).toBe(false)
    expect(await applyStartAtLogin(host, false)).toBeNull()
  })

  it('refuses a path with a % sign, saying why, and writes nothing', async () => {
    const { root, program } = recorder('100%')
    const problem = await applyStartAtLogin(linuxHost(program, join(root, 'autostart')), true)
    expect(inEnglish(problem)).toMatch(/^Callboard cannot start at sign-in from a folder whose path holds a % sign/)
    expect(problem).toMatchObject({ key: 'notice.startAtSignInPercent' })
    expect(existsSync(join(root, 'autostart'))).toBe(false)
  })

  it('an autostart folder that cannot be written: the reason, not a crash', async () => {
    const { root, program } = recorder('plain')
    writeFileSync(join(root, 'autostart'), 'a file where the folder should be')
    const problem = await applyStartAtLogin(linuxHost(program, join(root, 'autostart')), true)
    expect(inEnglish(problem)).toMatch(/^Callboard could not add itself to the programs that start at sign-in: /)
    expect(problem).toMatchObject({ key: 'notice.startAtSignInAdd' })
  })

  it('Windows and macOS use Electron’s login items, with the flag that keeps the window closed', async () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const host = { ...linuxHost('C:\\Program Files\\Callboard\\Callboard.exe', 'unused'), platform }
      expect(await applyStartAtLogin(host, true)).toBeNull()
      expect(await applyStartAtLogin(host, false)).toBeNull()
      expect(host.setLoginItemSettings.mock.calls).toEqual([
        [{ openAtLogin: true, args: [HIDDEN_FLAG] }],
        [{ openAtLogin: false, args: [HIDDEN_FLAG] }],
      ])
    }
  })
})
