import { existsSync, readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AppInfo } from '@shared/schemas/app-info'
import type { ProfileSummary } from '@shared/schemas/credentials'
import type { KeychainHealth } from '@shared/schemas/keychain'
import type { OutboxEntry, QueueSnapshot } from '@shared/schemas/outbox'
import type { SettingsState } from '@shared/schemas/settings'
import type { UpdateStatus } from '@shared/schemas/updates'
import type { PolicyState } from '@shared/schemas/policy'
import { proxySecrets } from '../net/network'
import { redactSecrets, secretLeaves } from '../secrets/redact-secrets'
import type { SecretStore } from '../secrets/secret-store'
import type { Clock } from '../core/clock'
import { maskNumbers } from '../core/log-redaction'

/** Lines of the log in one export: the newest, enough for the hours before a problem. */
export const LOG_LINES = 3000
/** Tasks listed one by one when the agent ticks "include customer numbers". */
export const TASKS_LISTED = 200

export interface DiagnosticsSources {
  appInfo: AppInfo
  clock: Clock
  settings(): SettingsState
  profiles(): Promise<ProfileSummary[]>
  queue(): Pick<QueueSnapshot, 'counts' | 'paused' | 'lanes' | 'notice' | 'stopped' | 'unavailable'> | null
  /** Every task the queue holds (for counts by state, and the list when numbers are included). */
  entries(): readonly OutboxEntry[]
  updates(): UpdateStatus
  /** The administrator's policy as applied (where from, what it locks, why not). */
  policy(): PolicyState
  keychain(): Promise<KeychainHealth>
  /** The log file being written; its rotated copies (`.1`, `.2`, …) sit beside it. */
  logFile: string | null
  /** The keychain: every value in it is swept out of the file, whatever form it takes. */
  secrets: SecretStore
}

/**
 * One file for a support ticket: versions, settings and profiles (never credentials, only whether
 * they are stored), the queue's counts and lanes, the update and keychain states, and the newest
 * log lines. Customer numbers only when the agent asks for them (the task list); otherwise every
 * run of digits that could be a phone number is masked, the profiles' own numbers included. Every
 * value in the keychain is swept out in every form last, whatever the agent ticked.
 */
export async function buildDiagnostics(sources: DiagnosticsSources, options: { includeNumbers: boolean }) {
  const entries = sources.entries()
  const byState: Record<string, number> = {}
  for (const entry of entries) byState[entry.state] = (byState[entry.state] ?? 0) + 1
  const report = {
    callboardDiagnostics: 1,
    generatedAt: sources.clock.now().toISOString(),
    includesCustomerNumbers: options.includeNumbers,
    app: sources.appInfo,
    runtime: { node: process.versions.node, chrome: process.versions['chrome'] ?? null, platform: process.platform },
    settings: sources.settings(),
    profiles: await sources.profiles(),
    keychain: await sources.keychain().catch((error: unknown) => ({ error: String(error) })),
    updates: sources.updates(),
    policy: sources.policy(),
    queue: { ...sources.queue(), byState, total: entries.length },
    ...(options.includeNumbers
      ? {
          tasks: [...entries]
            .sort((a, b) => b.seq - a.seq)
            .slice(0, TASKS_LISTED)
            .map((e) => ({
              id: e.id,
              kind: e.intent.kind,
              provider: e.provider,
              state: e.state,
              createdAt: e.createdAt,
              notAfter: e.notAfter,
              attempts: e.attempts,
              lastProblem: e.lastProblem,
              intent: e.intent,
            })),
        }
      : {}),
    log: readLogTail(sources.logFile, LOG_LINES),
  }
  let text = JSON.stringify(report, null, 2)
  if (!options.includeNumbers) text = maskNumbers(text)
  const stored = await sources.secrets.list().catch(() => [])
  // The keychain's values, and the proxy credentials this process has used (they are not kept there).
  return redactSecrets(text, [...stored.flatMap((entry) => secretLeaves(entry.value)), ...proxySecrets()])
}

/** Writes the report (0600: it describes the agent's setup) and answers where. */
export async function exportDiagnostics(
  sources: DiagnosticsSources,
  dir: string,
  options: { includeNumbers: boolean },
): Promise<{ path: string; bytes: number }> {
  const text = await buildDiagnostics(sources, options)
  await mkdir(dir, { recursive: true })
  const stamp = sources.clock.now().toISOString().replace(/[:.]/g, '-')
  const path = join(dir, `callboard-diagnostics-${stamp}.json`)
  await writeFile(path, text, { mode: 0o600, flag: 'wx' })
  return { path, bytes: Buffer.byteLength(text) }
}

/** The newest `max` lines over the log file and its rotated copies, oldest first. */
function readLogTail(file: string | null, max: number): string[] {
  if (!file) return []
  const lines: string[] = []
  for (let n = 0; n < 10 && lines.length < max; n++) {
    const path = n === 0 ? file : `${file}.${n}`
    if (!existsSync(path)) break
    const own = readFileSync(path, 'utf8').split('\n').filter(Boolean)
    lines.unshift(...own.slice(Math.max(0, own.length - (max - lines.length))))
  }
  return lines
}
