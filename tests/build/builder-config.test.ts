import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { EXPECTED_FUSES, validateBuilderConfig } from '../../scripts/validate-builder-config'

const ROOT = resolve(import.meta.dirname, '../..')
const CONFIG = join(ROOT, 'electron-builder.yml')
const ORIGINAL = readFileSync(CONFIG, 'utf8')
const TMP = mkdtempSync(join(tmpdir(), 'callboard-builder-config-'))

afterAll(() => rmSync(TMP, { recursive: true, force: true }))

/** Writes `text` to a fresh file in the temp dir (never into the repo). */
function writeTemp(name: string, text: string): string {
  const file = join(TMP, `${name.replace(/[^a-z0-9]+/gi, '-')}.yml`)
  writeFileSync(file, text)
  return file
}

/** Replaces exactly one occurrence, so a stale mutation fails loudly instead of testing nothing. */
function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const count =
    typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from, 'gm')) ?? []).length
  if (count !== 1) throw new Error(`mutation pattern ${String(from)} matched ${count} times in electron-builder.yml`)
  return text.replace(from, to)
}

describe('electron-builder.yml', () => {
  it('passes the schema and the Callboard policy with zero problems', async () => {
    expect(await validateBuilderConfig(CONFIG)).toEqual([])
  })

  it('a verbatim temp copy is also clean (the mutation baseline)', async () => {
    expect(await validateBuilderConfig(writeTemp('baseline', ORIGINAL))).toEqual([])
  })

  it('sets the deb maintainer to package.json "author"', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { author?: string }
    expect(pkg.author).toBeTruthy()
    expect(ORIGINAL).toMatch(new RegExp(`^  maintainer: ${pkg.author}$`, 'm'))
  })

  it('spells out every fuse the policy requires', () => {
    for (const [name, value] of Object.entries(EXPECTED_FUSES)) {
      expect(ORIGINAL).toMatch(new RegExp(`^  ${name}: ${value}$`, 'm'))
    }
  })
})

