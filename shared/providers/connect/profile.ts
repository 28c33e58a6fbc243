import { z } from 'zod'
import { Label, ProfileId, RequiredText } from '../../schemas/fields'

// An Amazon Connect profile: the instance and region, and the flows, templates and quick connects
// its tasks may run through (providers.md §3).

const ConnectTarget = (max: number, what: string) => z.object({ id: RequiredText(max, what), label: Label }).strict()

/** How many flows, templates and quick connects a profile lists, each (the editor's row lists too). */
export const CONNECT_TARGETS_MAX = 50

export const ConnectProfile = z
  .object({
    id: ProfileId,
    provider: z.literal('connect'),
    label: Label,
    region: z
      .string()
      .trim()
      .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d{1,2}$/, { error: 'Enter an AWS region such as us-east-1 or eu-west-2.' }),
    /** `InstanceId`: 1–100 characters. */
    instanceId: RequiredText(100, 'instance id'),
    /** `ContactFlowId`: at most 500 characters. */
    contactFlows: z.array(ConnectTarget(500, 'contact flow id')).max(CONNECT_TARGETS_MAX),
    /** `TaskTemplateId`: 1–500 characters. */
    taskTemplates: z.array(ConnectTarget(500, 'task template id')).max(CONNECT_TARGETS_MAX),
    quickConnects: z.array(ConnectTarget(500, 'quick connect id')).max(CONNECT_TARGETS_MAX),
  })
  .strict()
export type ConnectProfile = z.infer<typeof ConnectProfile>

/** What the editor sends: a new profile has no id yet; main assigns one. */
export const ConnectProfileDraft = ConnectProfile.extend({ id: ProfileId.optional() })
export type ConnectProfileDraft = z.infer<typeof ConnectProfileDraft>
