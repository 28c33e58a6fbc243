import type { EgainTaskRule } from '../../../electron/main/providers/egain/egain-rules'

// The eGain calls both the schema tests (egain.test.ts) and the simulator tests
// (tests/main/providers/egain-simulator-*.test.ts) run: the seed's sample, the notes' full example,
// and one table of refused calls with the documented rule each breaks. One table, two consumers.

/** The moment both sides judge the calls at (dueDate "must be a future date"). */
export const NOW = new Date('2026-06-01T00:00:00Z')

export type TaskCall = {
  actor: string
  acceptLanguage: string
  query: Record<string, unknown>
  body: Record<string, unknown> & { customer: { contacts: { contact: Record<string, unknown>[] } } }
}

/**
 * The seed's own sample: `POST /core/casemgr/v3/activity/task?searchContactOnAttribute=email.emailAddress`,
 * "create a task activity with required attributes without creating a customer or associating contact points",
 * body `{ department: {…}, type: {…}, subject: "Follow up with customer", customer: {…} }`.
 * Adapted: the seed collapses `department`, `type` and `customer`; they are filled in with the nesting the
 * provider notes propose (department "Service", subtype "General", one contact with an email address, which
 * searchContactOnAttribute=email.emailAddress requires). The sample names no assignee, so the caller is a
 * user (actor "user"); Accept-Language is the documented default, en-US.
 */
export const seedSample = (): TaskCall => ({
  actor: 'user',
  acceptLanguage: 'en-US',
  query: { searchContactOnAttribute: 'email.emailAddress' },
  body: {
    department: { name: 'Service' },
    type: { value: 'task', subtype: { value: 'General' } },
    subject: 'Follow up with customer',
    customer: { contacts: { contact: [{ firstName: 'Jane', email: [{ emailAddress: 'jane@example.com' }] }] } },
  },
})

/** The complete example in providers.md §2, sent by a client application that may create the customer. */
export const fullSample = (): TaskCall => ({
  actor: 'client',
  acceptLanguage: 'de-DE',
  query: {
    searchContactOnAttribute: 'email.emailAddress',
    createCustomer: 'yes',
    activityContact: 'email.emailAddress',
  },
  body: {
    department: { name: 'Service' },
    type: { value: 'task', subtype: { value: 'General' } },
    subject: 'Follow up with customer',
    priority: '3',
    dueDate: '2026-12-01T10:00:00.000Z',
    customer: { contacts: { contact: [{ firstName: 'Jane', email: [{ emailAddress: 'jane@example.com' }] }] } },
    payload: { task: { content: [{ type: 'text', value: 'Call back about invoice 42' }] } },
    status: { assigned: { user: { loginId: 'agent1' } } },
  },
})

export const withChange = (base: () => TaskCall, change: (r: TaskCall) => void) => {
  const r = base()
  change(r)
  return r
}
export const contact0 = (r: TaskCall) => r.body.customer.contacts.contact[0] as Record<string, unknown>

/** Calls at each documented limit and with every listed value: accepted by both. */
export const AT_THE_LIMITS: [name: string, build: () => TaskCall][] = [
  ['a 255-character subject', () => withChange(seedSample, (r) => (r.body.subject = 's'.repeat(255)))],
  ...['1', '2', '3', '4', '5', '6', '7'].map((p): [string, () => TaskCall] => [
    `priority ${p}`,
    () => withChange(seedSample, (r) => (r.body.priority = p)),
  ]),
  ...['en-US', 'es-ES', 'fr-FR', 'it-IT', 'de-DE', 'nl-NL', 'pt-BR', 'pt-PT', 'da-DK']
    .concat(['ru-RU', 'fr-CA', 'zh-CN', 'ja-JP', 'ko-KR', 'sv-SE'])
    .map((lang): [string, () => TaskCall] => [
      `Accept-Language ${lang}`,
      () => withChange(seedSample, (r) => (r.acceptLanguage = lang)),
    ]),
  ['a dueDate 1 s after NOW', () => withChange(seedSample, (r) => (r.body.dueDate = '2026-06-01T02:00:01+02:00'))],
  ['an existing case', () => withChange(seedSample, (r) => (r.body.case = { id: '1001' }))],
  [
    'custom attributes and an attachment',
    () =>
      withChange(seedSample, (r) => {
        r.body.customAttributes = {
          customAttribute: [{ attribName: 'region', attribValues: { attribValue: [{ value: 'EMEA' }] } }],
        }
        r.body.attachments = { attachment: [{ altId: 'att-1' }] }
      }),
  ],
]

