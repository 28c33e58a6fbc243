import { z } from 'zod'
import { E164_PATTERN, judgeE164, type E164Refusal } from '../phone/dialable'
import { normalizeNumber } from '../phone/number-list'
import { maxChars } from '../text'
import { ProfileId } from './providers'
import { AiccsCallDay, AiccsCallRetryReason, AiccsCallTime, aiccsCreateAiCallTaskSchema } from './wire/aiccs'
import { ConnectReferences, ConnectStartTaskContactInput } from './wire/connect'
import { EgainPriority, EgainSearchContactOnAttribute, egainTaskBody } from './wire/egain'
import {
  MAX_NUMBER_LIST,
  reporter,
  VoiceBroadcastNumberListRequest,
  VoiceLanguage,
  VoiceNumberList,
} from './wire/voice-broadcast'
import {
  isIanaTimeZone,
  WEBEX_SCHEDULED_CALLBACK_LIMITS,
  WEBEX_TASK_LIMITS,
  WebexTaskAttributes,
  WebexTaskCustomAttributes,
} from './wire/webex'

// Task intents: what an agent asks for, independent of any provider's wire format. Each names the
// provider profile it is meant for; shared/intent-to-wire.ts turns an intent plus that profile into
// the wire request (or refuses it). Where a field maps 1:1 onto a wire field, the wire schema (or its
// limits) is reused here, so a limit is stated in exactly one place.

// Field schemas borrowed from the wire objects (their `.shape` is the single source of each limit).
// The time-dependent wire schemas are built at the epoch only to read their field shapes; no
// time rule is taken from them here.
const voiceFields = VoiceBroadcastNumberListRequest.shape
const aiccsFields = aiccsCreateAiCallTaskSchema(new Date(0)).shape
const connectFields = ConnectStartTaskContactInput.shape
const egainFields = egainTaskBody(new Date(0)).shape

const INTERNATIONAL_FORMAT = 'Enter the number in international format, such as +14085550100.'

/**
 * A phone number in E.164: +, country code, subscriber number; 8–16 characters in all. The shape
 * only: what a task already queued holds. Whether the number exists is libphonenumber's call, and
 * its metadata changes between versions, so it is asked when a task is queued (DialableE164), never
 * when the outbox journal is read back: a queued task must not turn the journal unreadable.
 */
export const E164 = z.string().trim().regex(E164_PATTERN, { error: INTERNATIONAL_FORMAT })

const NOT_DIALABLE: Record<E164Refusal['reason'], string> = {
  empty: INTERNATIONAL_FORMAT,
  not_a_number: INTERNATIONAL_FORMAT,
  not_international: INTERNATIONAL_FORMAT,
  not_canonical: 'Leave out the national prefix after the country code: +44 20 7946 0958, not +44 020 7946 0958.',
  too_short: 'This number is too short for its country.',
  too_long: 'This number is too long for its country.',
  invalid_length: 'This number has the wrong number of digits for its country.',
  invalid_country: 'This country code does not exist, so the number cannot be dialled.',
  invalid_for_region: 'No such number exists for this country code.',
  not_e164: 'Webex cannot dial this number: international numbers have 7 to 15 digits.',
}

/**
 * The destination of a task being queued, by the form, over IPC or from the shortcut: E.164 that
 * libphonenumber calls valid today (shared/phone/dialable.ts, the rule the shortcut and the form
 * field use), so `+999 1234567`, which has the shape, is refused wherever it comes from.
 */
export const DialableE164 = E164.superRefine((value, ctx) => {
  // The shape's own message already says what is wrong.
  if (!E164_PATTERN.test(value)) return
  const judged = judgeE164(value)
  if (!judged.ok) ctx.addIssue({ code: 'custom', message: NOT_DIALABLE[judged.reason] })
})

/** A date and time with its UTC offset, e.g. 2026-07-01T09:30:00+02:00. */
const IsoInstant = z.iso.datetime({ offset: true, error: 'Give a date and time with its UTC offset.' })

const TimeZone = z
  .string()
  .refine(isIanaTimeZone, { error: 'Choose a time zone by its IANA name, such as America/New_York.' })

const Text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `Enter the ${what}.` })
    .check(...maxChars(max, `At most ${max} characters.`))

// ——— outdial (Webex OUTDIAL) ———

