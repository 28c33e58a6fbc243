import { z } from 'zod'
import { SecretText } from '../../schemas/fields'
import { issueText } from '../../i18n/issue-message'

export const AiccsSecret = z
  .object({
    provider: z.literal('aiccs'),
    accessKeyId: z.string().regex(/^[A-Za-z0-9]{8,64}$/, { error: issueText('schema.aiccsSecret.accesskeyId864') }),
    accessKeySecret: SecretText(128, 'accesskeySecret'),
    /**
     * An STS token issued with a temporary AccessKey (STS.…), sent as `x-acs-security-token`; empty
     * or absent for a RAM user's own AccessKey. Secrets stored before it existed have none.
     */
    securityToken: z.string().max(8192).optional(),
  })
  .strict()
export type AiccsSecret = z.infer<typeof AiccsSecret>
