import type { z } from 'zod'
import { issueMessage } from '@shared/i18n/issue-message'
import { isZodOwn } from '@shared/i18n/zod-issues'
import type { Message } from '@shared/i18n/message'
import { listOf, msg } from '@shared/i18n/message'
import type { SetAsideProfile, SettingsDocument } from '@shared/schemas/settings'
import { SETTINGS_VERSION, SettingsDocument as SettingsDocumentSchema, SettingsValues } from '@shared/schemas/settings'
import { Profile } from '@shared/schemas/profiles'
import { ProfileId, ProviderName } from '@shared/schemas/providers'

/**
 * Reading a settings file that may be damaged, so that damage costs only what is damaged: each
 * preference and each profile is judged on its own. A part that cannot be used is taken from the
 * last good copy when that copy has it (a profile: the one with the same id), and otherwise left
 * out: a preference falls back to its default, a profile is set aside with its data, for the agent
 * to repair. Pure; the file handling is in settings-file.ts.
 */

export type Salvage =
  | {
      kind: 'usable'
      doc: SettingsDocument
      /** What could not be used as it was, as messages (empty for a clean file). */
      problems: Message[]
      /** Whether any part was taken from the last good copy. */
      fromLastGood: boolean
    }
  /** Not a settings document at all (not JSON, not an object): use the last good copy whole. */
  | { kind: 'unusable'; reason: Message }
  /** Written by a newer Callboard: never rewritten by this one. */
  | { kind: 'newer'; version: number }

/**
 * An issue as a message: a shared schema's own key, or for zod's own English (a schema that states
 * no message) a sentence by the issue's code, in the agent's language.
 */
function issueSaid(issue: z.core.$ZodIssue): Message {
  const said = issueMessage(issue.message)
  // zod's own words (zod-issues.ts) name types and values; the banner says it the agent's way.
  if (!isZodOwn(said)) return said
  switch (issue.code) {
    case 'invalid_value':
      return msg('settingsFile.zod.invalidValue')
    case 'invalid_type':
      return msg('settingsFile.zod.invalidType')
    case 'unrecognized_keys':
      return msg('settingsFile.zod.unknownKeys', { keys: issue.keys.join(', ') })
    default:
      return msg('settingsFile.zod.other')
  }
}

/** A schema's first two issues, each with where it is. */
const issuesOf = (error: z.ZodError): Message =>
  listOf(
    error.issues
      .slice(0, 2)
      .map((i) =>
        i.path.length ? msg('settingsFile.issueAt', { path: i.path.join('.'), issue: issueSaid(i) }) : issueSaid(i),
      ),
  )

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Parse the file's text. Never throws. */
export function parseSettingsText(text: string): { ok: true; raw: unknown } | { ok: false; reason: Message } {
  if (text.trim() === '') return { ok: false, reason: msg('settingsFile.empty') }
  try {
    return { ok: true, raw: JSON.parse(text) as unknown }
  } catch (error) {
    return { ok: false, reason: msg('settingsFile.notJson', { detail: (error as Error).message }) }
  }
}

/** The last good copy, if it is wholly valid (it was written by a successful save). */
export function lastGoodFrom(raw: unknown): SettingsDocument | null {
  const parsed = SettingsDocumentSchema.safeParse(raw)
  return parsed.success ? parsed.data : null
}

