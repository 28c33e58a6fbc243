import { z } from 'zod'
import { Label, ProfileId, RequiredText } from '../../schemas/fields'

// An Amazon Connect profile: the instance and region, and the flows, templates and quick connects
// its tasks may run through (providers.md §3).

/**
 * An endpoint of the profile's own (a VPC interface endpoint, say): https only, a host and nothing
 * after it but `/`, no credentials. Empty: the SDK's regional endpoint (FIPS or dual-stack if chosen).
 */
export const ConnectEndpointUrl = z
  .string()
  .trim()
  .max(500, { error: 'At most 500 characters.' })
  .superRefine((value, ctx) => {
    if (value === '') return
    let url: URL
    try {
      url = new URL(value)
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'Enter a full URL, such as https://vpce-0123.connect.us-east-1.vpce.amazonaws.com.',
      })
      return
    }
    if (url.protocol !== 'https:') ctx.addIssue({ code: 'custom', message: 'Use an https:// address.' })
    else if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
      ctx.addIssue({ code: 'custom', message: 'Give the endpoint’s address alone: https:// and its host name.' })
    }
  })

const ConnectTarget = (max: number, what: string) => z.object({ id: RequiredText(max, what), label: Label }).strict()

/** How many flows, templates and quick connects a profile lists, each (the editor's row lists too). */
export const CONNECT_TARGETS_MAX = 50

const connectFields = z
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
    /**
     * Where Callboard's signed requests go. The profile alone decides: the environment's and the
     * shared AWS files' endpoint settings (AWS_ENDPOINT_URL_CONNECT, AWS_ENDPOINT_URL,
     * `endpoint_url`) are ignored. Profiles saved before these settings existed read as the
     * regional endpoint.
     */
    endpointUrl: ConnectEndpointUrl.default(''),
    /** The region's FIPS endpoint (connect-fips.<region>.amazonaws.com). */
    fips: z.boolean().default(false),
    /** The region's dual-stack (IPv4 and IPv6) endpoint. */
    dualStack: z.boolean().default(false),
  })
  .strict()

/** A custom endpoint is the whole address: FIPS and dual-stack choose among the region's own. */
const regionalChoicesOnlyWithoutEndpoint = <
  S extends z.ZodType<{ endpointUrl: string; fips: boolean; dualStack: boolean }>,
>(
  schema: S,
) =>
  schema.refine((p) => p.endpointUrl === '' || (!p.fips && !p.dualStack), {
    path: ['endpointUrl'],
    message:
      'FIPS and dual-stack choose among the region’s own endpoints; with an endpoint of your own, turn them off.',
  })

export const ConnectProfile = regionalChoicesOnlyWithoutEndpoint(connectFields)
export type ConnectProfile = z.infer<typeof ConnectProfile>

/** What the editor sends: a new profile has no id yet; main assigns one. */
export const ConnectProfileDraft = regionalChoicesOnlyWithoutEndpoint(
  connectFields.extend({ id: ProfileId.optional() }),
)
export type ConnectProfileDraft = z.infer<typeof ConnectProfileDraft>
