import { z } from 'zod'
import { atTime, type TimeRule } from '../to-wire-kit'
import { maxChars } from '../../text'
import { EgainAcceptLanguage } from './profile'
import { issueText, noun, type SchemaNoun } from '../../i18n/issue-message'
import { msg } from '../../i18n/message'
import type { schemaEn } from '../../i18n/schema-en'

// eGain Core Case Manager v3, "Create task activity":
//   POST {apiBase}/core/casemgr/v3/activity/task?searchContactOnAttribute=…[&createCustomer=yes][&activityContact=…]
// Every rule below comes from the operation's page (the eGain seed) unless a comment says otherwise.
// The page collapses its JSON sample, so the exact nesting of `customer`, `payload`, `customAttributes`
// and `attachments` is INFERRED ([I] in the provider notes): it follows the shape the notes propose
// (v3 element names, v3 usage seen in third-party code, and the older ECE v12 conventions). Confirm it
// against a live tenant or the downloadable OpenAPI file before relying on it.

// ——— small building blocks ———

/** A value the agent must fill in: not blank, at most `max` characters (UTF-16 units, like Java's String). */
const Filled = (max: number, what: SchemaNoun) =>
  z
    .string({ error: issueText('schema.text.enter', { what: noun(what) }) })
    .check(...maxChars(max, issueText('schema.text.atMostCharsOf', { what: noun(what), max: max })))
    .regex(/\S/, { error: issueText('schema.text.enter', { what: noun(what) }) })

const Optional = (max: number, what: SchemaNoun) =>
  z
    .string({ error: issueText('schema.text.isText', { what: noun(what) }) })
    .check(...maxChars(max, issueText('schema.text.atMostCharsOf', { what: noun(what), max: max })))

/** A strict object whose own issues (missing, wrong type, unknown fields) read in plain words. */
const Shape = <S extends z.ZodRawShape>(what: SchemaNoun, shape: S) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? issueText('schema.templates.egainNotAccepted', { fields: issue.keys.join(', '), what: noun(what) })
        : issueText('schema.text.give', { what: noun(what) }),
  })

const List = <T extends z.ZodType>(item: T, max: number, what: SchemaNoun) =>
  z
    .array(item, { error: issueText('schema.text.giveList', { what: noun(what) }) })
    .max(max, { error: issueText('schema.text.atMostItems', { what: noun(what), max: max }) })

/** `{ "value": … }` wrappers are how eGain spells enumerated and named elements. */
const ValueOf = <T extends z.ZodType>(what: SchemaNoun, value: T) => Shape(what, { value })

// ——— query parameters ———

const CONTACT_POINT_ATTRIBUTES = [
  'email.emailAddress',
  'home.phone',
  'mobile.phone',
  'office.phone',
  'social.facebookId',
  'social.twitterId',
  'social.instagramId',
] as const

const CUSTOM_ATTRIBUTE = /^custom\.[^\s.]{1,100}$/

/**
 * What eGain looks the customer up by. `custom.<attribute_name>` names a custom attribute of the contact;
 * the name's own syntax is not documented, so any 1–100 characters without spaces or dots pass.
 */
export const EgainSearchContactOnAttribute = z.custom<(typeof CONTACT_POINT_ATTRIBUTES)[number] | `custom.${string}`>(
  (value) =>
    typeof value === 'string' &&
    ((CONTACT_POINT_ATTRIBUTES as readonly string[]).includes(value) || CUSTOM_ATTRIBUTE.test(value)),
  {
    error: issueText('schema.egainWire.chooseWhatLookCustomer'),
  },
)
export type EgainSearchContactOnAttribute = z.infer<typeof EgainSearchContactOnAttribute>

/** Note: the documented enum for `activityContact` has no `mobile.phone`. */
export const EgainActivityContact = z.enum(
  ['email.emailAddress', 'home.phone', 'office.phone', 'social.facebookId', 'social.twitterId', 'social.instagramId'],
  {
    error: issueText('schema.egainWire.activityContactMustEmail'),
  },
)
export type EgainActivityContact = z.infer<typeof EgainActivityContact>

export const EgainTaskQuery = Shape('queryParameters', {
  searchContactOnAttribute: EgainSearchContactOnAttribute,
  /** Only documented value: "yes" — create an individual customer when the lookup finds none. */
  createCustomer: z.literal('yes', { error: issueText('schema.egainWire.createcustomerEitherLeftOut') }).optional(),
  activityContact: EgainActivityContact.optional(),
})
export type EgainTaskQuery = z.infer<typeof EgainTaskQuery>