export function salvageSettings(raw: unknown, lastGood: SettingsDocument | null, at: Date): Salvage {
  if (!isObject(raw)) return { kind: 'unusable', reason: msg('settingsFile.notObject') }
  const version = raw['version']
  if (typeof version === 'number' && version > SETTINGS_VERSION) return { kind: 'newer', version }
  if (version !== 1 && version !== SETTINGS_VERSION) {
    return {
      kind: 'unusable',
      reason: msg('settingsFile.unknownVersion', { version: String(JSON.stringify(version)) }),
    }
  }
  // Clean: the usual case, decided at once.
  if (version === SETTINGS_VERSION) {
    const whole = SettingsDocumentSchema.safeParse(raw)
    if (whole.success) return { kind: 'usable', doc: whole.data, problems: [], fromLastGood: false }
  }

  const problems: Message[] = []
  let fromLastGood = false
  const doc: Record<string, unknown> = { version: SETTINGS_VERSION }

  for (const [key, schema] of Object.entries(SettingsValues.shape)) {
    if (raw[key] === undefined) continue
    const field = (schema as z.ZodType).safeParse(raw[key])
    if (field.success) {
      doc[key] = field.data
      continue
    }
    const kept = lastGood?.[key as keyof SettingsDocument]
    problems.push(msg('settingsFile.settingInvalid', { name: key, why: issuesOf(field.error) }))
    if (kept !== undefined) {
      doc[key] = kept
      fromLastGood = true
    }
  }
  for (const key of Object.keys(raw)) {
    if (!(key in SettingsValues.shape) && !['version', 'profiles', 'setAside'].includes(key)) {
      problems.push(msg('settingsFile.unknownEntry', { name: key }))
    }
  }

  const profiles: Profile[] = []
  const setAside: SetAsideProfile[] = []
  const rawProfiles = raw['profiles']
  if (version === 1 || rawProfiles === undefined) {
    // Version 1 had no profiles.
  } else if (!Array.isArray(rawProfiles)) {
    problems.push(msg('settingsFile.profilesNotList'))
    if (lastGood) {
      profiles.push(...lastGood.profiles)
      fromLastGood = true
    }
  } else {
    const seen = new Set<string>()
    for (const [index, item] of rawProfiles.entries()) {
      const parsed = Profile.safeParse(item)
      const id = isObject(item) && ProfileId.safeParse(item['id']).success ? (item['id'] as string) : null
      if (parsed.success && !seen.has(parsed.data.id)) {
        seen.add(parsed.data.id)
        profiles.push(parsed.data)
        continue
      }
      const why = parsed.success ? msg('settingsFile.sameId') : issuesOf(parsed.error)
      const label = isObject(item) && typeof item['label'] === 'string' ? item['label'].slice(0, 200) : null
      const known = id && !seen.has(id) ? lastGood?.profiles.find((p) => p.id === id) : undefined
      if (known) {
        seen.add(known.id)
        profiles.push(known)
        fromLastGood = true
        problems.push(msg('settingsFile.profileFromLastGood', { label: label ?? known.label, why }))
        continue
      }
      problems.push(
        label
          ? msg('settingsFile.profileSetAside', { label, why })
          : msg('settingsFile.profileNumberSetAside', { n: index + 1, why }),
      )
      setAside.push(setAsideEntry(item, id, label, why, at))
    }
  }
  // Profiles set aside before stay set aside until repaired or discarded, unless one is back.
  const earlier = Array.isArray(raw['setAside']) ? raw['setAside'] : []
  for (const item of earlier) {
    const parsed = lastGoodFrom({ version: SETTINGS_VERSION, profiles: [], setAside: [item] })?.setAside?.[0]
    if (parsed && !profiles.some((p) => p.id === parsed.id) && !setAside.some((s) => s.id && s.id === parsed.id)) {
      setAside.push(parsed)
    }
  }
  doc['profiles'] = profiles
  if (setAside.length) doc['setAside'] = setAside

  const checked = SettingsDocumentSchema.safeParse(doc)
  if (!checked.success)
    return { kind: 'unusable', reason: msg('settingsFile.notRepairable', { why: issuesOf(checked.error) }) }
  return { kind: 'usable', doc: checked.data, problems, fromLastGood }
}

function setAsideEntry(
  item: unknown,
  id: string | null,
  label: string | null,
  reason: Message,
  at: Date,
): SetAsideProfile {
  const provider = isObject(item) ? ProviderName.safeParse(item['provider']) : null
  // Only what JSON can hold, and not more than a profile could reasonably be: the agent repairs it
  // in the profile editor, and the original file is kept beside the settings anyway.
  const data = isObject(item) ? jsonOnly(item) : {}
  return {
    id,
    label,
    provider: provider?.success ? provider.data : null,
    reason,
    setAsideAt: at.toISOString(),
    data: JSON.stringify(data).length <= 64 * 1024 ? data : {},
  }
}

function jsonOnly(value: Record<string, unknown>): Record<string, z.core.util.JSONType> {
  return JSON.parse(JSON.stringify(value)) as Record<string, z.core.util.JSONType>
}
