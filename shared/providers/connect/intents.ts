import { z } from 'zod'
import { issueText, noun } from '../../i18n/issue-message'
import { ProfileId } from '../../schemas/fields'
import { DialableE164, IsoInstant, callbackFields, type CallbackLimits } from '../../schemas/intent-fields'
import { CONNECT_TASK_LIMITS, ConnectReferences, ConnectStartTaskContactInput } from './wire'

// What an agent asks Amazon Connect for: a callback task (now or scheduled) or a follow-up task,
// each run by a contact flow, quick connect or task template the profile configures.

const connectFields = ConnectStartTaskContactInput.shape

/** Which configured Connect target runs the task: exactly one of flow, quick connect, template. */
export const ConnectFlowTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('contactFlow'), id: connectFields.ContactFlowId.unwrap() }).strict(),
  z.object({ kind: z.literal('quickConnect'), id: connectFields.QuickConnectId.unwrap() }).strict(),
  z.object({ kind: z.literal('taskTemplate'), id: connectFields.TaskTemplateId.unwrap() }).strict(),
])
export type ConnectFlowTarget = z.infer<typeof ConnectFlowTarget>

/**
 * The reason is the task's Description. The customer name goes into the task's Name
 * (`Callback: <name>`, up to 1,024 characters); it is held to 250 characters, what the app has always
 * taken, so that a name typed for either provider's callback fits the other's.
 */
const CONNECT_CALLBACK_LIMITS: CallbackLimits = {
  customerNameChars: 250,
  reasonChars: CONNECT_TASK_LIMITS.descriptionChars,
}

export const ConnectCallbackIntent = z
  .object({ ...callbackFields(CONNECT_CALLBACK_LIMITS), provider: z.literal('connect'), target: ConnectFlowTarget })
  .strict()
export type ConnectCallbackIntent = z.infer<typeof ConnectCallbackIntent>

/** A callback being queued now: its destination must be dialable (see DialableE164). */
export const NewConnectCallbackIntent = ConnectCallbackIntent.extend({ destination: DialableE164 })

export const ConnectFollowUpIntent = z
  .object({
    kind: z.literal('followUp'),
    provider: z.literal('connect'),
    profileId: ProfileId,
    name: connectFields.Name.min(1, { error: issueText('schema.text.enter', { what: noun('taskName') }) }),
    description: connectFields.Description,
    target: ConnectFlowTarget,
    references: ConnectReferences.optional(),
    previousContactId: connectFields.PreviousContactId,
    /** When the task starts (StartTaskContact's ScheduledTime: in the future, at most 6 days ahead); absent, now. */
    scheduledTime: IsoInstant.optional(),
  })
  .strict()
export type ConnectFollowUpIntent = z.infer<typeof ConnectFollowUpIntent>

export type ConnectIntent = ConnectCallbackIntent | ConnectFollowUpIntent