/** `Accept-Language`: the 15 documented locales (same list as the profile's setting). */
export const EgainTaskAcceptLanguage = z.enum(EgainAcceptLanguage.options, {
  error: issueText('schema.templates.acceptLanguage', { options: EgainAcceptLanguage.options.join(', ') }),
})

// ——— body pieces ———

/**
 * `customAttributes.customAttribute[{ attribName, attribValues.attribValue[{ value }] }]` — [I], the ECE v12
 * convention the provider notes propose. Names and enumerated values are checked by the tenant, not here;
 * the 100-attribute and 4000-character caps are ours.
 */
export const EgainCustomAttributes = Shape('customAttributes', {
  customAttribute: List(
    Shape('customAttribute', {
      attribName: Filled(255, 'customAttributeName'),
      attribValues: Shape('customAttributeValues', {
        attribValue: List(
          Shape('customAttributeValue', { value: Optional(4000, 'customAttributeValue') }),
          100,
          'values',
        ).min(1, { error: issueText('schema.egainWire.giveCustomAttributeValue') }),
      }),
    }),
    100,
    'customAttributes',
  ).min(1, { error: issueText('schema.egainWire.giveAtLeastCustom') }),
})

/** Email contact point: `emailAddress` (v3 contact-point page: "must be a valid email address"). */
const EgainEmail = Shape('emailContactPoint', {
  emailAddress: z.email({ error: issueText('schema.egainWire.enterValidEmailAddress') }),
})

/**
 * Phone contact point: `type.value` + `phoneNo` (v3 "Create Contact Point" page); [I] that it sits in a
 * `phone` array beside `email`. The 40/9/10-character caps and the fax/pager types come from ECE v12.
 */
const EgainPhone = Shape('phoneContactPoint', {
  type: ValueOf(
    'phoneType',
    z.enum(['home', 'mobile', 'office', 'fax', 'pager'], {
      error: issueText('schema.egainWire.phoneTypeMustHome'),
    }),
  ),
  phoneNo: Filled(40, 'phoneNumber'),
  countryCode: z
    .string({ error: issueText('schema.egainWire.countryCodeNumberAt') })
    .regex(/^\d{1,9}$/, { error: issueText('schema.egainWire.countryCodeNumberAt') })
    .optional(),
  areaCode: Optional(10, 'areaCode').optional(),
  extension: Optional(10, 'extension').optional(),
})

/** Social contact point: `type.value` + `socialId` (v3 pages and third-party code, [V2]); type names [I]. */
const EgainSocial = Shape('socialContactPoint', {
  type: ValueOf(
    'socialType',
    z.enum(['facebook', 'twitter', 'instagram'], { error: issueText('schema.egainWire.socialTypeMustFacebook') }),
  ),
  socialId: Filled(255, 'socialId'),
})

/** One contact of the customer: `customer.contacts.contact[]` (shape [I], per the provider notes). */
const EgainContact = Shape('contact', {
  firstName: Filled(255, 'firstName').optional(),
  middleName: Optional(255, 'middleName').optional(),
  lastName: Optional(255, 'lastName').optional(),
  email: List(EgainEmail, 50, 'emailAddresses').optional(),
  phone: List(EgainPhone, 50, 'phoneNumbers').optional(),
  social: List(EgainSocial, 50, 'socialIds').optional(),
  customAttributes: EgainCustomAttributes.optional(),
})
type EgainContact = z.infer<typeof EgainContact>

export const EgainCustomer = Shape('customer', {
  /** A customer created by this call is always an individual. */
  type: ValueOf(
    'customerType',
    z.literal('individual', { error: issueText('schema.egainWire.customerCreatedHereAlways') }),
  ).optional(),
  contacts: Shape('customerContacts', {
    contact: List(EgainContact, 50, 'contacts').min(1, { error: issueText('schema.egainWire.giveCustomerContact') }),
  }),
  /** "This API does not allow specifying department.name in the customer element." */
  department: z.never({ error: issueText('schema.egainWire.leaveDepartmentOutCustomer') }).optional(),
})

/** `status.assigned.user`: the target user, named by exactly one of these (seed, "Target User"). */
export const EgainTargetUser = Shape('userToAssign', {
  id: Filled(255, 'userId').optional(),
  loginId: Filled(255, 'userLoginId').optional(),
  externalId: Filled(255, 'userExternalId').optional(),
  customAttributes: EgainCustomAttributes.optional(),
}).superRefine((user, ctx) => {
  const given = (['id', 'loginId', 'externalId', 'customAttributes'] as const).filter((k) => user[k] !== undefined)
  if (given.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      message:
        given.length === 0
          ? issueText('schema.egainWire.nameUserAssignBy')
          : issueText('schema.templates.userByOnlyOne', { given: given.join(', ') }),
    })
  }
})

