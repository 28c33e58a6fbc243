import { z } from 'zod'
import { maxChars } from '../../text'

// Voice group call (broadcast) task, ITNIO platform (also published as Onbuka/Buka and Laaffic):
//   POST {base}/voice/group/call/send   (Laaffic/Onbuka: {base}/v3/voice/group/call/send)
// Field names and rules are the voice-broadcast seed's (ITNIO "numberList" revision) unless a comment says
// otherwise. Lengths are counted in UTF-16 units, as the platform's Java `String.length()` does.

export const MAX_NUMBER_LIST = 200_000
export const MAX_NUMBER_INFO_LIST = 100_000
/** How many bad list entries are reported one by one before the rest are summed up in one issue. */
const MAX_LISTED_ISSUES = 20

/** Country code + number, 7–15 digits. (Laaffic's numberInfoList page says 6–18; we keep the seed's 7–15.) */
const CALLEE = /^\d{7,15}$/
const CALLEE_MESSAGE = 'A number to call is 7 to 15 digits: country code and number, no + or spaces.'

type Issues = { addIssue: (issue: { code: 'custom'; message: string; path?: PropertyKey[] }) => void }

/** Reports the first bad entries by index, then one summary, so a 200,000-entry list stays cheap to refuse. */
export const reporter = (ctx: Issues) => {
  let count = 0
  return {
    /** `message` may be a function: worded only for the entries listed. */
    bad(path: PropertyKey[], message: string | (() => string)) {
      if (count < MAX_LISTED_ISSUES) {
        ctx.addIssue({ code: 'custom', path, message: typeof message === 'string' ? message : message() })
      }
      count += 1
    },
    finish(what: string) {
      if (count > MAX_LISTED_ISSUES) {
        ctx.addIssue({
          code: 'custom',
          message: `${count} ${what} are invalid in all; only the first ${MAX_LISTED_ISSUES} are listed.`,
        })
      }
    },
  }
}

/**
 * `numberList`: a JSON array of strings ([I]: the type is `List<String>` although the prose speaks of
 * commas). Checked in one pass over the array, without a zod schema per item, to keep 200,000 numbers fast.
 */
export const VoiceNumberList = z
  .custom<string[]>((value) => Array.isArray(value), {
    error: 'Give the numbers to call as a list (numberList or numberInfoList).',
  })
  .superRefine((list, ctx) => {
    if (list.length === 0) return void ctx.addIssue({ code: 'custom', message: 'Give at least one number to call.' })
    if (list.length > MAX_NUMBER_LIST) {
      return void ctx.addIssue({
        code: 'custom',
        message: `At most ${MAX_NUMBER_LIST.toLocaleString('en-US')} numbers per task (this list has ${list.length.toLocaleString('en-US')}).`,
      })
    }
    const report = reporter(ctx)
    for (let i = 0; i < list.length; i++) {
      const n: unknown = list[i]
      if (typeof n !== 'string' || !CALLEE.test(n)) report.bad([i], CALLEE_MESSAGE)
    }
    report.finish('numbers')
  })

export type VoiceNumberInfo = {
  calleeNumber: string
  text1?: string
  text2?: string
  text3?: string
  text4?: string
  text5?: string
}
const INFO_TEXTS = ['text1', 'text2', 'text3', 'text4', 'text5'] as const
const INFO_KEYS = new Set<string>(['calleeNumber', ...INFO_TEXTS])
const INFO_TEXT_MAX = 30

/**
 * `numberInfoList` (the other published revision): `[{ calleeNumber, text1..text5 }]`, at most 100,000
 * records; `textN` (≤ 30 characters) fill `${textN}` in the hang-up SMS. Checked in one pass, like numberList.
 */
