import { z } from 'zod'
import { ProfileId } from '../../schemas/fields'
import { callbackFields, DialableE164, E164, Text, type CallbackLimits } from '../../schemas/intent-fields'
import {
  WEBEX_SCHEDULED_CALLBACK_LIMITS,
  WEBEX_TASK_LIMITS,
  WebexTaskAttributes,
  WebexTaskCustomAttributes,
} from './wire'

// What an agent asks Webex for: an outdial, or a callback (now, or scheduled for a window).

export const OutdialIntent = z
  .object({
    kind: z.literal('outdial'),
    profileId: ProfileId,
    destination: E164,
    entryPointId: Text(WEBEX_TASK_LIMITS.entryPointIdChars, 'entryPointId'),
    /** The ANI shown to the callee; must be one of the profile's outdial ANIs. */
    origin: Text(WEBEX_TASK_LIMITS.originChars, 'outdialAni'),
    attributes: WebexTaskAttributes.optional(),
    customAttributes: WebexTaskCustomAttributes.optional(),
  })
  .strict()
export type OutdialIntent = z.infer<typeof OutdialIntent>

/** An outdial being queued now: its destination must be dialable (see DialableE164). */
export const NewOutdialIntent = OutdialIntent.extend({ destination: DialableE164 })

/**
 * A callback's customer name, as the scheduled-callback API takes it (an immediate callback carries
 * it as a flow attribute). The API states no length for `callbackReason`: it is held to 4,096
 * characters, what the app has always taken.
 */
const WEBEX_CALLBACK_LIMITS: CallbackLimits = {
  customerNameChars: WEBEX_SCHEDULED_CALLBACK_LIMITS.customerNameChars,
  reasonChars: 4096,
}

export const WebexCallbackIntent = z
  .object({
    ...callbackFields(WEBEX_CALLBACK_LIMITS),
    provider: z.literal('webex'),
    /** Needed for an immediate callback (`now`): the entry point whose flow places the call. */
    entryPointId: Text(WEBEX_TASK_LIMITS.entryPointIdChars, 'entryPointId').optional(),
    /** Length of the scheduled window (`at`); the shortest the API allows when left out. */
    windowMinutes: z
      .int()
      .min(WEBEX_SCHEDULED_CALLBACK_LIMITS.minDurationMinutes)
      .max(WEBEX_SCHEDULED_CALLBACK_LIMITS.maxDurationMinutes)
      .optional(),
  })
  .strict()
export type WebexCallbackIntent = z.infer<typeof WebexCallbackIntent>

/** A callback being queued now: its destination must be dialable (see DialableE164). */
export const NewWebexCallbackIntent = WebexCallbackIntent.extend({ destination: DialableE164 })

export type WebexIntent = OutdialIntent | WebexCallbackIntent