/** The limits the follow-up form states too (its help and counter), in characters. */
export const EGAIN_TASK_LIMITS = { subjectChars: 255, contentChars: 100_000 } as const

/** `payload.task.content`: "text" and/or "html" — one or both ([I] array of `{type, value}`). */
const EgainTaskContent = z
  .array(
    Shape('taskContent', {
      type: z.enum(['text', 'html'], { error: issueText('schema.egainWire.taskContentEitherText') }),
      /** Size is not documented: 100,000 characters is our cap. */
      value: Filled(EGAIN_TASK_LIMITS.contentChars, 'taskContent'),
    }),
    { error: issueText('schema.egainWire.giveTaskContentList') },
  )
  .min(1, { error: issueText('schema.egainWire.giveTaskSomeContent') })
  .max(2, { error: issueText('schema.egainWire.atMostTextHtml') })
  .superRefine((items, ctx) => {
    if (items.length === 2 && items[0]?.type === items[1]?.type) {
      ctx.addIssue({ code: 'custom', path: [1, 'type'], message: issueText('schema.egainWire.giveAtMostText') })
    }
  })

/** `attachments.attachment[{ altId }]` — "each attachment must have altId"; the wrapper element is [I]. */
const EgainAttachments = Shape('attachments', {
  attachment: List(Shape('attachment', { altId: Filled(255, 'attachmentIdAltid') }), 100, 'attachments').min(1, {
    error: issueText('schema.egainWire.giveAtLeastAttachment'),
  }),
})

export const EgainPriority = z.enum(['1', '2', '3', '4', '5', '6', '7'], {
  error: issueText('schema.egainWire.priorityStringFrom1'),
})

/** The task's subject: the one statement of its limit, which the follow-up intent borrows. */
export const EgainSubject = Filled(EGAIN_TASK_LIMITS.subjectChars, 'subject').optional()

/** The request body, time-independent rules only; `egainDueDateRule` adds the due date's. */
export const EgainTaskBody = Shape('task', {
  /** Required. Length is not documented: 255 is a sanity cap (as for the subtype and ids below). */
  department: Shape('department', { name: Filled(255, 'departmentName') }),
  type: Shape('activityType', {
    value: z.literal('task', { error: issueText('schema.egainWire.activityTypeMustTask') }),
    /** A task subtype configured in the tenant ("Get Activity Attributes"). */
    subtype: ValueOf('taskSubtype', Filled(255, 'taskSubtype')),
  }),
  subject: EgainSubject,
  priority: EgainPriority.optional(),
  dueDate: z.iso.datetime({ offset: true, error: issueText('schema.egainWire.giveDueDateIso') }).optional(),
  customer: EgainCustomer,
  payload: Shape('payload', { task: Shape('taskPayload', { content: EgainTaskContent }) }).optional(),
  status: Shape('status', { assigned: Shape('assignment', { user: EgainTargetUser }) }).optional(),
  /** Existing case to attach to; without it the server creates a new case. */
  case: Shape('case', { id: Filled(64, 'caseId') }).optional(),
  customAttributes: EgainCustomAttributes.optional(),
  attachments: EgainAttachments.optional(),
}).superRefine((body, ctx) => {
  if (body.subject === undefined && body.payload === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['subject'],
      message: issueText('schema.egainWire.giveTaskSubjectSome'),
    })
  }
})
export type EgainTaskBody = z.infer<typeof EgainTaskBody>

/** The due date must be later than `nowMs`, the moment the request is built. */
const egainDueDateRule: TimeRule<EgainTaskBody> = (body, nowMs) =>
  body.dueDate !== undefined && Date.parse(body.dueDate) <= nowMs
    ? [{ path: ['dueDate'], message: issueText('schema.egainWire.dueDateMustFuture') }]
    : []

/** Run beside the other fields' errors (a form shows them all), once the due date itself parsed. */
const dueDateParsed = (payload: z.core.ParsePayload, at: PropertyKey[]) =>
  typeof payload.value === 'object' &&
  payload.value !== null &&
  !payload.issues.some((issue) => {
    const path = issue.path ?? []
    // An issue on the due date or on what holds it; an unknown field beside it is no obstacle.
    if (path.length === 0) return issue.code !== 'unrecognized_keys'
    return path.slice(0, at.length).every((key, i) => key === at[i])
  })

// ——— query and body together ———

