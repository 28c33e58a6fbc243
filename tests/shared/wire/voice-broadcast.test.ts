import { describe, expect, it } from 'vitest'
import {
  VoiceBroadcastNumberInfoListRequest,
  VoiceBroadcastNumberListRequest,
  VoiceBroadcastSend,
} from '../../../shared/schemas/wire/voice-broadcast'

const issuesOf = (input: unknown) => {
  const result = VoiceBroadcastSend.safeParse(input)
  return result.success ? [] : result.error.issues
}
const issuePaths = (input: unknown) => issuesOf(input).map((i) => i.path.join('.'))

type Body = Record<string, unknown>

/**
 * The voice-broadcast seed is a parameter table with no sample request, so its "own example" is built
 * from the table alone: every required field, TTS as the source (source=3 with text and one of the listed
 * language codes), loopCount at its documented default 1, and numbers as "country code + number".
 */
const seedMinimal = (): Body => ({
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
const seedFull = (): Body => ({
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
const infoMinimal = (): Body => {
  const { numberList: _omit, ...rest } = seedMinimal()
  return {
    ...rest,
    numberInfoList: [
      { calleeNumber: '8613800138000', text1: 'Li Wei', text2: 'Plan A' },
      { calleeNumber: '919876543210' },
    ],
  }
}

const withChange = (base: () => Body, patch: Body) => {
  const r = { ...base(), ...patch }
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete r[k]
  return r
}

const numbers = (count: number) => Array.from({ length: count }, (_, i) => String(8613800000000 + i))

describe('voice broadcast send: accepted bodies', () => {
  it('accepts the example built from the seed table (numberList)', () => {
    expect(issuePaths(seedMinimal())).toEqual([])
    expect(VoiceBroadcastNumberListRequest.safeParse(seedMinimal()).success).toBe(true)
  })

  it('accepts every optional feature at documented values', () => {
    expect(issuePaths(seedFull())).toEqual([])
  })

  it('accepts the numberInfoList revision and returns it unchanged', () => {
    expect(issuePaths(infoMinimal())).toEqual([])
    expect(VoiceBroadcastSend.parse(infoMinimal())).toEqual(infoMinimal())
    expect(VoiceBroadcastNumberInfoListRequest.safeParse(infoMinimal()).success).toBe(true)
  })

  it('accepts the limits exactly and every documented value', () => {
    const ok = (base: () => Body, patch: Body) =>
      expect(issuePaths(withChange(base, patch)), JSON.stringify(patch).slice(0, 80)).toEqual([])
    ok(seedMinimal, { displayNum: '' })
    ok(seedMinimal, { displayNum: '1'.repeat(20) })
    ok(seedMinimal, { taskName: 'ab' })
    ok(seedMinimal, { taskName: 't'.repeat(64) })
    ok(seedMinimal, { numberList: ['1234567', '123456789012345'] })
    ok(seedMinimal, { numberList: numbers(200_000) })
    ok(seedMinimal, { text: 'x'.repeat(1000) })
    for (const lan of ['VN', 'EN', 'JP', 'ARB', 'DE', 'IN', 'IT', 'KR', 'RU', 'ES', 'PT', 'IDN', 'BD', 'TH'])
      ok(seedMinimal, { lan })
    ok(seedMinimal, { sendTime: null })
    ok(seedMinimal, { sendTime: '2028-02-29 23:59:59' })
    ok(seedMinimal, { loopCount: 9, maxCalls: 1 })
    ok(seedMinimal, { senderId: 's'.repeat(32) })
    ok(seedMinimal, { maxRingingTime: 20 })
    ok(seedMinimal, { maxRingingTime: 120 })
    ok(seedFull, { smsContent: 'x'.repeat(1000), successPushTime: 0 })
    ok(seedFull, { successPushTime: 9999, feedbackValue: '0', calloutRate: 1, toSeatKey: 0 })
    ok(seedFull, { calloutRate: 100 })
    ok(infoMinimal, {
      numberInfoList: [
        { calleeNumber: '1234567', text1: 'a'.repeat(30), text2: 'b', text3: 'c', text4: 'd', text5: 'e'.repeat(30) },
      ],
    })
    ok(infoMinimal, { numberInfoList: numbers(100_000).map((calleeNumber) => ({ calleeNumber })) })
  })
})

describe('voice broadcast send: refused bodies, one per documented rule', () => {
  const refusals: [string, () => Body, Body, string][] = [
    ['appId missing', seedMinimal, { appId: undefined }, 'appId'],
    ['displayNum over 20 digits', seedMinimal, { displayNum: '1'.repeat(21) }, 'displayNum'],
    ['displayNum not digits', seedMinimal, { displayNum: '+86138' }, 'displayNum'],
    ['taskName missing', seedMinimal, { taskName: undefined }, 'taskName'],
    ['taskName 1 character', seedMinimal, { taskName: 'a' }, 'taskName'],
    ['taskName 65 characters', seedMinimal, { taskName: 't'.repeat(65) }, 'taskName'],
    ['numberList missing', seedMinimal, { numberList: undefined }, 'numberList'],
    [
      'numberList comma-joined instead of a list',
      seedMinimal,
      { numberList: '8613800138000,919876543210' },
      'numberList',
    ],
    ['numberList empty', seedMinimal, { numberList: [] }, 'numberList'],
    ['numberList over 200,000', seedMinimal, { numberList: numbers(200_001) }, 'numberList'],
    ['number of 6 digits', seedMinimal, { numberList: ['8613800138000', '123456'] }, 'numberList.1'],
    ['number of 16 digits', seedMinimal, { numberList: ['1'.repeat(16)] }, 'numberList.0'],
    ['number with a plus sign', seedMinimal, { numberList: ['+8613800138000'] }, 'numberList.0'],
    ['number as a JSON number', seedMinimal, { numberList: [8613800138000] }, 'numberList.0'],
    ['source missing', seedMinimal, { source: undefined }, 'source'],
    ['source 4', seedMinimal, { source: 4 }, 'source'],
    ['source 1 without voiceFileId', seedMinimal, { source: 1 }, 'voiceFileId'],
    ['source 2 without uploadName', seedMinimal, { source: 2, baseFile: 'UklGRg==' }, 'uploadName'],
    ['source 2 without baseFile', seedMinimal, { source: 2, uploadName: 'greeting.wav' }, 'baseFile'],
    ['uploadName 4 characters', seedMinimal, { source: 2, uploadName: 'a.mp', baseFile: 'UklGRg==' }, 'uploadName'],
    [
      'uploadName 33 characters',
      seedMinimal,
      { source: 2, uploadName: 'u'.repeat(33), baseFile: 'UklGRg==' },
      'uploadName',
    ],
    [
      'baseFile not base64',
      seedMinimal,
      { source: 2, uploadName: 'greeting.wav', baseFile: 'not base64!' },
      'baseFile',
    ],
    ['source 3 without text', seedMinimal, { text: undefined }, 'text'],
    ['text over 1000 characters', seedMinimal, { text: 'x'.repeat(1001) }, 'text'],
    ['source 3 without lan', seedMinimal, { lan: undefined }, 'lan'],
    ['lan not one of the 14 codes', seedMinimal, { lan: 'CN' }, 'lan'],
    ['sendTime in ISO form', seedMinimal, { sendTime: '2026-07-01T09:30:00' }, 'sendTime'],
    ['sendTime not a real date', seedMinimal, { sendTime: '2026-02-30 09:00:00' }, 'sendTime'],
    ['loopCount missing', seedMinimal, { loopCount: undefined }, 'loopCount'],
    ['loopCount 0', seedMinimal, { loopCount: 0 }, 'loopCount'],
    ['loopCount 10', seedMinimal, { loopCount: 10 }, 'loopCount'],
    ['maxCalls missing', seedMinimal, { maxCalls: undefined }, 'maxCalls'],
    ['maxCalls 1000 seconds', seedMinimal, { maxCalls: 1000 }, 'maxCalls'],
    ['maxCalls not whole', seedMinimal, { maxCalls: 60.5 }, 'maxCalls'],
    ['hangUpSms 2', seedMinimal, { hangUpSms: 2 }, 'hangUpSms'],
    ['hangUpSms 1 without smsAppId', seedFull, { smsAppId: undefined }, 'smsAppId'],
    ['hangUpSms 1 without smsContent', seedFull, { smsContent: undefined }, 'smsContent'],
    ['smsContent over 1000', seedFull, { smsContent: 'x'.repeat(1001) }, 'smsContent'],
    [
      'hangUpSms 1 without feedbackPush',
      seedFull,
      { feedbackPush: undefined, feedbackValue: undefined },
      'feedbackPush',
    ],
    [
      'hangUpSms 1 without successPush',
      seedFull,
      { successPush: undefined, successPushTime: undefined },
      'successPush',
    ],
    ['hangUpSms 1 without failedPush', seedFull, { failedPush: undefined }, 'failedPush'],
    ['hangUpSms 1 without ringPush', seedFull, { ringPush: undefined }, 'ringPush'],
    ['feedbackPush 1 without feedbackValue', seedFull, { feedbackValue: undefined }, 'feedbackValue'],
    ['feedbackValue not a single key', seedFull, { feedbackValue: '10' }, 'feedbackValue'],
    ['successPush 1 without successPushTime', seedFull, { successPushTime: undefined }, 'successPushTime'],
    ['successPushTime over 9999', seedFull, { successPushTime: 10_000 }, 'successPushTime'],
    ['successPushTime negative', seedFull, { successPushTime: -1 }, 'successPushTime'],
    ['senderId over 32', seedMinimal, { senderId: 's'.repeat(33) }, 'senderId'],
    ['toSeat 2', seedMinimal, { toSeat: 2 }, 'toSeat'],
    ['toSeat 1 without sipGroupId', seedFull, { sipGroupId: undefined }, 'sipGroupId'],
    ['toSeat 1 without outboundControl', seedFull, { outboundControl: undefined }, 'outboundControl'],
    ['outboundControl other than 1', seedFull, { outboundControl: 2 }, 'outboundControl'],
    ['toSeat 1 without calloutRate', seedFull, { calloutRate: undefined }, 'calloutRate'],
    ['calloutRate 0', seedFull, { calloutRate: 0 }, 'calloutRate'],
    ['calloutRate 101', seedFull, { calloutRate: 101 }, 'calloutRate'],
    ['toSeat 1 without toSeatType', seedFull, { toSeatType: undefined, toSeatKey: undefined }, 'toSeatType'],
    ['toSeatType 3', seedFull, { toSeatType: 3 }, 'toSeatType'],
    ['toSeatType 2 without toSeatKey', seedFull, { toSeatKey: undefined }, 'toSeatKey'],
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
    ],
    [
      'allowSendTime with seconds',
      seedMinimal,
      { allowSendTime: [{ strTime: '10:00:00', endTime: '11:00' }] },
      'allowSendTime.0.strTime',
    ],
    [
      'allowSendTime hour 24',
      seedMinimal,
      { allowSendTime: [{ strTime: '10:00', endTime: '24:00' }] },
      'allowSendTime.0.endTime',
    ],
    ['maxRingingTime 19', seedMinimal, { maxRingingTime: 19 }, 'maxRingingTime'],
    ['maxRingingTime 121', seedMinimal, { maxRingingTime: 121 }, 'maxRingingTime'],
    ['unknown field', seedMinimal, { callbackUrl: 'https://example.com' }, ''],
    ['numberInfoList empty', infoMinimal, { numberInfoList: [] }, 'numberInfoList'],
    [
      'numberInfoList over 100,000',
      infoMinimal,
      { numberInfoList: numbers(100_001).map((calleeNumber) => ({ calleeNumber })) },
      'numberInfoList',
    ],
    [
      'calleeNumber too short',
      infoMinimal,
      { numberInfoList: [{ calleeNumber: '123456' }] },
      'numberInfoList.0.calleeNumber',
    ],
    ['calleeNumber missing', infoMinimal, { numberInfoList: [{ text1: 'x' }] }, 'numberInfoList.0.calleeNumber'],
    [
      'text1 over 30 characters',
      infoMinimal,
      { numberInfoList: [{ calleeNumber: '8613800138000', text1: 'x'.repeat(31) }] },
      'numberInfoList.0.text1',
    ],
    [
      'text6 (not in this revision)',
      infoMinimal,
      { numberInfoList: [{ calleeNumber: '8613800138000', text6: 'x' }] },
      'numberInfoList.0.text6',
    ],
    ['numberInfoList entry not an object', infoMinimal, { numberInfoList: ['8613800138000'] }, 'numberInfoList.0'],
    ['both numberList and numberInfoList', infoMinimal, { numberList: ['8613800138000'] }, 'numberInfoList'],
  ]

  it.each(refusals)('%s', (_name, base, patch, path) => {
    expect(issuePaths(withChange(base, patch))).toContain(path)
  })

  it('reports only the broken rule, in plain words, for each refusal', () => {
    for (const [name, base, patch, path] of refusals) {
      const issues = issuesOf(withChange(base, patch))
      expect(issues.length, name).toBeGreaterThan(0)
      expect(new Set(issues.map((i) => i.path.join('.'))), name).toEqual(new Set([path]))
      for (const issue of issues) expect(issue.message, name).not.toMatch(/^(Invalid|Too (big|small)|Unrecognized)/)
    }
  })
})

describe('voice broadcast send: conditional fields, both ways', () => {
  const paths = (base: () => Body, patch: Body) => issuePaths(withChange(base, patch))

  it('each source needs its own fields and not the others', () => {
    expect(paths(seedMinimal, { source: 1, voiceFileId: 'vf-1', text: undefined, lan: undefined })).toEqual([])
    expect(paths(seedMinimal, { source: 1, text: undefined, lan: undefined })).toEqual(['voiceFileId'])
    expect(
      paths(seedMinimal, {
        source: 2,
        uploadName: 'greeting.wav',
        baseFile: 'UklGRiQAAABXQVZF',
        text: undefined,
        lan: undefined,
      }),
    ).toEqual([])
    expect(paths(seedMinimal, { source: 2, text: undefined, lan: undefined })).toEqual(['uploadName', 'baseFile'])
    expect(paths(seedMinimal, { source: 3, text: undefined, lan: undefined })).toEqual(['text', 'lan'])
  })

  it('the hang-up SMS fields are required only with hangUpSms=1', () => {
    expect(paths(seedMinimal, { hangUpSms: 0 })).toEqual([])
    expect(paths(seedMinimal, { hangUpSms: 1 })).toEqual([
      'smsAppId',
      'smsContent',
      'feedbackPush',
      'successPush',
      'failedPush',
      'ringPush',
    ])
    const allOff = {
      hangUpSms: 1,
      smsAppId: 's',
      smsContent: 'c',
      feedbackPush: 0,
      successPush: 0,
      failedPush: 0,
      ringPush: 0,
    }
    expect(paths(seedMinimal, allOff)).toEqual([])
    expect(paths(seedMinimal, { ...allOff, feedbackPush: 1 })).toEqual(['feedbackValue'])
    expect(paths(seedMinimal, { ...allOff, successPush: 1 })).toEqual(['successPushTime'])
  })

  it('the transfer fields are required only with toSeat=1, and toSeatKey only with toSeatType=2', () => {
    expect(paths(seedMinimal, { toSeat: 0 })).toEqual([])
    expect(paths(seedMinimal, { toSeat: 1 })).toEqual(['sipGroupId', 'outboundControl', 'calloutRate', 'toSeatType'])
    const transfer = { toSeat: 1, sipGroupId: 3, outboundControl: 1, calloutRate: 10 }
    expect(paths(seedMinimal, { ...transfer, toSeatType: 1 })).toEqual([])
    expect(paths(seedMinimal, { ...transfer, toSeatType: 2 })).toEqual(['toSeatKey'])
    expect(paths(seedMinimal, { ...transfer, toSeatType: 2, toSeatKey: 5 })).toEqual([])
    expect(paths(seedMinimal, { toSeat: 0, toSeatType: 2 })).toEqual([]) // no transfer, so no key needed
  })
})

describe('voice broadcast send: large lists', () => {
  it('parses a 200,000-number request quickly (median of 5)', () => {
    const body = withChange(seedMinimal, { numberList: numbers(200_000) })
    const times: number[] = []
    for (let run = 0; run < 5; run++) {
      const start = performance.now()
      const result = VoiceBroadcastSend.safeParse(body)
      times.push(performance.now() - start)
      expect(result.success).toBe(true)
    }
    const median = [...times].sort((a, b) => a - b)[2] ?? Infinity
    console.log(
      `200,000-number voice broadcast parse: median ${median.toFixed(1)} ms (runs ${times.map((t) => t.toFixed(1)).join(', ')})`,
    )
    expect(median).toBeLessThan(250)
  })

  it('lists the first 20 bad numbers and sums up the rest', () => {
    const bad = Array.from({ length: 200_000 }, () => '12')
    const issues = issuesOf(withChange(seedMinimal, { numberList: bad }))
    expect(issues).toHaveLength(21)
    expect(issues.slice(0, 20).map((i) => i.path.join('.'))).toEqual(
      Array.from({ length: 20 }, (_, i) => `numberList.${i}`),
    )
    expect(issues[20]?.path).toEqual(['numberList'])
    expect(issues[20]?.message).toMatch(/^200000 numbers are invalid/)
  })
})
