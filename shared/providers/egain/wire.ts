import { z } from 'zod'
import { atTime, type TimeRule } from '../to-wire-kit'
import { maxChars } from '../../text'
import { EgainAcceptLanguage } from './profile'

// eGain Core Case Manager v3, "Create task activity":
//   POST {apiBase}/core/casemgr/v3/activity/task?searchContactOnAttribute=…[&createCustomer=yes][&activityContact=…]
// Every rule below comes from the operation's page (the eGain seed) unless a comment says otherwise.
// The page collapses its JSON sample, so the exact nesting of `customer`, `payload`, `customAttributes`
// and `attachments` is INFERRED ([I] in the provider notes): it follows the shape the notes propose
// (v3 element names, v3 usage seen in third-party code, and the older ECE v12 conventions). Confirm it
// against a live tenant or the downloadable OpenAPI file before relying on it.

// ——— small building blocks ———

/** A value the agent must fill in: not blank, at most `max` characters (UTF-16 units, like Java's String). */
const Filled = (max: number, what: string) =>
  z
    .string({ error: `Enter the ${what}.` })
    .check(...maxChars(max, `The ${what} can be at most ${max} characters.`))
    .regex(/\S/, { error: `Enter the ${what}.` })

const Optional = (max: number, what: string) =>
  z.string({ error: `The ${what} is text.` }).check(...maxChars(max, `The ${what} can be at most ${max} characters.`))

/** A strict object whose own issues (missing, wrong type, unknown fields) read in plain words. */
const Shape = <S extends z.ZodRawShape>(what: string, shape: S) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `eGain does not accept ${issue.keys.join(', ')} in the ${what}.`
        : `Give the ${what}.`,
  })

const List = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z.array(item, { error: `Give the ${what} as a list.` }).max(max, { error: `At most ${max} ${what}.` })

/** `{ "value": … }` wrappers are how eGain spells enumerated and named elements. */
const ValueOf = <T extends z.ZodType>(what: string, value: T) => Shape(what, { value })

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
    error:
      'Choose what to look the customer up by: email.emailAddress, home.phone, mobile.phone, office.phone, social.facebookId, social.twitterId, social.instagramId or custom.<attribute name>.',
  },
)
export type EgainSearchContactOnAttribute = z.infer<typeof EgainSearchContactOnAttribute>

/** Note: the documented enum for `activityContact` has no `mobile.phone`. */
export const EgainActivityContact = z.enum(
  ['email.emailAddress', 'home.phone', 'office.phone', 'social.facebookId', 'social.twitterId', 'social.instagramId'],
  {
    error:
      'The activity contact must be email.emailAddress, home.phone, office.phone, social.facebookId, social.twitterId or social.instagramId (eGain does not accept mobile.phone here).',
  },
)
export type EgainActivityContact = z.infer<typeof EgainActivityContact>

export const EgainTaskQuery = Shape('query parameters', {
  searchContactOnAttribute: EgainSearchContactOnAttribute,
  /** Only documented value: "yes" — create an individual customer when the lookup finds none. */
  createCustomer: z.literal('yes', { error: 'createCustomer is either left out or "yes".' }).optional(),
  activityContact: EgainActivityContact.optional(),
})
export type EgainTaskQuery = z.infer<typeof EgainTaskQuery>

/** `Accept-Language`: the 15 documented locales (same list as the profile's setting). */
export const EgainTaskAcceptLanguage = z.enum(EgainAcceptLanguage.options, {
  error: `Accept-Language must be one of ${EgainAcceptLanguage.options.join(', ')}.`,
})

// ——— body pieces ———

/**
 * `customAttributes.customAttribute[{ attribName, attribValues.attribValue[{ value }] }]` — [I], the ECE v12
 * convention the provider notes propose. Names and enumerated values are checked by the tenant, not here;
 * the 100-attribute and 4000-character caps are ours.
 */
export const EgainCustomAttributes = Shape('custom attributes', {
  customAttribute: List(
    Shape('custom attribute', {
      attribName: Filled(255, 'custom attribute name'),
      attribValues: Shape('custom attribute values', {
        attribValue: List(
          Shape('custom attribute value', { value: Optional(4000, 'custom attribute value') }),
          100,
          'values',
        ).min(1, { error: 'Give the custom attribute a value.' }),
      }),
    }),
    100,
    'custom attributes',
  ).min(1, { error: 'Give at least one custom attribute, or leave customAttributes out.' }),
})

