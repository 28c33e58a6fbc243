import type { z } from 'zod'
import type {
  AiccsBroadcastIntent,
  ConnectCallbackIntent,
  ConnectFlowTarget,
  ConnectFollowUpIntent,
  EgainFollowUpIntent,
  OutdialIntent,
  TaskIntent,
  VoiceBroadcastIntent,
  WebexCallbackIntent,
} from './schemas/intents'
import type { Profile, ProfileOf } from './schemas/profiles'
import { aiccsCreateAiCallTaskSchema, type AiccsCreateAiCallTask } from './schemas/wire/aiccs'
import { connectStartTaskSchema, type ConnectStartTaskContactInput } from './schemas/wire/connect'
import { egainTaskActivitySchema, type EgainCreateTaskActivity } from './schemas/wire/egain'
import { VoiceBroadcastSend } from './schemas/wire/voice-broadcast'
import {
  WEBEX_SCHEDULED_CALLBACK_LIMITS,
  webexScheduleCallbackSchema,
  WebexCreateTaskRequest,
  type WebexScheduleCallbackRequest,
} from './schemas/wire/webex'

// Pure mapping from a task intent plus its provider profile to the wire request the provider client
// sends. Anything the profile does not provide (wrong provider, an entry point, ANI or flow that is
// not configured, a scheduled Webex callback without queue or org id) is refused with the intent's
// path. The result is validated against the wire schema at `now`; a wire issue is refused with the
// wire's message, at the intent field it came from where that is known, else at ['wire', …path].

type Path = (string | number)[]
export type IntentRefusal = { error: { path: Path; message: string } }

export type WireRequest =
  | { provider: 'webex'; request: WebexCreateTaskRequest }
  | { provider: 'webex_scheduled'; request: { orgId: string; body: WebexScheduleCallbackRequest } }
  | { provider: 'connect'; input: ConnectStartTaskContactInput }
  | { provider: 'egain'; request: EgainCreateTaskActivity }
  | { provider: 'aiccs'; params: AiccsCreateAiCallTask }
  | { provider: 'voice_broadcast'; request: VoiceBroadcastSend }

export type IntentResult = WireRequest | IntentRefusal

const refuse = (path: Path, message: string): IntentRefusal => ({ error: { path, message } })

/** Wire field (first path segment) → intent path, for refusals a wire rule raises. */
type PathMap = Record<string, Path>

function validate<T>(schema: z.ZodType<T>, value: unknown, paths: PathMap): { ok: T } | IntentRefusal {
  const result = schema.safeParse(value)
  if (result.success) return { ok: result.data }
  const issue = result.error.issues[0]
  if (issue === undefined) return refuse(['wire'], 'The request was refused.')
  const head = issue.path[0]
  const mapped = typeof head === 'string' ? paths[head] : undefined
  return refuse(mapped ?? ['wire', ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))], issue.message)
}

function profileFor<P extends Profile['provider']>(
  intent: { profileId: string },
  profile: Profile,
  provider: P,
): ProfileOf<P> | IntentRefusal {
  if (profile.id !== intent.profileId) return refuse(['profileId'], 'The intent names another profile.')
  if (profile.provider !== provider) {
    return refuse(['profileId'], `This is a ${profile.provider} profile; the task needs a ${provider} profile.`)
  }
  return profile as ProfileOf<P>
}

const isRefusal = (value: object): value is IntentRefusal => 'error' in value

export function toWireRequest(intent: TaskIntent, profile: Profile, now: Date): IntentResult {
  switch (intent.kind) {
    case 'outdial':
      return outdial(intent, profile)
    case 'callback':
      return intent.provider === 'webex' ? webexCallback(intent, profile, now) : connectCallback(intent, profile, now)
    case 'followUp':
      return intent.provider === 'egain' ? egainFollowUp(intent, profile, now) : connectFollowUp(intent, profile, now)
    case 'broadcast':
      return intent.provider === 'aiccs' ? aiccsBroadcast(intent, profile, now) : voiceBroadcast(intent, profile)
  }
}

