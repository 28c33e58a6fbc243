import type { VoiceSendRule } from '../../../electron/main/providers/voice-broadcast/voice-broadcast-rules'

// The voice-broadcast bodies both the schema tests (voice-broadcast.test.ts) and the simulator tests
// (tests/main/providers/voice-broadcast-simulator-*.test.ts) run: the example built from the seed's
// table, and one table of refused bodies with the documented rule each breaks. One table, two consumers.

export type Body = Record<string, unknown>

/**
 * The voice-broadcast seed is a parameter table with no sample request, so its "own example" is built
 * from the table alone: every required field, TTS as the source (source=3 with text and one of the listed
 * language codes), loopCount at its documented default 1, and numbers as "country code + number".
 */
export const seedMinimal = (): Body => ({
  appId: 'vbApp01',
  taskName: 'June renewals',
  numberList: ['8613800138000', '919876543210', '6281234567890'],
  source: 3,
  text: 'Hello, this is a reminder that your plan renews on 1 July.',
  lan: 'EN',
  loopCount: 1,
  maxCalls: 60,
})

/** Every optional feature of the seed switched on, at documented values. */
export const seedFull = (): Body => ({
  ...seedMinimal(),
  displayNum: '8613800000000',
  sendTime: '2026-07-01 09:30:00',
  loopCount: 2,
  maxCalls: 999,
  hangUpSms: 1,
  smsAppId: 'smsApp01',
  smsContent: 'Thanks for listening. Reply STOP to opt out.',
  senderId: 'Callboard',
  feedbackPush: 1,
  feedbackValue: '1',
  successPush: 1,
  successPushTime: 10,
  failedPush: 0,
  ringPush: 0,
  toSeat: 1,
  sipGroupId: 12,
  outboundControl: 1,
  calloutRate: 50,
  toSeatType: 2,
  toSeatKey: 9,
  allowSendTime: [
    { strTime: '09:00', endTime: '12:00' },
    { strTime: '14:00', endTime: '18:00' },
    { strTime: '19:00', endTime: '20:00' },
  ],
  maxRingingTime: 60,
})

/** The numberInfoList revision of the same task. */
export const infoMinimal = (): Body => {
  const { numberList: _omit, ...rest } = seedMinimal()
  return {
    ...rest,
    numberInfoList: [
      { calleeNumber: '8613800138000', text1: 'Li Wei', text2: 'Plan A' },
      { calleeNumber: '919876543210' },
    ],
  }
}

export const withChange = (base: () => Body, patch: Body) => {
  const r = { ...base(), ...patch }
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete r[k]
  return r
}

export const numbers = (count: number) => Array.from({ length: count }, (_, i) => String(8613800000000 + i))

/** Bodies at each documented limit and with every listed value: accepted by both (`base` with `patch`). */
export const AT_THE_LIMITS: [name: string, base: () => Body, patch: Body][] = [
  ['blank displayNum', seedMinimal, { displayNum: '' }],
  ['20-digit displayNum', seedMinimal, { displayNum: '1'.repeat(20) }],
  ['2-character taskName', seedMinimal, { taskName: 'ab' }],
  ['64-character taskName', seedMinimal, { taskName: 't'.repeat(64) }],
  ['numbers of 7 and 15 digits', seedMinimal, { numberList: ['1234567', '123456789012345'] }],
  ['200,000 numbers', seedMinimal, { numberList: numbers(200_000) }],
  ['1000-character text', seedMinimal, { text: 'x'.repeat(1000) }],
  ...['VN', 'EN', 'JP', 'ARB', 'DE', 'IN', 'IT', 'KR', 'RU', 'ES', 'PT', 'IDN', 'BD', 'TH'].map(
    (lan): [string, () => Body, Body] => [`lan ${lan}`, seedMinimal, { lan }],
  ),
  ['sendTime null (call now)', seedMinimal, { sendTime: null }],
  ['sendTime on 29 February', seedMinimal, { sendTime: '2028-02-29 23:59:59' }],
  ['loopCount 9, maxCalls 1', seedMinimal, { loopCount: 9, maxCalls: 1 }],
  ['32-character senderId', seedMinimal, { senderId: 's'.repeat(32) }],
  ['maxRingingTime 20', seedMinimal, { maxRingingTime: 20 }],
  ['maxRingingTime 120', seedMinimal, { maxRingingTime: 120 }],
  ['1000-character smsContent, successPushTime 0', seedFull, { smsContent: 'x'.repeat(1000), successPushTime: 0 }],
  [
    'successPushTime 9999, key 0, calloutRate 1, toSeatKey 0',
    seedFull,
    { successPushTime: 9999, feedbackValue: '0', calloutRate: 1, toSeatKey: 0 },
  ],
  ['calloutRate 100', seedFull, { calloutRate: 100 }],
  [
    'numberInfoList texts of 30 characters',
    infoMinimal,
    {
      numberInfoList: [
        { calleeNumber: '1234567', text1: 'a'.repeat(30), text2: 'b', text3: 'c', text4: 'd', text5: 'e'.repeat(30) },
      ],
    },
  ],
  [
    '100,000 numberInfoList records',
    infoMinimal,
    { numberInfoList: numbers(100_000).map((calleeNumber) => ({ calleeNumber })) },
  ],
]

