import { describe, expect, it } from 'vitest'
import type { ProviderName } from '../../shared/schemas/providers'
import { toWireRequest, type IntentResult, type WireRequestOf } from '../../shared/providers/registry'
import type { WebexPayload } from '../../shared/providers/webex/to-wire'
import { DialableE164, NewTaskIntent, TaskIntent } from '../../shared/schemas/intents'
import { SubmitTask } from '../../shared/schemas/tasks'
import { Profile } from '../../shared/schemas/profiles'
import { aiccsCreateAiCallTaskSchema } from '../../shared/providers/aiccs/wire'
import { connectStartTaskSchema } from '../../shared/providers/connect/wire'
import { egainTaskActivitySchema } from '../../shared/providers/egain/wire'
import { VoiceBroadcastSend } from '../../shared/providers/voice-broadcast/wire'
import { WebexCreateTaskRequest, webexScheduleCallbackSchema } from '../../shared/providers/webex/wire'
import { drafts, type ProviderKey } from './fixtures'
import { inEnglish } from './in-english'

const NOW = new Date('2026-07-01T08:00:00Z')
const ids: Record<ProviderKey, string> = {
  webex: '11111111-1111-4111-8111-111111111111',
  egain: '22222222-2222-4222-8222-222222222222',
  connect: '33333333-3333-4333-8333-333333333333',
  aiccs: '44444444-4444-4444-8444-444444444444',
  voice_broadcast: '55555555-5555-4555-8555-555555555555',
}
const profile = (key: ProviderKey, overrides: Record<string, unknown> = {}) =>
  Profile.parse({ ...drafts[key], id: ids[key], ...overrides })

/** Parses the intent (so every test intent is a valid one) and maps it. */
const map = (intent: unknown, p: Profile, now = NOW): IntentResult => toWireRequest(TaskIntent.parse(intent), p, now)

/** The payload of a wire request for `provider` (a refusal fails the test). */
function expectWire<P extends ProviderName>(result: IntentResult, provider: P): WireRequestOf<P>['payload'] {
  if ('error' in result) throw new Error(`refused at ${result.error.path.join('.')}: ${result.error.message}`)
  expect(result.provider).toBe(provider)
  return (result as WireRequestOf<P>).payload
}

/** A Webex task's body (`POST /v1/tasks`). */
function webexTask(payload: WebexPayload) {
  if (payload.kind !== 'task') throw new Error(`expected a Webex task, got a ${payload.kind}`)
  return payload.body
}

/** A scheduled Webex callback: its organization and body. */
function webexScheduled(payload: WebexPayload) {
  if (payload.kind !== 'scheduled_callback') throw new Error(`expected a scheduled callback, got a ${payload.kind}`)
  return payload
}

const refusal = (result: IntentResult) => {
  if (!('error' in result)) throw new Error(`expected a refusal, got ${result.provider}`)
  return inEnglish(result.error)
}

const outdial = {
  kind: 'outdial',
  profileId: ids.webex,
  destination: '+14085550199',
  entryPointId: 'EP-outbound-1',
  origin: '+14085550100',
  attributes: { account: '42' },
}

describe('outdial (Webex)', () => {
  it('maps to an OUTDIAL task with the chosen ANI as origin', () => {
    const request = webexTask(expectWire(map(outdial, profile('webex')), 'webex'))
    expect(WebexCreateTaskRequest.safeParse(request).success).toBe(true)
    expect(request).toMatchObject({
      outboundType: 'OUTDIAL',
      origin: '+14085550100',
      destination: '+14085550199',
      entryPointId: 'EP-outbound-1',
      mediaType: 'telephony',
      attributes: { account: '42' },
    })
  })

  it('refuses an ANI or entry point the profile does not configure', () => {
    expect(refusal(map({ ...outdial, origin: '+14085550111' }, profile('webex'))).path).toEqual(['origin'])
    expect(refusal(map({ ...outdial, entryPointId: 'EP-other' }, profile('webex'))).path).toEqual(['entryPointId'])
  })

  it('refuses a profile of another provider or another id', () => {
    expect(refusal(map({ ...outdial, profileId: ids.connect }, profile('connect'))).path).toEqual(['profileId'])
    expect(refusal(map({ ...outdial, profileId: ids.egain }, profile('webex'))).path).toEqual(['profileId'])
  })

  it('rejects a destination that is not E.164 at the intent', () => {
    expect(TaskIntent.safeParse({ ...outdial, destination: '4085550199' }).success).toBe(false)
  })
})