/** Email contact point: `emailAddress` (v3 contact-point page: "must be a valid email address"). */
const EgainEmail = Shape('email contact point', { emailAddress: z.email({ error: 'Enter a valid email address.' }) })

/**
 * Phone contact point: `type.value` + `phoneNo` (v3 "Create Contact Point" page); [I] that it sits in a
 * `phone` array beside `email`. The 40/9/10-character caps and the fax/pager types come from ECE v12.
 */
const EgainPhone = Shape('phone contact point', {
  type: ValueOf(
    'phone type',
    z.enum(['home', 'mobile', 'office', 'fax', 'pager'], {
      error: 'The phone type must be home, mobile, office, fax or pager.',
    }),
  ),
  phoneNo: Filled(40, 'phone number'),
  countryCode: z
    .string({ error: 'The country code is a number of at most 9 digits.' })
    .regex(/^\d{1,9}$/, { error: 'The country code is a number of at most 9 digits.' })
    .optional(),
  areaCode: Optional(10, 'area code').optional(),
  extension: Optional(10, 'extension').optional(),
})

/** Social contact point: `type.value` + `socialId` (v3 pages and third-party code, [V2]); type names [I]. */
const EgainSocial = Shape('social contact point', {
  type: ValueOf(
    'social type',
    z.enum(['facebook', 'twitter', 'instagram'], { error: 'The social type must be facebook, twitter or instagram.' }),
  ),
  socialId: Filled(255, 'social id'),
})

/** One contact of the customer: `customer.contacts.contact[]` (shape [I], per the provider notes). */
const EgainContact = Shape('contact', {
  firstName: Filled(255, 'first name').optional(),
  middleName: Optional(255, 'middle name').optional(),
  lastName: Optional(255, 'last name').optional(),
  email: List(EgainEmail, 50, 'email addresses').optional(),
  phone: List(EgainPhone, 50, 'phone numbers').optional(),
  social: List(EgainSocial, 50, 'social ids').optional(),
  customAttributes: EgainCustomAttributes.optional(),
})
type EgainContact = z.infer<typeof EgainContact>

export const EgainCustomer = Shape('customer', {
  /** A customer created by this call is always an individual. */
  type: ValueOf(
    'customer type',
    z.literal('individual', { error: 'A customer created here is always "individual".' }),
  ).optional(),
  contacts: Shape('customer contacts', {
    contact: List(EgainContact, 50, 'contacts').min(1, { error: 'Give the customer a contact.' }),
  }),
  /** "This API does not allow specifying department.name in the customer element." */
  department: z
    .never({ error: "Leave the department out of the customer; eGain uses the activity's department." })
    .optional(),
})

/** `status.assigned.user`: the target user, named by exactly one of these (seed, "Target User"). */
export const EgainTargetUser = Shape('user to assign', {
  id: Filled(255, 'user id').optional(),
  loginId: Filled(255, 'user login id').optional(),
  externalId: Filled(255, 'user external id').optional(),
  customAttributes: EgainCustomAttributes.optional(),
}).superRefine((user, ctx) => {
  const given = (['id', 'loginId', 'externalId', 'customAttributes'] as const).filter((k) => user[k] !== undefined)
  if (given.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      message:
        given.length === 0
          ? 'Name the user to assign by one of: id, login id, external id or a unique custom attribute.'
          : `Name the user by only one of id, login id, external id or custom attribute (got ${given.join(', ')}).`,
    })
  }
})

/** The limits the follow-up form states too (its help and counter), in characters. */
export const EGAIN_TASK_LIMITS = { subjectChars: 255, contentChars: 100_000 } as const

