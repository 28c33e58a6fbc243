import { execFile } from 'node:child_process'
import { issueMessage } from '@shared/i18n/issue-message'
import { msg, type Message } from '@shared/i18n/message'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { PolicyDocument } from '@shared/schemas/policy'
import { APP_ID } from '../core/app-id'

// The administrator's policy, read once at start from where each platform keeps managed settings.
// Anchored on how VS Code and Chrome take theirs: one machine-wide place per OS that only an
// administrator can write, validated as a whole, and never half-applied.

export type PolicyLocation =
  | { kind: 'file'; path: string }
  /** A REG_SZ value holding the policy's JSON. */
  | { kind: 'registry'; key: string; value: string }
  /** The plist a configuration profile installs (its keys are the policy's). */
  | { kind: 'managed-preferences'; path: string }

export const LINUX_POLICY_FILE = '/etc/callboard/policy.json'
export const WINDOWS_POLICY_KEY = 'HKLM\\Software\\Policies\\Callboard'
export const MACOS_POLICY_PLIST = `/Library/Managed Preferences/${APP_ID}.plist`

export function policyLocationFor(platform: NodeJS.Platform, overrideFile?: string): PolicyLocation {
  if (overrideFile) return { kind: 'file', path: overrideFile }
  if (platform === 'win32') return { kind: 'registry', key: WINDOWS_POLICY_KEY, value: 'Policy' }
  if (platform === 'darwin') return { kind: 'managed-preferences', path: MACOS_POLICY_PLIST }
  return { kind: 'file', path: LINUX_POLICY_FILE }
}

export interface PolicyRead {
  /** Where it was found, in words for the admin; null when there is none. */
  source: string | null
  policy: PolicyDocument | null
  /** Why what was found is not applied (the app then runs with its defaults), in the agent's language, or null. */
  problem: Message | null
}

/** How the policy is fetched: the file system and two OS tools; tests give their own. */
export interface PolicyIo {
  readFile(path: string): Promise<string | null>
  run(command: string, args: string[]): Promise<{ code: number; stdout: string }>
}

const run = promisify(execFile)
export const nodePolicyIo: PolicyIo = {
  readFile: (path) =>
    readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null
      throw error
    }),
  run: (command, args) =>
    run(command, args, { windowsHide: true, maxBuffer: 4 * 1024 * 1024 }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code?: number; stdout?: string }) => ({
        code: typeof error.code === 'number' ? error.code : 1,
        stdout: error.stdout ?? '',
      }),
    ),
}

const none: PolicyRead = { source: null, policy: null, problem: null }

export async function readPolicy(where: PolicyLocation, io: PolicyIo = nodePolicyIo): Promise<PolicyRead> {
  let source: string
  let text: string | null
  try {
    if (where.kind === 'file') {
      source = where.path
      text = await io.readFile(where.path)
    } else if (where.kind === 'registry') {
      source = `${where.key}\\${where.value}`
      text = registryValue(await io.run('reg', ['query', where.key, '/v', where.value]), where.value)
    } else {
      source = where.path
      if ((await io.readFile(where.path)) === null) return none
      const converted = await io.run('plutil', ['-convert', 'json', '-o', '-', where.path])
      if (converted.code !== 0) return { source, policy: null, problem: msg('policyProblem.unconvertible') }
      text = converted.stdout
    }
  } catch (error) {
    return {
      source: describe(where),
      policy: null,
      problem: msg('policyProblem.unreadable', { detail: error instanceof Error ? error.message : String(error) }),
    }
  }
  if (text === null) return none
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return {
      source,
      policy: null,
      problem: msg('policyProblem.notJson', { detail: error instanceof Error ? error.message : String(error) }),
    }
  }
  const parsed = PolicyDocument.safeParse(json)
  if (!parsed.success) {
    // The first problem, where it is, and how many more: each said in the agent's language.
    const [first, ...others] = parsed.error.issues
    const where = first?.path.length ? first.path.join('.') : msg('policyProblem.wholePolicy')
    const problem = issueMessage(first?.message ?? '')
    return {
      source,
      policy: null,
      problem: others.length
        ? msg('policyProblem.invalidMore', { where, problem, more: others.length })
        : msg('policyProblem.invalid', { where, problem }),
    }
  }
  return { source, policy: parsed.data, problem: null }
}

function describe(where: PolicyLocation): string {
  return where.kind === 'registry' ? `${where.key}\\${where.value}` : where.path
}

/**
 * `reg query KEY /v NAME` prints `    NAME    REG_SZ    VALUE`; exit code 1 when the key or the
 * value does not exist (no policy).
 */
export function registryValue(result: { code: number; stdout: string }, name: string): string | null {
  if (result.code !== 0) return null
  for (const line of result.stdout.split(/\r?\n/)) {
    const match = /^\s+(\S+)\s+(REG_SZ|REG_EXPAND_SZ)\s{4}(.*)$/.exec(line)
    if (match && match[1]!.toLowerCase() === name.toLowerCase()) return match[3]!
  }
  return null
}