/** Each lookup attribute, with a customer that carries it: accepted by both. */
export const LOOKUPS: [attribute: string, build: () => TaskCall][] = (
  [
    ['email.emailAddress', { email: [{ emailAddress: 'a@example.com' }] }],
    ['home.phone', { phone: [{ type: { value: 'home' }, phoneNo: '+44 20 7946 0000' }] }],
    ['mobile.phone', { phone: [{ type: { value: 'mobile' }, phoneNo: '+44 7700 900000' }] }],
    ['office.phone', { phone: [{ type: { value: 'office' }, phoneNo: '+44 20 7946 0001' }] }],
    ['social.facebookId', { social: [{ type: { value: 'facebook' }, socialId: 'jane.f' }] }],
    ['social.twitterId', { social: [{ type: { value: 'twitter' }, socialId: '@jane' }] }],
    ['social.instagramId', { social: [{ type: { value: 'instagram' }, socialId: 'jane.i' }] }],
    [
      'custom.loyalty_no',
      {
        customAttributes: {
          customAttribute: [{ attribName: 'loyalty_no', attribValues: { attribValue: [{ value: 'L-42' }] } }],
        },
      },
    ],
  ] as [string, Record<string, unknown>][]
).map(([attribute, points]) => [
  attribute,
  () =>
    withChange(seedSample, (x) => {
      x.query.searchContactOnAttribute = attribute
      x.body.customer.contacts.contact = [{ firstName: 'Jane', ...points }]
    }),
])

/**
 * A call our schema refuses, the issue path it reports, and the documented eGain rule it breaks
 * (the simulator must refuse it too); null where only our schema is stricter than the page (the
 * actor is ours, not a wire field; shapes and sanity caps the page does not state).
 */
export type EgainRefusal = [name: string, build: () => TaskCall, path: string, rule: EgainTaskRule | null]

