import { describe, expect, it } from 'vitest'
import {
  VoiceBroadcastNumberInfoListRequest,
  VoiceBroadcastNumberListRequest,
  VoiceBroadcastSend,
} from '../../../shared/providers/voice-broadcast/wire'
import type { Body } from './voice-broadcast-cases'
import { inEnglish } from '../in-english'
import {
  AT_THE_LIMITS,
  REFUSALS,
  infoMinimal,
  numbers,
  seedFull,
  seedMinimal,
  withChange,
} from './voice-broadcast-cases'

const issuesOf = (input: unknown) => {
  const result = VoiceBroadcastSend.safeParse(input)
  return result.success ? [] : result.error.issues
}
const issuePaths = (input: unknown) => issuesOf(input).map((i) => i.path.join('.'))

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
    for (const [, base, patch] of AT_THE_LIMITS) {
      expect(issuePaths(withChange(base, patch)), JSON.stringify(patch).slice(0, 80)).toEqual([])
    }
  })
})

describe('voice broadcast send: refused bodies, one per documented rule', () => {
  const refusals = REFUSALS

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
    expect(inEnglish(issues[20]?.message)).toMatch(/^200,000 numbers are invalid/)
  })
})
