import type { Message } from '@shared/i18n/message'
import { listOf, msg } from '@shared/i18n/message'
import { renderMessage } from '@shared/i18n/render-message'
import { copyFile, readFile, rename } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { SetAsideProfile, SettingsDocument, SettingsRecovery } from '@shared/schemas/settings'
import { SETTINGS_VERSION, SettingsDocument as SettingsDocumentSchema } from '@shared/schemas/settings'
import { AppError } from '../core/app-error'
import { quarantineName, writeFileAtomic } from '../core/atomic-file'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'
import { lastGoodFrom, parseSettingsText, salvageSettings } from './settings-salvage'
import { storageError } from '../core/storage-errors'

export interface SettingsFileDeps {
  /** Absolute path of the settings file, normally `<userData>/settings.json`. */
  file: string
  clock: Clock
  logger: Logger
  /**
   * Why this process must not write the settings at all (another Callboard owns the data folder),
   * or null. The file is still read, so the agent sees their profiles and settings.
   */
  readOnly?: Message | null
}

/**
 * The settings file as one document shared by the settings and profiles services. Loaded once (and
 * again by `reload`); every change is applied in call order and written atomically before it is
 * acknowledged, then copied as the last good copy.
 */
export interface SettingsFile {
  read(): SettingsDocument
  /** Set when the file on disk could not be used as it was. */
  readonly recovery: SettingsRecovery | null
  /** Why nothing can be saved, or null. */
  readonly readOnly: Message | null
  /** Profiles that could not be read, kept for the agent to repair. */
  setAside(): SetAsideProfile[]
  update(mutate: (doc: SettingsDocument) => SettingsDocument): Promise<SettingsDocument>
  /** Read the file again (it was repaired or replaced outside Callboard). True if anything changed. */
  reload(): Promise<boolean>
}

const EMPTY: SettingsDocument = { version: SETTINGS_VERSION, profiles: [] }

/** `settings.json` → `settings.last-good.json`, beside it. */
export const lastGoodPath = (file: string) =>
  join(dirname(file), `${basename(file).replace(/\.json$/, '')}.last-good.json`)

interface Loaded {
  doc: SettingsDocument
  recovery: SettingsRecovery | null
  /** Why nothing may be written, or null. */
  unwritable: Message | null
  /** The file's text as read (or as written by recovery), to tell our own writes from others'. */
  text: string | null
}

const serialize = (doc: SettingsDocument) => `${JSON.stringify(doc, null, 2)}\n`

/**
 * Damage costs only what is damaged (trust issue A1): a file that cannot be read at all is replaced
 * by the last good copy (kept beside it on every successful save); a file with one bad preference
 * or profile loses only that part, which is taken from the last good copy where it has it, or set
 * aside with its data. The file as found is always kept (moved or copied aside) before anything is
 * written over it, and `recovery` says what happened. A file written by a newer Callboard, or one
 * that cannot be read, is never written over.
 */
