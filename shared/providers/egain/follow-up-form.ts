import type { FollowUpFormFields, FormFields } from '../provider-module'
import type { EgainFollowUpIntent } from './intents'
import type { EgainProfile } from './profile'

// eGain's own fields in the follow-up form: the department and subtype of the task activity, its
// subject, content, due date and priority, the attribute the customer is found by (and whether a
// customer not found is created), and who it is assigned to.

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

const CUSTOM = 'custom.'

/** eGain's fields as the form holds them. */
export interface EgainFollowUpValues {
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
}

const blank = (value: string | undefined) => value === undefined || value.trim() === ''

export const egainFollowUpForm: FollowUpFormFields<EgainProfile, EgainFollowUpIntent> = {
  defaults: (profile) =>
    ({
      department: profile?.defaultDepartment ?? '',
      subtype: profile?.taskSubtypes[0] ?? '',
      subject: '',
      content: '',
      dueDate: '',
      priority: '',
      lookup: { attribute: 'email.emailAddress', value: '' },
      lookupCustom: '',
      createCustomer: true,
      assignee: { by: 'loginId', value: '' },
    }) satisfies EgainFollowUpValues,
  intent: (values) => {
    const v: Partial<EgainFollowUpValues> = values
    const attribute =
      v.lookup?.attribute === 'custom' ? `${CUSTOM}${(v.lookupCustom ?? '').trim()}` : v.lookup?.attribute
    return {
      department: v.department ?? '',
      subtype: v.subtype ?? '',
      ...(!blank(v.subject) && { subject: v.subject }),
      ...(!blank(v.content) && { content: v.content }),
      ...(!blank(v.dueDate) && { dueDate: v.dueDate }),
      ...(!blank(v.priority) && { priority: v.priority }),
      lookup: { attribute: attribute ?? '', value: v.lookup?.value ?? '' },
      createCustomer: v.createCustomer ?? false,
      ...(!blank(v.assignee?.value) && { assignee: { by: v.assignee?.by, value: v.assignee?.value } }),
    }
  },
  // The choices stay, the customer and the texts go: the next follow-up is most often for another
  // customer, through the same department.
  kept: (from) => {
    const v: Partial<EgainFollowUpValues> = from as FormFields
    const attribute = v.lookup?.attribute ?? ''
    const custom = attribute.startsWith(CUSTOM)
    return {
      department: v.department,
      subtype: v.subtype,
      lookup: { attribute: custom ? 'custom' : attribute, value: '' },
      lookupCustom: custom ? attribute.slice(CUSTOM.length) : '',
      createCustomer: v.createCustomer,
      assignee: { by: v.assignee?.by ?? 'loginId', value: v.assignee?.value ?? '' },
    }
  },
  // A department typed by the agent stays; one that was the previous profile's default follows the profile.
  fit: (values, profile, previous) => {
    const v: Partial<EgainFollowUpValues> = values
    const department = v.department ?? ''
    const subtype = v.subtype ?? ''
    return {
      ...((department.trim() === '' || department === (previous?.defaultDepartment ?? '')) && {
        department: profile.defaultDepartment,
      }),
      ...(profile.taskSubtypes.length > 0 &&
        !profile.taskSubtypes.includes(subtype) && { subtype: profile.taskSubtypes[0] }),
    }
  },
  quickEntry: {
    needsContact: true,
    // The customer is found by the email or number given; a name beside one goes into the content.
    read: ({ subject, customer, email, number, due, assignee }) => {
      const contact = email ?? number
      const content = customer && contact ? customer : ''
      return {
        values: {
          subject,
          content,
          dueDate: due,
          lookup: { attribute: number && !email ? 'mobile.phone' : 'email.emailAddress', value: contact ?? '' },
          ...(assignee && { assignee: { by: 'loginId', value: assignee } }),
        },
        problems: !contact && customer ? [{ path: 'lookup.value', message: 'contact' }] : [],
      }
    },
  },
}
