import { z } from 'zod'
import { utf8Bytes, utf8BytesOfEntries } from '../../text'
import { refusingProtoKey } from '../../schemas/record-keys'
import { atTime, type TimeRule } from '../to-wire-kit'
import { issueText, noun, type SchemaNoun } from '../../i18n/issue-message'

// Wire-level input of Amazon Connect StartTaskContact, in the shape of @aws-sdk/client-connect's
// StartTaskContactCommandInput (project notes: providers.md §3; AWS's Smithy model
// connect/service/2017-08-08). Member limits are the model's `smithy.api#length`; the rules the
// model states in documentation only (byte totals, key characters, one flow target, DATE values,
// the ScheduledTime window) are enforced here too. tests/shared/wire/connect.test.ts checks every
// accepted input against the model and our limits against its traits and documentation.
//
// "Length" is counted in code points, as Smithy's @length counts a string and as zod's `.max` does
// (an emoji is one), unlike the other providers' Java-style UTF-16 units (`maxChars` in
// shared/text.ts). "Bytes" are UTF-8 bytes.

export const CONNECT_TASK_LIMITS = {
  instanceIdChars: 100,
  nameChars: 1024,
  descriptionChars: 4096,
  contactFlowIdChars: 500,
  taskTemplateIdChars: 500,
  contactIdChars: 256,
  clientTokenChars: 500,
  referenceKeyChars: 4096,
  referenceValueChars: 4096,
  /** Keys and Values of all References together, in UTF-8 bytes. */
  referencesTotalBytes: 4096,
  attributeKeyChars: 32767,
  attributeValueChars: 32767,
  /** Keys and values of all Attributes together, in UTF-8 bytes. */
  attributesTotalBytes: 32768,
  segmentAttributeNameChars: 128,
  segmentAttributeStringChars: 1024,
  /** ScheduledTime at most this long after now. */
  maxScheduleAheadMs: 6 * 24 * 60 * 60 * 1000,
} as const

const L = CONNECT_TASK_LIMITS

/** Reference types a task may carry at creation (ATTACHMENT and the EMAIL_MESSAGE kinds may not). */
export const CONNECT_REFERENCE_TYPES = ['URL', 'NUMBER', 'STRING', 'DATE', 'EMAIL'] as const

/** A DATE reference holds an epoch timestamp: whole seconds or milliseconds since 1970, as digits. */
const EPOCH_DIGITS = /^\d{1,13}$/

/** Attribute keys: "alphanumeric, dash, and underscore characters" only. */
const ATTRIBUTE_KEY = /^[A-Za-z0-9_-]+$/

/**
 * Segment attribute names: the model's text says alphanumeric, - and _ only, but its own examples
 * (`connect:ContactExpiry`, `connect:CreatedByUser`) need the colon, so the colon is allowed.
 */
const SEGMENT_ATTRIBUTE_NAME = /^[A-Za-z0-9_:-]+$/

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 }

/** Surface a record key's own message instead of zod's generic "Invalid key in record". */
const keyMessage = (issue: z.core.$ZodRawIssue) => (issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined)

const text = (what: SchemaNoun, min: number, max?: number) => {
  let schema = z.string({
    error: (issue) =>
      issue.input === undefined
        ? issueText('schema.text.enter', { what: noun(what) })
        : issueText('schema.text.mustBeText', { what: noun(what) }),
  })
  if (min > 0) schema = schema.min(min, { error: issueText('schema.text.enter', { what: noun(what) }) })
  if (max !== undefined) schema = schema.max(max, { error: issueText('schema.text.atMostChars', { max: max }) })
  return schema
}

export const ConnectReference = z
  .object({
    Type: z.enum(CONNECT_REFERENCE_TYPES, { error: issueText('schema.connectWire.referenceTypeMustUrl') }),
    Value: text('referenceValue', 0, L.referenceValueChars).optional(),
  })
  .strict()
  .superRefine((reference, ctx) => {
    if (reference.Type === 'DATE' && !EPOCH_DIGITS.test(reference.Value ?? '')) {
      ctx.addIssue({
        code: 'custom',
        path: ['Value'],
        message: issueText('schema.connectWire.dateReferenceHoldsEpoch'),
      })
    }
  })