/** Which kind of contact point a query attribute names (or the custom attribute's name). */
const pointKind = (attribute: string) => {
  switch (attribute) {
    case 'email.emailAddress':
      return { list: 'email', test: () => true } as const
    case 'home.phone':
    case 'mobile.phone':
    case 'office.phone': {
      const kind = attribute.slice(0, attribute.indexOf('.'))
      return { list: 'phone', test: (p: { type: { value: string } }) => p.type.value === kind } as const
    }
    case 'social.facebookId':
    case 'social.twitterId':
    case 'social.instagramId': {
      const kind = attribute.slice('social.'.length, -'Id'.length)
      return { list: 'social', test: (p: { type: { value: string } }) => p.type.value === kind } as const
    }
    default:
      return null
  }
}

const contactHas = (contact: EgainContact, attribute: string): boolean => {
  const kind = pointKind(attribute)
  if (kind === null) {
    const name = attribute.slice('custom.'.length)
    return contact.customAttributes?.customAttribute.some((a) => a.attribName === name) ?? false
  }
  if (kind.list === 'email') return (contact.email?.length ?? 0) > 0
  if (kind.list === 'phone') return contact.phone?.some(kind.test) ?? false
  return contact.social?.some(kind.test) ?? false
}

type ContactPointKind = keyof typeof schemaEn.contactPoint

/** The contact-point kinds a new customer may have at most one of. */
const contactPointKindsOf = (contact: EgainContact) => {
  const kinds: { kind: ContactPointKind; path: (string | number)[] }[] = []
  contact.email?.forEach((_, i) => kinds.push({ kind: 'email', path: ['email', i] }))
  contact.phone?.forEach((p, i) => {
    // The rule names home, mobile and office numbers only; fax and pager numbers are not limited.
    if (p.type.value === 'home' || p.type.value === 'mobile' || p.type.value === 'office') {
      kinds.push({ kind: p.type.value, path: ['phone', i] })
    }
  })
  contact.social?.forEach((s, i) => kinds.push({ kind: s.type.value, path: ['social', i] }))
  return kinds
}

/** Who holds the token: an eGain user, or a client application (client-credentials grant). */
export const EgainActor = z.enum(['client', 'user'], { error: issueText('schema.egainWire.actorEitherClientUser') })
export type EgainActor = z.infer<typeof EgainActor>

/**
 * Everything one "create task activity" call sends, validated together: the query parameters, the
 * `Accept-Language` header and the body, plus who is calling (it decides whether an assignee is
 * required). Time-independent rules only; `egainRequestDueDateRule` adds the due date's.
 */
export const EgainCreateTaskActivity = Shape('request', {
  actor: EgainActor,
  acceptLanguage: EgainTaskAcceptLanguage,
  query: EgainTaskQuery,
  body: EgainTaskBody,
}).superRefine((request, ctx) => {
  const { query, body } = request
  const contacts = body.customer.contacts.contact

  // "The attributes provided in the value of searchContactOnAttribute and activityContact must be
  // provided in the customer representation."
  const named = [
    ['searchContactOnAttribute', query.searchContactOnAttribute],
    ['activityContact', query.activityContact],
  ] as const
  for (const [param, attribute] of named) {
    if (attribute === undefined || contacts.some((c) => contactHas(c, attribute))) continue
    ctx.addIssue({
      code: 'custom',
      path: ['body', 'customer'],
      message: issueText('schema.templates.customerMustInclude', { attribute, param }),
    })
  }

  // New customer creation: not more than one contact point of each kind.
  if (query.createCustomer === 'yes') {
    const seen = new Set<string>()
    contacts.forEach((contact, c) => {
      for (const { kind, path } of contactPointKindsOf(contact)) {
        if (seen.has(kind)) {
          ctx.addIssue({
            code: 'custom',
            path: ['body', 'customer', 'contacts', 'contact', c, ...path],
            message: issueText('schema.templates.onlyOneContactPoint', { kind: msg(`schema.contactPoint.${kind}`) }),
          })
        }
        seen.add(kind)
      }
    })
  }

  // A client application has no logged-in user to default to: it must name the assignee.
  if (request.actor === 'client' && body.status === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['body', 'status'],
      message: issueText('schema.egainWire.whenApplicationNotUser'),
    })
  }
})
export type EgainCreateTaskActivity = z.infer<typeof EgainCreateTaskActivity>

/** The body's due date rule, for the whole request. */
export const egainRequestDueDateRule: TimeRule<EgainCreateTaskActivity> = (request, nowMs) =>
  egainDueDateRule(request.body, nowMs).map((issue) => ({ ...issue, path: ['body', ...issue.path] }))

/** Everything one call sends, with the due date judged at `now`. */
export const egainTaskActivitySchema = (now: Date) =>
  atTime(EgainCreateTaskActivity, egainRequestDueDateRule, now, (payload) =>
    dueDateParsed(payload, ['body', 'dueDate']),
  )