// ——— Webex ———

function checkEntryPoint(p: ProfileOf<'webex'>, id: string): IntentRefusal | null {
  return p.entryPoints.some((e) => e.id === id)
    ? null
    : refuse(['entryPointId'], 'That entry point is not configured in this profile.')
}

function outdial(intent: OutdialIntent, profile: Profile): IntentResult {
  const p = profileFor(intent, profile, 'webex')
  if (isRefusal(p)) return p
  const badEntryPoint = checkEntryPoint(p, intent.entryPointId)
  if (badEntryPoint) return badEntryPoint
  if (!p.outdialAnis.some((a) => a.number === intent.origin)) {
    return refuse(['origin'], 'That outdial ANI is not configured in this profile.')
  }
  const request = {
    outboundType: 'OUTDIAL',
    destination: intent.destination,
    entryPointId: intent.entryPointId,
    origin: intent.origin,
    mediaType: 'telephony',
    ...(intent.attributes && { attributes: intent.attributes }),
    ...(intent.customAttributes && { customAttributes: intent.customAttributes }),
  }
  const checked = validate(WebexCreateTaskRequest, request, {
    destination: ['destination'],
    entryPointId: ['entryPointId'],
    origin: ['origin'],
    attributes: ['attributes'],
    customAttributes: ['customAttributes'],
  })
  return isRefusal(checked) ? checked : { provider: 'webex', request: checked.ok }
}

/** The wall-clock date (YYYY-MM-DD) and time (HH:mm:ss) of `instant` in `timeZone`. */
function wallClock(instant: number, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant))
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return {
    date: `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}:${part('second')}`,
  }
}

function webexCallback(intent: WebexCallbackIntent, profile: Profile, now: Date): IntentResult {
  const p = profileFor(intent, profile, 'webex')
  if (isRefusal(p)) return p
  const reason = intent.reason.trim()

  if (intent.when.kind === 'now') {
    // Immediate: a CALLBACK task through an entry point; name and reason ride along as flow attributes.
    if (intent.entryPointId === undefined) {
      return refuse(['entryPointId'], 'An immediate Webex callback needs an entry point.')
    }
    const badEntryPoint = checkEntryPoint(p, intent.entryPointId)
    if (badEntryPoint) return badEntryPoint
    const request = {
      outboundType: 'CALLBACK',
      destination: intent.destination,
      entryPointId: intent.entryPointId,
      mediaType: 'telephony',
      callback: { callbackOrigin: 'web', callbackType: 'immediate' },
      attributes: { customerName: intent.customerName, ...(reason && { callbackReason: reason }) },
    }
    const checked = validate(WebexCreateTaskRequest, request, {
      destination: ['destination'],
      entryPointId: ['entryPointId'],
      attributes: ['customerName'],
    })
    return isRefusal(checked) ? checked : { provider: 'webex', request: checked.ok }
  }

  // Later: the scheduled-callback API, into the profile's queue, for a window starting at `at`.
  if (p.scheduledCallbackQueueId === '') {
    return refuse(['when'], 'This Webex profile has no scheduled-callback queue; set one to schedule callbacks.')
  }
  if (p.orgId === '') {
    return refuse(['when'], 'This Webex profile has no organization id; set it to schedule callbacks.')
  }
  const start = Date.parse(intent.when.at)
  const minutes = intent.windowMinutes ?? WEBEX_SCHEDULED_CALLBACK_LIMITS.minDurationMinutes
  const from = wallClock(start, intent.when.timeZone)
  const to = wallClock(start + minutes * 60_000, intent.when.timeZone)
  const body = {
    customerName: intent.customerName,
    callbackNumber: intent.destination,
    timezone: intent.when.timeZone,
    scheduleDate: from.date,
    startTime: from.time,
    // A window that runs past midnight ends on another date: the wire rule refuses it.
    endTime: to.date === from.date ? to.time : '23:59:59',
    queueId: p.scheduledCallbackQueueId,
    ...(reason && { callbackReason: reason }),
  }
  const checked = validate(webexScheduleCallbackSchema(now), body, {
    customerName: ['customerName'],
    callbackNumber: ['destination'],
    timezone: ['when', 'timeZone'],
    scheduleDate: ['when', 'at'],
    startTime: ['when', 'at'],
    endTime: ['windowMinutes'],
    callbackReason: ['reason'],
  })
  if (isRefusal(checked)) return checked
  if (to.date !== from.date) {
    return refuse(['windowMinutes'], 'The callback window has to end on the day it starts.')
  }
  return { provider: 'webex_scheduled', request: { orgId: p.orgId, body: checked.ok } }
}