export const VoiceNumberInfoList = z
  .custom<VoiceNumberInfo[]>((value) => Array.isArray(value), {
    error: 'Give the numbers to call as a list (numberList or numberInfoList).',
  })
  .superRefine((list, ctx) => {
    if (list.length === 0) return void ctx.addIssue({ code: 'custom', message: 'Give at least one number to call.' })
    if (list.length > MAX_NUMBER_INFO_LIST) {
      return void ctx.addIssue({
        code: 'custom',
        message: `At most ${MAX_NUMBER_INFO_LIST.toLocaleString('en-US')} numbers per task (this list has ${list.length.toLocaleString('en-US')}).`,
      })
    }
    const report = reporter(ctx)
    for (let i = 0; i < list.length; i++) {
      const item: unknown = list[i]
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        report.bad([i], 'Each entry is an object with a calleeNumber.')
        continue
      }
      const record = item as Record<string, unknown>
      if (typeof record.calleeNumber !== 'string' || !CALLEE.test(record.calleeNumber)) {
        report.bad([i, 'calleeNumber'], CALLEE_MESSAGE)
      }
      for (const key of INFO_TEXTS) {
        const text = record[key]
        if (text !== undefined && (typeof text !== 'string' || text.length > INFO_TEXT_MAX)) {
          report.bad([i, key], `${key} is text of at most ${INFO_TEXT_MAX} characters.`)
        }
      }
      for (const key in record) {
        if (!INFO_KEYS.has(key)) report.bad([i, key], `Unknown field ${key}: use calleeNumber and text1 to text5.`)
      }
    }
    report.finish('entries')
  })

// ——— the other fields ———

const Filled = (max: number, what: string, min = 1) =>
  z
    .string({ error: `Enter the ${what}.` })
    .min(min, { error: min === 1 ? `Enter the ${what}.` : `The ${what} must be at least ${min} characters.` })
    .check(...maxChars(max, `The ${what} can be at most ${max} characters.`))
    .regex(/\S/, { error: `Enter the ${what}.` })

const Int = (min: number, max: number, what: string) =>
  z
    .number({ error: `The ${what} must be a whole number.` })
    .int({ error: `The ${what} must be a whole number.` })
    .min(min, { error: `The ${what} must be at least ${min}.` })
    .max(max, { error: `The ${what} can be at most ${max}.` })

const Flag = (what: string) => z.literal([0, 1], { error: `${what} is 0 (no) or 1 (yes).` })

const HourMinute = z
  .string({ error: 'Write the time as HH:mm, e.g. 10:00.' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Write the time as HH:mm, e.g. 10:00.' })

export const VoiceLanguage = z.enum(
  ['VN', 'EN', 'JP', 'ARB', 'DE', 'IN', 'IT', 'KR', 'RU', 'ES', 'PT', 'IDN', 'BD', 'TH'],
  { error: 'Choose a TTS language: VN, EN, JP, ARB, DE, IN (Hindi), IT, KR, RU, ES, PT, IDN, BD or TH.' },
)

const isCalendarDate = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/**
 * `sendTime`: a Java `LocalDateTime`, null or absent to call now. The wire format `yyyy-MM-dd HH:mm:ss`
 * and its time zone (presumably the account's) are [I] — not shown in the documentation. Because the
 * zone is unknown, "in the future" is not checked here.
 */
const SEND_TIME = /^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/
const SEND_TIME_MESSAGE = 'Write the send time as yyyy-MM-dd HH:mm:ss, e.g. 2026-07-01 09:30:00.'
export const VoiceSendTime = z
  .string({ error: SEND_TIME_MESSAGE })
  .regex(SEND_TIME, { error: SEND_TIME_MESSAGE })
  .refine(
    (s) => !SEND_TIME.test(s) || isCalendarDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))),
    {
      error: 'The send time is not a real date.',
    },
  )

/** "HH:SS" in the documentation; its examples use "10:00", so HH:mm ([I]). */
export const VoiceAllowSendTime = z.strictObject(
  { strTime: HourMinute, endTime: HourMinute },
  { error: 'A sending window is { strTime, endTime }, both HH:mm.' },
)

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