describe('a destination being queued (DialableE164)', () => {
  const issues = (value: string) => {
    const result = DialableE164.safeParse(value)
    return result.success ? [] : result.error.issues.map((i) => inEnglish(i.message))
  }

  it('must be a number libphonenumber calls valid, not only E.164 in shape, with a specific message', () => {
    expect(issues('+14085550199')).toEqual([])
    expect(issues('+9991234567')).toEqual(['This country code does not exist, so the number cannot be dialled.'])
    expect(issues('+15555550100')).toEqual(['No such number exists for this country code.'])
    expect(issues('+4402079460958')).toEqual([
      'Leave out the national prefix after the country code: +44 20 7946 0958, not +44 020 7946 0958.',
    ])
    expect(issues('+1 408 555 0199')).toEqual(['Enter the number in international format, such as +14085550100.'])
  })

  it('holds for every task being queued (tasks:submit), outdial and callback alike', () => {
    const callback = {
      ...webexCallback,
      when: { kind: 'now' },
      entryPointId: 'EP-outbound-1',
      destination: '+9991234567',
    }
    for (const intent of [{ ...outdial, destination: '+9991234567' }, callback]) {
      const submitted = SubmitTask.safeParse({ intent })
      expect(submitted.success).toBe(false)
      expect(submitted.error?.issues[0]?.path).toEqual(['intent', 'destination'])
      expect(NewTaskIntent.safeParse(intent).success).toBe(false)
    }
    expect(SubmitTask.safeParse({ intent: outdial }).success).toBe(true)
  })

  it('is not asked of a task already queued: a journal written with older metadata must still load', () => {
    expect(TaskIntent.safeParse({ ...outdial, destination: '+9991234567' }).success).toBe(true)
  })
})

const webexCallback = {
  kind: 'callback',
  provider: 'webex',
  profileId: ids.webex,
  destination: '+14085550199',
  customerName: 'Ada Lovelace',
  reason: 'Billing question',
}