// ——— Amazon Connect ———

const FLOW_FIELD = {
  contactFlow: 'ContactFlowId',
  quickConnect: 'QuickConnectId',
  taskTemplate: 'TaskTemplateId',
} as const

function flowTarget(p: ProfileOf<'connect'>, target: ConnectFlowTarget): Record<string, string> | IntentRefusal {
  const configured =
    target.kind === 'contactFlow' ? p.contactFlows : target.kind === 'quickConnect' ? p.quickConnects : p.taskTemplates
  if (!configured.some((t) => t.id === target.id)) {
    const what = { contactFlow: 'contact flow', quickConnect: 'quick connect', taskTemplate: 'task template' }
    return refuse(['target', 'id'], `That ${what[target.kind]} is not configured in this profile.`)
  }
  return { [FLOW_FIELD[target.kind]]: target.id }
}

const connectPaths: PathMap = {
  ContactFlowId: ['target', 'id'],
  QuickConnectId: ['target', 'id'],
  TaskTemplateId: ['target', 'id'],
}

function connectCallback(intent: ConnectCallbackIntent, profile: Profile, now: Date): IntentResult {
  const p = profileFor(intent, profile, 'connect')
  if (isRefusal(p)) return p
  const target = flowTarget(p, intent.target)
  if (isRefusal(target)) return target
  const reason = intent.reason.trim()
  // ClientToken is left out: the provider client sets it to the task's idempotency key.
  const input = {
    InstanceId: p.instanceId,
    Name: `Callback: ${intent.customerName}`,
    ...(reason && { Description: reason }),
    ...target,
    References: { 'Callback number': { Type: 'STRING', Value: intent.destination } },
    ...(intent.when.kind === 'at' && { ScheduledTime: new Date(intent.when.at) }),
  }
  const checked = validate(connectStartTaskSchema(now), input, {
    ...connectPaths,
    Name: ['customerName'],
    Description: ['reason'],
    References: ['destination'],
    ScheduledTime: ['when', 'at'],
  })
  return isRefusal(checked) ? checked : { provider: 'connect', input: checked.ok }
}

function connectFollowUp(intent: ConnectFollowUpIntent, profile: Profile, now: Date): IntentResult {
  const p = profileFor(intent, profile, 'connect')
  if (isRefusal(p)) return p
  const target = flowTarget(p, intent.target)
  if (isRefusal(target)) return target
  const input = {
    InstanceId: p.instanceId,
    Name: intent.name,
    ...(intent.description !== undefined && { Description: intent.description }),
    ...target,
    ...(intent.references && { References: intent.references }),
    ...(intent.previousContactId !== undefined && { PreviousContactId: intent.previousContactId }),
  }
  const checked = validate(connectStartTaskSchema(now), input, {
    ...connectPaths,
    Name: ['name'],
    Description: ['description'],
    References: ['references'],
    PreviousContactId: ['previousContactId'],
  })
  return isRefusal(checked) ? checked : { provider: 'connect', input: checked.ok }
}

// ——— eGain ———

