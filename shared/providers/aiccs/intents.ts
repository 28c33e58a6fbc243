import { z } from 'zod'
import { ProfileId } from '../../schemas/fields'
import { IsoInstant } from '../../schemas/intent-fields'
import { AICCS_TASK_FIELDS, AiccsCallDay, AiccsCallRetryReason, AiccsCallTime } from './wire'

// What an agent asks Alibaba Cloud AICCS for: an AI agent calling a list, now or from a time.

export const AiccsStart = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('now') }).strict(),
  z.object({ kind: z.literal('at'), at: IsoInstant }).strict(),
])

export const AiccsBroadcastIntent = z
  .object({
    kind: z.literal('broadcast'),
    provider: z.literal('aiccs'),
    profileId: ProfileId,
    /**
     * The agent's label: the provider client sends it as the prefix of a TaskName made unique from
     * the task's idempotency key (task names are unique per account, so a resend is harmless).
     */
    taskName: AICCS_TASK_FIELDS.TaskName,
    /** Empty: the profile's default agent. */
    agentId: z
      .string()
      .trim()
      .max(AICCS_TASK_FIELDS.AgentId.maxLength ?? Infinity),
    /** Empty: the profile's default virtual number. */
    virtualNumber: z
      .string()
      .trim()
      .max(AICCS_TASK_FIELDS.VirtualNumber.maxLength ?? Infinity),
    callTimes: z.array(AiccsCallTime),
    callDays: z.array(AiccsCallDay),
    retryTimes: AICCS_TASK_FIELDS.CallRetryTimes,
    retryIntervalMinutes: AICCS_TASK_FIELDS.CallRetryInterval,
    retryReasons: z.array(AiccsCallRetryReason).optional(),
    concurrency: AICCS_TASK_FIELDS.TaskCps,
    start: AiccsStart,
  })
  .strict()
export type AiccsBroadcastIntent = z.infer<typeof AiccsBroadcastIntent>