export const REFUSALS: EgainRefusal[] = [
  ['no actor', () => withChange(seedSample, (r) => delete (r as Partial<TaskCall>).actor), 'actor', null],
  ['unknown actor', () => withChange(seedSample, (r) => (r.actor = 'admin')), 'actor', null],
  [
    'Accept-Language outside the 15',
    () => withChange(seedSample, (r) => (r.acceptLanguage = 'en-GB')),
    'acceptLanguage',
    'acceptLanguage',
  ],
  [
    'searchContactOnAttribute missing',
    () => withChange(seedSample, (r) => delete r.query.searchContactOnAttribute),
    'query.searchContactOnAttribute',
    'searchContactOnAttribute',
  ],
  [
    'searchContactOnAttribute not documented',
    () => withChange(seedSample, (r) => (r.query.searchContactOnAttribute = 'fax.phone')),
    'query.searchContactOnAttribute',
    'searchContactOnAttribute',
  ],
  [
    'custom.<name> without a name',
    () => withChange(seedSample, (r) => (r.query.searchContactOnAttribute = 'custom.')),
    'query.searchContactOnAttribute',
    'searchContactOnAttribute',
  ],
  [
    'createCustomer other than "yes"',
    () => withChange(seedSample, (r) => (r.query.createCustomer = 'true')),
    'query.createCustomer',
    'createCustomer',
  ],
  [
    'activityContact mobile.phone (not in its enum)',
    () =>
      withChange(seedSample, (r) => {
        r.query.activityContact = 'mobile.phone'
        contact0(r).phone = [{ type: { value: 'mobile' }, phoneNo: '+44 7700 900000' }]
      }),
    'query.activityContact',
    'activityContact',
  ],
  [
    'unknown query parameter',
    () => withChange(seedSample, (r) => (r.query.$lang = 'en')),
    'query',
    'query.unsupported',
  ],
  [
    'department missing',
    () => withChange(seedSample, (r) => delete r.body.department),
    'body.department',
    'department.name',
  ],
  [
    'department name blank',
    () => withChange(seedSample, (r) => (r.body.department = { name: ' ' })),
    'body.department.name',
    'department.name',
  ],
  [
    'type other than task',
    () => withChange(seedSample, (r) => (r.body.type = { value: 'email', subtype: { value: 'General' } })),
    'body.type.value',
    'type.value',
  ],
  [
    'task subtype missing',
    () => withChange(seedSample, (r) => (r.body.type = { value: 'task' })),
    'body.type.subtype',
    'type.subtype',
  ],
  [
    'subject over 255',
    () => withChange(seedSample, (r) => (r.body.subject = 's'.repeat(256))),
    'body.subject',
    'subject.max',
  ],
  [
    'neither subject nor content',
    () => withChange(seedSample, (r) => delete r.body.subject),
    'body.subject',
    'subjectOrContent',
  ],
  ['priority 8', () => withChange(seedSample, (r) => (r.body.priority = '8')), 'body.priority', 'priority'],
  ['priority as a number', () => withChange(seedSample, (r) => (r.body.priority = 3)), 'body.priority', 'priority'],
  [
    'dueDate in the past',
    () => withChange(seedSample, (r) => (r.body.dueDate = '2026-05-31T23:59:59Z')),
    'body.dueDate',
    'dueDate.future',
  ],
  [
    'dueDate exactly now',
    () => withChange(seedSample, (r) => (r.body.dueDate = '2026-06-01T00:00:00Z')),
    'body.dueDate',
    'dueDate.future',
  ],
  [
    'dueDate without a time',
    () => withChange(seedSample, (r) => (r.body.dueDate = '2026-12-01')),
    'body.dueDate',
    'dueDate.format',
  ],
  [
    'dueDate without a zone',
    () => withChange(seedSample, (r) => (r.body.dueDate = '2026-12-01T10:00:00')),
    'body.dueDate',
    'dueDate.format',
  ],
  [
    'customer missing',
    () => withChange(seedSample, (r) => delete (r.body as Partial<TaskCall['body']>).customer),
    'body.customer',
    'customer',
  ],
  [
    'customer lacks the searched attribute',
    () => withChange(seedSample, (r) => (r.query.searchContactOnAttribute = 'home.phone')),
    'body.customer',
    'customer.attributes',
  ],
  [
    'customer lacks the searched custom attribute',
    () => withChange(seedSample, (r) => (r.query.searchContactOnAttribute = 'custom.loyalty_no')),
    'body.customer',
    'customer.attributes',
  ],
  [
    'customer lacks the activityContact attribute',
    () => withChange(seedSample, (r) => (r.query.activityContact = 'social.twitterId')),
    'body.customer',
    'customer.attributes',
  ],
  [
    'customer phone of the wrong kind for the lookup',
    () =>
      withChange(seedSample, (r) => {
        r.query.searchContactOnAttribute = 'office.phone'
        contact0(r).phone = [{ type: { value: 'home' }, phoneNo: '+44 20 7946 0000' }]
      }),
    'body.customer',
    'customer.attributes',
  ],
  [
    'department inside the customer',
    () => withChange(seedSample, (r) => ((r.body.customer as Record<string, unknown>).department = { name: 'Sales' })),
    'body.customer.department',
    'customer.department',
  ],
  [
    'new customer with two email addresses',
    () =>
      withChange(fullSample, (r) => {
        contact0(r).email = [{ emailAddress: 'a@example.com' }, { emailAddress: 'b@example.com' }]
      }),
    'body.customer.contacts.contact.0.email.1',
    'customer.onePointEach',
  ],
  [
    'new customer with two mobile numbers across contacts',
    () =>
      withChange(fullSample, (r) => {
        contact0(r).phone = [{ type: { value: 'mobile' }, phoneNo: '1' }]
        r.body.customer.contacts.contact.push({
          firstName: 'Joe',
          phone: [{ type: { value: 'mobile' }, phoneNo: '2' }],
        })
      }),
    'body.customer.contacts.contact.1.phone.0',
    'customer.onePointEach',
  ],
  [
    'new customer with two Instagram ids',
    () =>
      withChange(fullSample, (r) => {
        contact0(r).social = [
          { type: { value: 'instagram' }, socialId: 'a' },
          { type: { value: 'instagram' }, socialId: 'b' },
        ]
      }),
    'body.customer.contacts.contact.0.social.1',
    'customer.onePointEach',
  ],
  [
    'invalid email address',
    () => withChange(seedSample, (r) => (contact0(r).email = [{ emailAddress: 'jane' }])),
    'body.customer.contacts.contact.0.email.0.emailAddress',
    null,
  ],
  [
    'client application without an assignee',
    () => withChange(fullSample, (r) => delete r.body.status),
    'body.status',
    'assignee.required',
  ],
  [
    'assignee named two ways',
    () => withChange(fullSample, (r) => (r.body.status = { assigned: { user: { id: '1001', loginId: 'agent1' } } })),
    'body.status.assigned.user',
    'assignee.onlyOne',
  ],
  [
    'assignee not named',
    () => withChange(fullSample, (r) => (r.body.status = { assigned: { user: {} } })),
    'body.status.assigned.user',
    'assignee.required',
  ],
  ['case id blank', () => withChange(seedSample, (r) => (r.body.case = { id: '' })), 'body.case.id', null],
  [
    'content type other than text/html',
    () => withChange(fullSample, (r) => (r.body.payload = { task: { content: [{ type: 'pdf', value: 'x' }] } })),
    'body.payload.task.content.0.type',
    'content.type',
  ],
  [
    'two text contents',
    () =>
      withChange(fullSample, (r) => {
        r.body.payload = {
          task: {
            content: [
              { type: 'text', value: 'a' },
              { type: 'text', value: 'b' },
            ],
          },
        }
      }),
    'body.payload.task.content.1.type',
    'content.type',
  ],
  [
    'attachment without altId',
    () => withChange(seedSample, (r) => (r.body.attachments = { attachment: [{}] })),
    'body.attachments.attachment.0.altId',
    'attachments.altId',
  ],
  [
    'custom attribute without a value',
    () =>
      withChange(seedSample, (r) => {
        r.body.customAttributes = { customAttribute: [{ attribName: 'region', attribValues: { attribValue: [] } }] }
      }),
    'body.customAttributes.customAttribute.0.attribValues.attribValue',
    null,
  ],
  ['unknown body element', () => withChange(seedSample, (r) => (r.body.secure = true)), 'body', null],
]
