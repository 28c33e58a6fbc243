import { readFile, rename } from 'node:fs/promises'
import { z } from 'zod'
import type { SettingsPatch, SettingsState, SettingsValues } from '@shared/schemas/settings'
import { SETTINGS_VERSION, SettingsFileV1, SettingsValues as SettingsValuesSchema } from '@shared/schemas/settings'
import { AppError } from './app-error'
import { quarantineName, writeFileAtomic } from './atomic-file'
import type { Clock } from './clock'
import type { Logger } from './logger'

export interface SettingsServiceDeps {
  /** Absolute path of the settings file, normally `<userData>/settings.json`. */
  file: string
  defaults: SettingsValues
  clock: Clock
  logger: Logger
  onChanged: (state: SettingsState) => void
}

export interface SettingsService {
  get(): SettingsState
  update(patch: SettingsPatch): Promise<SettingsState>
}

type LoadOutcome = { kind: 'missing' } | { kind: 'ok'; values: SettingsValues } | { kind: 'unusable'; reason: string }

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ')
}

function interpret(text: string, defaults: SettingsValues): LoadOutcome {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    return { kind: 'unusable', reason: `it is not valid JSON (${(error as Error).message})` }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { kind: 'unusable', reason: 'it does not hold a settings object' }
  }
  const version = (raw as { version?: unknown }).version
  if (typeof version === 'number' && version > SETTINGS_VERSION) {
    return {
      kind: 'unusable',
      reason: `it was written by a newer Callboard (settings version ${version}, this one reads ${SETTINGS_VERSION})`,
    }
  }
  const parsed = SettingsFileV1.safeParse(raw)
  if (!parsed.success) {
    return { kind: 'unusable', reason: `it is not a Callboard settings file (${describeIssues(parsed.error)})` }
  }
  const { version: _version, ...stored } = parsed.data
  return { kind: 'ok', values: { ...defaults, ...stored } }
}

/**
 * Loads the settings file once and keeps it in memory. A file that cannot be used is never
 * overwritten in place: it is moved aside with a timestamp, the app runs on defaults, and the
 * state carries a notice the UI shows.
 */
export async function createSettingsService(deps: SettingsServiceDeps): Promise<SettingsService> {
  const { file, clock, logger } = deps
  const defaults = SettingsValuesSchema.parse(deps.defaults)
  let state: SettingsState = { settings: defaults, recovery: null }
  let writable = true

  let text: string | null = null
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      writable = false
      const reason = `it could not be read (${(error as Error).message})`
      state = { settings: defaults, recovery: { reason, movedTo: null, at: clock.now().toISOString() } }
      logger.error('settings file unreadable; running on defaults without saving', { file, reason })
    }
  }

  if (text !== null) {
    const outcome = interpret(text, defaults)
    if (outcome.kind === 'ok') {
      state = { settings: outcome.values, recovery: null }
    } else if (outcome.kind === 'unusable') {
      const at = clock.now()
      const movedTo = quarantineName(file, at)
      try {
        await rename(file, movedTo)
        logger.warn('settings file moved aside; running on defaults', { file, movedTo, reason: outcome.reason })
        state = { settings: defaults, recovery: { reason: outcome.reason, movedTo, at: at.toISOString() } }
      } catch (error) {
        // Could not move it: keep it untouched and refuse to save over it.
        writable = false
        logger.error('settings file unusable and could not be moved aside', {
          file,
          reason: outcome.reason,
          error: String(error),
        })
        state = { settings: defaults, recovery: { reason: outcome.reason, movedTo: null, at: at.toISOString() } }
      }
    }
  }

  // Updates are applied one at a time, in call order, so two quick changes cannot interleave.
  let queue: Promise<unknown> = Promise.resolve()

  async function apply(patch: SettingsPatch): Promise<SettingsState> {
    if (!writable) {
      throw new AppError(
        'settings_unwritable',
        `Settings cannot be saved: ${file} could not be read or moved aside. Fix or remove that file and restart Callboard.`,
      )
    }
    const settings = SettingsValuesSchema.parse({ ...state.settings, ...patch })
    await writeFileAtomic(file, `${JSON.stringify({ version: SETTINGS_VERSION, ...settings }, null, 2)}\n`)
    state = { settings, recovery: state.recovery }
    logger.info('settings saved', { changed: Object.keys(patch) })
    deps.onChanged(state)
    return state
  }

  return {
    get: () => state,
    update(patch) {
      const run = queue.then(() => apply(patch))
      queue = run.catch(() => undefined)
      return run
    },
  }
}