export const OutdialIntent = z
  .object({
    kind: z.literal('outdial'),
    profileId: ProfileId,
    destination: E164,
    entryPointId: Text(WEBEX_TASK_LIMITS.entryPointIdChars, 'entry point id'),
    /** The ANI shown to the callee; must be one of the profile's outdial ANIs. */
    origin: Text(WEBEX_TASK_LIMITS.originChars, 'outdial ANI'),
    attributes: WebexTaskAttributes.optional(),
    customAttributes: WebexTaskCustomAttributes.optional(),
  })
  .strict()
export type OutdialIntent = z.infer<typeof OutdialIntent>

/** An outdial being queued now: its destination must be dialable (see DialableE164). */
export const NewOutdialIntent = OutdialIntent.extend({ destination: DialableE164 })

// ——— Amazon Connect flow target (callback and follow-up) ———

/** Which configured Connect target runs the task: exactly one of flow, quick connect, template. */
export const ConnectFlowTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('contactFlow'), id: connectFields.ContactFlowId.unwrap() }).strict(),
  z.object({ kind: z.literal('quickConnect'), id: connectFields.QuickConnectId.unwrap() }).strict(),
  z.object({ kind: z.literal('taskTemplate'), id: connectFields.TaskTemplateId.unwrap() }).strict(),
])
export type ConnectFlowTarget = z.infer<typeof ConnectFlowTarget>

// ——— callback ———

export const CallbackWhen = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('now') }).strict(),
  z.object({ kind: z.literal('at'), at: IsoInstant, timeZone: TimeZone }).strict(),
])
export type CallbackWhen = z.infer<typeof CallbackWhen>

const callbackFields = {
  kind: z.literal('callback'),
  profileId: ProfileId,
  when: CallbackWhen,
  destination: E164,
  customerName: Text(WEBEX_SCHEDULED_CALLBACK_LIMITS.customerNameChars, 'customer name'),
  reason: z
    .string()
    .trim()
    .max(connectFields.Description.unwrap().maxLength ?? Infinity),
}

export const WebexCallbackIntent = z
  .object({
    ...callbackFields,
    provider: z.literal('webex'),
    /** Needed for an immediate callback (`now`): the entry point whose flow places the call. */
    entryPointId: Text(WEBEX_TASK_LIMITS.entryPointIdChars, 'entry point id').optional(),
    /** Length of the scheduled window (`at`); the shortest the API allows when left out. */
    windowMinutes: z
      .int()
      .min(WEBEX_SCHEDULED_CALLBACK_LIMITS.minDurationMinutes)
      .max(WEBEX_SCHEDULED_CALLBACK_LIMITS.maxDurationMinutes)
      .optional(),
  })
  .strict()
export type WebexCallbackIntent = z.infer<typeof WebexCallbackIntent>

export const ConnectCallbackIntent = z
  .object({ ...callbackFields, provider: z.literal('connect'), target: ConnectFlowTarget })
  .strict()
export type ConnectCallbackIntent = z.infer<typeof ConnectCallbackIntent>

export const CallbackIntent = z.discriminatedUnion('provider', [WebexCallbackIntent, ConnectCallbackIntent])
export type CallbackIntent = z.infer<typeof CallbackIntent>

/** A callback being queued now: its destination must be dialable (see DialableE164). */
export const NewCallbackIntent = z.discriminatedUnion('provider', [
  WebexCallbackIntent.extend({ destination: DialableE164 }),
  ConnectCallbackIntent.extend({ destination: DialableE164 }),
])

// ——— follow-up ———

export const EgainAssignee = z
  .object({ by: z.enum(['id', 'loginId', 'externalId']), value: Text(255, 'user to assign') })
  .strict()

export const EgainFollowUpIntent = z
  .object({
    kind: z.literal('followUp'),
    provider: z.literal('egain'),
    profileId: ProfileId,
    /** Empty: the profile's default department. */
    department: z
      .string()
      .trim()
      .check(...maxChars(255, 'At most 255 characters.')),
    subtype: Text(255, 'task subtype'),
    subject: egainFields.subject,
    content: z
      .string()
      .trim()
      .check(...maxChars(100_000, 'At most 100000 characters.'))
      .optional(),
    dueDate: IsoInstant.optional(),
    priority: EgainPriority.optional(),
    lookup: z.object({ attribute: EgainSearchContactOnAttribute, value: Text(255, 'customer lookup value') }).strict(),
    createCustomer: z.boolean(),
    assignee: EgainAssignee.optional(),
  })
  .strict()
export type EgainFollowUpIntent = z.infer<typeof EgainFollowUpIntent>

