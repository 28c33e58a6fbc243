// The simulated voice-broadcast platform's own rules for `…/voice/group/call/send`, written from the
// seed's parameter table (seed 004, ITNIO "numberList" revision) and providers.md §5 (the
// numberInfoList revision) — deliberately NOT built on shared/providers/voice-broadcast/wire.ts, so that a wrong limit
// in our schema meets a second, independent reading of the document.
//
// Read from the document as written; [I] marks an inference where the text is silent:
// - `numberList` is a JSON array (its type is List<String>; the prose says "separated by commas").
// - `sendTime` is `yyyy-MM-dd HH:mm:ss` (a Java LocalDateTime; the format is not shown). [I]
// - `allowSendTime` times are HH:mm (the table writes "HH:SS"; its examples read "10:00"). [I]
// - loopCount and maxCalls are at least 1 (the table gives only the maxima). [I]

/** Every rule, by id, with the table's words. */
export const VOICE_SEND_RULES = {
  appId: 'appId: required',
  displayNum: 'displayNum: "0-20 digits, blank allowed"',
  taskName: 'taskName: required, "2-64 in length"',
  numberList: 'numberList: required, List<String>',
  'numberList.max': 'numberList: "A maximum of 20w" (200,000) numbers',
  'numberList.digits': 'numberList: "Each mobile phone number consists of 7 to 15 digits"',
  numberInfoList: 'numberInfoList (other revision): required list of { calleeNumber, text1..text5 }',
  'numberInfoList.max': 'numberInfoList: at most 100,000 records',
  'numberInfoList.calleeNumber': 'numberInfoList[].calleeNumber: 7 to 15 digits',
  'numberInfoList.text': 'numberInfoList[].text1..text5: at most 30 characters',
  source: 'source: required, 1, 2 or 3',
  voiceFileId: 'voiceFileId: "source=1 Must pass"',
  uploadName: 'uploadName: "source=2 Required", "5-32 characters"',
  baseFile: 'baseFile: "source=2 Required", "base64 file stream"',
  text: 'text: "source=3 Required", "Max 1000"',
  lan: 'lan: "source equals 3 Required", one of the 14 codes',
  sendTime: 'sendTime: LocalDateTime, yyyy-MM-dd HH:mm:ss [I]',
  loopCount: 'loopCount: required, "maximum 9"',
  maxCalls: 'maxCalls: required, "maximum 999 seconds"',
  hangUpSms: 'hangUpSms: "0- no, 1- Yes"',
  'sms.required': 'smsAppId, smsContent: "hangUpSms=1, required"',
  'smsContent.max': 'smsContent: "maximum 1000 characters"',
  senderId: 'senderId: "Max 32 characters"',
  'push.required': 'feedbackPush, successPush, failedPush, ringPush: mandatory when hangUpSms=1',
  feedbackValue: 'feedbackValue: "0-9", "feedbackPush =1, required"',
  successPushTime: 'successPushTime: "minimum 0s Maximum 9999", "successPush=1, which is mandatory"',
  toSeat: 'toSeat: "0- no, 1- Yes"',
  'toSeat.required': 'sipGroupId, outboundControl, calloutRate, toSeatType: "Required when toSeat=1"',
  outboundControl: 'outboundControl: "1- proportional outgoing call"',
  calloutRate: 'calloutRate: "up to 1-100"',
  toSeatType: 'toSeatType: 1 or 2',
  toSeatKey: 'toSeatKey: "Required when toSeat=1 and toSeatType=2"',
  'allowSendTime.max': 'allowSendTime: "Add up to 3 time periods"',
  'allowSendTime.format': 'allowSendTime[].strTime / endTime: HH:mm [I]',
  maxRingingTime: 'maxRingingTime: "20-120 seconds"',
} as const
export type VoiceSendRule = keyof typeof VOICE_SEND_RULES

export interface VoiceBreach {
  rule: VoiceSendRule
  field: string
  message: string
}