/**
 * A body our schema refuses (`base` with `patch` applied), the issue path it reports, and the
 * documented rule it breaks (the simulator must refuse it too); null where only our schema is
 * stricter than the seed's table.
 */
export type VoiceRefusal = [name: string, base: () => Body, patch: Body, path: string, rule: VoiceSendRule | null]

export const REFUSALS: VoiceRefusal[] = [
  ['appId missing', seedMinimal, { appId: undefined }, 'appId', 'appId'],
  ['displayNum over 20 digits', seedMinimal, { displayNum: '1'.repeat(21) }, 'displayNum', 'displayNum'],
  ['displayNum not digits', seedMinimal, { displayNum: '+86138' }, 'displayNum', 'displayNum'],
  ['taskName missing', seedMinimal, { taskName: undefined }, 'taskName', 'taskName'],
  ['taskName 1 character', seedMinimal, { taskName: 'a' }, 'taskName', 'taskName'],
  ['taskName 65 characters', seedMinimal, { taskName: 't'.repeat(65) }, 'taskName', 'taskName'],
  ['numberList missing', seedMinimal, { numberList: undefined }, 'numberList', 'numberList'],
  [
    'numberList comma-joined instead of a list',
    seedMinimal,
    { numberList: '8613800138000,919876543210' },
    'numberList',
    'numberList',
  ],
  ['numberList empty', seedMinimal, { numberList: [] }, 'numberList', 'numberList'],
  ['numberList over 200,000', seedMinimal, { numberList: numbers(200_001) }, 'numberList', 'numberList.max'],
  ['number of 6 digits', seedMinimal, { numberList: ['8613800138000', '123456'] }, 'numberList.1', 'numberList.digits'],
  ['number of 16 digits', seedMinimal, { numberList: ['1'.repeat(16)] }, 'numberList.0', 'numberList.digits'],
  ['number with a plus sign', seedMinimal, { numberList: ['+8613800138000'] }, 'numberList.0', 'numberList.digits'],
  ['number as a JSON number', seedMinimal, { numberList: [8613800138000] }, 'numberList.0', 'numberList.digits'],
  ['source missing', seedMinimal, { source: undefined }, 'source', 'source'],
  ['source 4', seedMinimal, { source: 4 }, 'source', 'source'],
  ['source 1 without voiceFileId', seedMinimal, { source: 1 }, 'voiceFileId', 'voiceFileId'],
  ['source 2 without uploadName', seedMinimal, { source: 2, baseFile: 'UklGRg==' }, 'uploadName', 'uploadName'],
  ['source 2 without baseFile', seedMinimal, { source: 2, uploadName: 'greeting.wav' }, 'baseFile', 'baseFile'],
  [
    'uploadName 4 characters',
    seedMinimal,
    { source: 2, uploadName: 'a.mp', baseFile: 'UklGRg==' },
    'uploadName',
    'uploadName',
  ],
  [
    'uploadName 33 characters',
    seedMinimal,
    { source: 2, uploadName: 'u'.repeat(33), baseFile: 'UklGRg==' },
    'uploadName',
    'uploadName',
  ],
  [
    'baseFile not base64',
    seedMinimal,
    { source: 2, uploadName: 'greeting.wav', baseFile: 'not base64!' },
    'baseFile',
    'baseFile',
  ],
  ['source 3 without text', seedMinimal, { text: undefined }, 'text', 'text'],
  ['text over 1000 characters', seedMinimal, { text: 'x'.repeat(1001) }, 'text', 'text'],
  ['source 3 without lan', seedMinimal, { lan: undefined }, 'lan', 'lan'],
  ['lan not one of the 14 codes', seedMinimal, { lan: 'CN' }, 'lan', 'lan'],
  ['sendTime in ISO form', seedMinimal, { sendTime: '2026-07-01T09:30:00' }, 'sendTime', 'sendTime'],
  ['sendTime not a real date', seedMinimal, { sendTime: '2026-02-30 09:00:00' }, 'sendTime', 'sendTime'],
  ['loopCount missing', seedMinimal, { loopCount: undefined }, 'loopCount', 'loopCount'],
  ['loopCount 0', seedMinimal, { loopCount: 0 }, 'loopCount', 'loopCount'],
  ['loopCount 10', seedMinimal, { loopCount: 10 }, 'loopCount', 'loopCount'],
  ['maxCalls missing', seedMinimal, { maxCalls: undefined }, 'maxCalls', 'maxCalls'],
  ['maxCalls 1000 seconds', seedMinimal, { maxCalls: 1000 }, 'maxCalls', 'maxCalls'],
  ['maxCalls not whole', seedMinimal, { maxCalls: 60.5 }, 'maxCalls', 'maxCalls'],
  ['hangUpSms 2', seedMinimal, { hangUpSms: 2 }, 'hangUpSms', 'hangUpSms'],
  ['hangUpSms 1 without smsAppId', seedFull, { smsAppId: undefined }, 'smsAppId', 'sms.required'],
  ['hangUpSms 1 without smsContent', seedFull, { smsContent: undefined }, 'smsContent', 'sms.required'],
  ['smsContent over 1000', seedFull, { smsContent: 'x'.repeat(1001) }, 'smsContent', 'smsContent.max'],
  [
    'hangUpSms 1 without feedbackPush',
    seedFull,
    { feedbackPush: undefined, feedbackValue: undefined },
    'feedbackPush',
    'push.required',
  ],
  [
    'hangUpSms 1 without successPush',
    seedFull,
    { successPush: undefined, successPushTime: undefined },
    'successPush',
    'push.required',
  ],
  ['hangUpSms 1 without failedPush', seedFull, { failedPush: undefined }, 'failedPush', 'push.required'],
  ['hangUpSms 1 without ringPush', seedFull, { ringPush: undefined }, 'ringPush', 'push.required'],
  ['feedbackPush 1 without feedbackValue', seedFull, { feedbackValue: undefined }, 'feedbackValue', 'feedbackValue'],
  ['feedbackValue not a single key', seedFull, { feedbackValue: '10' }, 'feedbackValue', 'feedbackValue'],
  [
    'successPush 1 without successPushTime',
    seedFull,
    { successPushTime: undefined },
    'successPushTime',
    'successPushTime',
  ],
  ['successPushTime over 9999', seedFull, { successPushTime: 10_000 }, 'successPushTime', 'successPushTime'],
  ['successPushTime negative', seedFull, { successPushTime: -1 }, 'successPushTime', 'successPushTime'],
  ['senderId over 32', seedMinimal, { senderId: 's'.repeat(33) }, 'senderId', 'senderId'],
  ['toSeat 2', seedMinimal, { toSeat: 2 }, 'toSeat', 'toSeat'],
  ['toSeat 1 without sipGroupId', seedFull, { sipGroupId: undefined }, 'sipGroupId', 'toSeat.required'],
  ['toSeat 1 without outboundControl', seedFull, { outboundControl: undefined }, 'outboundControl', 'toSeat.required'],
  ['outboundControl other than 1', seedFull, { outboundControl: 2 }, 'outboundControl', 'outboundControl'],
  ['toSeat 1 without calloutRate', seedFull, { calloutRate: undefined }, 'calloutRate', 'toSeat.required'],
  ['calloutRate 0', seedFull, { calloutRate: 0 }, 'calloutRate', 'calloutRate'],
  ['calloutRate 101', seedFull, { calloutRate: 101 }, 'calloutRate', 'calloutRate'],
  [
    'toSeat 1 without toSeatType',
    seedFull,
    { toSeatType: undefined, toSeatKey: undefined },
    'toSeatType',
    'toSeat.required',
  ],
  ['toSeatType 3', seedFull, { toSeatType: 3 }, 'toSeatType', 'toSeatType'],
  ['toSeatType 2 without toSeatKey', seedFull, { toSeatKey: undefined }, 'toSeatKey', 'toSeatKey'],
  [
    'allowSendTime with 4 windows',
    seedMinimal,
    {
      allowSendTime: [
        { strTime: '08:00', endTime: '09:00' },
        { strTime: '10:00', endTime: '11:00' },
        { strTime: '12:00', endTime: '13:00' },
        { strTime: '14:00', endTime: '15:00' },
      ],
    },
    'allowSendTime',
    'allowSendTime.max',
  ],
  [
    'allowSendTime with seconds',
    seedMinimal,
    { allowSendTime: [{ strTime: '10:00:00', endTime: '11:00' }] },
    'allowSendTime.0.strTime',
    'allowSendTime.format',
  ],
  [
    'allowSendTime hour 24',
    seedMinimal,
    { allowSendTime: [{ strTime: '10:00', endTime: '24:00' }] },
    'allowSendTime.0.endTime',
    'allowSendTime.format',
  ],
  ['maxRingingTime 19', seedMinimal, { maxRingingTime: 19 }, 'maxRingingTime', 'maxRingingTime'],
  ['maxRingingTime 121', seedMinimal, { maxRingingTime: 121 }, 'maxRingingTime', 'maxRingingTime'],
  ['unknown field', seedMinimal, { callbackUrl: 'https://example.com' }, '', null],
  ['numberInfoList empty', infoMinimal, { numberInfoList: [] }, 'numberInfoList', 'numberInfoList'],
  [
    'numberInfoList over 100,000',
    infoMinimal,
    { numberInfoList: numbers(100_001).map((calleeNumber) => ({ calleeNumber })) },
    'numberInfoList',
    'numberInfoList.max',
  ],
  [
    'calleeNumber too short',
    infoMinimal,
    { numberInfoList: [{ calleeNumber: '123456' }] },
    'numberInfoList.0.calleeNumber',
    'numberInfoList.calleeNumber',
  ],
  [
    'calleeNumber missing',
    infoMinimal,
    { numberInfoList: [{ text1: 'x' }] },
    'numberInfoList.0.calleeNumber',
    'numberInfoList.calleeNumber',
  ],
  [
    'text1 over 30 characters',
    infoMinimal,
    { numberInfoList: [{ calleeNumber: '8613800138000', text1: 'x'.repeat(31) }] },
    'numberInfoList.0.text1',
    'numberInfoList.text',
  ],
  [
    'text6 (not in this revision)',
    infoMinimal,
    { numberInfoList: [{ calleeNumber: '8613800138000', text6: 'x' }] },
    'numberInfoList.0.text6',
    null,
  ],
  [
    'numberInfoList entry not an object',
    infoMinimal,
    { numberInfoList: ['8613800138000'] },
    'numberInfoList.0',
    'numberInfoList.calleeNumber',
  ],
  ['both numberList and numberInfoList', infoMinimal, { numberList: ['8613800138000'] }, 'numberInfoList', null],
]
