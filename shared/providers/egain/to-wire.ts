import type { IntentRefusal, WirePath } from '../provider-module'
import { refuse } from '../to-wire-kit'
import type { EgainFollowUpIntent } from './intents'
import type { EgainProfile } from './profile'
import { EgainCreateTaskActivity, egainRequestDueDateRule } from './wire'
import { issueText } from '../../i18n/issue-message'

// A follow-up intent plus its eGain profile → "Create task activity": query, body, and who calls
// (the profile's grant decides: client credentials act as an application, which must name the
// assignee). A department or subtype the profile cannot supply is refused at the intent's path.

export type EgainWire = { provider: 'egain'; payload: EgainCreateTaskActivity }

/** The customer's single contact, holding the value the lookup attribute names. */
function lookupContact(attribute: string, value: string) {
  switch (attribute) {
    case 'email.emailAddress':
      return { email: [{ emailAddress: value }] }
    case 'home.phone':
    case 'mobile.phone':
    case 'office.phone':
      return { phone: [{ type: { value: attribute.slice(0, attribute.indexOf('.')) }, phoneNo: value }] }
    case 'social.facebookId':
    case 'social.twitterId':
    case 'social.instagramId':
      return { social: [{ type: { value: attribute.slice('social.'.length, -'Id'.length) }, socialId: value }] }
    default:
      return {
        customAttributes: {
          customAttribute: [
            { attribName: attribute.slice('custom.'.length), attribValues: { attribValue: [{ value }] } },
          ],
        },
      }
  }
}

const bodyPaths: Record<string, WirePath> = {
  subject: ['subject'],
  priority: ['priority'],
  dueDate: ['dueDate'],
  customer: ['lookup', 'value'],
  payload: ['content'],
  status: ['assignee'],
}

export function egainToWire(intent: EgainFollowUpIntent, p: EgainProfile, now: Date): EgainWire | IntentRefusal {
  const department = intent.department.trim() || p.defaultDepartment
  if (department === '') {
    return refuse(['department'], issueText('schema.egainToWire.chooseDepartmentProfileHas'))
  }
  if (p.taskSubtypes.length > 0 && !p.taskSubtypes.includes(intent.subtype)) {
    return refuse(['subtype'], issueText('schema.egainToWire.taskSubtypeNotConfigured'))
  }
  const content = intent.content?.trim()
  const request = {
    // On behalf of a user, or signed in as the agent: the token acts as a user.
    actor: p.grantType === 'client_credentials' ? 'client' : 'user',
    acceptLanguage: p.acceptLanguage,
    query: {
      searchContactOnAttribute: intent.lookup.attribute,
      ...(intent.createCustomer && { createCustomer: 'yes' }),
    },
    body: {
      department: { name: department },
      type: { value: 'task', subtype: { value: intent.subtype } },
      ...(intent.subject !== undefined && { subject: intent.subject }),
      ...(intent.priority !== undefined && { priority: intent.priority }),
      ...(intent.dueDate !== undefined && { dueDate: intent.dueDate }),
      customer: { contacts: { contact: [lookupContact(intent.lookup.attribute, intent.lookup.value)] } },
      ...(content && { payload: { task: { content: [{ type: 'text', value: content }] } } }),
      ...(intent.assignee && { status: { assigned: { user: { [intent.assignee.by]: intent.assignee.value } } } }),
    },
  }
  const result = EgainCreateTaskActivity.safeParse(request)
  const issue = result.success ? egainRequestDueDateRule(result.data, now.getTime())[0] : result.error.issues[0]
  if (result.success && issue === undefined) return { provider: 'egain', payload: result.data }
  const [head, field] = issue?.path ?? []
  const mapped =
    head === 'body' && typeof field === 'string'
      ? bodyPaths[field]
      : head === 'query'
        ? ['lookup', 'attribute']
        : undefined
  return refuse(
    mapped ?? ['wire', ...(issue?.path ?? []).map(String)],
    issue?.message ?? issueText('schema.common.requestWasRefused'),
  )
}
