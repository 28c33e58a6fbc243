import { z } from 'zod'
import { SecretText } from '../../schemas/fields'

export const VoiceBroadcastSecret = z
  .object({
    provider: z.literal('voice_broadcast'),
    apiKey: SecretText(128, 'API key'),
    apiSecret: SecretText(128, 'API secret'),
  })
  .strict()
export type VoiceBroadcastSecret = z.infer<typeof VoiceBroadcastSecret>