/** `References`: name → {Type, Value}; all keys and Values together at most 4,096 UTF-8 bytes. */
export const ConnectReferences = refusingProtoKey(
  z.record(
    z
      .string()
      .min(1, { error: issueText('schema.connectWire.referenceNeedsName') })
      .max(L.referenceKeyChars, {
        error: issueText('schema.templates.referenceNameChars', { max: L.referenceKeyChars }),
      }),
    ConnectReference,
    { error: keyMessage },
  ),
).superRefine((references, ctx) => {
  let total = 0
  for (const [key, reference] of Object.entries(references)) {
    total += utf8Bytes(key) + utf8Bytes(reference.Value ?? '')
  }
  if (total > L.referencesTotalBytes) {
    ctx.addIssue({
      code: 'custom',
      message: issueText('schema.templates.referencesBytes', { max: L.referencesTotalBytes, total }),
    })
  }
})

/** `Attributes`: contact attributes; keys [A-Za-z0-9_-]; all keys and values at most 32,768 UTF-8 bytes. */
export const ConnectAttributes = refusingProtoKey(
  z.record(
    z
      .string()
      .min(1, { error: issueText('schema.common.attributeNeedsName') })
      .max(L.attributeKeyChars, {
        error: issueText('schema.templates.attributeNameChars', { max: L.attributeKeyChars }),
      })
      .regex(ATTRIBUTE_KEY, { error: issueText('schema.connectWire.attributeNamesUseLetters') }),
    text('attributeValue', 0, L.attributeValueChars),
    { error: keyMessage },
  ),
).superRefine((attributes, ctx) => {
  const total = utf8BytesOfEntries(attributes)
  if (total > L.attributesTotalBytes) {
    ctx.addIssue({
      code: 'custom',
      message: issueText('schema.templates.attributesBytes', { max: L.attributesTotalBytes, total }),
    })
  }
})

const SegmentAttributeName = z
  .string()
  .min(1, { error: issueText('schema.connectWire.segmentAttributeNeedsName') })
  .max(L.segmentAttributeNameChars, {
    error: issueText('schema.templates.segmentAttributeNameChars', { max: L.segmentAttributeNameChars }),
  })
  .regex(SEGMENT_ATTRIBUTE_NAME, { error: issueText('schema.connectWire.segmentAttributeNamesUse') })

/** The members the Smithy model gives SegmentAttributeValue (the SDK's newer ValueList/ValueArn are not sent). */
export interface ConnectSegmentAttributeValue {
  ValueString?: string | undefined
  ValueInteger?: number | undefined
  ValueMap?: Record<string, ConnectSegmentAttributeValue> | undefined
}

const SEGMENT_VALUE_MEMBERS = ['ValueString', 'ValueInteger', 'ValueMap'] as const

/** Exactly one of ValueString, ValueInteger, ValueMap (an empty or two-valued entry means nothing clear). */
export const ConnectSegmentAttributeValue: z.ZodType<ConnectSegmentAttributeValue> = z.lazy(() =>
  z
    .object({
      ValueString: text('segmentAttributeValue', 0, L.segmentAttributeStringChars).optional(),
      ValueInteger: z
        .int({ error: issueText('schema.connectWire.wholeNumberNeeded') })
        .min(INT32.min, { error: issueText('schema.connectWire.numberTooSmall') })
        .max(INT32.max, { error: issueText('schema.connectWire.numberTooLarge') })
        .optional(),
      ValueMap: refusingProtoKey(
        z.record(SegmentAttributeName, ConnectSegmentAttributeValue, { error: keyMessage }),
      ).optional(),
    })
    .strict()
    .superRefine((value, ctx) => {
      const given = SEGMENT_VALUE_MEMBERS.filter((member) => value[member] !== undefined)
      if (given.length !== 1) {
        ctx.addIssue({ code: 'custom', message: issueText('schema.connectWire.giveExactlyValuestringValueinteger') })
      }
    }),
)