export async function openSettingsFile({
  file,
  clock,
  logger,
  readOnly = null,
}: SettingsFileDeps): Promise<SettingsFile> {
  const lastGoodFile = lastGoodPath(file)

  async function readLastGood(): Promise<SettingsDocument | null> {
    try {
      const parsed = parseSettingsText(await readFile(lastGoodFile, 'utf8'))
      return parsed.ok ? lastGoodFrom(parsed.raw) : null
    } catch {
      return null
    }
  }

  /** Write the document and then its last good copy. Refusals become a specific AppError. */
  async function write(doc: SettingsDocument): Promise<string> {
    const text = serialize(doc)
    try {
      await writeFileAtomic(file, text)
      await writeFileAtomic(lastGoodFile, text)
    } catch (error) {
      throw storageError(error)
    }
    return text
  }

  async function load(): Promise<Loaded> {
    const at = clock.now()
    const lastGood = await readLastGood()
    const recovery = (reason: Message, movedTo: string | null, restored: boolean): SettingsRecovery => ({
      reason,
      movedTo,
      at: at.toISOString(),
      restoredFrom: restored ? 'last_good' : null,
    })

    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') {
        if (!lastGood) return { doc: EMPTY, recovery: null, unwritable: null, text: null }
        // Gone, with a good copy beside it: put it back (a save never leaves it missing).
        const restoredText = readOnly ? null : await write(lastGood).catch(() => null)
        logger.warn('settings file missing; restored from the last good copy', { file })
        return {
          doc: lastGood,
          recovery: recovery(msg('settingsFile.missing'), null, true),
          unwritable: null,
          text: restoredText,
        }
      }
      const reason = msg('settingsFile.unreadable', { code: code ?? (error as Error).message })
      logger.error('settings file unreadable; not writing over it', { file, reason: renderMessage(reason) })
      const unwritable = msg('settingsFile.cannotWriteUnreadable', { file, code: code ?? 'error' })
      return {
        doc: lastGood ?? EMPTY,
        recovery: recovery(reason, null, lastGood !== null),
        unwritable,
        text: null,
      }
    }

    const parsed = parseSettingsText(text)
    const salvage = parsed.ok ? salvageSettings(parsed.raw, lastGood, at) : ({ kind: 'unusable', ...parsed } as const)
    if (salvage.kind === 'newer') {
      const reason = msg('settingsFile.newer', { version: salvage.version, supported: SETTINGS_VERSION })
      const unwritable = msg('settingsFile.cannotWriteNewer')
      logger.warn('settings file from a newer version; read-only', { file, version: salvage.version })
      return {
        doc: lastGood ?? EMPTY,
        recovery: recovery(reason, null, lastGood !== null),
        unwritable,
        text,
      }
    }
    if (salvage.kind === 'unusable') {
      if (readOnly) {
        return {
          doc: lastGood ?? EMPTY,
          recovery: recovery(salvage.reason, null, lastGood !== null),
          unwritable: null,
          text,
        }
      }
      const movedTo = quarantineName(file, at)
      try {
        await rename(file, movedTo)
      } catch (error) {
        logger.error('settings file unusable and could not be moved aside', { file, error: String(error) })
        const unwritable = msg('settingsFile.cannotWriteDamaged', { file })
        return {
          doc: lastGood ?? EMPTY,
          recovery: recovery(salvage.reason, null, lastGood !== null),
          unwritable,
          text,
        }
      }
      const restoredText = lastGood ? await write(lastGood).catch(() => null) : null
      logger.warn('settings file moved aside', {
        file,
        movedTo,
        reason: renderMessage(salvage.reason),
        restored: lastGood !== null,
      })
      return {
        doc: lastGood ?? EMPTY,
        recovery: recovery(salvage.reason, movedTo, lastGood !== null),
        unwritable: null,
        text: restoredText,
      }
    }
    if (salvage.problems.length === 0) {
      // Clean. Make sure a last good copy exists (a file from before there was one).
      if (!readOnly && !lastGood) await writeFileAtomic(lastGoodFile, serialize(salvage.doc)).catch(() => undefined)
      return { doc: salvage.doc, recovery: null, unwritable: null, text }
    }
    const reason = listOf(salvage.problems)
    if (readOnly) {
      return { doc: salvage.doc, recovery: recovery(reason, null, salvage.fromLastGood), unwritable: null, text }
    }
    // Keep the file as found, then write what could be kept, so the next start is clean.
    const copiedTo = quarantineName(file, at)
    let movedTo: string | null = copiedTo
    await copyFile(file, copiedTo).catch(() => (movedTo = null))
    const written = await write(salvage.doc).catch((error: unknown) => {
      logger.error('repaired settings could not be written', { file, error: String(error) })
      return null
    })
    logger.warn('settings file partly damaged; the rest kept', { file, problems: salvage.problems.length, movedTo })
    return {
      doc: salvage.doc,
      recovery: recovery(reason, movedTo, salvage.fromLastGood),
      unwritable: null,
      text: written ?? text,
    }
  }

  let state = await load()
  let queue: Promise<unknown> = Promise.resolve()

  async function apply(mutate: (doc: SettingsDocument) => SettingsDocument): Promise<SettingsDocument> {
    const refusal = readOnly ?? state.unwritable
    if (refusal) throw new AppError('settings_unwritable', msg('failure.settingsUnsaved', { reason: refusal }))
    const next = SettingsDocumentSchema.parse(mutate(state.doc))
    const text = await write(next)
    state = { ...state, doc: next, text }
    return next
  }

  /** One change at a time, in call order; a failed one does not stop the next. */
  const serially = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run)
    queue = next.catch(() => undefined)
    return next
  }

  return {
    read: () => state.doc,
    get recovery() {
      return state.recovery
    },
    get readOnly() {
      return readOnly ?? state.unwritable
    },
    setAside: () => state.doc.setAside ?? [],
    update: (mutate) => serially(() => apply(mutate)),
    reload: () =>
      serially(async () => {
        const current = await readFile(file, 'utf8').catch(() => null)
        if (current !== null && current === state.text) return false
        const before = serialize(state.doc)
        state = await load()
        logger.info('settings file read again', { changed: serialize(state.doc) !== before })
        return serialize(state.doc) !== before
      }),
  }
}
