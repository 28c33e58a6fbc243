/**
 * Offline check of electron-builder.yml: electron-builder's own JSON schema (catches typos such as
 * `asarUnpak`, which electron-builder would otherwise only report at packaging time) plus Callboard's
 * packaging policy (identity, fuses, targets, nothing but the build output in app.asar).
 *
 * Usage: tsx --tsconfig tsconfig.node.json scripts/validate-builder-config.ts [electron-builder.yml]
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Ajv, type ErrorObject } from 'ajv'
import { APP_ID } from '../electron/main/core/app-id'

const require = createRequire(import.meta.url)
// js-yaml ships no types and @types/js-yaml is not installed; this is the one function used.
const yaml = require('js-yaml') as { load(text: string, options?: { filename?: string }): unknown }
const SCHEMA_PATH = require.resolve('app-builder-lib/scheme.json')

export const EXPECTED_APP_ID = APP_ID
export const EXPECTED_PRODUCT_NAME = 'Callboard'

/** Exact fuse values Callboard ships with (electron-builder's `electronFuses`, FuseOptionsV1). */
export const EXPECTED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
} as const

/** The only things app.asar may be built from (runtime node_modules are added by electron-builder). */
export const ALLOWED_FILE_INCLUDES = ['out/**', 'package.json'] as const

/** Exclusions that must be spelled out in `files`: sources, source maps and tests never ship. */
export const REQUIRED_FILE_EXCLUSIONS = [
  '!**/*.map',
  '!**/*.ts',
  '!tests/**',
  '!electron/**',
  '!renderer/**',
  '!shared/**',
  '!harness/**',
  '!scripts/**',
] as const

const REQUIRED_TARGETS: Record<'linux' | 'win' | 'mac', readonly string[]> = {
  linux: ['AppImage', 'deb'],
  win: ['nsis'],
  // electron-updater installs macOS updates from the zip.
  mac: ['dmg', 'zip'],
}

/** The NSIS include that registers tel:/callto: as capabilities (Windows offers no other way). */
export const NSIS_INCLUDE = 'resources/installer.nsh'

/** Keys that would put signing material in the file: it comes from the environment only. */
const SIGNING_SECRET_KEYS =
  /^(certificateFile|certificatePassword|certificateSha1|cscLink|cscKeyPassword|password|appleId|appleIdPassword|apiKey)$/i

/** Paths of every key in `value` whose name is one of the signing secrets. */
function signingSecretPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => signingSecretPaths(item, `${path}[${i}]`))
  if (!isRecord(value)) return []
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(SIGNING_SECRET_KEYS.test(key) ? [`${path}${path ? '.' : ''}${key}`] : []),
    ...signingSecretPaths(inner, `${path}${path ? '.' : ''}${key}`),
  ])
}

type Json = Record<string, unknown>

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function show(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value)
}

/** `<instancePath> <message> (<params>)`, e.g. `/ must NOT have additional properties (asarUnpak)`. */
export function formatAjvError(error: ErrorObject): string {
  const params = Object.values(error.params as Record<string, unknown>)
    .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
    .join(', ')
  return `${error.instancePath || '/'} ${error.message ?? 'is invalid'} (${params})`
}

let compiled: ReturnType<Ajv['compile']> | undefined

async function schemaValidator(): Promise<ReturnType<Ajv['compile']>> {
  if (!compiled) {
    const schema = JSON.parse(await readFile(SCHEMA_PATH, 'utf8')) as Json
    compiled = new Ajv({ allErrors: true, strict: false }).compile(schema)
  }
  return compiled
}

/**
 * Ajv reports every failed branch of an `anyOf` (e.g. "must be null" for `linux: {...}`); those
 * branch errors and the summary "must match a schema in anyOf" add nothing when a more specific
 * error exists, so keep them only if they are all there is.
 */
function schemaProblems(errors: readonly ErrorObject[]): string[] {
  const specific = errors.filter(
    (e) => e.keyword !== 'anyOf' && !(e.keyword === 'type' && (e.params as { type?: unknown }).type === 'null'),
  )
  return [...new Set((specific.length > 0 ? specific : errors).map(formatAjvError))]
}

/** Target names of a platform section: `target` may be a string, an object, or a list of either. */
function targetNames(platform: unknown): string[] {
  if (!isRecord(platform)) return []
  const raw = platform['target']
  const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw]
  return list.flatMap((t) => {
    if (typeof t === 'string') return [t]
    if (isRecord(t) && typeof t['target'] === 'string') return [t['target']]
    return []
  })
}

