/**
 * Packages the app for real with electron-builder (`--dir`, linux x64) and inspects app.asar.
 *
 * Offline: electron-builder would download the Electron zip from github.com, so `electronDist` points
 * at a stub folder shaped like an unpacked Electron (toolchain.md, row 6). The stub's `electron` file
 * carries a fuse wire (sentinel + version + length + states, the layout @electron/fuses patches in
 * the real binary), so the `electronFuses` config is applied and checked too.
 */
import { execFile, execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXPECTED_FUSES } from '../../scripts/validate-builder-config'

const ROOT = resolve(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)

const BUILD_OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']
const SOURCE_DIRS = ['electron', 'renderer', 'shared', 'tests', 'harness', 'scripts']
/** Same bytes as @electron/fuses' SENTINEL; the wire follows it. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const FUSE_WIRE_LENGTH = 8
const [DISABLE, ENABLE] = ['0', '1']

type Pkg = { dependencies?: Record<string, string>; devDependencies?: Record<string, string> }
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Pkg
const electronVersion = (
  JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
).version

/** Every package name in the production dependency tree (`npm ls --omit=dev`). */
function productionPackageNames(): Set<string> {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' })
  return new Set(
    out
      .split('\n')
      .map((line) => /node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(line.trim())?.[1])
      .filter((name): name is string => Boolean(name)),
  )
}

/** Fuse index in the wire, by electron-builder option name (runAsNode -> FuseV1Options.RunAsNode). */
function fuseIndex(name: string): number {
  const { FuseV1Options } = require('@electron/fuses') as typeof import('@electron/fuses')
  const index = (FuseV1Options as unknown as Record<string, number>)[name.charAt(0).toUpperCase() + name.slice(1)]
  if (index === undefined) throw new Error(`@electron/fuses has no FuseV1Options entry for ${name}`)
  return index
}

/** A stand-in for an unpacked Electron whose fuses all start opposite to what Callboard wants. */
function makeElectronStub(dir: string): void {
  const wire = Array.from({ length: FUSE_WIRE_LENGTH }, () => DISABLE)
  for (const [name, wanted] of Object.entries(EXPECTED_FUSES)) wire[fuseIndex(name)] = wanted ? DISABLE : ENABLE
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stub Electron: not runnable"\nexit 1\n# '),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, FUSE_WIRE_LENGTH]),
    Buffer.from(wire.join('')),
    Buffer.from('\n'),
  ])
  mkdirSync(join(dir, 'resources'), { recursive: true })
  writeFileSync(join(dir, 'electron'), binary)
  chmodSync(join(dir, 'electron'), 0o755)
  writeFileSync(join(dir, 'version'), electronVersion)
  writeFileSync(join(dir, 'LICENSE'), 'stub\n')
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>stub</p>\n')
}

function readFuseWire(binaryPath: string): string {
  const bytes = readFileSync(binaryPath)
  const at = bytes.indexOf(FUSE_SENTINEL)
  if (at < 0) throw new Error(`no fuse sentinel in ${binaryPath}`)
  const start = at + FUSE_SENTINEL.length + 2
  return bytes.subarray(start, start + FUSE_WIRE_LENGTH).toString('latin1')
}