export const ConnectFollowUpIntent = z
  .object({
    kind: z.literal('followUp'),
    provider: z.literal('connect'),
    profileId: ProfileId,
    name: connectFields.Name.min(1, { error: 'Enter the task name.' }),
    description: connectFields.Description,
    target: ConnectFlowTarget,
    references: ConnectReferences.optional(),
    previousContactId: connectFields.PreviousContactId,
  })
  .strict()
export type ConnectFollowUpIntent = z.infer<typeof ConnectFollowUpIntent>

export const FollowUpIntent = z.discriminatedUnion('provider', [EgainFollowUpIntent, ConnectFollowUpIntent])
export type FollowUpIntent = z.infer<typeof FollowUpIntent>

// ——— broadcast ———

export const VoiceBroadcastIntent = z
  .object({
    kind: z.literal('broadcast'),
    provider: z.literal('voice_broadcast'),
    profileId: ProfileId,
    /** Unique per account; the dispatcher derives it from the task id so a resend is harmless. */
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

export const AiccsStart = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('now') }).strict(),
  z.object({ kind: z.literal('at'), at: IsoInstant }).strict(),
])

export const AiccsBroadcastIntent = z
  .object({
    kind: z.literal('broadcast'),
    provider: z.literal('aiccs'),
    profileId: ProfileId,
    /** Unique per account; the dispatcher derives it from the task id so a resend is harmless. */
    taskName: aiccsFields.TaskName,
    /** Empty: the profile's default agent. */
    agentId: z
      .string()
      .trim()
      .max(aiccsFields.AgentId.maxLength ?? Infinity),
    /** Empty: the profile's default virtual number. */
    virtualNumber: z
      .string()
      .trim()
      .max(aiccsFields.VirtualNumber.maxLength ?? Infinity),
    callTimes: z.array(AiccsCallTime),
    callDays: z.array(AiccsCallDay),
    retryTimes: aiccsFields.CallRetryTimes,
    retryIntervalMinutes: aiccsFields.CallRetryInterval,
    retryReasons: z.array(AiccsCallRetryReason).optional(),
    concurrency: aiccsFields.TaskCps,
    start: AiccsStart,
  })
  .strict()
export type AiccsBroadcastIntent = z.infer<typeof AiccsBroadcastIntent>

export const BroadcastIntent = z.discriminatedUnion('provider', [VoiceBroadcastIntent, AiccsBroadcastIntent])
export type BroadcastIntent = z.infer<typeof BroadcastIntent>

/**
 * The numbers of a broadcast being queued now: each one a number the list reader
 * (shared/phone/number-list.ts, which agrees with the single-number rule, a test holds them
 * together) takes as it is, so a list sent over IPC cannot carry `999 1234567` where the form would
 * refuse it. The list reader, not judgeE164, decides because it is fast enough for the largest list
 * the platform takes (about 4 µs a number, against 100 µs); judgeE164 only words the refusals
 * listed. Entries without the wire's shape (7–15 digits) are already reported by VoiceNumberList.
 */
const DialableNumberList = VoiceNumberList.superRefine((list, ctx) => {
  // Over the wire's limit the list is already refused by its shape; judging it would be wasted work.
  if (!Array.isArray(list) || list.length > MAX_NUMBER_LIST) return
  const report = reporter(ctx)
  for (let i = 0; i < list.length; i++) {
    const n: unknown = list[i]
    if (typeof n !== 'string' || !CALLEE_DIGITS.test(n)) continue
    const read = normalizeNumber(`+${n}`, 'US')
    if (read.ok && read.number === n) continue
    report.bad([i], () => {
      const judged = judgeE164(`+${n}`)
      return `+${n}: ${judged.ok ? NOT_DIALABLE.invalid_for_region : NOT_DIALABLE[judged.reason]}`
    })
  }
  report.finish('numbers')
})
const CALLEE_DIGITS = /^\d{7,15}$/

/** A broadcast being queued now: every number dialable (see DialableNumberList). */
export const NewBroadcastIntent = z.discriminatedUnion('provider', [
  VoiceBroadcastIntent.extend({ numbers: DialableNumberList }),
  AiccsBroadcastIntent,
])

// ——— all ———

export const TaskIntent = z.discriminatedUnion('kind', [OutdialIntent, CallbackIntent, FollowUpIntent, BroadcastIntent])
export type TaskIntent = z.infer<typeof TaskIntent>

/** A task being queued now (tasks:submit): as TaskIntent, with every destination and broadcast number dialable. */
export const NewTaskIntent = z.discriminatedUnion('kind', [
  NewOutdialIntent,
  NewCallbackIntent,
  FollowUpIntent,
  NewBroadcastIntent,
])
export type TaskKind = TaskIntent['kind']