function policyProblems(config: Json): string[] {
  const problems: string[] = []

  if (config['appId'] !== EXPECTED_APP_ID) {
    problems.push(`appId must be "${EXPECTED_APP_ID}" (got ${show(config['appId'])})`)
  }
  if (config['productName'] !== EXPECTED_PRODUCT_NAME) {
    problems.push(`productName must be "${EXPECTED_PRODUCT_NAME}" (got ${show(config['productName'])})`)
  }
  if (config['npmRebuild'] !== false) {
    problems.push(
      `npmRebuild must be false: native modules are N-API only, and a rebuild downloads Electron headers (got ${show(config['npmRebuild'])})`,
    )
  }
  if (config['asar'] === false) {
    problems.push('asar must not be false: the onlyLoadAppFromAsar fuse makes an unpacked app unloadable')
  }
  const asarUnpack = config['asarUnpack']
  const unpackList = Array.isArray(asarUnpack) ? asarUnpack : [asarUnpack]
  if (!unpackList.includes('**/*.node')) {
    problems.push(`asarUnpack must include "**/*.node": native addons cannot load from inside app.asar`)
  }

  const fuses = config['electronFuses']
  if (!isRecord(fuses)) {
    problems.push(`electronFuses must be set (got ${show(fuses)})`)
  } else {
    for (const [name, expected] of Object.entries(EXPECTED_FUSES)) {
      if (fuses[name] !== expected) {
        problems.push(`electronFuses.${name} must be ${expected} (got ${show(fuses[name])})`)
      }
    }
  }

  for (const [platform, required] of Object.entries(REQUIRED_TARGETS)) {
    const names = targetNames(config[platform])
    for (const target of required) {
      if (!names.includes(target)) {
        problems.push(`${platform}.target must include ${target} (got ${show(names)})`)
      }
    }
    if (isRecord(config[platform]) && 'files' in config[platform]) {
      problems.push(`${platform}.files must not be set: it would bypass the root files policy`)
    }
  }

  const nsis = config['nsis']
  if (!isRecord(nsis) || nsis['include'] !== NSIS_INCLUDE) {
    problems.push(
      `nsis.include must be "${NSIS_INCLUDE}": without it Windows never offers Callboard for tel:/callto: links (got ${show(isRecord(nsis) ? nsis['include'] : undefined)})`,
    )
  }
  for (const path of signingSecretPaths(config)) {
    problems.push(`${path} must not be set: signing material comes from the environment (CSC_LINK, APPLE_API_KEY…)`)
  }

  const files = config['files']
  if (!Array.isArray(files)) {
    problems.push(`files must be a list of glob strings (got ${show(files)})`)
  } else {
    const allowed: readonly unknown[] = ALLOWED_FILE_INCLUDES
    for (const entry of files) {
      if (typeof entry !== 'string') {
        problems.push(`files entries must be plain glob strings, not ${show(entry)}`)
      } else if (!entry.startsWith('!') && !allowed.includes(entry)) {
        problems.push(
          `files must include only ${ALLOWED_FILE_INCLUDES.join(' and ')}: "${entry}" could package sources or tests`,
        )
      }
    }
    for (const include of ALLOWED_FILE_INCLUDES) {
      if (!files.includes(include)) problems.push(`files must include "${include}"`)
    }
    for (const exclusion of REQUIRED_FILE_EXCLUSIONS) {
      if (!files.includes(exclusion)) problems.push(`files must exclude "${exclusion.slice(1)}" (add "${exclusion}")`)
    }
  }

  return problems
}

/** Human-readable problems with an electron-builder YAML config; an empty list means valid. */
export async function validateBuilderConfig(file: string): Promise<string[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    return [`cannot read ${file}: ${(error as Error).message}`]
  }

  let config: unknown
  try {
    config = yaml.load(text, { filename: file })
  } catch (error) {
    return [`invalid YAML: ${(error as Error).message}`]
  }
  if (!isRecord(config)) return [`${file} must contain a YAML mapping (got ${show(config)})`]

  const validate = await schemaValidator()
  const problems = validate(config) ? [] : schemaProblems(validate.errors ?? [])
  return [...problems, ...policyProblems(config)]
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = resolve(process.argv[2] ?? 'electron-builder.yml')
  const problems = await validateBuilderConfig(file)
  if (problems.length === 0) {
    console.log(`builder config OK: ${file}`)
  } else {
    console.error(`builder config has ${problems.length} problem(s): ${file}`)
    for (const problem of problems) console.error(`  - ${problem}`)
    process.exitCode = 1
  }
}
