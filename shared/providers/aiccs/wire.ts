import { z } from 'zod'
import { atTime, type TimeRule } from '../to-wire-kit'
import { maxChars } from '../../text'
import { issueText, noun, type SchemaNoun } from '../../i18n/issue-message'

// Alibaba Cloud AICCS 2019-10-15, RPC action `CreateAiCallTask` (POST /, parameters in the query).
// Rules come from the AICCS seed (the English API page) unless a comment says otherwise.

/** Not documented for this action. 128 characters is our sanity cap (the older `CreateTask` allows 0–30). */
export const AICCS_TASK_NAME_MAX = 128

/**
 * [C] The Create pages say 720 minutes (the English seed; the Chinese Create page as we read it too, though
 * the provider notes report it as 120); the Update pages, English and Chinese, say 120. We validate the
 * stricter 120 so the value is accepted whichever limit the service enforces.
 */
export const CALL_RETRY_INTERVAL_MAX_MINUTES = 120

export const AiccsStartType = z.enum(['IMMEDIATE', 'SCHEDULE'], {
  error: issueText('schema.aiccsWire.startTypeImmediateSchedule'),
})

export const AiccsCallDay = z.enum(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'], {
  error: issueText('schema.aiccsWire.callDayMondayTuesday'),
})
export type AiccsCallDay = z.infer<typeof AiccsCallDay>

export const AiccsCallRetryReason = z.enum(
  ['CALL_REJECTED', 'USER_BUSY', 'SUSPEND', 'INVALID_NUMBER', 'POWERED_OFF', 'NETWORK_BUSY', 'NO_ANSWER'],
  {
    error: issueText('schema.aiccsWire.retryReasonCallRejected'),
  },
)

const HH_MM_SS = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/
const ClockTime = z
  .string({ error: issueText('schema.aiccsWire.writeTimeHhMm') })
  .regex(HH_MM_SS, { error: issueText('schema.aiccsWire.writeTimeHhMm') })

/**
 * One callable window. On the wire each window is itself a JSON string (see `toAiccsQuery`). The window
 * must end after it starts (same day; the page describes no overnight windows); the order is compared only
 * when both times are well formed, so a bad format is reported once.
 */
export const AiccsCallTime = z
  .strictObject(
    { startTime: ClockTime, endTime: ClockTime },
    { error: issueText('schema.aiccsWire.callWindowStarttimeEndtime', { shape: '{ startTime, endTime }' }) },
  )
  .refine((w) => !HH_MM_SS.test(w.startTime) || !HH_MM_SS.test(w.endTime) || w.endTime > w.startTime, {
    path: ['endTime'],
    error: issueText('schema.aiccsWire.windowMustEndAfter'),
  })
export type AiccsCallTime = z.infer<typeof AiccsCallTime>

const Filled = (max: number, what: SchemaNoun) =>
  z
    .string({ error: issueText('schema.text.enter', { what: noun(what) }) })
    .check(...maxChars(max, issueText('schema.text.atMostCharsOf', { what: noun(what), max: max })))
    .regex(/\S/, { error: issueText('schema.text.enter', { what: noun(what) }) })

const Count = (min: number, max: number, what: SchemaNoun) =>
  z
    .number({ error: issueText('schema.text.wholeNumber', { what: noun(what) }) })
    .int({ error: issueText('schema.text.wholeNumber', { what: noun(what) }) })
    .min(min, { error: issueText('schema.text.atLeast', { what: noun(what), min: min }) })
    .max(max, { error: issueText('schema.text.atMost', { what: noun(what), max: max }) })

/**
 * Each `CreateAiCallTask` parameter on its own: the one statement of its limits, which the AI call
 * intent (shared/providers/aiccs/intents.ts) borrows field by field.
 */
