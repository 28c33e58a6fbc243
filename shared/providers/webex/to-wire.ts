import type { PathMap } from '../to-wire-kit'
import { isRefusal, refuse, validate, validateAt } from '../to-wire-kit'
import type { IntentRefusal } from '../provider-module'
import type { OutdialIntent, WebexCallbackIntent, WebexIntent } from './intents'
import type { WebexProfile } from './profile'
import type { WebexCreateTaskRequest, WebexScheduleCallbackRequest } from './wire'
import {
  WEBEX_SCHEDULED_CALLBACK_LIMITS,
  wallClockParts,
  webexCallbackWindow,
  WebexCreateTaskRequest as WebexCreateTaskRequestSchema,
  WebexScheduleCallbackRequest as WebexScheduleCallbackRequestSchema,
} from './wire'
import { issueText } from '../../i18n/issue-message'

// An outdial or callback intent plus its Webex profile → the request the Webex client sends: a task
// (`POST /v1/tasks`) or a scheduled callback (`POST /v1/callbacks/organization/{orgId}/…`). Anything
// the profile does not provide (an entry point or ANI it does not configure, a scheduled callback
// without queue or org id) is refused at the intent's path.

/** What the Webex client sends: a task, or a scheduled callback into the profile's organization. */
export type WebexPayload =
  | { kind: 'task'; body: WebexCreateTaskRequest }
  | { kind: 'scheduled_callback'; orgId: string; body: WebexScheduleCallbackRequest }

export type WebexWire = { provider: 'webex'; payload: WebexPayload }

const wire = (payload: WebexPayload): WebexWire => ({ provider: 'webex', payload })

/** Each wire field the request's check can refuse, and the intent field it came from. */
const OUTDIAL_PATHS: PathMap = {
  destination: ['destination'],
  entryPointId: ['entryPointId'],
  origin: ['origin'],
  attributes: ['attributes'],
  customAttributes: ['customAttributes'],
}

/** Each wire field the request's check can refuse, and the intent field it came from. */
const CALLBACK_NOW_PATHS: PathMap = {
  destination: ['destination'],
  entryPointId: ['entryPointId'],
  'attributes.customerName': ['customerName'],
  'attributes.callbackReason': ['reason'],
  attributes: ['customerName'],
}

/** Each wire field the request's check can refuse, and the intent field it came from. */
const SCHEDULED_CALLBACK_PATHS: PathMap = {
  customerName: ['customerName'],
  callbackNumber: ['destination'],
  timezone: ['when', 'timeZone'],
  scheduleDate: ['when', 'at'],
  startTime: ['when', 'at'],
  endTime: ['windowMinutes'],
  callbackReason: ['reason'],
}

export function webexToWire(intent: WebexIntent, profile: WebexProfile, now: Date): WebexWire | IntentRefusal {
  return intent.kind === 'outdial' ? outdial(intent, profile) : callback(intent, profile, now)
}

function checkEntryPoint(p: WebexProfile, id: string): IntentRefusal | null {
  return p.entryPoints.some((e) => e.id === id)
    ? null
    : refuse(['entryPointId'], issueText('schema.webexToWire.entryPointNotConfigured'))
}

function outdial(intent: OutdialIntent, p: WebexProfile): WebexWire | IntentRefusal {
  const badEntryPoint = checkEntryPoint(p, intent.entryPointId)
  if (badEntryPoint) return badEntryPoint
  if (!p.outdialAnis.some((a) => a.number === intent.origin)) {
    return refuse(['origin'], issueText('schema.webexToWire.outdialAniNotConfigured'))
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
  const checked = validate(WebexCreateTaskRequestSchema, request, OUTDIAL_PATHS)
  return isRefusal(checked) ? checked : wire({ kind: 'task', body: checked.ok })
}

function callback(intent: WebexCallbackIntent, p: WebexProfile, now: Date): WebexWire | IntentRefusal {
  const reason = intent.reason.trim()

  if (intent.when.kind === 'now') {
    // Immediate: a CALLBACK task through an entry point; name and reason ride along as flow attributes.
    if (intent.entryPointId === undefined) {
      return refuse(['entryPointId'], issueText('schema.webexToWire.immediateWebexCallbackNeeds'))
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
    const checked = validate(WebexCreateTaskRequestSchema, request, CALLBACK_NOW_PATHS)
    return isRefusal(checked) ? checked : wire({ kind: 'task', body: checked.ok })
  }

  // Later: the scheduled-callback API, into the profile's queue, for a window starting at `at`.
  if (p.scheduledCallbackQueueId === '') {
    return refuse(['when'], issueText('schema.webexToWire.noScheduledCallbackQueue'))
  }
  const orgId = p.orgId.trim()
  if (orgId === '') {
    return refuse(['when'], issueText('schema.webexToWire.noOrganizationId'))
  }
  const start = Date.parse(intent.when.at)
  const minutes = intent.windowMinutes ?? WEBEX_SCHEDULED_CALLBACK_LIMITS.minDurationMinutes
  const from = wallClockParts(start, intent.when.timeZone)
  const later = wallClockParts(start + minutes * 60_000, intent.when.timeZone)
  // Webex takes the window as wall times. Where the clocks go back inside it (01:30 on a fall-back
  // night), the instant 30 minutes on reads 01:00, before the start: the window is then counted on
  // the wall clock (01:30–02:00), as the agent reads it.
  const to =
    later.date === from.date && later.time <= from.time
      ? wallClockParts(Date.parse(`${from.date}T${from.time}Z`) + minutes * 60_000, 'UTC')
      : later
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
  const checked = validateAt(
    WebexScheduleCallbackRequestSchema,
    webexCallbackWindow,
    now,
    body,
    SCHEDULED_CALLBACK_PATHS,
  )
  if (isRefusal(checked)) return checked
  if (to.date !== from.date) {
    return refuse(['windowMinutes'], issueText('schema.webexToWire.callbackWindowHasEnd'))
  }
  return wire({ kind: 'scheduled_callback', orgId, body: checked.ok })
}
