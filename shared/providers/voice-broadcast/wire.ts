import { z } from 'zod'
import { maxChars } from '../../text'
import { issueText, noun, type SchemaNoun } from '../../i18n/issue-message'

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
const CALLEE_MESSAGE = issueText('schema.voiceBroadcastWire.numberCall715')

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
    finish(what: 'numbers' | 'entries') {
      if (count > MAX_LISTED_ISSUES) {
        ctx.addIssue({
          code: 'custom',
          message: issueText(
            what === 'numbers' ? 'schema.templates.numbersInvalidInAll' : 'schema.templates.entriesInvalidInAll',
            {
              count,
              listed: MAX_LISTED_ISSUES,
            },
          ),
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
    error: issueText('schema.voiceBroadcastWire.giveNumbersCallList'),
  })
  .superRefine((list, ctx) => {
    if (list.length === 0)
      return void ctx.addIssue({ code: 'custom', message: issueText('schema.voiceBroadcastWire.giveAtLeastNumber') })
    if (list.length > MAX_NUMBER_LIST) {
      return void ctx.addIssue({
        code: 'custom',
        message: issueText('schema.templates.numbersPerTask', {
          max: MAX_NUMBER_LIST,
          count: list.length,
        }),
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
    error: issueText('schema.voiceBroadcastWire.giveNumbersCallList'),
  })
  .superRefine((list, ctx) => {
    if (list.length === 0)
      return void ctx.addIssue({ code: 'custom', message: issueText('schema.voiceBroadcastWire.giveAtLeastNumber') })
    if (list.length > MAX_NUMBER_INFO_LIST) {
      return void ctx.addIssue({
        code: 'custom',
        message: issueText('schema.templates.numbersPerTask', {
          max: MAX_NUMBER_INFO_LIST,
          count: list.length,
        }),
      })
    }
    const report = reporter(ctx)
    for (let i = 0; i < list.length; i++) {
      const item: unknown = list[i]
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        report.bad([i], issueText('schema.voiceBroadcastWire.eachEntryObjectCalleenumber'))
        continue
      }
      const record = item as Record<string, unknown>
      if (typeof record.calleeNumber !== 'string' || !CALLEE.test(record.calleeNumber)) {
        report.bad([i, 'calleeNumber'], CALLEE_MESSAGE)
      }
      for (const key of INFO_TEXTS) {
        const text = record[key]
        if (text !== undefined && (typeof text !== 'string' || text.length > INFO_TEXT_MAX)) {
          report.bad([i, key], issueText('schema.templates.infoTextMax', { field: key, max: INFO_TEXT_MAX }))
        }
      }
      for (const key in record) {
        if (!INFO_KEYS.has(key)) report.bad([i, key], issueText('schema.templates.unknownInfoField', { field: key }))
      }
    }
    report.finish('entries')
  })

/**
 * The platform's limits that the broadcast form states too (its counters, number boxes and row
 * list): written once here, where the request schema below takes them from.
 */
export const VOICE_BROADCAST_LIMITS = {
  textChars: 1000,
  smsChars: 1000,
  sendWindows: 3,
  loopCount: { min: 1, max: 9 },
  /** Seconds; the lower bound is ours. */
  maxCalls: { min: 1, max: 999 },
  /** Seconds. */
  maxRingingTime: { min: 20, max: 120 },
  /** The lower bound is ours. */
  sipGroupId: { min: 1, max: Number.MAX_SAFE_INTEGER },
  calloutRate: { min: 1, max: 100 },
  /** A phone key ([I]: the documentation gives no range). */
  toSeatKey: { min: 0, max: 9 },
} as const
const V = VOICE_BROADCAST_LIMITS

// ——— the other fields ———

const Filled = (max: number, what: SchemaNoun, min = 1) =>
  z
    .string({ error: issueText('schema.text.enter', { what: noun(what) }) })
    .min(min, {
      error:
        min === 1
          ? issueText('schema.text.enter', { what: noun(what) })
          : issueText('schema.text.atLeastCharsOf', { what: noun(what), min: min }),
    })
    .check(...maxChars(max, issueText('schema.text.atMostCharsOf', { what: noun(what), max: max })))
    .regex(/\S/, { error: issueText('schema.text.enter', { what: noun(what) }) })

const Int = (min: number, max: number, what: SchemaNoun) =>
  z
    .number({ error: issueText('schema.text.wholeNumber', { what: noun(what) }) })
    .int({ error: issueText('schema.text.wholeNumber', { what: noun(what) }) })
    .min(min, { error: issueText('schema.text.atLeast', { what: noun(what), min: min }) })
    .max(max, { error: issueText('schema.text.atMost', { what: noun(what), max: max }) })

const Flag = (field: string) => z.literal([0, 1], { error: issueText('schema.templates.flag', { field }) })

const HourMinute = z
  .string({ error: issueText('schema.voiceBroadcastWire.writeTimeHhMm') })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: issueText('schema.voiceBroadcastWire.writeTimeHhMm') })

export const VoiceLanguage = z.enum(
  ['VN', 'EN', 'JP', 'ARB', 'DE', 'IN', 'IT', 'KR', 'RU', 'ES', 'PT', 'IDN', 'BD', 'TH'],
  { error: issueText('schema.voiceBroadcastWire.chooseTtsLanguageVn') },
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
const SEND_TIME_MESSAGE = issueText('schema.voiceBroadcastWire.writeSendTimeYyyy')
export const VoiceSendTime = z
  .string({ error: SEND_TIME_MESSAGE })
  .regex(SEND_TIME, { error: SEND_TIME_MESSAGE })
  .refine(
    (s) => !SEND_TIME.test(s) || isCalendarDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))),
    {
      error: issueText('schema.voiceBroadcastWire.sendTimeNotReal'),
    },
  )

