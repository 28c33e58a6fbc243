import { z } from 'zod'
import { Label, OptionalText, ProfileId, RequiredText, ServiceUrl } from '../../schemas/fields'

// An eGain profile: the client application's URLs and id, its OAuth grant, and the defaults its
// follow-ups use (providers.md §2).

export const EgainAcceptLanguage = z.enum([
  'en-US',
  'es-ES',
  'fr-FR',
  'it-IT',
  'de-DE',
  'nl-NL',
  'pt-BR',
  'pt-PT',
  'da-DK',
  'ru-RU',
  'fr-CA',
  'zh-CN',
  'ja-JP',
  'ko-KR',
  'sv-SE',
])

/** How many task subtypes a profile lists (the editor's row list too). */
export const EGAIN_SUBTYPES_MAX = 100

const egainFields = z
  .object({
    id: ProfileId,
    provider: z.literal('egain'),
    label: Label,
    /** The client application's "Domain URL", e.g. https://api.ai.egain.cloud */
    apiBaseUrl: ServiceUrl,
    /** The client application's "Access Token URL". */
    tokenUrl: ServiceUrl,
    clientId: RequiredText(200, 'client id'),
    grantType: z.enum(['client_credentials', 'password']),
    /** The agent's eGain login, for the password (on-behalf-of-user) grant. */
    username: OptionalText(200),
    scope: OptionalText(1000),
    acceptLanguage: EgainAcceptLanguage,
    defaultDepartment: OptionalText(255),
    taskSubtypes: z
      .array(RequiredText(100, 'task subtype'))
      .max(EGAIN_SUBTYPES_MAX, { error: `At most ${EGAIN_SUBTYPES_MAX} subtypes.` }),
  })
  .strict()

const usernameForPasswordGrant = <S extends z.ZodType<{ grantType: string; username: string }>>(schema: S) =>
  schema.refine((p) => p.grantType !== 'password' || p.username.length > 0, {
    path: ['username'],
    message: 'The password grant needs the eGain user name.',
  })

export const EgainProfile = usernameForPasswordGrant(egainFields)
export type EgainProfile = z.infer<typeof EgainProfile>

/** What the editor sends: a new profile has no id yet; main assigns one. */
export const EgainProfileDraft = usernameForPasswordGrant(egainFields.extend({ id: ProfileId.optional() }))
export type EgainProfileDraft = z.infer<typeof EgainProfileDraft>