describe('callback (Webex)', () => {
  it('maps "now" to an immediate CALLBACK task', () => {
    const intent = { ...webexCallback, when: { kind: 'now' }, entryPointId: 'EP-outbound-1' }
    const request = webexTask(expectWire(map(intent, profile('webex')), 'webex'))
    expect(WebexCreateTaskRequest.safeParse(request).success).toBe(true)
    expect(request).toMatchObject({
      outboundType: 'CALLBACK',
      callback: { callbackOrigin: 'web', callbackType: 'immediate' },
      destination: '+14085550199',
      attributes: { customerName: 'Ada Lovelace', callbackReason: 'Billing question' },
    })
    expect(request.origin).toBeUndefined()
  })

  it('refuses a reason too long for a flow attribute at the reason field, not the name', () => {
    // An immediate callback carries the reason as the attribute callbackReason: ≤ 1024 UTF-8 bytes (providers.md §1).
    const intent = { ...webexCallback, when: { kind: 'now' }, entryPointId: 'EP-outbound-1', reason: 'é'.repeat(513) }
    const refused = refusal(map(intent, profile('webex')))
    expect(refused.path).toEqual(['reason'])
    expect(refused.message).toMatch(/1,024 bytes/)
  })

  it('refuses "now" without an entry point', () => {
    expect(refusal(map({ ...webexCallback, when: { kind: 'now' } }, profile('webex'))).path).toEqual(['entryPointId'])
  })

  const later = { kind: 'at', at: '2026-07-02T10:00:00-04:00', timeZone: 'America/New_York' }

  it('maps a later time to the scheduled-callback API in the profile queue', () => {
    const request = webexScheduled(
      expectWire(map({ ...webexCallback, when: later, windowMinutes: 60 }, profile('webex')), 'webex'),
    )
    expect(webexScheduleCallbackSchema(NOW).safeParse(request.body).success).toBe(true)
    expect(request.orgId).toBe(drafts.webex.orgId)
    expect(request.body).toMatchObject({
      queueId: 'queue-1',
      timezone: 'America/New_York',
      scheduleDate: '2026-07-02',
      startTime: '10:00:00',
      endTime: '11:00:00',
      callbackNumber: '+14085550199',
      customerName: 'Ada Lovelace',
      callbackReason: 'Billing question',
    })
  })

  it('counts the window on the wall clock where the clocks go back inside it (1:30 on a fall-back night)', () => {
    // 01:30 EDT + 30 minutes is 01:00 EST: the window ended before it began and Webex's rule refused it.
    const night = { kind: 'at', at: '2026-11-01T01:30:00-04:00', timeZone: 'America/New_York' }
    const request = webexScheduled(
      expectWire(map({ ...webexCallback, when: night }, profile('webex'), new Date('2026-10-31T16:00:00Z')), 'webex'),
    )
    expect(request.body).toMatchObject({ scheduleDate: '2026-11-01', startTime: '01:30:00', endTime: '02:00:00' })
  })

  it('refuses a scheduled callback when the profile has no queue or no org id', () => {
    const intent = { ...webexCallback, when: later }
    expect(refusal(map(intent, profile('webex', { scheduledCallbackQueueId: '' }))).path).toEqual(['when'])
    expect(refusal(map(intent, profile('webex', { orgId: '' }))).path).toEqual(['when'])
  })

  it('refuses through the wire rule a start less than 30 minutes away', () => {
    const soon = { kind: 'at', at: '2026-07-01T08:10:00Z', timeZone: 'UTC' }
    const error = refusal(map({ ...webexCallback, when: soon }, profile('webex')))
    expect(error.path).toEqual(['when', 'at'])
    expect(error.message).toMatch(/30 minutes/)
  })
})

const connectCallback = {
  kind: 'callback',
  provider: 'connect',
  profileId: ids.connect,
  destination: '+4930123456',
  customerName: 'Grace Hopper',
  reason: 'Contract renewal',
  target: { kind: 'contactFlow', id: 'flow-1' },
}

describe('callback (Connect)', () => {
  it('maps to a task whose ScheduledTime is the callback time, without a ClientToken', () => {
    const when = { kind: 'at', at: '2026-07-03T12:00:00+02:00', timeZone: 'Europe/Berlin' }
    const input = expectWire(map({ ...connectCallback, when }, profile('connect')), 'connect')
    expect(connectStartTaskSchema(NOW).safeParse(input).success).toBe(true)
    expect(input.ScheduledTime?.toISOString()).toBe('2026-07-03T10:00:00.000Z')
    expect(input.ClientToken).toBeUndefined()
    expect(input).toMatchObject({
      InstanceId: drafts.connect.instanceId,
      ContactFlowId: 'flow-1',
      Description: 'Contract renewal',
      References: { 'Callback number': { Type: 'STRING', Value: '+4930123456' } },
    })
    expect(input.Name).toContain('Grace Hopper')
  })

  it('refuses a time more than 6 days ahead via the wire rule', () => {
    const when = { kind: 'at', at: '2026-07-08T08:00:01Z', timeZone: 'UTC' }
    const error = refusal(map({ ...connectCallback, when }, profile('connect')))
    expect(error.path).toEqual(['when', 'at'])
    expect(error.message).toBe('Schedule the task at most 6 days ahead.')
  })

  it('refuses a flow the profile does not configure', () => {
    const intent = { ...connectCallback, when: { kind: 'now' }, target: { kind: 'quickConnect', id: 'qc-9' } }
    expect(refusal(map(intent, profile('connect'))).path).toEqual(['target', 'id'])
  })
})

