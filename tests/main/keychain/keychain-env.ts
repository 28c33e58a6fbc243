import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const repo = resolve(import.meta.dirname, '../../..')

/**
 * Keychain tests need a D-Bus session with an unlocked Secret Service (scripts/with-keyring.sh).
 * In CI their absence is a failure, not a skip.
 */
export function keyringSessionAvailable(): boolean {
  const present = Boolean(process.env['DBUS_SESSION_BUS_ADDRESS'])
  if (!present && process.env['CI']) {
    throw new Error('CI=true but there is no D-Bus session: run the tests through scripts/with-keyring.sh')
  }
  return present
}

export function toolsAvailable(): boolean {
  const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0
  const present = has('dbus-run-session') && has('gnome-keyring-daemon') && has('dbus-send')
  if (!present && process.env['CI'])
    throw new Error('CI=true but dbus/gnome-keyring tools are missing (apt: dbus gnome-keyring)')
  return present
}

export interface ProbeResult {
  health: { state: string; cause: string; detail: string }
  ms: number
  read: string
}

/** Runs the health probe in a child with the given shell prelude (sets up or breaks the bus). */
export function probeIn(script: string, env: NodeJS.ProcessEnv = process.env): ProbeResult {
  const home = mkdtempSync(join(tmpdir(), 'callboard-kc-'))
  const probe = `node --import tsx ${JSON.stringify(join(repo, 'tests/main/keychain/health-cli.ts'))}`
  const output = execFileSync('sh', ['-c', script.replaceAll('PROBE', probe)], {
    cwd: repo,
    env: { ...env, XDG_DATA_HOME: join(home, 'data'), XDG_RUNTIME_DIR: join(home, 'run'), HOME_FOR_TEST: home },
    encoding: 'utf8',
    timeout: 30_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const line = output.trim().split('\n').pop() ?? ''
  return JSON.parse(line) as ProbeResult
}

/** A session-bus config with no service directories: a bus on which nothing provides secrets. */
export function bareBusConfig(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'callboard-bus-')), 'bare-session.xml')
  writeFileSync(
    file,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=${tmpdir()}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
</busconfig>
`,
  )
  return file
}

export const mkRuntime = 'mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"'
