import { z } from 'zod'
import { ProfileId } from '../../schemas/fields'
import { VoiceBroadcastNumberListRequest, VoiceLanguage, VoiceNumberList } from './wire'

// What an agent asks the voice platform for: a spoken message to a number list.

const voiceFields = VoiceBroadcastNumberListRequest.shape

export const VoiceBroadcastIntent = z
  .object({
    kind: z.literal('broadcast'),
    provider: z.literal('voice_broadcast'),
    profileId: ProfileId,
    /**
     * The agent's label for the broadcast, shown in the queue and history. The platform's own task
     * name is made by the provider client from the task's idempotency key (unique per account, so a
     * resend is harmless), whatever this says.
     */
    taskName: voiceFields.taskName,
    numbers: VoiceNumberList,
    text: voiceFields.text.unwrap(),
    lan: VoiceLanguage,
    loopCount: voiceFields.loopCount,
    maxCalls: voiceFields.maxCalls,
    maxRingingTime: voiceFields.maxRingingTime,
    allowSendTime: voiceFields.allowSendTime,
    /** An SMS after the call ends (needs the profile's SMS app id). */
    hangUpSms: z.object({ content: voiceFields.smsContent.unwrap() }).strict().optional(),
    /** Transfer to an agent group after the message, or when the callee presses `key`. */
    toSeat: z
      .object({
        sipGroupId: voiceFields.sipGroupId.unwrap(),
        calloutRate: voiceFields.calloutRate.unwrap(),
        key: voiceFields.toSeatKey,
      })
      .strict()
      .optional(),
  })
  .strict()
export type VoiceBroadcastIntent = z.infer<typeof VoiceBroadcastIntent>