const commonFields = {
  /** Length not documented: 64 is our cap (as for voiceFileId's 128 and smsAppId's 64). */
  appId: Filled(64, 'voice app id'),
  /** 0–20 digits, blank allowed. */
  displayNum: z
    .string({ error: 'The display number is digits only, at most 20.' })
    .regex(/^\d{0,20}$/, { error: 'The display number is digits only, at most 20.' })
    .optional(),
  /** 2–64 characters, unique per account. */
  taskName: Filled(64, 'task name', 2),
  /** 1 an uploaded file (voiceFileId), 2 upload the voice now (uploadName + baseFile), 3 text-to-speech. */
  source: z.literal([1, 2, 3], { error: 'The source is 1 (uploaded file), 2 (upload now) or 3 (text-to-speech).' }),
  voiceFileId: Filled(128, 'voice file id').optional(),
  uploadName: Filled(32, 'upload name', 5).optional(),
  /** Standard padded base64 without a `data:` prefix ([I]: the page only says "base64 file stream"). */
  baseFile: z
    .string({ error: 'Attach the voice file (base64).' })
    .min(1, { error: 'Attach the voice file (base64).' })
    .regex(BASE64, { error: 'The voice file must be base64 encoded.' })
    .optional(),
  text: Filled(1000, 'text to speak').optional(),
  lan: VoiceLanguage.optional(),
  sendTime: VoiceSendTime.nullable().optional(),
  /** How many times the message is played; default 1, at most 9. */
  loopCount: Int(1, 9, 'loop count'),
  /** Seconds after answer before a forced hang-up (a duration, not a concurrency); at most 999, at least 1 (ours). */
  maxCalls: Int(1, 999, 'maximum call duration (seconds)'),
  hangUpSms: Flag('hangUpSms').optional(),
  smsAppId: Filled(64, 'SMS app id').optional(),
  smsContent: Filled(1000, 'SMS text').optional(),
  senderId: z
    .string({ error: 'The sender id is text.' })
    .check(...maxChars(32, 'The sender id can be at most 32 characters.'))
    .optional(),
  feedbackPush: Flag('feedbackPush').optional(),
  /** The key (0–9) whose press triggers the feedback SMS. */
  feedbackValue: z
    .string({ error: 'The feedback key is one digit, 0 to 9.' })
    .regex(/^[0-9]$/, { error: 'The feedback key is one digit, 0 to 9.' })
    .optional(),
  successPush: Flag('successPush').optional(),
  successPushTime: Int(0, 9999, 'delay before the success SMS (seconds)').optional(),
  failedPush: Flag('failedPush').optional(),
  ringPush: Flag('ringPush').optional(),
  toSeat: Flag('toSeat').optional(),
  /** Agent group id; the lower bound 1 is ours. */
  sipGroupId: Int(1, Number.MAX_SAFE_INTEGER, 'agent group id').optional(),
  /** Only documented value: 1, proportional outgoing calls. */
  outboundControl: z.literal(1, { error: 'The outbound control is 1 (proportional).' }).optional(),
  calloutRate: Int(1, 100, 'callout rate').optional(),
  /** 1 transfer after the broadcast, 2 transfer on a key press (toSeatKey). */
  toSeatType: z
    .literal([1, 2], { error: 'The transfer condition is 1 (after the broadcast) or 2 (on a key press).' })
    .optional(),
  /** The key that transfers to an agent; 0–9 is [I] (a phone key), the documentation gives no range. */
  toSeatKey: Int(0, 9, 'transfer key').optional(),
  /** At most 3 windows. Start-before-end is not checked: not documented, and overnight windows may be meant. */
  allowSendTime: z
    .array(VoiceAllowSendTime, { error: 'Give the sending windows as a list.' })
    .max(3, { error: 'At most 3 sending windows.' })
    .optional(),
  /** Seconds; default 60. */
  maxRingingTime: Int(20, 120, 'maximum ringing time (seconds)').optional(),
}