/** The customer's single contact, holding the value the lookup attribute names. */
function lookupContact(attribute: string, value: string) {
  switch (attribute) {
    case 'email.emailAddress':
      return { email: [{ emailAddress: value }] }
    case 'home.phone':
    case 'mobile.phone':
    case 'office.phone':
      return { phone: [{ type: { value: attribute.slice(0, attribute.indexOf('.')) }, phoneNo: value }] }
    case 'social.facebookId':
    case 'social.twitterId':
    case 'social.instagramId':
      return { social: [{ type: { value: attribute.slice('social.'.length, -'Id'.length) }, socialId: value }] }
    default:
      return {
        customAttributes: {
          customAttribute: [
            { attribName: attribute.slice('custom.'.length), attribValues: { attribValue: [{ value }] } },
          ],
        },
      }
  }
}

function egainFollowUp(intent: EgainFollowUpIntent, profile: Profile, now: Date): IntentResult {
  const p = profileFor(intent, profile, 'egain')
  if (isRefusal(p)) return p
  const department = intent.department.trim() || p.defaultDepartment
  if (department === '') {
    return refuse(['department'], 'Choose a department: this profile has no default department.')
  }
  if (p.taskSubtypes.length > 0 && !p.taskSubtypes.includes(intent.subtype)) {
    return refuse(['subtype'], 'That task subtype is not configured in this profile.')
  }
  const content = intent.content?.trim()
  const request = {
    actor: p.grantType === 'password' ? 'user' : 'client',
    acceptLanguage: p.acceptLanguage,
    query: {
      searchContactOnAttribute: intent.lookup.attribute,
      ...(intent.createCustomer && { createCustomer: 'yes' }),
    },
    body: {
      department: { name: department },
      type: { value: 'task', subtype: { value: intent.subtype } },
      ...(intent.subject !== undefined && { subject: intent.subject }),
      ...(intent.priority !== undefined && { priority: intent.priority }),
      ...(intent.dueDate !== undefined && { dueDate: intent.dueDate }),
      customer: { contacts: { contact: [lookupContact(intent.lookup.attribute, intent.lookup.value)] } },
      ...(content && { payload: { task: { content: [{ type: 'text', value: content }] } } }),
      ...(intent.assignee && { status: { assigned: { user: { [intent.assignee.by]: intent.assignee.value } } } }),
    },
  }
  const bodyPaths: Record<string, Path> = {
    subject: ['subject'],
    priority: ['priority'],
    dueDate: ['dueDate'],
    customer: ['lookup', 'value'],
    payload: ['content'],
    status: ['assignee'],
  }
  const result = egainTaskActivitySchema(now).safeParse(request)
  if (result.success) return { provider: 'egain', request: result.data }
  const issue = result.error.issues[0]
  const [head, field] = issue?.path ?? []
  const mapped =
    head === 'body' && typeof field === 'string'
      ? bodyPaths[field]
      : head === 'query'
        ? ['lookup', 'attribute']
        : undefined
  return refuse(mapped ?? ['wire', ...(issue?.path ?? []).map(String)], issue?.message ?? 'The request was refused.')
}

// ——— broadcast ———