export const ConnectSegmentAttributes = refusingProtoKey(
  z.record(SegmentAttributeName, ConnectSegmentAttributeValue, { error: keyMessage }),
)

/** For refinements that run beside field errors: the input did parse as an object. */
const isObjectPayload = (payload: z.core.ParsePayload) =>
  typeof payload.value === 'object' &&
  payload.value !== null &&
  !payload.issues.some((issue) => !issue.path?.length && issue.code === 'invalid_type')

/** The three ways to say which flow runs the task; exactly one is sent. */
export const CONNECT_FLOW_TARGETS = ['ContactFlowId', 'QuickConnectId', 'TaskTemplateId'] as const

/**
 * StartTaskContact input, time-independent rules only; the ScheduledTime window is
 * `connectScheduledTimeRule` (`connectStartTaskSchema(now)` is the two as one schema). Not sent: `Attachments` (not in the model Callboard
 * was built against). `ClientToken` is optional here, but the provider client should always set
 * one per logical task and reuse it on retries.
 */
export const ConnectStartTaskContactInput = z
  .object({
    InstanceId: text('instanceId', 1, L.instanceIdChars),
    Name: text('taskName', 0, L.nameChars),
    Description: text('description', 0, L.descriptionChars).optional(),
    // The model allows an empty ContactFlowId and sets no limit on QuickConnectId; an empty id
    // names no flow, and the one-target rule below counts what is sent, so both need a character.
    ContactFlowId: text('contactFlowId', 1, L.contactFlowIdChars).optional(),
    QuickConnectId: text('quickConnectId', 1).optional(),
    TaskTemplateId: text('taskTemplateId', 1, L.taskTemplateIdChars).optional(),
    References: ConnectReferences.optional(),
    Attributes: ConnectAttributes.optional(),
    ClientToken: text('clientToken', 0, L.clientTokenChars).optional(),
    PreviousContactId: text('previousContactId', 1, L.contactIdChars).optional(),
    RelatedContactId: text('relatedContactId', 1, L.contactIdChars).optional(),
    ScheduledTime: z.date({ error: issueText('schema.connectWire.scheduledTimeMustValid') }).optional(),
    SegmentAttributes: ConnectSegmentAttributes.optional(),
  })
  .strict()
  .superRefine(
    (input, ctx) => {
      const sent = CONNECT_FLOW_TARGETS.filter((field) => input[field] !== undefined)
      if (sent.length === 0) {
        ctx.addIssue({ code: 'custom', message: issueText('schema.connectWire.chooseContactFlowQuick') })
      } else if (sent.length > 1) {
        for (const field of sent) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: issueText('schema.connectWire.sendOnlyContactflowidQuickconnectid'),
          })
        }
      }
    },
    // Presence is all this reads, so it runs beside other fields' errors once the input is an object.
    { when: isObjectPayload },
  )
export type ConnectStartTaskContactInput = z.infer<typeof ConnectStartTaskContactInput>

/** The ScheduledTime rule, judged at `nowMs`: later than now and at most 6 days (144 hours) after it. */
export const connectScheduledTimeRule: TimeRule<ConnectStartTaskContactInput> = (input, nowMs) => {
  if (input.ScheduledTime === undefined) return []
  const at = input.ScheduledTime.getTime()
  if (at <= nowMs) return [{ path: ['ScheduledTime'], message: issueText('schema.connectWire.scheduledTimeHasFuture') }]
  if (at - nowMs > L.maxScheduleAheadMs) {
    return [{ path: ['ScheduledTime'], message: issueText('schema.connectWire.scheduleTaskAtMost') }]
  }
  return []
}

/** StartTaskContact input with its ScheduledTime rule (connectScheduledTimeRule) judged at `now`. */
export function connectStartTaskSchema(now: Date) {
  return atTime(
    ConnectStartTaskContactInput,
    connectScheduledTimeRule,
    now,
    (payload) => isObjectPayload(payload) && !payload.issues.some((issue) => issue.path?.[0] === 'ScheduledTime'),
  )
}
