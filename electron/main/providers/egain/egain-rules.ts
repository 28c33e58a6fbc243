// The simulated eGain case manager's own rules for "Create task activity", written from the
// operation's page (seed 001) and providers.md §2 — deliberately NOT built on shared/providers/egain/wire.ts,
// so a wrong limit in our schema shows up as a disagreement instead of being copied.
//
// The page collapses its JSON sample, so where the body nests (customer contacts, payload content,
// attachments) follows the shape providers.md proposes ([I]); the rules themselves are the page's.

/** Every rule, by id, with the page's words. */
export const EGAIN_TASK_RULES = {
  'query.unsupported': 'only searchContactOnAttribute, createCustomer and activityContact ("400-101")',
  searchContactOnAttribute:
    'searchContactOnAttribute is required: email.emailAddress … social.instagramId, custom.<name>',
  createCustomer: 'createCustomer: "Value: yes"',
  activityContact: 'activityContact: enum without mobile.phone',
  acceptLanguage: 'Accept-Language: one of the 15 locales (default en-US)',
  accept: 'Accept: application/json or application/xml',
  'department.name': 'department.name is required',
  'type.value': 'type.value must be "task"',
  'type.subtype': 'type.subtype.value is required',
  subjectOrContent: 'subject or payload.task.content: at least one',
  'subject.max': 'subject <= 255 characters',
  priority: 'priority: enum "1" … "7"',
  'dueDate.format': 'dueDate: string <date-time>',
  'dueDate.future': 'dueDate: "Must be a future date"',
  customer: 'customer is required',
  'customer.attributes': 'customer must contain the attributes named by searchContactOnAttribute and activityContact',
  'customer.department': 'no department.name in the customer element',
  'customer.onePointEach': 'a new customer: not more than one contact point of each type',
  'assignee.required': 'status.assigned.user.* required when the actor is a client application',
  'assignee.onlyOne': 'only one of id, loginId, externalId, customAttributes names the target user',
  'attachments.altId': 'each attachment must have altId',
  'content.type': 'payload.task.content: types "text" and "html", one or both',
} as const
export type EgainTaskRule = keyof typeof EGAIN_TASK_RULES

export interface EgainBreach {
  rule: EgainTaskRule
  /** HTTP status: 406 for content negotiation, else 400. */
  status: 400 | 406
  /** eGain's `<http>-<n>` error code. */
  code: string
  message: string
}

export interface EgainTaskCall {
  actor: 'client' | 'user'
  /** The raw query string parameters, in order (repeats kept). */
  query: [string, string][]
  acceptLanguage: string | undefined
  accept: string | undefined
  body: unknown
}

const LANGUAGES = 'en-US es-ES fr-FR it-IT de-DE nl-NL pt-BR pt-PT da-DK ru-RU fr-CA zh-CN ja-JP ko-KR sv-SE'.split(' ')
const POINTS = [
  'email.emailAddress',
  'home.phone',
  'mobile.phone',
  'office.phone',
  'social.facebookId',
  'social.twitterId',
  'social.instagramId',
]
const ACTIVITY_CONTACTS = POINTS.filter((p) => p !== 'mobile.phone')
const QUERY = new Set(['searchContactOnAttribute', 'createCustomer', 'activityContact'])
/** RFC 3339 date-time: a time and an offset are both required. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const obj = (v: unknown): Obj => (isObj(v) ? v : {})
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const filled = (v: unknown) => typeof v === 'string' && v.trim() !== ''
const valueOf = (v: unknown) => obj(v)['value']

/** The contact points one contact carries, as `email.emailAddress`, `home.phone`, `social.twitterId`… */
function pointsOf(contact: Obj): string[] {
  const points: string[] = list(contact['email']).map(() => 'email.emailAddress')
  for (const phone of list(contact['phone'])) points.push(`${String(valueOf(obj(phone)['type']))}.phone`)
  for (const social of list(contact['social'])) points.push(`social.${String(valueOf(obj(social)['type']))}Id`)
  for (const a of list(obj(contact['customAttributes'])['customAttribute'])) {
    points.push(`custom.${String(obj(a)['attribName'])}`)
  }
  return points
}