type Common = z.infer<z.ZodObject<typeof commonFields>>

const REQUIRED_WHEN: { when: (r: Common) => boolean; condition: string; fields: (keyof Common)[] }[] = [
  { when: (r) => r.source === 1, condition: 'source is 1', fields: ['voiceFileId'] },
  { when: (r) => r.source === 2, condition: 'source is 2', fields: ['uploadName', 'baseFile'] },
  { when: (r) => r.source === 3, condition: 'source is 3', fields: ['text', 'lan'] },
  {
    when: (r) => r.hangUpSms === 1,
    condition: 'hangUpSms is 1',
    fields: ['smsAppId', 'smsContent', 'feedbackPush', 'successPush', 'failedPush', 'ringPush'],
  },
  { when: (r) => r.feedbackPush === 1, condition: 'feedbackPush is 1', fields: ['feedbackValue'] },
  { when: (r) => r.successPush === 1, condition: 'successPush is 1', fields: ['successPushTime'] },
  {
    when: (r) => r.toSeat === 1,
    condition: 'toSeat is 1',
    fields: ['sipGroupId', 'outboundControl', 'calloutRate', 'toSeatType'],
  },
  { when: (r) => r.toSeat === 1 && r.toSeatType === 2, condition: 'toSeatType is 2', fields: ['toSeatKey'] },
]

/**
 * The "required when" column of the seed. Fields given when their condition does not hold (e.g. `text` with
 * source 1) are not refused: the documentation does not say the platform refuses them.
 */
const conditionalFields = (request: Common, ctx: Issues) => {
  for (const rule of REQUIRED_WHEN) {
    if (!rule.when(request)) continue
    for (const field of rule.fields) {
      if (request[field] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: `${field} is required when ${rule.condition}.` })
      }
    }
  }
}

const unknownFields = {
  error: (issue: z.core.$ZodRawIssue) =>
    issue.code === 'unrecognized_keys'
      ? `The voice broadcast request has no field ${issue.keys.join(', ')}.`
      : 'Give the voice broadcast request as an object.',
}

export const VoiceBroadcastNumberListRequest = z
  .strictObject({ ...commonFields, numberList: VoiceNumberList }, unknownFields)
  .superRefine(conditionalFields)
export type VoiceBroadcastNumberListRequest = z.infer<typeof VoiceBroadcastNumberListRequest>

export const VoiceBroadcastNumberInfoListRequest = z
  .strictObject({ ...commonFields, numberInfoList: VoiceNumberInfoList }, unknownFields)
  .superRefine(conditionalFields)
export type VoiceBroadcastNumberInfoListRequest = z.infer<typeof VoiceBroadcastNumberInfoListRequest>

export type VoiceBroadcastSend = VoiceBroadcastNumberListRequest | VoiceBroadcastNumberInfoListRequest

/**
 * The body of `POST {base}/voice/group/call/send`, either revision. The shape picks the variant: a body
 * with `numberInfoList` is checked as the per-number-records revision, anything else as the numberList
 * one. (A plain `z.union` would report both variants' failures at the root; this keeps issue paths exact.)
 */
export const VoiceBroadcastSend = z.unknown().transform((input, ctx): VoiceBroadcastSend => {
  const record = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {}
  if (record.numberList !== undefined && record.numberInfoList !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['numberInfoList'],
      message: 'Send either numberList or numberInfoList, not both.',
    })
    return z.NEVER
  }
  const schema =
    record.numberInfoList !== undefined ? VoiceBroadcastNumberInfoListRequest : VoiceBroadcastNumberListRequest
  const result = schema.safeParse(input)
  if (result.success) return result.data
  for (const issue of result.error.issues) ctx.addIssue({ ...issue })
  return z.NEVER
})