export const AICCS_TASK_FIELDS = {
  /** Unique within the account. */
  TaskName: Filled(AICCS_TASK_NAME_MAX, 'taskName'),
  /** The id of a published agent. Format not documented (the examples are masked); the 64 cap is ours. */
  AgentId: Filled(64, 'agentId'),
  /** The service instance used for outbound calls; the 64 cap is ours. */
  VirtualNumber: Filled(64, 'virtualNumber'),
  StartType: AiccsStartType,
  /** Milliseconds since the epoch; required and used only when StartType is SCHEDULE. */
  TaskStartTime: z
    .number({ error: issueText('schema.aiccsWire.startTimeTimestampMilliseconds') })
    .int({ error: issueText('schema.aiccsWire.startTimeTimestampMilliseconds') }) // zod's int() is a safe integer
    .optional(),
  CallTime: z
    .array(AiccsCallTime, { error: issueText('schema.aiccsWire.giveCallWindowsList') })
    .min(1, { error: issueText('schema.aiccsWire.giveAtLeastWindow') })
    .max(48, { error: issueText('schema.text.atMostItems', { what: noun('callWindows'), max: 48 }) }), // the count is not documented: 48 is our cap
  CallDay: z
    .array(AiccsCallDay, { error: issueText('schema.aiccsWire.giveCallDaysList') })
    .min(1, { error: issueText('schema.aiccsWire.chooseAtLeastDay') })
    .max(7, { error: issueText('schema.aiccsWire.thereOnly7Days') })
    .refine((days) => new Set(days).size === days.length, { error: issueText('schema.aiccsWire.nameEachCallDay') }),
  MissCallRetry: z.boolean({ error: issueText('schema.aiccsWire.misscallretryTrueFalse') }).optional(),
  CallRetryReason: z
    .array(AiccsCallRetryReason, { error: issueText('schema.aiccsWire.giveRetryReasonsList') })
    .max(7, { error: issueText('schema.aiccsWire.thereOnly7Retry') })
    .optional(),
  /** Lower bounds are ours: retries and intervals cannot be negative, concurrency starts at 1. */
  CallRetryTimes: Count(0, 3, 'numberOfRetries').optional(),
  CallRetryInterval: Count(0, CALL_RETRY_INTERVAL_MAX_MINUTES, 'retryIntervalMinutes').optional(),
  TaskCps: Count(1, 500, 'taskConcurrency').optional(),
}

/** `CreateAiCallTask` parameters, time-independent rules only; the start time's is `aiccsStartTimeRule`. */
export const AiccsCreateAiCallTask = z
  .strictObject(AICCS_TASK_FIELDS, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? issueText('schema.templates.aiccsNoParameter', { fields: issue.keys.join(', ') })
        : issueText('schema.aiccsWire.giveCreateaicalltaskParameters'),
  })
  .superRefine((p, ctx) => {
    if (p.StartType === 'SCHEDULE') {
      if (p.TaskStartTime === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['TaskStartTime'],
          message: issueText('schema.aiccsWire.scheduledTaskNeedsIts'),
        })
      }
    } else if (p.TaskStartTime !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['TaskStartTime'],
        message: issueText('schema.aiccsWire.giveStartTimeOnly'),
      })
    }
  })

/** A scheduled start must be later than `nowMs`, the moment the request is built. */
export const aiccsStartTimeRule: TimeRule<AiccsCreateAiCallTask> = (p, nowMs) =>
  p.StartType === 'SCHEDULE' && p.TaskStartTime !== undefined && p.TaskStartTime <= nowMs
    ? [{ path: ['TaskStartTime'], message: issueText('schema.aiccsWire.startTimeMustFuture') }]
    : []

/** `CreateAiCallTask` parameters with the start time judged at `now`. */
export const aiccsCreateAiCallTaskSchema = (now: Date) => atTime(AiccsCreateAiCallTask, aiccsStartTimeRule, now)
export type AiccsCreateAiCallTask = z.infer<typeof AiccsCreateAiCallTask>

/**
 * The flat query the official SDK sends for these parameters: array parameters in its "json" style
 * (`JSON.stringify` of the array), where every `CallTime` item is already a JSON string
 * `{"startTime":"…","endTime":"…"}` (the SDK models it as `string[]`), so `CallTime` ends up a JSON array
 * of JSON strings. Scalars are stringified as the SDK's query flattening does (`String(value)`); absent
 * optional parameters are left out.
 */
export const toAiccsQuery = (params: AiccsCreateAiCallTask): Record<string, string> => {
  const query: Record<string, string> = {
    TaskName: params.TaskName,
    AgentId: params.AgentId,
    VirtualNumber: params.VirtualNumber,
    StartType: params.StartType,
    CallTime: JSON.stringify(
      params.CallTime.map((w) => JSON.stringify({ startTime: w.startTime, endTime: w.endTime })),
    ),
    CallDay: JSON.stringify(params.CallDay),
  }
  if (params.TaskStartTime !== undefined) query.TaskStartTime = String(params.TaskStartTime)
  if (params.MissCallRetry !== undefined) query.MissCallRetry = String(params.MissCallRetry)
  if (params.CallRetryReason !== undefined) query.CallRetryReason = JSON.stringify(params.CallRetryReason)
  if (params.CallRetryTimes !== undefined) query.CallRetryTimes = String(params.CallRetryTimes)
  if (params.CallRetryInterval !== undefined) query.CallRetryInterval = String(params.CallRetryInterval)
  if (params.TaskCps !== undefined) query.TaskCps = String(params.TaskCps)
  return query
}
