import type { ConnectFlowTarget, FollowUpIntent } from '@shared/schemas/intents'
import type { ProfileOf } from '@shared/schemas/profiles'
import { firstConnectTarget } from '@shared/providers/connect/form'
import type { ConnectReferences } from '@shared/providers/connect/wire'
import type { z } from 'zod'

// The follow-up form holds the fields of both providers at once (switching profile back and forth
// keeps what was typed); the intent sent is built from the chosen profile's provider only, with
// the optional fields that were left empty left out.

export type FollowUpProfile = ProfileOf<'egain'> | ProfileOf<'connect'>

/** The lookup attributes eGain names, plus `custom` (then `lookupCustom` holds the attribute's name). */
export const LOOKUP_ATTRIBUTES = [
  'email.emailAddress',
  'mobile.phone',
  'home.phone',
  'office.phone',
  'social.facebookId',
  'social.twitterId',
  'social.instagramId',
  'custom',
] as const

export const ASSIGNEE_BY = ['loginId', 'id', 'externalId'] as const

export const PRIORITIES = ['1', '2', '3', '4', '5', '6', '7'] as const

export interface FollowUpValues {
  kind: 'followUp'
  profileId: string
  // eGain
  department: string
  subtype: string
  subject: string
  content: string
  /** '' or an ISO date and time with its offset. */
  dueDate: string
  /** '' (not set) or '1'…'7'. */
  priority: string
  lookup: { attribute: string; value: string }
  lookupCustom: string
  createCustomer: boolean
  assignee: { by: string; value: string }
  // Amazon Connect
  name: string
  description: string
  target: { kind: ConnectFlowTarget['kind']; id: string }
  references: z.input<typeof ConnectReferences> | undefined
  previousContactId: string
}

/** Fresh values, with the defaults each profile brings (department, subtype, target). */
export function initialFollowUpValues(
  profiles: readonly FollowUpProfile[],
  profileId = profiles[0]?.id ?? '',
): FollowUpValues {
  const profile = profiles.find((p) => p.id === profileId)
  const egain = profile?.provider === 'egain' ? profile : profiles.find((p) => p.provider === 'egain')
  const connect = profile?.provider === 'connect' ? profile : profiles.find((p) => p.provider === 'connect')
  return {
    kind: 'followUp',
    profileId,
    department: egain?.provider === 'egain' ? egain.defaultDepartment : '',
    subtype: egain?.provider === 'egain' ? (egain.taskSubtypes[0] ?? '') : '',
    subject: '',
    content: '',
    dueDate: '',
    priority: '',
    lookup: { attribute: 'email.emailAddress', value: '' },
    lookupCustom: '',
    createCustomer: true,
    assignee: { by: 'loginId', value: '' },
    name: '',
    description: '',
    target: firstConnectTarget(connect?.provider === 'connect' ? connect : undefined),
    references: undefined,
    previousContactId: '',
  }
}

const blank = (value: string | undefined) => value === undefined || value.trim() === ''
const given = (value: string | undefined) => (blank(value) ? undefined : value)

/**
 * The intent the form stands for: only the chosen provider's fields, empty optional ones left out.
 * Unknown input (not the form's values) is passed on as it is, for the schema to refuse.
 */
export function toFollowUpIntent(input: unknown, profiles: readonly FollowUpProfile[]): unknown {
  if (typeof input !== 'object' || input === null) return input
  const v = input as Partial<FollowUpValues>
  const profile = profiles.find((p) => p.id === v.profileId)
  const base = { kind: 'followUp' as const, profileId: v.profileId ?? '' }
  if (profile?.provider === 'connect') {
    return {
      ...base,
      provider: 'connect',
      name: v.name ?? '',
      ...(!blank(v.description) && { description: v.description }),
      target: v.target ?? { kind: 'contactFlow', id: '' },
      ...(v.references !== undefined && { references: v.references }),
      ...(!blank(v.previousContactId) && { previousContactId: v.previousContactId?.trim() }),
    }
  }
  const attribute = v.lookup?.attribute === 'custom' ? `custom.${(v.lookupCustom ?? '').trim()}` : v.lookup?.attribute
  return {
    ...base,
    provider: 'egain',
    department: v.department ?? '',
    subtype: v.subtype ?? '',
    ...(!blank(v.subject) && { subject: v.subject }),
    ...(!blank(v.content) && { content: v.content }),
    ...(!blank(v.dueDate) && { dueDate: v.dueDate }),
    ...(!blank(v.priority) && { priority: v.priority }),
    lookup: { attribute: attribute ?? '', value: v.lookup?.value ?? '' },
    createCustomer: v.createCustomer ?? false,
    ...(!blank(v.assignee?.value) && { assignee: { by: v.assignee?.by, value: given(v.assignee?.value) } }),
  }
}

/** What the form keeps for the next task once one is queued: the profile and its choices. */
export function keptAfterQueued(intent: FollowUpIntent, profiles: readonly FollowUpProfile[]): FollowUpValues {
  const next = initialFollowUpValues(profiles, intent.profileId)
  if (intent.provider === 'connect') return { ...next, target: intent.target }
  const custom = intent.lookup.attribute.startsWith('custom.')
  return {
    ...next,
    department: intent.department,
    subtype: intent.subtype,
    lookup: { attribute: custom ? 'custom' : intent.lookup.attribute, value: '' },
    lookupCustom: custom ? intent.lookup.attribute.slice('custom.'.length) : '',
    createCustomer: intent.createCustomer,
    assignee: { by: intent.assignee?.by ?? 'loginId', value: intent.assignee?.value ?? '' },
  }
}
