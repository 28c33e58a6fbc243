import type { PathMap } from '../to-wire-kit'
import type { IntentRefusal } from '../provider-module'
import { isRefusal, refuse, validateAt } from '../to-wire-kit'
import type { AiccsBroadcastIntent } from './intents'
import type { AiccsProfile } from './profile'
import type { AiccsCreateAiCallTask } from './wire'
import { AiccsCreateAiCallTask as AiccsCreateAiCallTaskSchema, aiccsStartTimeRule } from './wire'
import { issueText } from '../../i18n/issue-message'

// An AI call intent plus its AICCS profile → CreateAiCallTask's parameters, with the profile's
// default agent and virtual number where the intent leaves them empty.

export type AiccsWire = { provider: 'aiccs'; payload: AiccsCreateAiCallTask }

/** Each wire field the request's check can refuse, and the intent field it came from. */
const TASK_PATHS: PathMap = {
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
}

export function aiccsToWire(intent: AiccsBroadcastIntent, p: AiccsProfile, now: Date): AiccsWire | IntentRefusal {
  const agentId = intent.agentId.trim() || p.defaultAgentId
  if (agentId === '') return refuse(['agentId'], issueText('schema.aiccsToWire.chooseAgentProfileHas'))
  const virtualNumber = intent.virtualNumber.trim() || p.defaultVirtualNumber
  if (virtualNumber === '') {
    return refuse(['virtualNumber'], issueText('schema.aiccsToWire.chooseVirtualNumberProfile'))
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
  const checked = validateAt(AiccsCreateAiCallTaskSchema, aiccsStartTimeRule, now, params, TASK_PATHS)
  return isRefusal(checked) ? checked : { provider: 'aiccs', payload: checked.ok }
}
