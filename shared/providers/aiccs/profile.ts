import { z } from 'zod'
import { Label, OptionalText, ProfileId } from '../../schemas/fields'
import { issueText } from '../../i18n/issue-message'

// An Alibaba Cloud AICCS profile: the gateway host and region, and the agent and virtual number its
// AI call tasks use unless the task names others (providers.md §4).

/**
 * How a profile's requests are signed. `access_key`: with the AccessKey in the keychain (or an STS
 * token stored with it). `sts_role`: with short-lived STS credentials of a RAM role, which
 * Callboard obtains with that AccessKey (STS AssumeRole) and renews before they expire.
 */
export const AiccsCredentialSource = z.enum(['access_key', 'sts_role'])
export type AiccsCredentialSource = z.infer<typeof AiccsCredentialSource>

const aiccsFields = z
  .object({
    id: ProfileId,
    provider: z.literal('aiccs'),
    label: Label,
    /** Same host for every region today, but kept configurable. */
    endpoint: z
      .string()
      .trim()
      .regex(/^[a-z0-9.-]+(:\d{1,5})?$/i, { error: issueText('schema.aiccsProfile.enterHostNameAiccs') }),
    regionId: z
      .string()
      .trim()
      .regex(/^[a-z]{2}-[a-z]+(-\d+)?$/, { error: issueText('schema.aiccsProfile.enterRegionIdCn') }),
    defaultAgentId: OptionalText(64),
    defaultVirtualNumber: OptionalText(32),
    /** Profiles saved before the choice existed sign with the AccessKey. */
    credentialSource: AiccsCredentialSource.default('access_key'),
    /** `sts_role`: the RAM role to assume, `acs:ram::<account id>:role/<role name>`. */
    roleArn: z
      .string()
      .trim()
      .regex(/^(acs:ram::\d{1,32}:role\/[\w.@-]{1,64})?$/, {
        error: issueText('schema.aiccsProfile.enterRamRoleArn'),
      })
      .default(''),
    /** `sts_role`: the STS endpoint (`sts.aliyuncs.com`, or a region's `sts.<region>.aliyuncs.com`). */
    stsEndpoint: z
      .string()
      .trim()
      .regex(/^[a-z0-9.-]+(:\d{1,5})?$/i, { error: issueText('schema.aiccsProfile.enterHostNameSts') })
      .default('sts.aliyuncs.com'),
  })
  .strict()

const roleNeedsArn = <S extends z.ZodType<{ credentialSource: AiccsCredentialSource; roleArn: string }>>(schema: S) =>
  schema.refine((p) => p.credentialSource !== 'sts_role' || p.roleArn !== '', {
    path: ['roleArn'],
    message: issueText('schema.aiccsProfile.enterArnRamRole'),
  })

export const AiccsProfile = roleNeedsArn(aiccsFields)
export type AiccsProfile = z.infer<typeof AiccsProfile>

/** What the editor sends: a new profile has no id yet; main assigns one. */
export const AiccsProfileDraft = roleNeedsArn(aiccsFields.extend({ id: ProfileId.optional() }))
export type AiccsProfileDraft = z.infer<typeof AiccsProfileDraft>
