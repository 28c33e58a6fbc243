import { z } from 'zod'
import { Label, OptionalText, ProfileId, RequiredText, ServiceUrl } from './providers'

// Limits come from each provider's documentation (see the project notes on providers); where the
// documentation is silent, the limit is a generous sanity cap.

// ——— Webex Contact Center ———
export const WebexDataCenter = z.enum(['us1', 'eu1', 'eu2', 'anz1', 'ca1', 'jp1', 'sg1'])
export type WebexDataCenter = z.infer<typeof WebexDataCenter>

export const WebexEntryPoint = z
  .object({
    /** `entryPointId` on the wire: at most 36 characters. */
    id: RequiredText(36, 'entry point id'),
    label: Label,
    direction: z.enum(['outbound', 'inbound']),
  })
  .strict()

export const WebexOutdialAni = z
  .object({
    /** `origin` on the wire: at most 36 characters, must match an ANI in the agent's profile. */
    number: RequiredText(36, 'outdial ANI'),
    label: Label,
  })
  .strict()

export const WebexEndpoint = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('data_center'), dataCenter: WebexDataCenter }).strict(),
  z.object({ kind: z.literal('custom'), baseUrl: ServiceUrl }).strict(),
])

export const WebexProfile = z
  .object({
    id: ProfileId,
    provider: z.literal('webex'),
    label: Label,
    endpoint: WebexEndpoint,
    /** Needed for the scheduled-callback endpoint (`/v1/callbacks/organization/{orgId}/…`). */
    orgId: OptionalText(64),
    /** Which secret this profile expects: a pasted access token, or OAuth client + refresh token. */
    authMethod: z.enum(['access_token', 'oauth']),
    entryPoints: z.array(WebexEntryPoint).max(50, { error: 'At most 50 entry points.' }),
    outdialAnis: z.array(WebexOutdialAni).max(50, { error: 'At most 50 outdial ANIs.' }),
    scheduledCallbackQueueId: OptionalText(64),
  })
  .strict()

// ——— eGain ———
export const EgainAcceptLanguage = z.enum([
  'en-US',
  'es-ES',
  'fr-FR',
  'it-IT',
  'de-DE',
  'nl-NL',
  'pt-BR',
  'pt-PT',
  'da-DK',
  'ru-RU',
  'fr-CA',
  'zh-CN',
  'ja-JP',
  'ko-KR',
  'sv-SE',
])

const egainFields = z
  .object({
    id: ProfileId,
    provider: z.literal('egain'),
    label: Label,
    /** The client application's "Domain URL", e.g. https://api.ai.egain.cloud */
    apiBaseUrl: ServiceUrl,
    /** The client application's "Access Token URL". */
    tokenUrl: ServiceUrl,
    clientId: RequiredText(200, 'client id'),
    grantType: z.enum(['client_credentials', 'password']),
    /** The agent's eGain login, for the password (on-behalf-of-user) grant. */
    username: OptionalText(200),
    scope: OptionalText(1000),
    acceptLanguage: EgainAcceptLanguage,
    defaultDepartment: OptionalText(255),
    taskSubtypes: z.array(RequiredText(100, 'task subtype')).max(100, { error: 'At most 100 subtypes.' }),
  })
  .strict()

const usernameForPasswordGrant = <S extends z.ZodType<{ grantType: string; username: string }>>(schema: S) =>
  schema.refine((p) => p.grantType !== 'password' || p.username.length > 0, {
    path: ['username'],
    message: 'The password grant needs the eGain user name.',
  })

export const EgainProfile = usernameForPasswordGrant(egainFields)

// ——— Amazon Connect ———
const ConnectTarget = (max: number, what: string) => z.object({ id: RequiredText(max, what), label: Label }).strict()

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
    contactFlows: z.array(ConnectTarget(500, 'contact flow id')).max(50),
    /** `TaskTemplateId`: 1–500 characters. */
    taskTemplates: z.array(ConnectTarget(500, 'task template id')).max(50),
    quickConnects: z.array(ConnectTarget(500, 'quick connect id')).max(50),
  })
  .strict()

// ——— Alibaba Cloud AICCS ———
export const AiccsProfile = z
  .object({
    id: ProfileId,
    provider: z.literal('aiccs'),
    label: Label,
    /** Same host for every region today, but kept configurable. */
    endpoint: z
      .string()
      .trim()
      .regex(/^[a-z0-9.-]+(:\d{1,5})?$/i, { error: 'Enter a host name such as aiccs.aliyuncs.com.' }),
    regionId: z
      .string()
      .trim()
      .regex(/^[a-z]{2}-[a-z]+(-\d+)?$/, { error: 'Enter a region id such as cn-shanghai or ap-southeast-1.' }),
    defaultAgentId: OptionalText(64),
    defaultVirtualNumber: OptionalText(32),
  })
  .strict()

// ——— Voice broadcast (ITNIO platform, published under several brands) ———
export const VoiceBroadcastProfile = z
  .object({
    id: ProfileId,
    provider: z.literal('voice_broadcast'),
    label: Label,
    /** The brand's API base, e.g. https://api.itniotech.com or https://api.laaffic.com/v3 */
    baseUrl: ServiceUrl,
    appId: RequiredText(64, 'voice app id'),
    /** `displayNum`: 0–20 digits. */
    defaultDisplayNum: z
      .string()
      .trim()
      .regex(/^\d{0,20}$/, { error: 'Digits only, at most 20.' }),
    /** `senderId`: at most 32 characters. */
    senderId: OptionalText(32),
    smsAppId: OptionalText(64),
    /** The tenant's API revision: a plain number list, or per-number records. */
    numberListShape: z.enum(['numberList', 'numberInfoList']),
  })
  .strict()

export const Profile = z.discriminatedUnion('provider', [
  WebexProfile,
  EgainProfile,
  ConnectProfile,
  AiccsProfile,
  VoiceBroadcastProfile,
])
export type Profile = z.infer<typeof Profile>
export type ProfileOf<P extends Profile['provider']> = Extract<Profile, { provider: P }>

/** What the editor sends: a new profile has no id yet; main assigns one. */
export const ProfileDraft = z.discriminatedUnion('provider', [
  WebexProfile.extend({ id: ProfileId.optional() }),
  usernameForPasswordGrant(egainFields.extend({ id: ProfileId.optional() })),
  ConnectProfile.extend({ id: ProfileId.optional() }),
  AiccsProfile.extend({ id: ProfileId.optional() }),
  VoiceBroadcastProfile.extend({ id: ProfileId.optional() }),
])
export type ProfileDraft = z.infer<typeof ProfileDraft>