describe('follow-up (eGain)', () => {
  const followUp = {
    kind: 'followUp',
    provider: 'egain',
    profileId: ids.egain,
    department: '',
    subtype: 'General',
    subject: 'Send the revised quote',
    content: 'Customer asked for the 24-month option.',
    dueDate: '2026-07-05T17:00:00+02:00',
    priority: '2',
    lookup: { attribute: 'email.emailAddress', value: 'ada@example.com' },
    createCustomer: true,
    assignee: { by: 'loginId', value: 'agent.smith' },
  }

  it('maps priority, due date, lookup and assignee onto a task activity', () => {
    const request = expectWire(map(followUp, profile('egain')), 'egain')
    expect(egainTaskActivitySchema(NOW).safeParse(request).success).toBe(true)
    expect(request.body.priority).toBe('2')
    expect(request.body.dueDate).toBe('2026-07-05T17:00:00+02:00')
    expect(request.body.department.name).toBe('Service')
    expect(request.query).toEqual({ searchContactOnAttribute: 'email.emailAddress', createCustomer: 'yes' })
    expect(request.body.customer.contacts.contact[0]?.email).toEqual([{ emailAddress: 'ada@example.com' }])
    expect(request.body.status?.assigned.user).toEqual({ loginId: 'agent.smith' })
    expect(request.actor).toBe('client')
  })

  it('refuses a subtype the profile does not list', () => {
    expect(refusal(map({ ...followUp, subtype: 'Other' }, profile('egain'))).path).toEqual(['subtype'])
  })

  it('refuses through the wire rule a client-credentials task without assignee', () => {
    const { assignee: _unused, ...noAssignee } = followUp
    const error = refusal(map(noAssignee, profile('egain')))
    expect(error.path).toEqual(['assignee'])
  })

  it('refuses a due date in the past with the wire message', () => {
    const error = refusal(map({ ...followUp, dueDate: '2026-06-30T00:00:00Z' }, profile('egain')))
    expect(error).toEqual({ path: ['dueDate'], message: 'The due date must be in the future.' })
  })
})

describe('follow-up (Connect)', () => {
  it('maps name, description, template, references and previous contact', () => {
    const intent = {
      kind: 'followUp',
      provider: 'connect',
      profileId: ids.connect,
      name: 'Check the refund',
      description: 'Refund promised on the call',
      target: { kind: 'taskTemplate', id: 'tpl-1' },
      references: { Ticket: { Type: 'URL', Value: 'https://example.com/t/1' } },
      previousContactId: 'c-123',
    }
    const p = profile('connect', { taskTemplates: [{ id: 'tpl-1', label: 'Refund' }] })
    const input = expectWire(map(intent, p), 'connect')
    expect(connectStartTaskSchema(NOW).safeParse(input).success).toBe(true)
    expect(input).toEqual({
      InstanceId: drafts.connect.instanceId,
      Name: 'Check the refund',
      Description: 'Refund promised on the call',
      TaskTemplateId: 'tpl-1',
      References: { Ticket: { Type: 'URL', Value: 'https://example.com/t/1' } },
      PreviousContactId: 'c-123',
    })
    expect(refusal(map(intent, profile('connect'))).path).toEqual(['target', 'id'])
  })

  const scheduled = (scheduledTime: string) => ({
    kind: 'followUp',
    provider: 'connect',
    profileId: ids.connect,
    name: 'Call back about the refund',
    target: { kind: 'contactFlow', id: 'flow-1' },
    scheduledTime,
  })

  it('starts the task at its scheduled time (ScheduledTime), up to 6 days ahead', () => {
    const input = expectWire(map(scheduled('2026-07-07T10:00:00+02:00'), profile('connect')), 'connect')
    expect(connectStartTaskSchema(NOW).safeParse(input).success).toBe(true)
    expect(input.ScheduledTime?.toISOString()).toBe('2026-07-07T08:00:00.000Z')
  })

  it('refuses a scheduled time more than 6 days ahead, or not in the future, on the field', () => {
    expect(refusal(map(scheduled('2026-07-07T08:00:01Z'), profile('connect')))).toEqual({
      path: ['scheduledTime'],
      message: 'Schedule the task at most 6 days ahead.',
    })
    expect(refusal(map(scheduled('2026-07-01T08:00:00Z'), profile('connect')))).toEqual({
      path: ['scheduledTime'],
      message: 'The scheduled time has to be in the future.',
    })
  })

  it('takes a scheduled time only as an ISO date and time with its offset', () => {
    expect(TaskIntent.safeParse(scheduled('2026-07-03 10:00')).success).toBe(false)
    expect(TaskIntent.safeParse(scheduled('2026-07-03T10:00:00+02:00')).success).toBe(true)
  })
})