/** `payload.task.content`: "text" and/or "html" — one or both ([I] array of `{type, value}`). */
const EgainTaskContent = z
  .array(
    Shape('task content', {
      type: z.enum(['text', 'html'], { error: 'Task content is either text or html.' }),
      /** Size is not documented: 100,000 characters is our cap. */
      value: Filled(EGAIN_TASK_LIMITS.contentChars, 'task content'),
    }),
    { error: 'Give the task content as a list.' },
  )
  .min(1, { error: 'Give the task some content, or leave the payload out.' })
  .max(2, { error: 'At most one text and one html content.' })
  .superRefine((items, ctx) => {
    if (items.length === 2 && items[0]?.type === items[1]?.type) {
      ctx.addIssue({ code: 'custom', path: [1, 'type'], message: 'Give at most one text and one html content.' })
    }
  })

/** `attachments.attachment[{ altId }]` — "each attachment must have altId"; the wrapper element is [I]. */
const EgainAttachments = Shape('attachments', {
  attachment: List(Shape('attachment', { altId: Filled(255, 'attachment id (altId)') }), 100, 'attachments').min(1, {
    error: 'Give at least one attachment, or leave attachments out.',
  }),
})

export const EgainPriority = z.enum(['1', '2', '3', '4', '5', '6', '7'], {
  error: 'Priority is a string from "1" to "7".',
})

/** The task's subject: the one statement of its limit, which the follow-up intent borrows. */
export const EgainSubject = Filled(EGAIN_TASK_LIMITS.subjectChars, 'subject').optional()

/** The request body, time-independent rules only; `egainDueDateRule` adds the due date's. */
export const EgainTaskBody = Shape('task', {
  /** Required. Length is not documented: 255 is a sanity cap (as for the subtype and ids below). */
  department: Shape('department', { name: Filled(255, 'department name') }),
  type: Shape('activity type', {
    value: z.literal('task', { error: 'The activity type must be "task".' }),
    /** A task subtype configured in the tenant ("Get Activity Attributes"). */
    subtype: ValueOf('task subtype', Filled(255, 'task subtype')),
  }),
  subject: EgainSubject,
  priority: EgainPriority.optional(),
  dueDate: z.iso
    .datetime({ offset: true, error: 'Give the due date as an ISO date and time with a time zone.' })
    .optional(),
  customer: EgainCustomer,
  payload: Shape('payload', { task: Shape('task payload', { content: EgainTaskContent }) }).optional(),
  status: Shape('status', { assigned: Shape('assignment', { user: EgainTargetUser }) }).optional(),
  /** Existing case to attach to; without it the server creates a new case. */
  case: Shape('case', { id: Filled(64, 'case id') }).optional(),
  customAttributes: EgainCustomAttributes.optional(),
  attachments: EgainAttachments.optional(),
}).superRefine((body, ctx) => {
  if (body.subject === undefined && body.payload === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['subject'],
      message: 'Give the task a subject or some content (at least one of the two).',
    })
  }
})
export type EgainTaskBody = z.infer<typeof EgainTaskBody>

/** The due date must be later than `nowMs`, the moment the request is built. */
const egainDueDateRule: TimeRule<EgainTaskBody> = (body, nowMs) =>
  body.dueDate !== undefined && Date.parse(body.dueDate) <= nowMs
    ? [{ path: ['dueDate'], message: 'The due date must be in the future.' }]
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

/** The contact-point kinds a new customer may have at most one of. */
const contactPointKindsOf = (contact: EgainContact) => {
  const kinds: { kind: string; path: (string | number)[] }[] = []
  contact.email?.forEach((_, i) => kinds.push({ kind: 'email address', path: ['email', i] }))
  contact.phone?.forEach((p, i) => {
    // The rule names home, mobile and office numbers only; fax and pager numbers are not limited.
    if (p.type.value === 'home' || p.type.value === 'mobile' || p.type.value === 'office') {
      kinds.push({ kind: `${p.type.value} phone number`, path: ['phone', i] })
    }
  })
  contact.social?.forEach((s, i) => kinds.push({ kind: `${s.type.value} id`, path: ['social', i] }))
  return kinds
}

/** Who holds the token: an eGain user, or a client application (client-credentials grant). */
export const EgainActor = z.enum(['client', 'user'], { error: 'The actor is either "client" or "user".' })
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
      message: `The customer must include the ${attribute} named by ${param}.`,
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
            message: `A new customer can have only one ${kind}.`,
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
      message: 'When an application (not a user) creates the task, name the user to assign it to.',
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
