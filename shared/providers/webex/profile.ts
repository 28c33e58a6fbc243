import { z } from 'zod'
import { Label, OptionalText, ProfileId, RequiredText, ServiceUrl } from '../../schemas/fields'
import { issueText, noun } from '../../i18n/issue-message'

// A Webex Contact Center profile: where its API is, how it signs in, and the entry points, ANIs and
// queue its tasks may use. Limits from the provider notes (providers.md §1).

export const WebexDataCenter = z.enum(['us1', 'eu1', 'eu2', 'anz1', 'ca1', 'jp1', 'sg1'])
export type WebexDataCenter = z.infer<typeof WebexDataCenter>

/** API host of a Webex Contact Center data center. */
export const webexApiHost = (dataCenter: WebexDataCenter) => `api.wxcc-${dataCenter}.cisco.com`

export const WebexEntryPoint = z
  .object({
    /** `entryPointId` on the wire: at most 36 characters. */
    id: RequiredText(36, 'entryPointId'),
    label: Label,
    direction: z.enum(['outbound', 'inbound']),
  })
  .strict()

export const WebexOutdialAni = z
  .object({
    /** `origin` on the wire: at most 36 characters, must match an ANI in the agent's profile. */
    number: RequiredText(36, 'outdialAni'),
    label: Label,
  })
  .strict()

/** Webex identity (OAuth token and people API): one host for every data center (providers.md §1). */
export const WEBEX_IDENTITY_URL = 'https://webexapis.com'

export const WebexEndpoint = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('data_center'), dataCenter: WebexDataCenter }).strict(),
  z.object({ kind: z.literal('custom'), baseUrl: ServiceUrl }).strict(),
])

/** How many entry points and outdial ANIs a profile lists, each (the editor's row lists too). */
export const WEBEX_PROFILE_ROWS_MAX = 50

export const WebexProfile = z
  .object({
    id: ProfileId,
    provider: z.literal('webex'),
    label: Label,
    endpoint: WebexEndpoint,
    /**
     * Where the OAuth refresh and `people/me` go; empty for Webex's own identity host. Apart from the
     * Contact Center endpoint: a custom API base URL never moves the sign-in. Profiles saved before
     * this setting existed read as empty.
     */
    identityUrl: z.union([z.literal(''), ServiceUrl]).default(''),
    /** Needed for the scheduled-callback endpoint (`/v1/callbacks/organization/{orgId}/…`). */
    orgId: OptionalText(64),
    /**
     * How this profile signs in: a pasted access token, a pasted OAuth client + refresh token, or
     * the agent signing in with Webex in the browser (`sign_in`, the integration's `clientId` below).
     */
    authMethod: z.enum(['access_token', 'oauth', 'sign_in']),
    /**
     * The Webex integration's client id for "Sign in with Webex" (not a secret; an administrator or
     * a policy sets it once). Empty for the other sign-ins; profiles saved before it read as empty.
     */
    clientId: OptionalText(200).default(''),
    entryPoints: z.array(WebexEntryPoint).max(WEBEX_PROFILE_ROWS_MAX, {
      error: issueText('schema.text.atMostItems', { what: noun('entryPoints'), max: WEBEX_PROFILE_ROWS_MAX }),
    }),
    outdialAnis: z.array(WebexOutdialAni).max(WEBEX_PROFILE_ROWS_MAX, {
      error: issueText('schema.text.atMostItems', { what: noun('outdialAnis'), max: WEBEX_PROFILE_ROWS_MAX }),
    }),
    scheduledCallbackQueueId: OptionalText(64),
  })
  .strict()
export type WebexProfile = z.infer<typeof WebexProfile>

/** What the editor sends: a new profile has no id yet; main assigns one. */
export const WebexProfileDraft = WebexProfile.extend({ id: ProfileId.optional() })
export type WebexProfileDraft = z.infer<typeof WebexProfileDraft>
