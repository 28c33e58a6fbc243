import { z } from 'zod'
import { Label, OptionalText, ProfileId } from '../../schemas/fields'

// An Alibaba Cloud AICCS profile: the gateway host and region, and the agent and virtual number its
// AI call tasks use unless the task names others (providers.md §4).

export const AiccsProfile = z
  .object({
    id: ProfileId,
    provider: z.literal('aiccs'),
    label: Label,
    /** Same host for every region today, but kept configurable. */
    endpoint: z
      .string()
      .trim()
      .regex(/^[a-z0-9.-]+(:\d{1,5})?$/i, { error: 'Enter a host name such as aiccs.aliyuncs.com.' }),
    regionId: z
      .string()
      .trim()
      .regex(/^[a-z]{2}-[a-z]+(-\d+)?$/, { error: 'Enter a region id such as cn-shanghai or ap-southeast-1.' }),
    defaultAgentId: OptionalText(64),
    defaultVirtualNumber: OptionalText(32),
  })
  .strict()
export type AiccsProfile = z.infer<typeof AiccsProfile>

/** What the editor sends: a new profile has no id yet; main assigns one. */
export const AiccsProfileDraft = AiccsProfile.extend({ id: ProfileId.optional() })
export type AiccsProfileDraft = z.infer<typeof AiccsProfileDraft>
