import { z } from 'zod'
import { SecretText } from '../../schemas/fields'

export const VoiceBroadcastSecret = z
  .object({
    provider: z.literal('voice_broadcast'),
    apiKey: SecretText(128, 'apiKey'),
    apiSecret: SecretText(128, 'apiSecret'),
  })
  .strict()
export type VoiceBroadcastSecret = z.infer<typeof VoiceBroadcastSecret>
