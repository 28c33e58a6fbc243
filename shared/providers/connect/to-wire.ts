import type { IntentRefusal } from '../provider-module'
import type { PathMap } from '../to-wire-kit'
import { isRefusal, refuse, validateAt } from '../to-wire-kit'
import type { ConnectCallbackIntent, ConnectFlowTarget, ConnectFollowUpIntent, ConnectIntent } from './intents'
import type { ConnectProfile } from './profile'
import type { ConnectStartTaskContactInput } from './wire'
import { connectScheduledTimeRule, ConnectStartTaskContactInput as ConnectStartTaskSchema } from './wire'
import { issueText } from '../../i18n/issue-message'

// A callback or follow-up intent plus its Connect profile → StartTaskContact's input. The target must
// be one the profile configures. ClientToken is left out: the client sets it to the task's
// idempotency key, the same on every attempt.

export type ConnectWire = { provider: 'connect'; payload: ConnectStartTaskContactInput }

const wire = (payload: ConnectStartTaskContactInput): ConnectWire => ({ provider: 'connect', payload })

export function connectToWire(intent: ConnectIntent, profile: ConnectProfile, now: Date): ConnectWire | IntentRefusal {
  return intent.kind === 'callback' ? callback(intent, profile, now) : followUp(intent, profile, now)
}

const FLOW_FIELD = {
  contactFlow: 'ContactFlowId',
  quickConnect: 'QuickConnectId',
  taskTemplate: 'TaskTemplateId',
} as const

function flowTarget(p: ConnectProfile, target: ConnectFlowTarget): Record<string, string> | IntentRefusal {
  const configured =
    target.kind === 'contactFlow' ? p.contactFlows : target.kind === 'quickConnect' ? p.quickConnects : p.taskTemplates
  if (!configured.some((t) => t.id === target.id)) {
    return refuse(['target', 'id'], issueText(`schema.templates.${target.kind}NotConfigured`))
  }
  return { [FLOW_FIELD[target.kind]]: target.id }
}

const targetPaths: PathMap = {
  ContactFlowId: ['target', 'id'],
  QuickConnectId: ['target', 'id'],
  TaskTemplateId: ['target', 'id'],
}

/** Each wire field the request's check can refuse, and the intent field it came from. */
const CALLBACK_PATHS: PathMap = {
  ...targetPaths,
  Name: ['customerName'],
  Description: ['reason'],
  References: ['destination'],
  ScheduledTime: ['when', 'at'],
}

/** Each wire field the request's check can refuse, and the intent field it came from. */
const FOLLOW_UP_PATHS: PathMap = {
  ...targetPaths,
  Name: ['name'],
  Description: ['description'],
  References: ['references'],
  PreviousContactId: ['previousContactId'],
  ScheduledTime: ['scheduledTime'],
}

function callback(intent: ConnectCallbackIntent, p: ConnectProfile, now: Date): ConnectWire | IntentRefusal {
  const target = flowTarget(p, intent.target)
  if (isRefusal(target)) return target
  const reason = intent.reason.trim()
  const input = {
    InstanceId: p.instanceId,
    Name: `Callback: ${intent.customerName}`,
    ...(reason && { Description: reason }),
    ...target,
    References: { 'Callback number': { Type: 'STRING', Value: intent.destination } },
    ...(intent.when.kind === 'at' && { ScheduledTime: new Date(intent.when.at) }),
  }
  const checked = validateAt(ConnectStartTaskSchema, connectScheduledTimeRule, now, input, CALLBACK_PATHS)
  return isRefusal(checked) ? checked : wire(checked.ok)
}

function followUp(intent: ConnectFollowUpIntent, p: ConnectProfile, now: Date): ConnectWire | IntentRefusal {
  const target = flowTarget(p, intent.target)
  if (isRefusal(target)) return target
  const input = {
    InstanceId: p.instanceId,
    Name: intent.name,
    ...(intent.description !== undefined && { Description: intent.description }),
    ...target,
    ...(intent.references && { References: intent.references }),
    ...(intent.previousContactId !== undefined && { PreviousContactId: intent.previousContactId }),
    ...(intent.scheduledTime !== undefined && { ScheduledTime: new Date(intent.scheduledTime) }),
  }
  const checked = validateAt(ConnectStartTaskSchema, connectScheduledTimeRule, now, input, FOLLOW_UP_PATHS)
  return isRefusal(checked) ? checked : wire(checked.ok)
}