export const VOICE_LANGUAGES = ['VN', 'EN', 'JP', 'ARB', 'DE', 'IN', 'IT', 'KR', 'RU', 'ES', 'PT', 'IDN', 'BD', 'TH']
const DIGITS_7_15 = /^\d{7,15}$/
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v)

function realDateTime(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** Judge a send body. Empty = accepted (taskName uniqueness is the ledger's business). */
export function checkVoiceSend(body: unknown): VoiceBreach[] {
  const out: VoiceBreach[] = []
  const no = (rule: VoiceSendRule, field: string, message: string) => out.push({ rule, field, message })
  if (!isObj(body)) return [{ rule: 'appId', field: 'body', message: 'the body must be a JSON object' }]
  const b = body
  const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : null)
  const given = (k: string) => b[k] !== undefined && b[k] !== null
  const flag = (k: string, rule: VoiceSendRule) => {
    if (given(k) && b[k] !== 0 && b[k] !== 1) no(rule, k, `${k} must be 0 or 1`)
  }
  const intIn = (k: string, rule: VoiceSendRule, min: number, max: number) => {
    if (given(k) && !(isInt(b[k]) && b[k] >= min && b[k] <= max)) no(rule, k, `${k} must be ${min} to ${max}`)
  }
  const need = (k: string, rule: VoiceSendRule, when: string) => {
    if (!given(k)) no(rule, k, `${k} is required when ${when}`)
  }

  if (!str('appId')?.trim()) no('appId', 'appId', 'appId is required')
  if (given('displayNum') && !/^\d{0,20}$/.test(str('displayNum') ?? 'x')) {
    no('displayNum', 'displayNum', 'displayNum is 0 to 20 digits')
  }
  const name = str('taskName')
  if (name === null || name.trim().length < 2 || name.length > 64)
    no('taskName', 'taskName', 'taskName is 2-64 characters')

  if (b['numberInfoList'] !== undefined) {
    const list = b['numberInfoList']
    if (!Array.isArray(list) || list.length === 0) no('numberInfoList', 'numberInfoList', 'numberInfoList is required')
    else if (list.length > 100_000) no('numberInfoList.max', 'numberInfoList', 'numberInfoList has over 100000 records')
    else {
      const badNumber = list.findIndex(
        (r) => !isObj(r) || typeof r['calleeNumber'] !== 'string' || !DIGITS_7_15.test(r['calleeNumber']),
      )
      if (badNumber >= 0) {
        no(
          'numberInfoList.calleeNumber',
          `numberInfoList[${badNumber}].calleeNumber`,
          'calleeNumber must be 7 to 15 digits',
        )
      }
      const badText = list.findIndex(
        (r) =>
          isObj(r) &&
          [1, 2, 3, 4, 5].some(
            (n) =>
              r[`text${n}`] !== undefined &&
              (typeof r[`text${n}`] !== 'string' || (r[`text${n}`] as string).length > 30),
          ),
      )
      if (badText >= 0)
        no('numberInfoList.text', `numberInfoList[${badText}]`, 'text1..text5 are at most 30 characters')
    }
  } else {
    const list = b['numberList']
    if (!Array.isArray(list) || list.length === 0) no('numberList', 'numberList', 'numberList is required (a list)')
    else if (list.length > 200_000) no('numberList.max', 'numberList', 'numberList has over 200000 numbers')
    else {
      const bad = list.findIndex((n) => typeof n !== 'string' || !DIGITS_7_15.test(n))
      if (bad >= 0) no('numberList.digits', `numberList[${bad}]`, 'each number must be 7 to 15 digits')
    }
  }

  const source = b['source']
  if (source !== 1 && source !== 2 && source !== 3) no('source', 'source', 'source must be 1, 2 or 3')
  if (source === 1 && !str('voiceFileId')) no('voiceFileId', 'voiceFileId', 'voiceFileId is required when source=1')
  const upload = str('uploadName')
  if (source === 2 && upload === null) no('uploadName', 'uploadName', 'uploadName is required when source=2')
  else if (upload !== null && (upload.length < 5 || upload.length > 32)) {
    no('uploadName', 'uploadName', 'uploadName is 5-32 characters')
  }
  const file = str('baseFile')
  if (source === 2 && !file) no('baseFile', 'baseFile', 'baseFile is required when source=2')
  else if (file && !BASE64.test(file)) no('baseFile', 'baseFile', 'baseFile must be base64')
  const text = str('text')
  if (source === 3 && !text?.trim()) no('text', 'text', 'text is required when source=3')
  else if (text !== null && text.length > 1000) no('text', 'text', 'text is at most 1000 characters')
  if (source === 3 && !given('lan')) no('lan', 'lan', 'lan is required when source=3')
  else if (given('lan') && !VOICE_LANGUAGES.includes(str('lan') ?? '')) {
    no('lan', 'lan', `lan must be one of ${VOICE_LANGUAGES.join(', ')}`)
  }
  if (given('sendTime') && !realDateTime(str('sendTime') ?? '')) {
    no('sendTime', 'sendTime', 'sendTime must be yyyy-MM-dd HH:mm:ss')
  }

  if (!given('loopCount')) no('loopCount', 'loopCount', 'loopCount is required')
  else intIn('loopCount', 'loopCount', 1, 9)
  if (!given('maxCalls')) no('maxCalls', 'maxCalls', 'maxCalls is required')
  else intIn('maxCalls', 'maxCalls', 1, 999)

  flag('hangUpSms', 'hangUpSms')
  if (b['hangUpSms'] === 1) {
    need('smsAppId', 'sms.required', 'hangUpSms=1')
    need('smsContent', 'sms.required', 'hangUpSms=1')
    for (const k of ['feedbackPush', 'successPush', 'failedPush', 'ringPush']) need(k, 'push.required', 'hangUpSms=1')
  }
  if ((str('smsContent') ?? '').length > 1000)
    no('smsContent.max', 'smsContent', 'smsContent is at most 1000 characters')
  if ((str('senderId') ?? '').length > 32) no('senderId', 'senderId', 'senderId is at most 32 characters')
  for (const k of ['feedbackPush', 'successPush', 'failedPush', 'ringPush']) flag(k, 'push.required')
  if (b['feedbackPush'] === 1) need('feedbackValue', 'feedbackValue', 'feedbackPush=1')
  if (given('feedbackValue') && !/^[0-9]$/.test(str('feedbackValue') ?? '')) {
    no('feedbackValue', 'feedbackValue', 'feedbackValue is one key, 0-9')
  }
  if (b['successPush'] === 1) need('successPushTime', 'successPushTime', 'successPush=1')
  intIn('successPushTime', 'successPushTime', 0, 9999)

  flag('toSeat', 'toSeat')
  if (b['toSeat'] === 1) {
    for (const k of ['sipGroupId', 'outboundControl', 'calloutRate', 'toSeatType'])
      need(k, 'toSeat.required', 'toSeat=1')
    if (b['toSeatType'] === 2) need('toSeatKey', 'toSeatKey', 'toSeat=1 and toSeatType=2')
  }
  if (given('outboundControl') && b['outboundControl'] !== 1) {
    no('outboundControl', 'outboundControl', 'outboundControl must be 1')
  }
  intIn('calloutRate', 'calloutRate', 1, 100)
  if (given('toSeatType') && b['toSeatType'] !== 1 && b['toSeatType'] !== 2) {
    no('toSeatType', 'toSeatType', 'toSeatType must be 1 or 2')
  }

  const windows = b['allowSendTime']
  if (windows !== undefined) {
    if (!Array.isArray(windows) || windows.length > 3) no('allowSendTime.max', 'allowSendTime', 'at most 3 periods')
    else {
      const bad = windows.findIndex(
        (w) => !isObj(w) || !HH_MM.test(String(w['strTime'])) || !HH_MM.test(String(w['endTime'])),
      )
      if (bad >= 0) no('allowSendTime.format', `allowSendTime[${bad}]`, 'strTime and endTime are HH:mm')
    }
  }
  intIn('maxRingingTime', 'maxRingingTime', 20, 120)
  return out
}
