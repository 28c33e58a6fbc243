import { describe, expect, it } from 'vitest'
import { egainTaskActivitySchema } from '../../../shared/schemas/wire/egain'

const NOW = new Date('2026-06-01T00:00:00Z')
const schema = egainTaskActivitySchema(NOW)

/** Issue paths of a refused request, dotted ('' for the root). */
const issuePaths = (input: unknown) => {
  const result = schema.safeParse(input)
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'))
}

type TaskCall = {
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
const seedSample = (): TaskCall => ({
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
const fullSample = (): TaskCall => ({
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

const withChange = (base: () => TaskCall, change: (r: TaskCall) => void) => {
  const r = base()
  change(r)
  return r
}
const contact0 = (r: TaskCall) => r.body.customer.contacts.contact[0] as Record<string, unknown>

describe('eGain create task activity: accepted requests', () => {
  it("accepts the seed's own sample request", () => {
    expect(schema.safeParse(seedSample()).success).toBe(true)
  })

  it('accepts the full example from the provider notes', () => {
    expect(schema.safeParse(fullSample()).success).toBe(true)
  })

  it('accepts the limits exactly and every documented value', () => {
    const ok = (r: TaskCall) => expect(issuePaths(r)).toEqual([])
    ok(withChange(seedSample, (r) => (r.body.subject = 's'.repeat(255))))
    for (const p of ['1', '2', '3', '4', '5', '6', '7']) ok(withChange(seedSample, (r) => (r.body.priority = p)))
    for (const lang of ['en-US', 'es-ES', 'fr-FR', 'it-IT', 'de-DE', 'nl-NL', 'pt-BR', 'pt-PT', 'da-DK'])
      ok(withChange(seedSample, (r) => (r.acceptLanguage = lang)))
    for (const lang of ['ru-RU', 'fr-CA', 'zh-CN', 'ja-JP', 'ko-KR', 'sv-SE'])
      ok(withChange(seedSample, (r) => (r.acceptLanguage = lang)))
    ok(withChange(seedSample, (r) => (r.body.dueDate = '2026-06-01T02:00:01+02:00'))) // 1 s after NOW
    ok(withChange(seedSample, (r) => (r.body.case = { id: '1001' })))
    ok(
      withChange(seedSample, (r) => {
        r.body.customAttributes = {
          customAttribute: [{ attribName: 'region', attribValues: { attribValue: [{ value: 'EMEA' }] } }],
        }
        r.body.attachments = { attachment: [{ altId: 'att-1' }] }
      }),
    )
  })

  it('accepts each lookup attribute when the customer carries it', () => {
    const cases: [string, Record<string, unknown>][] = [
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
    ]
    for (const [attribute, points] of cases) {
      const r = withChange(seedSample, (x) => {
        x.query.searchContactOnAttribute = attribute
        x.body.customer.contacts.contact = [{ firstName: 'Jane', ...points }]
      })
      expect(issuePaths(r), attribute).toEqual([])
    }
  })
})

describe('eGain create task activity: refused requests, one per documented rule', () => {
  const refusals: [string, () => TaskCall, string][] = [
    ['no actor', () => withChange(seedSample, (r) => delete (r as Partial<TaskCall>).actor), 'actor'],
    ['unknown actor', () => withChange(seedSample, (r) => (r.actor = 'admin')), 'actor'],
    [
      'Accept-Language outside the 15',
      () => withChange(seedSample, (r) => (r.acceptLanguage = 'en-GB')),
      'acceptLanguage',
    ],
    [
      'searchContactOnAttribute missing',
      () => withChange(seedSample, (r) => delete r.query.searchContactOnAttribute),
      'query.searchContactOnAttribute',
    ],
    [
      'searchContactOnAttribute not documented',
      () => withChange(seedSample, (r) => (r.query.searchContactOnAttribute = 'fax.phone')),
      'query.searchContactOnAttribute',
    ],
    [
      'custom.<name> without a name',
      () => withChange(seedSample, (r) => (r.query.searchContactOnAttribute = 'custom.')),
      'query.searchContactOnAttribute',
    ],
    [
      'createCustomer other than "yes"',
      () => withChange(seedSample, (r) => (r.query.createCustomer = 'true')),
      'query.createCustomer',
    ],
    [
      'activityContact mobile.phone (not in its enum)',
      () =>
        withChange(seedSample, (r) => {
          r.query.activityContact = 'mobile.phone'
          contact0(r).phone = [{ type: { value: 'mobile' }, phoneNo: '+44 7700 900000' }]
        }),
      'query.activityContact',
    ],
    ['unknown query parameter', () => withChange(seedSample, (r) => (r.query.$lang = 'en')), 'query'],
    ['department missing', () => withChange(seedSample, (r) => delete r.body.department), 'body.department'],
    [
      'department name blank',
      () => withChange(seedSample, (r) => (r.body.department = { name: ' ' })),
      'body.department.name',
    ],
    [
      'type other than task',
      () => withChange(seedSample, (r) => (r.body.type = { value: 'email', subtype: { value: 'General' } })),
      'body.type.value',
    ],
    [
      'task subtype missing',
      () => withChange(seedSample, (r) => (r.body.type = { value: 'task' })),
      'body.type.subtype',
    ],
    ['subject over 255', () => withChange(seedSample, (r) => (r.body.subject = 's'.repeat(256))), 'body.subject'],
    ['neither subject nor content', () => withChange(seedSample, (r) => delete r.body.subject), 'body.subject'],
    ['priority 8', () => withChange(seedSample, (r) => (r.body.priority = '8')), 'body.priority'],
    ['priority as a number', () => withChange(seedSample, (r) => (r.body.priority = 3)), 'body.priority'],
    [
      'dueDate in the past',
      () => withChange(seedSample, (r) => (r.body.dueDate = '2026-05-31T23:59:59Z')),
      'body.dueDate',
    ],
    [
      'dueDate exactly now',
      () => withChange(seedSample, (r) => (r.body.dueDate = '2026-06-01T00:00:00Z')),
      'body.dueDate',
    ],
    ['dueDate without a time', () => withChange(seedSample, (r) => (r.body.dueDate = '2026-12-01')), 'body.dueDate'],
    [
      'dueDate without a zone',
      () => withChange(seedSample, (r) => (r.body.dueDate = '2026-12-01T10:00:00')),
      'body.dueDate',
    ],
    [
      'customer missing',
      () => withChange(seedSample, (r) => delete (r.body as Partial<TaskCall['body']>).customer),
      'body.customer',
    ],
    [
      'customer lacks the searched attribute',
      () => withChange(seedSample, (r) => (r.query.searchContactOnAttribute = 'home.phone')),
      'body.customer',
    ],
    [
      'customer lacks the searched custom attribute',
      () => withChange(seedSample, (r) => (r.query.searchContactOnAttribute = 'custom.loyalty_no')),
      'body.customer',
    ],
    [
      'customer lacks the activityContact attribute',
      () => withChange(seedSample, (r) => (r.query.activityContact = 'social.twitterId')),
      'body.customer',
    ],
    [
      'customer phone of the wrong kind for the lookup',
      () =>
        withChange(seedSample, (r) => {
          r.query.searchContactOnAttribute = 'office.phone'
          contact0(r).phone = [{ type: { value: 'home' }, phoneNo: '+44 20 7946 0000' }]
        }),
      'body.customer',
    ],
    [
      'department inside the customer',
      () =>
        withChange(seedSample, (r) => ((r.body.customer as Record<string, unknown>).department = { name: 'Sales' })),
      'body.customer.department',
    ],
    [
      'new customer with two email addresses',
      () =>
        withChange(fullSample, (r) => {
          contact0(r).email = [{ emailAddress: 'a@example.com' }, { emailAddress: 'b@example.com' }]
        }),
      'body.customer.contacts.contact.0.email.1',
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
    ],
    [
      'invalid email address',
      () => withChange(seedSample, (r) => (contact0(r).email = [{ emailAddress: 'jane' }])),
      'body.customer.contacts.contact.0.email.0.emailAddress',
    ],
    [
      'client application without an assignee',
      () => withChange(fullSample, (r) => delete r.body.status),
      'body.status',
    ],
    [
      'assignee named two ways',
      () => withChange(fullSample, (r) => (r.body.status = { assigned: { user: { id: '1001', loginId: 'agent1' } } })),
      'body.status.assigned.user',
    ],
    [
      'assignee not named',
      () => withChange(fullSample, (r) => (r.body.status = { assigned: { user: {} } })),
      'body.status.assigned.user',
    ],
    ['case id blank', () => withChange(seedSample, (r) => (r.body.case = { id: '' })), 'body.case.id'],
    [
      'content type other than text/html',
      () => withChange(fullSample, (r) => (r.body.payload = { task: { content: [{ type: 'pdf', value: 'x' }] } })),
      'body.payload.task.content.0.type',
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
    ],
    [
      'attachment without altId',
      () => withChange(seedSample, (r) => (r.body.attachments = { attachment: [{}] })),
      'body.attachments.attachment.0.altId',
    ],
    [
      'custom attribute without a value',
      () =>
        withChange(seedSample, (r) => {
          r.body.customAttributes = { customAttribute: [{ attribName: 'region', attribValues: { attribValue: [] } }] }
        }),
      'body.customAttributes.customAttribute.0.attribValues.attribValue',
    ],
    ['unknown body element', () => withChange(seedSample, (r) => (r.body.secure = true)), 'body'],
  ]

  it.each(refusals)('%s', (_name, build, path) => {
    expect(issuePaths(build())).toContain(path)
  })

  it('reports only the broken rule, in plain words, for each refusal', () => {
    for (const [name, build, path] of refusals) {
      const result = schema.safeParse(build())
      expect(result.success, name).toBe(false)
      const issues = result.success ? [] : result.error.issues
      expect(new Set(issues.map((i) => i.path.join('.'))), name).toEqual(new Set([path]))
      for (const issue of issues) expect(issue.message, name).not.toMatch(/^(Invalid|Too (big|small)|Unrecognized)/)
    }
  })
})

describe('eGain create task activity: conditional rules, both ways', () => {
  it('a client application must name the assignee; a user need not', () => {
    expect(issuePaths(withChange(fullSample, (r) => delete r.body.status))).toEqual(['body.status'])
    expect(issuePaths(withChange(fullSample, (r) => ((r.actor = 'user'), delete r.body.status)))).toEqual([])
    for (const user of [{ id: '1001' }, { loginId: 'a' }, { externalId: 'x-1' }]) {
      expect(issuePaths(withChange(fullSample, (r) => (r.body.status = { assigned: { user } })))).toEqual([])
    }
    const byAttribute = {
      customAttributes: {
        customAttribute: [{ attribName: 'employee_no', attribValues: { attribValue: [{ value: '77' }] } }],
      },
    }
    expect(issuePaths(withChange(fullSample, (r) => (r.body.status = { assigned: { user: byAttribute } })))).toEqual([])
  })

  it('one contact point of each kind applies only when a new customer may be created', () => {
    const twoEmails = (r: TaskCall) =>
      (contact0(r).email = [{ emailAddress: 'a@example.com' }, { emailAddress: 'b@example.com' }])
    expect(issuePaths(withChange(seedSample, twoEmails))).toEqual([]) // no createCustomer: lookup only
    expect(issuePaths(withChange(fullSample, twoEmails))).toEqual(['body.customer.contacts.contact.0.email.1'])
    // Different kinds are fine for a new customer.
    const mixed = (r: TaskCall) =>
      (contact0(r).phone = [
        { type: { value: 'home' }, phoneNo: '1' },
        { type: { value: 'mobile' }, phoneNo: '2' },
        { type: { value: 'office' }, phoneNo: '3' },
      ])
    expect(issuePaths(withChange(fullSample, mixed))).toEqual([])
    // Only the documented kinds are limited: two fax numbers are not.
    const twoFaxes = (r: TaskCall) =>
      (contact0(r).phone = [
        { type: { value: 'fax' }, phoneNo: '1' },
        { type: { value: 'fax' }, phoneNo: '2' },
      ])
    expect(issuePaths(withChange(fullSample, twoFaxes))).toEqual([])
  })

  it('subject or content: either alone is enough, neither is refused', () => {
    expect(issuePaths(withChange(fullSample, (r) => delete r.body.subject))).toEqual([])
    expect(issuePaths(withChange(fullSample, (r) => delete r.body.payload))).toEqual([])
    expect(issuePaths(withChange(fullSample, (r) => (delete r.body.payload, delete r.body.subject)))).toEqual([
      'body.subject',
    ])
  })

  it('the due date is judged against the given now', () => {
    const r = fullSample() // due 2026-12-01T10:00:00Z
    expect(egainTaskActivitySchema(new Date('2026-12-01T09:59:59Z')).safeParse(r).success).toBe(true)
    expect(egainTaskActivitySchema(new Date('2026-12-01T10:00:00Z')).safeParse(r).success).toBe(false)
  })

  it('activityContact must be present in the customer only when given', () => {
    expect(issuePaths(withChange(seedSample, (r) => (r.query.activityContact = 'email.emailAddress')))).toEqual([])
    expect(issuePaths(withChange(seedSample, (r) => (r.query.activityContact = 'home.phone')))).toEqual([
      'body.customer',
    ])
  })
})