describe('broadcast (voice broadcast)', () => {
  const broadcast = {
    kind: 'broadcast',
    provider: 'voice_broadcast',
    profileId: ids.voice_broadcast,
    taskName: 'cb-task-0001',
    numbers: ['84901234567', '84907654321'],
    text: 'Your order has shipped.',
    lan: 'VN',
    loopCount: 2,
    maxCalls: 60,
    allowSendTime: [{ strTime: '09:00', endTime: '18:00' }],
  }

  it('maps to a TTS request with language and text', () => {
    const request = expectWire(map(broadcast, profile('voice_broadcast')), 'voice_broadcast')
    expect(VoiceBroadcastSend.safeParse(request).success).toBe(true)
    expect(request).toMatchObject({
      source: 3,
      lan: 'VN',
      text: 'Your order has shipped.',
      appId: 'app-1',
      displayNum: '8412345678',
      numberList: ['84901234567', '84907654321'],
      loopCount: 2,
    })
  })

  it('queues only numbers the list reader would take, with the same rule as the single-number field', () => {
    const refused = (numbers: string[]) => {
      const result = SubmitTask.safeParse({ intent: { ...broadcast, numbers } })
      return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), inEnglish(i.message)])
    }
    expect(refused(['84901234567', '14085550199', '442079460958'])).toEqual([])
    // Each has the wire's shape (7–15 digits), and none can be dialled.
    expect(refused(['84901234567', '9991234567', '15555550100', '4402079460958'])).toEqual([
      ['intent.numbers.1', '+9991234567: This country code does not exist, so the number cannot be dialled.'],
      ['intent.numbers.2', '+15555550100: No such number exists for this country code.'],
      [
        'intent.numbers.3',
        '+4402079460958: Leave out the national prefix after the country code: +44 20 7946 0958, not +44 020 7946 0958.',
      ],
    ])
    // Already queued is another matter: a journal written with older metadata must still load.
    expect(TaskIntent.safeParse({ ...broadcast, numbers: ['9991234567'] }).success).toBe(true)
  })

  it('lists the first bad numbers of a long list and sums up the rest', () => {
    const numbers = Array.from({ length: 30 }, (_, i) => `99912345${String(i).padStart(2, '0')}`)
    const result = SubmitTask.safeParse({ intent: { ...broadcast, numbers } })
    const messages = result.success ? [] : result.error.issues.map((i) => inEnglish(i.message))
    expect(messages).toHaveLength(21)
    expect(messages.at(-1)).toBe('30 numbers are invalid in all; only the first 20 are listed.')
  })

  it('sends per-number records when the profile uses numberInfoList', () => {
    const request = expectWire(
      map(broadcast, profile('voice_broadcast', { numberListShape: 'numberInfoList' })),
      'voice_broadcast',
    )
    expect('numberInfoList' in request && request.numberInfoList[0]).toEqual({ calleeNumber: '84901234567' })
  })

  it('refuses a hang-up SMS when the profile has no SMS app id', () => {
    const intent = { ...broadcast, hangUpSms: { content: 'Thanks for listening' } }
    expect(refusal(map(intent, profile('voice_broadcast'))).path).toEqual(['hangUpSms'])
    const request = expectWire(map(intent, profile('voice_broadcast', { smsAppId: 'sms-1' })), 'voice_broadcast')
    expect(request).toMatchObject({ hangUpSms: 1, smsAppId: 'sms-1', smsContent: 'Thanks for listening' })
  })

  it('sets the hang-up SMS triggers as seed 004 describes: none of the four flags left 0 for nothing', () => {
    const sms = profile('voice_broadcast', { smsAppId: 'sms-1' })
    // A task queued before the triggers existed: after a successful call, at once.
    const older = expectWire(map({ ...broadcast, hangUpSms: { content: 'Thanks' } }, sms), 'voice_broadcast')
    expect(older).toMatchObject({ feedbackPush: 0, successPush: 1, successPushTime: 0, failedPush: 0, ringPush: 0 })
    expect(VoiceBroadcastSend.safeParse(older).success).toBe(true)
    const chosen = {
      content: 'Thanks',
      onSuccess: true,
      successDelaySeconds: 30,
      onFailed: true,
      onRing: false,
      onKey: '5',
    }
    const request = expectWire(map({ ...broadcast, hangUpSms: chosen }, sms), 'voice_broadcast')
    expect(request).toMatchObject({
      feedbackPush: 1,
      feedbackValue: '5',
      successPush: 1,
      successPushTime: 30,
      failedPush: 1,
      ringPush: 0,
    })
    expect(VoiceBroadcastSend.safeParse(request).success).toBe(true)
    const never = { ...chosen, onSuccess: false, onFailed: false, onKey: '' }
    const parsed = TaskIntent.safeParse({ ...broadcast, hangUpSms: never })
    expect(inEnglish(parsed.error?.issues.map((i) => i.message))).toContainEqual(
      expect.stringMatching(/Choose when the SMS is sent/),
    )
  })

  it('maps transfer-to-seat on a key press', () => {
    const intent = { ...broadcast, toSeat: { sipGroupId: 7, calloutRate: 50, key: 1 } }
    const request = expectWire(map(intent, profile('voice_broadcast')), 'voice_broadcast')
    expect(VoiceBroadcastSend.safeParse(request).success).toBe(true)
    expect(request).toMatchObject({ toSeat: 1, toSeatType: 2, toSeatKey: 1, outboundControl: 1 })
  })
})