/** "HH:SS" in the documentation; its examples use "10:00", so HH:mm ([I]). */
export const VoiceAllowSendTime = z.strictObject(
  { strTime: HourMinute, endTime: HourMinute },
  { error: issueText('schema.voiceBroadcastWire.sendingWindowStrtimeEndtime', { shape: '{ strTime, endTime }' }) },
)

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

const commonFields = {
  /** Length not documented: 64 is our cap (as for voiceFileId's 128 and smsAppId's 64). */
  appId: Filled(64, 'voiceAppId'),
  /** 0–20 digits, blank allowed. */
  displayNum: z
    .string({ error: issueText('schema.voiceBroadcastWire.displayNumberDigitsOnly') })
    .regex(/^\d{0,20}$/, { error: issueText('schema.voiceBroadcastWire.displayNumberDigitsOnly') })
    .optional(),
  /** 2–64 characters, unique per account. */
  taskName: Filled(64, 'taskName', 2),
  /** 1 an uploaded file (voiceFileId), 2 upload the voice now (uploadName + baseFile), 3 text-to-speech. */
  source: z.literal([1, 2, 3], { error: issueText('schema.voiceBroadcastWire.source1UploadedFile') }),
  voiceFileId: Filled(128, 'voiceFileId').optional(),
  uploadName: Filled(32, 'uploadName', 5).optional(),
  /** Standard padded base64 without a `data:` prefix ([I]: the page only says "base64 file stream"). */
  baseFile: z
    .string({ error: issueText('schema.voiceBroadcastWire.attachVoiceFileBase64') })
    .min(1, { error: issueText('schema.voiceBroadcastWire.attachVoiceFileBase64') })
    .regex(BASE64, { error: issueText('schema.voiceBroadcastWire.voiceFileMustBase64') })
    .optional(),
  text: Filled(V.textChars, 'textToSpeak').optional(),
  lan: VoiceLanguage.optional(),
  sendTime: VoiceSendTime.nullable().optional(),
  /** How many times the message is played; default 1, at most 9. */
  loopCount: Int(V.loopCount.min, V.loopCount.max, 'loopCount'),
  /** Seconds after answer before a forced hang-up (a duration, not a concurrency); at most 999, at least 1 (ours). */
  maxCalls: Int(V.maxCalls.min, V.maxCalls.max, 'maximumCallDurationSeconds'),
  hangUpSms: Flag('hangUpSms').optional(),
  smsAppId: Filled(64, 'smsAppId').optional(),
  smsContent: Filled(V.smsChars, 'smsText').optional(),
  senderId: z
    .string({ error: issueText('schema.voiceBroadcastWire.senderIdText') })
    .check(...maxChars(32, issueText('schema.voiceBroadcastWire.senderIdCanAt')))
    .optional(),
  feedbackPush: Flag('feedbackPush').optional(),
  /** The key (0–9) whose press triggers the feedback SMS. */
  feedbackValue: z
    .string({ error: issueText('schema.voiceBroadcastWire.feedbackKeyDigit0') })
    .regex(/^[0-9]$/, { error: issueText('schema.voiceBroadcastWire.feedbackKeyDigit0') })
    .optional(),
  successPush: Flag('successPush').optional(),
  successPushTime: Int(0, 9999, 'delayBeforeTheSuccessSmsSeconds').optional(),
  failedPush: Flag('failedPush').optional(),
  ringPush: Flag('ringPush').optional(),
  toSeat: Flag('toSeat').optional(),
  /** Agent group id; the lower bound 1 is ours. */
  sipGroupId: Int(V.sipGroupId.min, V.sipGroupId.max, 'agentGroupId').optional(),
  /** Only documented value: 1, proportional outgoing calls. */
  outboundControl: z
    .literal(1, { error: issueText('schema.voiceBroadcastWire.outboundControl1Proportional') })
    .optional(),
  calloutRate: Int(V.calloutRate.min, V.calloutRate.max, 'calloutRate').optional(),
  /** 1 transfer after the broadcast, 2 transfer on a key press (toSeatKey). */
  toSeatType: z.literal([1, 2], { error: issueText('schema.voiceBroadcastWire.transferCondition1After') }).optional(),
  /** The key that transfers to an agent; 0–9 is [I] (a phone key), the documentation gives no range. */
  toSeatKey: Int(V.toSeatKey.min, V.toSeatKey.max, 'transferKey').optional(),
  /** At most 3 windows. Start-before-end is not checked: not documented, and overnight windows may be meant. */
  allowSendTime: z
    .array(VoiceAllowSendTime, { error: issueText('schema.voiceBroadcastWire.giveSendingWindowsList') })
    .max(V.sendWindows, {
      error: issueText('schema.text.atMostItems', { what: noun('sendingWindows'), max: V.sendWindows }),
    })
    .optional(),
  /** Seconds; default 60. */
  maxRingingTime: Int(V.maxRingingTime.min, V.maxRingingTime.max, 'maximumRingingTimeSeconds').optional(),
}

