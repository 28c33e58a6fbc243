import { z } from 'zod'
import { Label, ProfileId, RequiredText } from '../../schemas/fields'
import { issueText, type SchemaNoun } from '../../i18n/issue-message'

// An Amazon Connect profile: the instance and region, and the flows, templates and quick connects
// its tasks may run through (providers.md §3).

/**
 * An endpoint of the profile's own (a VPC interface endpoint, say): https only, a host and nothing
 * after it but `/`, no credentials. Empty: the SDK's regional endpoint (FIPS or dual-stack if chosen).
 */
export const ConnectEndpointUrl = z
  .string()
  .trim()
  .max(500, { error: issueText('schema.text.atMostChars', { max: 500 }) })
  .superRefine((value, ctx) => {
    if (value === '') return
    let url: URL
    try {
      url = new URL(value)
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: issueText('schema.connectProfile.enterFullUrlHttps'),
      })
      return
    }
    if (url.protocol !== 'https:')
      ctx.addIssue({ code: 'custom', message: issueText('schema.connectProfile.useHttpsAddress') })
    else if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
      ctx.addIssue({ code: 'custom', message: issueText('schema.connectProfile.giveEndpointSAddress') })
    }
  })

/**
 * Where a profile's AWS credentials come from. `access_keys`: an access key pasted into the
 * keychain. `sso`: IAM Identity Center (the agent signs in in the browser; Callboard keeps the
 * tokens in the keychain and gets short-lived role credentials for the profile's account and role).
 * `aws_profile`: a named profile of this computer's AWS configuration (`~/.aws/config`, including
 * `sso-session` and `credential_process`), only when the Callboard profile names it.
 */
export const ConnectCredentialSource = z.enum(['access_keys', 'sso', 'aws_profile'])
export type ConnectCredentialSource = z.infer<typeof ConnectCredentialSource>

/** The Identity Center (SSO) start URL: the AWS access portal, https only. */
const SsoStartUrl = z
  .string()
  .trim()
  .max(500, { error: issueText('schema.text.atMostChars', { max: 500 }) })
  .refine(
    (value) => {
      if (value === '') return true
      try {
        const url = new URL(value)
        return url.protocol === 'https:' && !url.username && !url.password && !url.search && !url.hash
      } catch {
        return false
      }
    },
    { error: issueText('schema.connectProfile.enterAwsAccessPortal') },
  )

const AWS_REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d{1,2}$/

const ConnectTarget = (max: number, what: SchemaNoun) =>
  z.object({ id: RequiredText(max, what), label: Label }).strict()

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
      .regex(AWS_REGION, { error: issueText('schema.connectProfile.enterAwsRegionUs') }),
    /** `InstanceId`: 1–100 characters. */
    instanceId: RequiredText(100, 'instanceId'),
    /** `ContactFlowId`: at most 500 characters. */
    contactFlows: z.array(ConnectTarget(500, 'contactFlowId')).max(CONNECT_TARGETS_MAX),
    /** `TaskTemplateId`: 1–500 characters. */
    taskTemplates: z.array(ConnectTarget(500, 'taskTemplateId')).max(CONNECT_TARGETS_MAX),
    quickConnects: z.array(ConnectTarget(500, 'quickConnectId')).max(CONNECT_TARGETS_MAX),
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
    /** Profiles saved before the choice existed use access keys. */
    credentialSource: ConnectCredentialSource.default('access_keys'),
    /** `aws_profile`: the name of the profile in this computer's AWS configuration. */
    awsProfile: z
      .string()
      .trim()
      .max(128, { error: issueText('schema.text.atMostChars', { max: 128 }) })
      .regex(/^[A-Za-z0-9_.@+=,/-]*$/, {
        error: issueText('schema.connectProfile.awsProfileNameHas', { allowed: '_ . @ + = , / -' }),
      })
      .default(''),
    /** `sso`: the Identity Center's AWS access portal URL. */
    ssoStartUrl: SsoStartUrl.default(''),
    /** `sso`: the region the Identity Center instance lives in (not necessarily Connect's). */
    ssoRegion: z
      .string()
      .trim()
      .refine((value) => value === '' || AWS_REGION.test(value), {
        error: issueText('schema.connectProfile.enterAwsRegionUs2'),
      })
      .default(''),
    /** `sso`: the AWS account (12 digits) whose role Callboard takes; empty: the only one the agent has. */
    ssoAccountId: z
      .string()
      .trim()
      .regex(/^(\d{12})?$/, { error: issueText('schema.connectProfile.awsAccountId12') })
      .default(''),
    /** `sso`: the permission set (role) in that account; empty: the only one the agent has there. */
    ssoRoleName: z
      .string()
      .trim()
      .max(64, { error: issueText('schema.text.atMostChars', { max: 64 }) })
      .regex(/^[\w+=,.@-]*$/, {
        error: issueText('schema.connectProfile.roleNameHasLetters', { allowed: '_ + = , . @ -' }),
      })
      .default(''),
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
    message: issueText('schema.connectProfile.fipsDualStackChoose'),
  })

/** Each credential source needs its own settings. */
const sourceSettings = <
  S extends z.ZodType<{
    credentialSource: ConnectCredentialSource
    awsProfile: string
    ssoStartUrl: string
    ssoRegion: string
  }>,
>(
  schema: S,
) =>
  schema
    .refine((p) => p.credentialSource !== 'aws_profile' || p.awsProfile !== '', {
      path: ['awsProfile'],
      message: issueText('schema.connectProfile.nameProfileYourAws'),
    })
    .refine((p) => p.credentialSource !== 'sso' || p.ssoStartUrl !== '', {
      path: ['ssoStartUrl'],
      message: issueText('schema.connectProfile.enterYourAwsAccess'),
    })
    .refine((p) => p.credentialSource !== 'sso' || p.ssoRegion !== '', {
      path: ['ssoRegion'],
      message: issueText('schema.connectProfile.enterRegionYourIam'),
    })

export const ConnectProfile = sourceSettings(regionalChoicesOnlyWithoutEndpoint(connectFields))
export type ConnectProfile = z.infer<typeof ConnectProfile>

/** What the editor sends: a new profile has no id yet; main assigns one. */
export const ConnectProfileDraft = sourceSettings(
  regionalChoicesOnlyWithoutEndpoint(connectFields.extend({ id: ProfileId.optional() })),
)
export type ConnectProfileDraft = z.infer<typeof ConnectProfileDraft>