describe('packaged app.asar (offline electron-builder --dir --linux --x64)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'callboard-asar-'))
  const stubDir = join(tmp, 'electron-dist')
  const outputDir = join(tmp, 'dist')
  const appDir = join(outputDir, 'linux-unpacked')
  const asarPath = join(appDir, 'resources', 'app.asar')
  let files: string[] = []
  let buildLog = ''

  beforeAll(async () => {
    const missing = BUILD_OUTPUTS.filter((f) => !existsSync(join(ROOT, f)))
    if (missing.length > 0) {
      throw new Error(`missing build output ${missing.join(', ')}: run \`npx electron-vite build\` before this test`)
    }
    if (!existsSync(join(ROOT, 'node_modules/@electron/asar/package.json'))) {
      throw new Error('node_modules/@electron/asar is missing (it comes with electron-builder): run `npm ci`')
    }
    makeElectronStub(stubDir)

    // builder-util silences all non-error logging when VITEST is set; the log is asserted on below.
    const env = { ...process.env }
    delete env['VITEST']
    const started = performance.now()
    try {
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        [
          join(ROOT, 'node_modules/electron-builder/cli.js'),
          '--dir',
          '--linux',
          '--x64',
          '--publish',
          'never',
          `-c.electronDist=${stubDir}`,
          `-c.directories.output=${outputDir}`,
        ],
        { cwd: ROOT, env, timeout: 110_000, maxBuffer: 16 * 1024 * 1024 },
      )
      buildLog = stdout + stderr
    } catch (error) {
      const e = error as Error & { stdout?: string; stderr?: string }
      throw new Error(`electron-builder failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`, { cause: error })
    }
    console.info(`electron-builder --dir took ${((performance.now() - started) / 1000).toFixed(1)} s`)

    const asar = require('@electron/asar') as typeof import('@electron/asar')
    files = asar.listPackage(asarPath, { isPack: false })
  }, 120_000)

  afterAll(() => rmSync(tmp, { recursive: true, force: true }))

  it('packaged from the stub offline, with the repo config and no rebuild', () => {
    expect(buildLog).toContain('loaded configuration')
    expect(buildLog).toContain(`file=${join(ROOT, 'electron-builder.yml')}`)
    expect(buildLog).toContain('using custom unpacked Electron distribution')
    expect(buildLog).toContain('npmRebuild is set to false')
    expect(existsSync(join(appDir, 'callboard'))).toBe(true)
    // onlyLoadAppFromAsar: there must be an archive and no loose app folder.
    expect(existsSync(asarPath)).toBe(true)
    expect(existsSync(join(appDir, 'resources', 'app'))).toBe(false)
  })

  it('contains the build output and package.json', () => {
    for (const f of [...BUILD_OUTPUTS, 'package.json']) expect(files).toContain(`/${f}`)
  })

  it('contains no sources, tests, scripts, TypeScript or source maps', () => {
    const app = files.filter((f) => !f.startsWith('/node_modules/'))
    expect(app.filter((f) => SOURCE_DIRS.some((d) => f === `/${d}` || f.startsWith(`/${d}/`)))).toEqual([])
    expect(app.filter((f) => f.endsWith('.ts'))).toEqual([])
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([])
    // Only out/ and package.json at the top level (plus node_modules).
    expect(new Set(app.map((f) => f.split('/')[1]))).toEqual(new Set(['out', 'package.json', 'node_modules']))
  })

  it('bundles the runtime dependencies and no devDependencies', () => {
    const runtime = Object.keys(pkg.dependencies ?? {})
    expect(runtime).toEqual(expect.arrayContaining(['zod', 'libphonenumber-js']))
    for (const dep of runtime) expect(files).toContain(`/node_modules/${dep}/package.json`)

    const dev = Object.keys(pkg.devDependencies ?? {})
    expect(dev).toEqual(expect.arrayContaining(['vue', 'vitest', 'electron']))
    // A devDependency may ship only when a runtime dependency needs it too (Alibaba's SDK lists
    // @types/node among its dependencies, for instance).
    const runtimeClosure = productionPackageNames()
    const shipped = dev.filter(
      (d) =>
        !runtimeClosure.has(d) && files.some((f) => f === `/node_modules/${d}` || f.startsWith(`/node_modules/${d}/`)),
    )
    expect(shipped, 'dev-only packages packaged into app.asar').toEqual([])
    expect(runtimeClosure.has('vue')).toBe(false)
  })

  it("unpacks the keychain binding's native addon beside the archive (it cannot load from inside)", () => {
    const platformPackage = '/node_modules/@napi-rs/keyring-linux-x64-gnu'
    const addon = files.find((f) => f.startsWith(platformPackage) && f.endsWith('.node'))
    expect(addon, 'keyring .node file listed in app.asar').toBeDefined()
    expect(existsSync(join(appDir, 'resources', 'app.asar.unpacked', ...addon!.split('/').filter(Boolean)))).toBe(true)
  })

  it('flips every Electron fuse to the configured value', () => {
    const wire = readFuseWire(join(appDir, 'callboard'))
    for (const [name, wanted] of Object.entries(EXPECTED_FUSES)) {
      expect(`${name}=${wire[fuseIndex(name)]}`).toBe(`${name}=${wanted ? ENABLE : DISABLE}`)
    }
  })
})