function voiceBroadcast(intent: VoiceBroadcastIntent, profile: Profile): IntentResult {
  const p = profileFor(intent, profile, 'voice_broadcast')
  if (isRefusal(p)) return p
  if (intent.hangUpSms && p.smsAppId === '') {
    return refuse(['hangUpSms'], 'This profile has no SMS app id, so it cannot send a hang-up SMS.')
  }
  const request = {
    appId: p.appId,
    ...(p.defaultDisplayNum !== '' && { displayNum: p.defaultDisplayNum }),
    taskName: intent.taskName,
    source: 3,
    text: intent.text,
    lan: intent.lan,
    loopCount: intent.loopCount,
    maxCalls: intent.maxCalls,
    ...(intent.maxRingingTime !== undefined && { maxRingingTime: intent.maxRingingTime }),
    ...(intent.allowSendTime !== undefined && { allowSendTime: intent.allowSendTime }),
    ...(intent.hangUpSms && {
      hangUpSms: 1,
      smsAppId: p.smsAppId,
      smsContent: intent.hangUpSms.content,
      ...(p.senderId !== '' && { senderId: p.senderId }),
      feedbackPush: 0,
      successPush: 0,
      failedPush: 0,
      ringPush: 0,
    }),
    ...(intent.toSeat && {
      toSeat: 1,
      sipGroupId: intent.toSeat.sipGroupId,
      outboundControl: 1,
      calloutRate: intent.toSeat.calloutRate,
      toSeatType: intent.toSeat.key === undefined ? 1 : 2,
      ...(intent.toSeat.key !== undefined && { toSeatKey: intent.toSeat.key }),
    }),
    ...(p.numberListShape === 'numberList'
      ? { numberList: intent.numbers }
      : { numberInfoList: intent.numbers.map((calleeNumber) => ({ calleeNumber })) }),
  }
  const checked = validate(VoiceBroadcastSend, request, {
    taskName: ['taskName'],
    text: ['text'],
    lan: ['lan'],
    loopCount: ['loopCount'],
    maxCalls: ['maxCalls'],
    maxRingingTime: ['maxRingingTime'],
    allowSendTime: ['allowSendTime'],
    smsContent: ['hangUpSms', 'content'],
    sipGroupId: ['toSeat', 'sipGroupId'],
    calloutRate: ['toSeat', 'calloutRate'],
    toSeatKey: ['toSeat', 'key'],
    numberList: ['numbers'],
    numberInfoList: ['numbers'],
  })
  return isRefusal(checked) ? checked : { provider: 'voice_broadcast', request: checked.ok }
}

function aiccsBroadcast(intent: AiccsBroadcastIntent, profile: Profile, now: Date): IntentResult {
  const p = profileFor(intent, profile, 'aiccs')
  if (isRefusal(p)) return p
  const agentId = intent.agentId.trim() || p.defaultAgentId
  if (agentId === '') return refuse(['agentId'], 'Choose an agent: this profile has no default agent.')
  const virtualNumber = intent.virtualNumber.trim() || p.defaultVirtualNumber
  if (virtualNumber === '') {
    return refuse(['virtualNumber'], 'Choose a virtual number: this profile has no default one.')
  }
  const params = {
    TaskName: intent.taskName,
    AgentId: agentId,
    VirtualNumber: virtualNumber,
    ...(intent.start.kind === 'at'
      ? { StartType: 'SCHEDULE', TaskStartTime: Date.parse(intent.start.at) }
      : { StartType: 'IMMEDIATE' }),
    CallTime: intent.callTimes,
    CallDay: intent.callDays,
    ...(intent.retryTimes !== undefined && { MissCallRetry: intent.retryTimes > 0, CallRetryTimes: intent.retryTimes }),
    ...(intent.retryIntervalMinutes !== undefined && { CallRetryInterval: intent.retryIntervalMinutes }),
    ...(intent.retryReasons !== undefined && { CallRetryReason: intent.retryReasons }),
    ...(intent.concurrency !== undefined && { TaskCps: intent.concurrency }),
  }
  const checked = validate(aiccsCreateAiCallTaskSchema(now), params, {
    TaskName: ['taskName'],
    AgentId: ['agentId'],
    VirtualNumber: ['virtualNumber'],
    TaskStartTime: ['start', 'at'],
    CallTime: ['callTimes'],
    CallDay: ['callDays'],
    CallRetryTimes: ['retryTimes'],
    CallRetryInterval: ['retryIntervalMinutes'],
    CallRetryReason: ['retryReasons'],
    TaskCps: ['concurrency'],
  })
  return isRefusal(checked) ? checked : { provider: 'aiccs', params: checked.ok }
}