/** Judge one call: query, headers and body, at `nowMs` on eGain's clock. Empty = accepted. */
export function checkEgainTask(call: EgainTaskCall, nowMs: number): EgainBreach[] {
  const out: EgainBreach[] = []
  const no = (rule: EgainTaskRule, message: string, code = '400-103', status: 400 | 406 = 400) =>
    out.push({ rule, status, code, message })

  const unsupported = call.query.map(([k]) => k).filter((k) => !QUERY.has(k))
  if (unsupported.length) {
    no('query.unsupported', `Unsupported query parameter(s) supplied: '${unsupported.join("', '")}'.`, '400-101')
  }
  const param = (name: string) => call.query.find(([k]) => k === name)?.[1]
  const search = param('searchContactOnAttribute')
  if (search === undefined)
    no('searchContactOnAttribute', 'Missing query parameter: searchContactOnAttribute.', '400-102')
  else if (!POINTS.includes(search) && !/^custom\.[^\s.]+$/.test(search)) {
    no(
      'searchContactOnAttribute',
      `Invalid value for query parameter searchContactOnAttribute: '${search}'.`,
      '400-102',
    )
  }
  const createCustomer = param('createCustomer')
  if (createCustomer !== undefined && createCustomer !== 'yes') {
    no('createCustomer', `Invalid value for query parameter createCustomer: '${createCustomer}'.`, '400-102')
  }
  const activityContact = param('activityContact')
  if (activityContact !== undefined && !ACTIVITY_CONTACTS.includes(activityContact)) {
    no('activityContact', `Invalid value for query parameter activityContact: '${activityContact}'.`, '400-102')
  }
  if (call.acceptLanguage !== undefined && !LANGUAGES.includes(call.acceptLanguage)) {
    no('acceptLanguage', `Unsupported Accept-Language: '${call.acceptLanguage}'.`, '406-101', 406)
  }
  if (call.accept !== undefined && !/application\/(json|xml)|\*\/\*/.test(call.accept)) {
    no('accept', `Unsupported Accept: '${call.accept}'.`, '406-102', 406)
  }

  if (!isObj(call.body)) {
    no('department.name', 'The request body is mandatory.')
    return out
  }
  const body = call.body
  if (!filled(obj(body['department'])['name'])) no('department.name', 'department.name is required.')
  const type = obj(body['type'])
  if (type['value'] !== 'task') no('type.value', 'type.value must be "task".')
  if (!filled(valueOf(type['subtype']))) no('type.subtype', 'type.subtype.value is required.')

  const content = obj(obj(body['payload'])['task'])['content']
  if (body['subject'] === undefined && content === undefined) {
    no('subjectOrContent', 'Provide at least one of subject or payload.task.content.')
  }
  if (typeof body['subject'] === 'string' && body['subject'].length > 255) {
    no('subject.max', 'subject exceeds 255 characters.')
  }
  if (content !== undefined) {
    const types = list(content).map((c) => obj(c)['type'])
    const ok =
      Array.isArray(content) && types.every((t) => t === 'text' || t === 'html') && new Set(types).size === types.length
    if (!ok) no('content.type', 'payload.task.content: one "text" and/or one "html" content only.')
  }

  const priority = body['priority']
  if (priority !== undefined && !(typeof priority === 'string' && /^[1-7]$/.test(priority))) {
    no('priority', 'priority must be one of "1" to "7".')
  }
  const due = body['dueDate']
  if (due !== undefined) {
    if (typeof due !== 'string' || !DATE_TIME.test(due) || Number.isNaN(Date.parse(due))) {
      no('dueDate.format', 'dueDate must be a date-time with a time zone.')
    } else if (Date.parse(due) <= nowMs) no('dueDate.future', 'dueDate must be a future date.')
  }

  if (!isObj(body['customer'])) no('customer', 'customer is required.')
  else {
    const customer = body['customer']
    if (customer['department'] !== undefined) no('customer.department', 'department is not allowed in customer.')
    const contacts = list(obj(customer['contacts'])['contact']).map(obj)
    const carried = new Set(contacts.flatMap(pointsOf))
    for (const [name, attribute] of [
      ['searchContactOnAttribute', search],
      ['activityContact', activityContact],
    ] as const) {
      if (attribute !== undefined && !carried.has(attribute)) {
        no('customer.attributes', `customer must contain ${attribute} (named by ${name}).`)
      }
    }
    if (createCustomer === 'yes') {
      const all = contacts.flatMap(pointsOf).filter((p) => POINTS.includes(p))
      const twice = all.find((p, i) => all.indexOf(p) !== i)
      if (twice) no('customer.onePointEach', `A new customer can have only one ${twice} contact point.`)
    }
  }

  const user = obj(obj(obj(body['status'])['assigned'])['user'])
  const named = ['id', 'loginId', 'externalId', 'customAttributes'].filter((k) => user[k] !== undefined)
  if (call.actor === 'client' && named.length === 0) {
    no('assignee.required', 'status.assigned.user is required when a client application creates the activity.')
  } else if (named.length > 1) {
    no('assignee.onlyOne', `Only one of status.assigned.user.${named.join(', ')} can be provided.`)
  }

  const attachments = body['attachments']
  if (attachments !== undefined && list(obj(attachments)['attachment']).some((a) => !filled(obj(a)['altId']))) {
    no('attachments.altId', 'Each attachment must have altId.')
  }
  return out
}
