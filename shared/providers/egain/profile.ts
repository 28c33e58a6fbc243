import { z } from 'zod'
import { Label, OptionalText, ProfileId, RequiredText, ServiceUrl } from '../../schemas/fields'
import { issueText, noun } from '../../i18n/issue-message'

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

/**
 * Case Manager scopes (providers.md §2, eGain's scope list): a client application acting for itself
 * asks for the application scope, one acting on behalf of a user for the delegated one.
 */
export const EGAIN_SCOPES = {
  client_credentials: 'https://api.egain.cloud/auth/app.core.casemgr.manage',
  password: 'https://api.egain.cloud/auth/core.casemgr.manage',
  // The agent's own sign-in acts as that agent: the delegated scope, as on behalf of a user.
  authorization_code: 'https://api.egain.cloud/auth/core.casemgr.manage',
} as const

/**
 * `authorization_code`: the agent signs in with eGain in the browser (Authorization Code + PKCE,
 * eGain's flow for interactive users, providers.md §2); the tokens act as that agent.
 */
export const EgainGrantType = z.enum(['client_credentials', 'password', 'authorization_code'])
export type EgainGrantType = z.infer<typeof EgainGrantType>

const egainFields = z
  .object({
    id: ProfileId,
    provider: z.literal('egain'),
    label: Label,
    /** The client application's "Domain URL", e.g. https://api.ai.egain.cloud */
    apiBaseUrl: ServiceUrl,
    /** The client application's "Access Token URL". */
    tokenUrl: ServiceUrl,
    clientId: RequiredText(200, 'clientId'),
    /**
     * `client_credentials`: the application acts for itself. `password`: eGain's on-behalf-of-user
     * flow (grant_type=password with the client's own credentials and the user named by
     * `subject_username` or `subject_userid`; no user password is sent).
     */
    grantType: EgainGrantType,
    /** The eGain user the tokens act for (`subject_username`), on behalf of a user. */
    username: OptionalText(200),
    /** Or that user's id (`subject_userid`). Profiles saved before it existed read as empty. */
    userId: OptionalText(64).default(''),
    /**
     * Where an agent signs in (`…/oauth2/authorize`), for `authorization_code`. Empty: the token
     * URL with its last `/token` replaced by `/authorize`, the shape eGain's endpoints share [I];
     * an administrator whose tenant differs sets it here. Profiles saved before it read as empty.
     */
    authorizeUrl: z.union([z.literal(''), ServiceUrl]).default(''),
    /** Space-separated; required by eGain's token endpoint (the form starts from `EGAIN_SCOPES`). */
    scope: RequiredText(1000, 'scope'),
    acceptLanguage: EgainAcceptLanguage,
    defaultDepartment: OptionalText(255),
    taskSubtypes: z.array(RequiredText(100, 'taskSubtype')).max(EGAIN_SUBTYPES_MAX, {
      error: issueText('schema.text.atMostItems', { what: noun('subtypes'), max: EGAIN_SUBTYPES_MAX }),
    }),
  })
  .strict()

const oneSubjectOnBehalfOfUser = <S extends z.ZodType<{ grantType: string; username: string; userId: string }>>(
  schema: S,
) =>
  schema
    .refine((p) => p.grantType !== 'password' || p.username.length > 0 || p.userId.length > 0, {
      path: ['username'],
      message: issueText('schema.egainProfile.actingOnBehalfUser'),
    })
    .refine((p) => p.username.length === 0 || p.userId.length === 0, {
      path: ['userId'],
      message: issueText('schema.egainProfile.giveUserNameUser'),
    })

/**
 * A stored profile as older Callboards wrote it: the scope could be empty (eGain requires one).
 * Read with the scope its grant needs, so a profile that worked keeps working.
 */
const storedScope = <T extends { grantType: EgainGrantType; scope: string }>(profile: T): T =>
  profile.scope.trim() === '' ? { ...profile, scope: EGAIN_SCOPES[profile.grantType] } : profile

export const EgainProfile = oneSubjectOnBehalfOfUser(
  egainFields.extend({ scope: OptionalText(1000) }).transform(storedScope),
)
export type EgainProfile = z.infer<typeof EgainProfile>

/** What the editor sends: a new profile has no id yet; main assigns one. The scope is required here. */
export const EgainProfileDraft = oneSubjectOnBehalfOfUser(egainFields.extend({ id: ProfileId.optional() }))
export type EgainProfileDraft = z.infer<typeof EgainProfileDraft>
