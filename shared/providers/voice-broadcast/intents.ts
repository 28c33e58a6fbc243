import { z } from 'zod'
import { ProfileId } from '../../schemas/fields'
import { isDialableE164, whyNotDialable } from '../../schemas/intent-fields'
import { MAX_NUMBER_LIST, reporter, VoiceBroadcastNumberListRequest, VoiceLanguage, VoiceNumberList } from './wire'
import { issueMessage, issueText } from '../../i18n/issue-message'

// What an agent asks the voice platform for: a spoken message to a number list.

const voiceFields = VoiceBroadcastNumberListRequest.shape

/**
 * The hang-up SMS and its triggers, seed 004's four push flags: each is a moment the SMS goes out,
 * so at least one must be on (with all four at 0 the platform never sends it). A task queued before
 * the triggers existed reads as "after a successful call, at once", the documented meaning of the
 * SMS it asked for.
 */
export const HangUpSms = z
  .object({
    content: voiceFields.smsContent.unwrap(),
    /** successPush: after a call that was answered, `successDelaySeconds` later (successPushTime). */
    onSuccess: z.boolean().default(true),
    successDelaySeconds: voiceFields.successPushTime.unwrap().default(0),
    /** failedPush: after a call that failed. */
    onFailed: z.boolean().default(false),
    /** ringPush: once the phone rang. */
    onRing: z.boolean().default(false),
    /** feedbackPush with feedbackValue: when the callee presses this key (0–9); empty for none. */
    onKey: z.union([z.literal(''), voiceFields.feedbackValue.unwrap()]).default(''),
  })
  .strict()
  .refine((sms) => sms.onSuccess || sms.onFailed || sms.onRing || sms.onKey !== '', {
    path: ['onSuccess'],
    error: issueText('schema.voiceBroadcastIntents.chooseWhenSmsSent'),
  })
export type HangUpSms = z.infer<typeof HangUpSms>

export const VoiceBroadcastIntent = z
  .object({
    kind: z.literal('broadcast'),
    provider: z.literal('voice_broadcast'),
    profileId: ProfileId,
    /**
     * The agent's name for the broadcast. It reaches the platform with a short suffix the provider
     * client makes from the task's idempotency key (`taskName` is unique per account, so a resend is
     * harmless), cut to fit the platform's 64 characters.
     */
    taskName: voiceFields.taskName,
    numbers: VoiceNumberList,
    text: voiceFields.text.unwrap(),
    lan: VoiceLanguage,
    loopCount: voiceFields.loopCount,
    maxCalls: voiceFields.maxCalls,
    maxRingingTime: voiceFields.maxRingingTime,
    allowSendTime: voiceFields.allowSendTime,
    /** An SMS after the call ends (needs the profile's SMS app id), and when it goes out. */
    hangUpSms: HangUpSms.optional(),
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

const CALLEE_DIGITS = /^\d{7,15}$/

/**
 * The numbers of a broadcast being queued now: each one dialable by the rule every destination
 * follows (isDialableE164, about 4 µs a number against judgeE164's 100 µs, so the largest list the
 * platform takes stays cheap), so a list sent over IPC cannot carry `999 1234567` where the form
 * would refuse it. Entries without the wire's shape (7–15 digits) are already reported by
 * VoiceNumberList.
 */
const DialableNumberList = VoiceNumberList.superRefine((list, ctx) => {
  // Over the wire's limit the list is already refused by its shape; judging it would be wasted work.
  if (!Array.isArray(list) || list.length > MAX_NUMBER_LIST) return
  const report = reporter(ctx)
  for (let i = 0; i < list.length; i++) {
    const n: unknown = list[i]
    if (typeof n !== 'string' || !CALLEE_DIGITS.test(n) || isDialableE164(`+${n}`)) continue
    report.bad([i], () =>
      issueText('schema.templates.numberProblem', { number: `+${n}`, problem: issueMessage(whyNotDialable(`+${n}`)) }),
    )
  }
  report.finish('numbers')
})

/** A voice broadcast being queued now: every number dialable (see DialableNumberList). */
export const NewVoiceBroadcastIntent = VoiceBroadcastIntent.extend({ numbers: DialableNumberList })