describe('broadcast (AICCS)', () => {
  const task = {
    kind: 'broadcast',
    provider: 'aiccs',
    profileId: ids.aiccs,
    taskName: 'cb-task-0002',
    agentId: '',
    virtualNumber: '',
    callTimes: [{ startTime: '09:00:00', endTime: '12:00:00' }],
    callDays: ['MONDAY', 'TUESDAY'],
    retryTimes: 2,
    retryIntervalMinutes: 30,
    concurrency: 5,
    start: { kind: 'at', at: '2026-07-02T09:00:00+08:00' },
  }

  it('maps a later start to StartType SCHEDULE with TaskStartTime in ms, profile defaults filled in', () => {
    const params = expectWire(map(task, profile('aiccs')), 'aiccs')
    expect(aiccsCreateAiCallTaskSchema(NOW).safeParse(params).success).toBe(true)
    expect(params).toMatchObject({
      StartType: 'SCHEDULE',
      TaskStartTime: Date.parse('2026-07-02T01:00:00Z'),
      AgentId: 'agent-7',
      VirtualNumber: '057112345678',
      MissCallRetry: true,
      CallRetryTimes: 2,
      CallRetryInterval: 30,
      TaskCps: 5,
    })
  })

  it('maps "now" to IMMEDIATE without a start time', () => {
    const params = expectWire(map({ ...task, start: { kind: 'now' } }, profile('aiccs')), 'aiccs')
    expect(params.StartType).toBe('IMMEDIATE')
    expect(params.TaskStartTime).toBeUndefined()
  })

  it('refuses when neither the intent nor the profile names an agent', () => {
    expect(refusal(map(task, profile('aiccs', { defaultAgentId: '' }))).path).toEqual(['agentId'])
  })

  it('refuses a start in the past via the wire rule', () => {
    const error = refusal(map({ ...task, start: { kind: 'at', at: '2026-06-30T00:00:00Z' } }, profile('aiccs')))
    expect(error).toEqual({ path: ['start', 'at'], message: 'The start time must be in the future.' })
  })
})
