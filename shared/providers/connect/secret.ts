import { z } from 'zod'
import { SecretText } from '../../schemas/fields'

export const ConnectSecret = z
  .object({
    provider: z.literal('connect'),
    accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/, {
      error: 'An AWS access key id is 16–128 capital letters and digits (AKIA…, ASIA…).',
    }),
    secretAccessKey: SecretText(256, 'secret access key'),
    /** For temporary (ASIA…) credentials; empty otherwise. */
    sessionToken: z.string().max(4096),
  })
  .strict()
export type ConnectSecret = z.infer<typeof ConnectSecret>
