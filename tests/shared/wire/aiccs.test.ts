import { OpenApiUtil } from '@alicloud/openapi-core'
import { describe, expect, it } from 'vitest'
import {
  aiccsCreateAiCallTaskSchema,
  toAiccsQuery,
  type AiccsCreateAiCallTask,
} from '../../../shared/providers/aiccs/wire'
import { aiccsCases, withChange } from './aiccs-cases'

const NOW = new Date('2026-06-01T00:00:00Z')
const schema = aiccsCreateAiCallTaskSchema(NOW)
const { inADay: IN_A_DAY, seedExample, minimal, refusals } = aiccsCases(NOW)

const issuePaths = (input: unknown) => {
  const result = schema.safeParse(input)
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'))
}

describe('AICCS CreateAiCallTask: accepted parameters', () => {
  it("accepts the seed's own example", () => {
    expect(issuePaths(seedExample())).toEqual([])
  })

  it('accepts a minimal immediate task', () => {
    expect(issuePaths(minimal())).toEqual([])
  })

  it('accepts the limits exactly and every documented value', () => {
    const ok = (patch: Record<string, unknown>) =>
      expect(issuePaths(withChange(seedExample, patch)), JSON.stringify(patch)).toEqual([])
    ok({ CallRetryTimes: 3, CallRetryInterval: 120, TaskCps: 500 })
    ok({ CallRetryTimes: 0, CallRetryInterval: 0, TaskCps: 1 })
    ok({ CallDay: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] })
    ok({
      CallRetryReason: [
        'CALL_REJECTED',
        'USER_BUSY',
        'SUSPEND',
        'INVALID_NUMBER',
        'POWERED_OFF',
        'NETWORK_BUSY',
        'NO_ANSWER',
      ],
      MissCallRetry: true,
    })
    ok({ CallTime: [{ startTime: '00:00:00', endTime: '23:59:59' }] })
    ok({ TaskStartTime: NOW.getTime() + 1 })
    ok({ TaskName: 't'.repeat(128) })
  })
})

describe('AICCS CreateAiCallTask: refused parameters, one per documented rule', () => {
  it.each(refusals)('%s', (_name, patch, path) => {
    expect(issuePaths(withChange(seedExample, patch))).toContain(path)
  })

  it('reports only the broken rule, in plain words, for each refusal', () => {
    for (const [name, patch, path] of refusals) {
      const result = schema.safeParse(withChange(seedExample, patch))
      expect(result.success, name).toBe(false)
      const issues = result.success ? [] : result.error.issues
      expect(new Set(issues.map((i) => i.path.join('.'))), name).toEqual(new Set([path]))
      for (const issue of issues) expect(issue.message, name).not.toMatch(/^(Invalid|Too (big|small)|Unrecognized)/)
    }
  })
})

describe('AICCS CreateAiCallTask: TaskStartTime is tied to StartType, both ways', () => {
  it('SCHEDULE needs a future TaskStartTime; IMMEDIATE must not carry one', () => {
    expect(issuePaths(withChange(seedExample, {}))).toEqual([])
    expect(issuePaths(withChange(seedExample, { TaskStartTime: undefined }))).toEqual(['TaskStartTime'])
    expect(issuePaths(withChange(seedExample, { StartType: 'IMMEDIATE', TaskStartTime: undefined }))).toEqual([])
    expect(issuePaths(withChange(seedExample, { StartType: 'IMMEDIATE' }))).toEqual(['TaskStartTime'])
  })

  it('the start time is judged against the given now', () => {
    const r = seedExample()
    expect(aiccsCreateAiCallTaskSchema(new Date(IN_A_DAY - 1)).safeParse(r).success).toBe(true)
    expect(aiccsCreateAiCallTaskSchema(new Date(IN_A_DAY)).safeParse(r).success).toBe(false)
  })
})

describe('toAiccsQuery', () => {
  const parse = (input: Record<string, unknown>): AiccsCreateAiCallTask => schema.parse(input)

  it('serialises the seed example exactly', () => {
    expect(
      toAiccsQuery(
        parse({
          ...seedExample(),
          CallTime: [
            { startTime: '09:00:00', endTime: '10:00:00' },
            { startTime: '14:00:00', endTime: '18:30:00' },
          ],
          CallDay: ['MONDAY', 'FRIDAY'],
        }),
      ),
    ).toEqual({
      TaskName: '测试任务',
      AgentId: '1180**************',
      VirtualNumber: '032712122*****',
      StartType: 'SCHEDULE',
      TaskStartTime: '1780358400000',
      CallTime: String.raw`["{\"startTime\":\"09:00:00\",\"endTime\":\"10:00:00\"}","{\"startTime\":\"14:00:00\",\"endTime\":\"18:30:00\"}"]`,
      CallDay: '["MONDAY","FRIDAY"]',
      MissCallRetry: 'false',
      CallRetryReason: '["CALL_REJECTED"]',
      CallRetryTimes: '2',
      CallRetryInterval: '32',
      TaskCps: '75',
    })
  })

  it('leaves out what was not given', () => {
    expect(toAiccsQuery(parse(minimal()))).toEqual({
      TaskName: 'Renewals June',
      AgentId: '118000000000000001',
      VirtualNumber: '03271212200001',
      StartType: 'IMMEDIATE',
      CallTime: String.raw`["{\"startTime\":\"09:00:00\",\"endTime\":\"12:00:00\"}"]`,
      CallDay: '["MONDAY","TUESDAY"]',
    })
  })

  it("matches the official SDK's own serialisation (json style + query flattening)", () => {
    const params = parse({ ...seedExample(), MissCallRetry: true, CallRetryReason: ['USER_BUSY', 'NO_ANSWER'] })
    // What aiccs20191015 Client.createAiCallTaskWithOptions does with a CreateAiCallTaskRequest whose
    // callTime items are the documented JSON strings.
    const sdkQuery = OpenApiUtil.query({
      AgentId: params.AgentId,
      CallDay: OpenApiUtil.arrayToStringWithSpecifiedStyle(params.CallDay, 'CallDay', 'json'),
      CallRetryInterval: params.CallRetryInterval,
      CallRetryReason: OpenApiUtil.arrayToStringWithSpecifiedStyle(params.CallRetryReason, 'CallRetryReason', 'json'),
      CallRetryTimes: params.CallRetryTimes,
      CallTime: OpenApiUtil.arrayToStringWithSpecifiedStyle(
        params.CallTime.map((w) => `{"startTime":"${w.startTime}","endTime":"${w.endTime}"}`),
        'CallTime',
        'json',
      ),
      MissCallRetry: params.MissCallRetry,
      StartType: params.StartType,
      TaskCps: params.TaskCps,
      TaskName: params.TaskName,
      TaskStartTime: params.TaskStartTime,
      VirtualNumber: params.VirtualNumber,
    })
    expect(toAiccsQuery(params)).toEqual(sdkQuery)
    expect(sdkQuery.MissCallRetry).toBe('true')
  })
})
