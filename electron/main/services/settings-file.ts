import { readFile, rename } from 'node:fs/promises'
import type { z } from 'zod'
import type { SettingsDocument, SettingsRecovery } from '@shared/schemas/settings'
import { SETTINGS_VERSION, SettingsDocument as SettingsDocumentSchema, SettingsFileV1 } from '@shared/schemas/settings'
import { AppError } from './app-error'
import { quarantineName, writeFileAtomic } from './atomic-file'
import type { Clock } from './clock'
import type { Logger } from './logger'

export interface SettingsFileDeps {
  /** Absolute path of the settings file, normally `<userData>/settings.json`. */
  file: string
  clock: Clock
  logger: Logger
}

/**
 * The settings file as one document shared by the settings and profiles services. Loaded once;
 * every change is applied in call order and written atomically before it is acknowledged.
 */
export interface SettingsFile {
  read(): SettingsDocument
  /** Set when the file on disk could not be used at start-up. */
  readonly recovery: SettingsRecovery | null
  update(mutate: (doc: SettingsDocument) => SettingsDocument): Promise<SettingsDocument>
}

const EMPTY: SettingsDocument = { version: SETTINGS_VERSION, profiles: [] }

type Interpretation =
  { kind: 'ok'; doc: SettingsDocument; migratedFrom: number | null } | { kind: 'unusable'; reason: string }

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ')
}

/** Older versions are migrated forward in memory; the file is rewritten on the next change. */
function interpret(text: string): Interpretation {
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
      reason: `it was written by a newer Callboard (settings version ${version}, this one reads up to ${SETTINGS_VERSION})`,
    }
  }
  if (version === 1) {
    const v1 = SettingsFileV1.safeParse(raw)
    if (!v1.success)
      return { kind: 'unusable', reason: `it is not a Callboard settings file (${describeIssues(v1.error)})` }
    return { kind: 'ok', doc: { ...v1.data, version: SETTINGS_VERSION, profiles: [] }, migratedFrom: 1 }
  }
  const current = SettingsDocumentSchema.safeParse(raw)
  if (!current.success) {
    return { kind: 'unusable', reason: `it is not a Callboard settings file (${describeIssues(current.error)})` }
  }
  return { kind: 'ok', doc: current.data, migratedFrom: null }
}

/**
 * A file that cannot be used is never overwritten in place: it is moved aside with a timestamp,
 * the app runs on defaults, and `recovery` says so for the UI.
 */
export async function openSettingsFile({ file, clock, logger }: SettingsFileDeps): Promise<SettingsFile> {
  let doc: SettingsDocument = EMPTY
  let recovery: SettingsRecovery | null = null
  let writable = true

  let text: string | null = null
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      writable = false
      const reason = `it could not be read (${(error as Error).message})`
      recovery = { reason, movedTo: null, at: clock.now().toISOString() }
      logger.error('settings file unreadable; running on defaults without saving', { file, reason })
    }
  }

  if (text !== null) {
    const outcome = interpret(text)
    if (outcome.kind === 'ok') {
      doc = outcome.doc
      if (outcome.migratedFrom !== null) {
        logger.info('settings file migrated in memory', { from: outcome.migratedFrom, to: SETTINGS_VERSION })
      }
    } else {
      const at = clock.now()
      const movedTo = quarantineName(file, at)
      try {
        await rename(file, movedTo)
        logger.warn('settings file moved aside; running on defaults', { file, movedTo, reason: outcome.reason })
        recovery = { reason: outcome.reason, movedTo, at: at.toISOString() }
      } catch (error) {
        // Could not move it: keep it untouched and refuse to save over it.
        writable = false
        logger.error('settings file unusable and could not be moved aside', {
          file,
          reason: outcome.reason,
          error: String(error),
        })
        recovery = { reason: outcome.reason, movedTo: null, at: at.toISOString() }
      }
    }
  }

  let queue: Promise<unknown> = Promise.resolve()

  async function apply(mutate: (doc: SettingsDocument) => SettingsDocument): Promise<SettingsDocument> {
    if (!writable) {
      throw new AppError(
        'settings_unwritable',
        `Settings cannot be saved: ${file} could not be read or moved aside. Fix or remove that file and restart Callboard.`,
      )
    }
    const next = SettingsDocumentSchema.parse(mutate(doc))
    await writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`)
    doc = next
    return doc
  }

  return {
    read: () => doc,
    get recovery() {
      return recovery
    },
    update(mutate) {
      const run = queue.then(() => apply(mutate))
      queue = run.catch(() => undefined)
      return run
    },
  }
}