/** [name, mutate the YAML text, a problem the validator must report]. */
const MUTATIONS: [string, (yml: string) => string, string][] = [
  [
    'typo key asarUnpak (schema)',
    (y) => replaceOnce(y, /^asarUnpack:/m, 'asarUnpak:'),
    '/ must NOT have additional properties (asarUnpak)',
  ],
  [
    'typo inside linux (schema)',
    (y) => replaceOnce(y, /^linux:\n {2}target:$/m, 'linux:\n  targett:'),
    '/linux must NOT have additional properties (targett)',
  ],
  [
    'typo fuse name (schema)',
    (y) => replaceOnce(y, 'runAsNode: false', 'runAsNod: false'),
    '/electronFuses must NOT have additional properties (runAsNod)',
  ],
  [
    'fuse of the wrong type (schema)',
    (y) => replaceOnce(y, 'runAsNode: false', 'runAsNode: "no"'),
    '/electronFuses/runAsNode must be boolean',
  ],
  ['npmRebuild: true', (y) => replaceOnce(y, 'npmRebuild: false', 'npmRebuild: true'), 'npmRebuild must be false'],
  [
    'runAsNode: true',
    (y) => replaceOnce(y, 'runAsNode: false', 'runAsNode: true'),
    'electronFuses.runAsNode must be false (got true)',
  ],
  [
    'onlyLoadAppFromAsar: false',
    (y) => replaceOnce(y, 'onlyLoadAppFromAsar: true', 'onlyLoadAppFromAsar: false'),
    'electronFuses.onlyLoadAppFromAsar must be true (got false)',
  ],
  [
    'grantFileProtocolExtraPrivileges removed',
    (y) => replaceOnce(y, /^ {2}grantFileProtocolExtraPrivileges: false\n/m, ''),
    'electronFuses.grantFileProtocolExtraPrivileges must be false (got missing)',
  ],
  ['deb target missing', (y) => replaceOnce(y, /^ {4}- deb\n/m, ''), 'linux.target must include deb'],
  [
    'win target msi instead of nsis',
    (y) => replaceOnce(y, 'target: nsis', 'target: msi'),
    'win.target must include nsis',
  ],
  ['mac target without dmg', (y) => replaceOnce(y, /^ {4}- dmg\n/m, ''), 'mac.target must include dmg'],
  ['mac target without zip (updates)', (y) => replaceOnce(y, /^ {4}- zip\n/m, ''), 'mac.target must include zip'],
  [
    'nsis without the link-capabilities include',
    (y) => replaceOnce(y, /^ {2}include: resources\/installer\.nsh\n/m, ''),
    'nsis.include must be "resources/installer.nsh"',
  ],
  [
    'a signing certificate in the file',
    (y) => replaceOnce(y, /^win:$/m, 'win:\n  signtoolOptions:\n    certificateFile: certs/callboard.pfx'),
    'win.signtoolOptions.certificateFile must not be set',
  ],
  ['a notarization password in the file', (y) => `${y}cscKeyPassword: hunter2\n`, 'cscKeyPassword must not be set'],
  [
    'wrong appId',
    (y) => replaceOnce(y, 'appId: io.callboard.desktop', 'appId: com.example.app'),
    'appId must be "io.callboard.desktop"',
  ],
  [
    'asarUnpack without *.node',
    (y) => replaceOnce(y, "- '**/*.node'", "- '**/*.so'"),
    'asarUnpack must include "**/*.node"',
  ],
  ['asar: false', (y) => `${y}asar: false\n`, 'asar must not be false'],
  [
    'files includes tests/**',
    (y) => replaceOnce(y, /^ {2}- out\/\*\*$/m, '  - out/**\n  - tests/**'),
    'files must include only out/** and package.json: "tests/**"',
  ],
  [
    'files includes everything',
    (y) => replaceOnce(y, /^ {2}- out\/\*\*$/m, "  - '**/*'"),
    'files must include only out/** and package.json: "**/*"',
  ],
  ["files lacks '!tests/**'", (y) => replaceOnce(y, /^ {2}- '!tests\/\*\*'\n/m, ''), 'files must exclude "tests/**"'],
  ["files lacks '!**/*.ts'", (y) => replaceOnce(y, /^ {2}- '!\*\*\/\*\.ts'\n/m, ''), 'files must exclude "**/*.ts"'],
  [
    'platform-level files override',
    (y) => replaceOnce(y, /^linux:$/m, 'linux:\n  files:\n    - "**/*"'),
    'linux.files must not be set',
  ],
  ['invalid YAML', (y) => `${y}\n  : [unclosed\n`, 'invalid YAML'],
]

describe('validateBuilderConfig reports each broken copy', () => {
  it.each(MUTATIONS)('%s', async (name, mutate, expected) => {
    const mutated = mutate(ORIGINAL)
    expect(mutated).not.toBe(ORIGINAL)
    const problems = await validateBuilderConfig(writeTemp(name, mutated))
    expect(problems).toContainEqual(expect.stringContaining(expected))
  })

  it('reports a missing file instead of throwing', async () => {
    expect(await validateBuilderConfig(join(TMP, 'does-not-exist.yml'))).toEqual([
      expect.stringMatching(/^cannot read .*does-not-exist\.yml: ENOENT/),
    ])
  })
})

describe('validate-builder-config CLI (as CI runs it)', () => {
  const run = (file: string) =>
    spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
        '--tsconfig',
        'tsconfig.node.json',
        'scripts/validate-builder-config.ts',
        file,
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 30_000 },
    )

  it('prints OK and exits 0 for the real config', () => {
    const result = run(CONFIG)
    expect(result.stderr).toBe('')
    expect(result.stdout.trim()).toBe(`builder config OK: ${CONFIG}`)
    expect(result.status).toBe(0)
  })

  it('lists the problems and exits 1 for a broken config', () => {
    const file = writeTemp('cli-broken', ORIGINAL.replace('npmRebuild: false', 'npmRebuild: true'))
    const result = run(file)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('npmRebuild must be false')
    expect(result.status).toBe(1)
  })
})
