import { issueText } from '@shared/i18n/issue-message'
import { msg } from '@shared/i18n/message'
import type { ManagedSettings } from '@shared/schemas/policy'
import type { SettingsPatch, SettingsState, SettingsValues } from '@shared/schemas/settings'
import { AppError } from '../core/app-error'
import { SettingsValues as SettingsValuesSchema } from '@shared/schemas/settings'
import type { Logger } from '../core/logger'
import type { SettingsFile } from './settings-file'

export interface SettingsServiceDeps {
  file: SettingsFile
  /** First-run values for anything the file does not set. */
  defaults: SettingsValues
  /** Settings the administrator's policy fixes: they win over the file and cannot be changed. */
  locked?: ManagedSettings
  logger: Logger
  onChanged: (state: SettingsState) => void
}

export interface SettingsService {
  get(): SettingsState
  update(patch: SettingsPatch): Promise<SettingsState>
}

/** The agent's preferences (region, language, theme, desktop shortcuts...), kept in the settings file. */
export function createSettingsService({ file, logger, onChanged, ...deps }: SettingsServiceDeps): SettingsService {
  const defaults = SettingsValuesSchema.parse(deps.defaults)
  const locked: Partial<Record<string, unknown>> = deps.locked ?? {}

  const current = (): SettingsState => {
    const doc: Partial<Record<string, unknown>> = file.read()
    // Every preference the file sets; a file from before a preference existed takes its default.
    const stored = Object.fromEntries(
      Object.keys(SettingsValuesSchema.shape)
        .map((key) => [key, doc[key]] as const)
        .filter(([, value]) => value !== undefined),
    )
    return {
      settings: { ...defaults, ...stored, ...locked } as SettingsValues,
      recovery: file.recovery,
      setAside: file.setAside(),
      readOnly: file.readOnly,
    }
  }

  return {
    get: current,
    async update(patch) {
      const refused = Object.entries(patch).filter(([key, value]) => key in locked && value !== locked[key])
      if (refused.length) {
        throw new AppError(
          'managed',
          msg('failure.managedSettings', { keys: refused.map(([key]) => key).join(', ') }),
          // Keyed: the settings form shows it on the field, in the agent's language.
          refused.map(([key]) => ({ path: [key], message: issueText('failure.managedSetting') })),
        )
      }
      await file.update((doc) => ({ ...doc, ...SettingsValuesSchema.parse({ ...current().settings, ...patch }) }))
      const state = current()
      logger.info('settings saved', { changed: Object.keys(patch) })
      onChanged(state)
      return state
    },
  }
}
