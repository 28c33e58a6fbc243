import { z } from 'zod'
import { Label, OptionalText, ProfileId, RequiredText, ServiceUrl } from '../../schemas/fields'
import { issueText } from '../../i18n/issue-message'

// A voice-broadcast profile (the ITNIO platform, published under several brands): the brand's API
// base, the voice and SMS apps, and the tenant's API revision (providers.md §5).

export const VoiceBroadcastProfile = z
  .object({
    id: ProfileId,
    provider: z.literal('voice_broadcast'),
    label: Label,
    /** The brand's API base, e.g. https://api.itniotech.com or https://api.laaffic.com/v3 */
    baseUrl: ServiceUrl,
    appId: RequiredText(64, 'voiceAppId'),
    /** `displayNum`: 0–20 digits. */
    defaultDisplayNum: z
      .string()
      .trim()
      .regex(/^\d{0,20}$/, { error: issueText('schema.voiceBroadcastProfile.digitsOnlyAtMost') }),
    /** `senderId`: at most 32 characters. */
    senderId: OptionalText(32),
    smsAppId: OptionalText(64),
    /** The tenant's API revision: a plain number list, or per-number records. */
    numberListShape: z.enum(['numberList', 'numberInfoList']),
  })
  .strict()
export type VoiceBroadcastProfile = z.infer<typeof VoiceBroadcastProfile>

/** What the editor sends: a new profile has no id yet; main assigns one. */
export const VoiceBroadcastProfileDraft = VoiceBroadcastProfile.extend({ id: ProfileId.optional() })
export type VoiceBroadcastProfileDraft = z.infer<typeof VoiceBroadcastProfileDraft>