type Common = z.infer<z.ZodObject<typeof commonFields>>

const REQUIRED_WHEN: {
  when: (r: Common) => boolean
  condition: { when: string; value: number }
  fields: (keyof Common)[]
}[] = [
  { when: (r) => r.source === 1, condition: { when: 'source', value: 1 }, fields: ['voiceFileId'] },
  { when: (r) => r.source === 2, condition: { when: 'source', value: 2 }, fields: ['uploadName', 'baseFile'] },
  { when: (r) => r.source === 3, condition: { when: 'source', value: 3 }, fields: ['text', 'lan'] },
  {
    when: (r) => r.hangUpSms === 1,
    condition: { when: 'hangUpSms', value: 1 },
    fields: ['smsAppId', 'smsContent', 'feedbackPush', 'successPush', 'failedPush', 'ringPush'],
  },
  { when: (r) => r.feedbackPush === 1, condition: { when: 'feedbackPush', value: 1 }, fields: ['feedbackValue'] },
  { when: (r) => r.successPush === 1, condition: { when: 'successPush', value: 1 }, fields: ['successPushTime'] },
  {
    when: (r) => r.toSeat === 1,
    condition: { when: 'toSeat', value: 1 },
    fields: ['sipGroupId', 'outboundControl', 'calloutRate', 'toSeatType'],
  },
  {
    when: (r) => r.toSeat === 1 && r.toSeatType === 2,
    condition: { when: 'toSeatType', value: 2 },
    fields: ['toSeatKey'],
  },
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
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: issueText('schema.templates.requiredWhen', { field, ...rule.condition }),
        })
      }
    }
  }
}

const unknownFields = {
  error: (issue: z.core.$ZodRawIssue) =>
    issue.code === 'unrecognized_keys'
      ? issueText('schema.templates.voiceBroadcastNoField', { fields: issue.keys.join(', ') })
      : issueText('schema.voiceBroadcastWire.giveVoiceBroadcastRequest'),
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
      message: issueText('schema.voiceBroadcastWire.sendEitherNumberlistNumberinfolist'),
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
