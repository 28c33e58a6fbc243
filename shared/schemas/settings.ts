import { getCountries, isSupportedCountry } from 'libphonenumber-js/max'
import { z } from 'zod'
import { checkAccelerator, acceleratorProblemText } from '../desktop/accelerator'
import { Profile } from './profiles'
import { ProfileId, ProviderName } from './providers'
import { refusingProtoKey } from './record-keys'
import { issueText, noun } from '../i18n/issue-message'
import { Message, StoredMessage } from '../i18n/message'

export const SETTINGS_VERSION = 2

export const Theme = z.enum(['system', 'light', 'dark'])
export type Theme = z.infer<typeof Theme>

export const UiLanguage = z.enum(['en', 'es'])
export type UiLanguage = z.infer<typeof UiLanguage>

/** Regions libphonenumber-js knows, so a default region can always normalize a number. */
export const regionCodes: readonly string[] = getCountries()

export const RegionCode = z.string().refine((code) => isSupportedCountry(code), {
  message: issueText('schema.settings.chooseCountryRegionFrom'),
})

/** A global-shortcut accelerator the app will register (see shared/desktop/accelerator.ts). */
export const DialAccelerator = z.string().superRefine((text, ctx) => {
  const checked = checkAccelerator(text)
  if (!checked.ok) ctx.addIssue({ code: 'custom', message: acceleratorProblemText(checked.problem) })
})

/** What the agent can change. One schema for the form, the IPC input and the file. */
export const SettingsValues = z
  .object({
    defaultRegion: RegionCode,
    uiLanguage: UiLanguage,
    theme: Theme,
    /** The global shortcut that outdials the number on the clipboard. */
    dialShortcut: DialAccelerator,
    /** Linux: read the PRIMARY selection (what is highlighted) before the clipboard. */
    dialFromSelection: z.boolean(),
    /** Dial a single number found at once, without the confirm window. */
    autoDial: z.boolean(),
    /** Closing the main window keeps Callboard in the tray. */
    closeToTray: z.boolean(),
    /** Start with the computer's sign-in, in the tray without the window (off unless IT turns it on). */
    startAtLogin: z.boolean(),
    /** Null: the first Webex profile. */
    defaultOutdialProfileId: ProfileId.nullable(),
    /** Null: the first profile that can take a callback. */
    defaultCallbackProfileId: ProfileId.nullable(),
    /**
     * The built-in sandbox: a simulated profile per provider, to try Callboard without an account.
     * On for a first run; off, no sandbox profile is listed and no simulator runs.
     */
    sandbox: z.boolean(),
  })
  .strict()
export type SettingsValues = z.infer<typeof SettingsValues>

/** Version 1 of the settings file (Callboard 0.1): preferences only. */
export const SettingsFileV1 = SettingsValues.partial()
  .extend({ version: z.literal(1) })
  .strict()

/**
 * A profile found in the settings file that could not be used (a field damaged or edited by hand),
 * with no usable copy in the last good settings: kept as it was found, for the agent to repair.
 * Tasks made for it wait, held, until a profile with its id is back.
 */
export const SetAsideProfile = z
  .object({
    id: ProfileId.nullable(),
    label: z.string().max(200).nullable(),
    provider: ProviderName.nullable(),
    /** What is wrong with it, as a message (an older version wrote an English sentence). */
    reason: StoredMessage,
    setAsideAt: z.iso.datetime(),
    /** The profile as found (non-secret settings only: secrets are never in this file). */
    data: refusingProtoKey(z.record(z.string(), z.json())),
  })
  .strict()
export type SetAsideProfile = z.infer<typeof SetAsideProfile>

/**
 * The settings file now: preferences plus provider profiles (non-secret parts only; secrets live in
 * the OS keychain), and profiles set aside because they could not be read. Versioned so an older
 * or newer Callboard never misreads it.
 */
export const SettingsDocument = SettingsValues.partial()
  .extend({
    version: z.literal(SETTINGS_VERSION),
    profiles: z
      .array(Profile)
      .max(200, { error: issueText('schema.text.atMostItems', { what: noun('profiles'), max: 200 }) }),
    setAside: z.array(SetAsideProfile).max(200).optional(),
  })
  .strict()
  .superRefine((doc, ctx) => {
    const seen = new Set<string>()
    doc.profiles.forEach((profile, index) => {
      if (seen.has(profile.id))
        ctx.addIssue({
          code: 'custom',
          path: ['profiles', index, 'id'],
          message: issueText('schema.settings.duplicateProfileId'),
        })
      seen.add(profile.id)
    })
  })
export type SettingsDocument = z.infer<typeof SettingsDocument>

export const SettingsPatch = SettingsValues.partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: issueText('schema.settings.nothingChange') })
export type SettingsPatch = z.infer<typeof SettingsPatch>

/** Set when the file on disk could not be used as it was, at start-up or when it was read again. */
export const SettingsRecovery = z
  .object({
    /** What was wrong with it, as a message for the agent. */
    reason: Message,
    /** Where the file as it was found was moved or copied, for the agent or support to look at. */
    movedTo: z.string().nullable(),
    at: z.iso.datetime(),
    /** What the damaged parts were taken from: the copy kept on every successful save, or nothing. */
    restoredFrom: z.enum(['last_good']).nullable(),
  })
  .strict()
export type SettingsRecovery = z.infer<typeof SettingsRecovery>

export const SettingsState = z
  .object({
    settings: SettingsValues,
    recovery: SettingsRecovery.nullable(),
    /** Profiles that could not be read, kept for the agent to repair (see SetAsideProfile). */
    setAside: z.array(SetAsideProfile),
    /**
     * Why nothing can be saved, or null: another Callboard owns the data folder, the file belongs
     * to a newer Callboard or cannot be read, the disk is read-only.
     */
    readOnly: Message.nullable(),
  })
  .strict()
export type SettingsState = z.infer<typeof SettingsState>
