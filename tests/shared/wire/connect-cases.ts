import type { ConnectStartTaskContactInput } from '../../../shared/providers/connect/wire'

// StartTaskContact inputs shared by the schema tests (connect.test.ts) and the simulator tests
// (tests/main/providers/connect-simulator-*.test.ts): one table of valid samples, one of invalid
// rows, each row saying how the simulated service must answer it when the SDK sends it unchecked.
// Built for a given `now`, so the ScheduledTime rows stay on the right side of the window whether
// they are judged at a fixed instant (the schema) or at the moment a simulator runs.

export const HOUR = 3_600_000
export const DAY = 24 * HOUR
const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 }
/** A string of exactly `n` UTF-8 bytes made of two-byte 'é' (plus one 'a' when n is odd). */
export const bytes = (n: number) => 'é'.repeat(Math.floor(n / 2)) + (n % 2 ? 'a' : '')

/**
 * How the simulator answers a row the schema refuses, when the SDK sends it raw: refused with this
 * restJson1 error type (nothing created), or `schemaOnly`: the schema is stricter than anything the
 * provider documents, or the difference does not survive serialisation, so the service creates it.
 */
export type ConnectWire =
  | { refused: 'InvalidParameterException' | 'InvalidRequestException' | 'SerializationException' }
  | { schemaOnly: string }

export type ConnectInvalidRow = [name: string, value: unknown, paths: PropertyKey[][], wire: ConnectWire]

/** Every sample and row, judged at `now`. */
export function connectCases(now: Date) {
  const AGENT_ARN =
    'arn:aws:connect:us-west-2:xxxxxxxxxxxx:instance/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx/agent/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'

  /**
   * The model's own SegmentAttributes examples (member documentation). The first is valid JSON and
   * is used verbatim; the second lacks the colon after "connect:CreatedByUser" and is adapted only
   * by adding it.
   */
  const MODEL_CONTACT_EXPIRY = JSON.parse(
    '{ "connect:ContactExpiry": {"ValueMap" : { "ExpiryDuration": { "ValueInteger": 135}}}}',
  ) as unknown
  const MODEL_CREATED_BY_USER = { 'connect:CreatedByUser': { ValueString: AGENT_ARN } }

  /** A follow-up task as providers.md §3 describes it (the seed page gives no example request). */
  const FOLLOW_UP = {
    InstanceId: '3f0a7c7e-1234-4c2b-9a33-7b1e2d3c4f5a',
    ContactFlowId: '846ec553-a005-41c0-8341-0123456789ab',
    Name: 'Call back Ann Lee about invoice 42',
    Description: 'She asked for a call after 10:00 her time.',
    References: {
      Invoice: { Type: 'URL', Value: 'https://crm.example.com/invoices/42' },
      Amount: { Type: 'NUMBER', Value: '42.50' },
      Customer: { Type: 'EMAIL', Value: 'ann.lee@example.com' },
      Promised: { Type: 'DATE', Value: '1781683200' },
      Note: { Type: 'STRING', Value: 'Prefers mornings' },
    },
    Attributes: { customerId: 'C-1042', 'callboard-task': 'follow_up' },
    ClientToken: '8f14e45f-ceea-467f-a8f0-2bd5b4b9d3a1',
    ScheduledTime: new Date(now.getTime() + DAY),
    RelatedContactId: 'c1f1e2d3-0000-4000-8000-000000000001',
  } satisfies ConnectStartTaskContactInput

  const MINIMAL = { InstanceId: FOLLOW_UP.InstanceId, Name: 'Follow up', ContactFlowId: FOLLOW_UP.ContactFlowId }
  const refs = (value: string, key = 'r') => ({ ...MINIMAL, References: { [key]: { Type: 'STRING', Value: value } } })

  const VALID: [string, unknown][] = [
    ['a follow-up task as the project notes describe it', FOLLOW_UP],
    ['the model’s contact-expiry example', { ...MINIMAL, SegmentAttributes: MODEL_CONTACT_EXPIRY }],
    ['the model’s created-by-user example (colon added)', { ...MINIMAL, SegmentAttributes: MODEL_CREATED_BY_USER }],
    ['only the required fields and a flow', MINIMAL],
    ['a quick connect instead of a flow', { ...MINIMAL, ContactFlowId: undefined, QuickConnectId: 'qc-1' }],
    ['a task template instead of a flow', { ...MINIMAL, ContactFlowId: undefined, TaskTemplateId: 'tt-1' }],
    ['an empty name (the model allows 0 characters)', { ...MINIMAL, Name: '' }],
    ['a previous contact in the chain', { ...MINIMAL, PreviousContactId: 'p'.repeat(256) }],
    [
      'the longest ids and texts',
      {
        ...MINIMAL,
        InstanceId: 'i'.repeat(100),
        Name: 'n'.repeat(1024),
        Description: 'd'.repeat(4096),
        ContactFlowId: 'f'.repeat(500),
        ClientToken: 't'.repeat(500),
        RelatedContactId: 'r'.repeat(256),
      },
    ],
    ['a 500-character task template id', { ...MINIMAL, ContactFlowId: undefined, TaskTemplateId: 't'.repeat(500) }],
    ['references of 4096 bytes in all (multi-byte value)', refs(bytes(4095))],
    ['a 4096-character reference name with an empty value', refs('', 'k'.repeat(4096))],
    ['a reference without a value', { ...MINIMAL, References: { r: { Type: 'URL' } } }],
    [
      'a DATE reference in epoch milliseconds',
      { ...MINIMAL, References: { d: { Type: 'DATE', Value: '1781683200000' } } },
    ],
    ['attributes of 32768 bytes in all (multi-byte value)', { ...MINIMAL, Attributes: { k: bytes(32767) } }],
    ['attribute names with letters, digits, - and _', { ...MINIMAL, Attributes: { Ab_9: '1', 'x-y': '', Z: 'é' } }],
    ['a scheduled time 6 days ahead', { ...MINIMAL, ScheduledTime: new Date(now.getTime() + 6 * DAY) }],
    ['a scheduled time 1 ms ahead', { ...MINIMAL, ScheduledTime: new Date(now.getTime() + 1) }],
    [
      'segment attributes at their limits',
      {
        ...MINIMAL,
        SegmentAttributes: {
          ['s'.repeat(128)]: { ValueString: 'v'.repeat(1024) },
          big: { ValueInteger: INT32.max },
          small: { ValueInteger: INT32.min },
          nested: { ValueMap: { inner: { ValueMap: { deepest: { ValueString: '' } } } } },
        },
      },
    ],
  ]

  const INVALID: ConnectInvalidRow[] = [
    [
      'no instance id',
      { ...MINIMAL, InstanceId: undefined },
      [['InstanceId']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'an empty instance id',
      { ...MINIMAL, InstanceId: '' },
      [['InstanceId']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'a 101-character instance id',
      { ...MINIMAL, InstanceId: 'i'.repeat(101) },
      [['InstanceId']],
      { refused: 'InvalidParameterException' },
    ],
    ['no name', { ...MINIMAL, Name: undefined }, [['Name']], { refused: 'InvalidParameterException' }],
    [
      'a 1025-character name',
      { ...MINIMAL, Name: 'n'.repeat(1025) },
      [['Name']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'a 4097-character description',
      { ...MINIMAL, Description: 'd'.repeat(4097) },
      [['Description']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'no flow, quick connect or template',
      { ...MINIMAL, ContactFlowId: undefined },
      [[]],
      { refused: 'InvalidRequestException' },
    ],
    [
      'a flow and a quick connect',
      { ...MINIMAL, QuickConnectId: 'qc-1' },
      [['ContactFlowId'], ['QuickConnectId']],
      { refused: 'InvalidRequestException' },
    ],
    [
      'all three flow targets',
      { ...MINIMAL, QuickConnectId: 'qc-1', TaskTemplateId: 'tt-1' },
      [['ContactFlowId'], ['QuickConnectId'], ['TaskTemplateId']],
      { refused: 'InvalidRequestException' },
    ],
    [
      'an empty contact flow id',
      { ...MINIMAL, ContactFlowId: '' },
      [['ContactFlowId']],
      { refused: 'InvalidRequestException' },
    ],
    [
      'a 501-character contact flow id',
      { ...MINIMAL, ContactFlowId: 'f'.repeat(501) },
      [['ContactFlowId']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'an empty quick connect id',
      { ...MINIMAL, ContactFlowId: undefined, QuickConnectId: '' },
      [['QuickConnectId']],
      { refused: 'InvalidRequestException' },
    ],
    [
      'a 501-character task template id',
      { ...MINIMAL, ContactFlowId: undefined, TaskTemplateId: 't'.repeat(501) },
      [['TaskTemplateId']],
      { refused: 'InvalidParameterException' },
    ],
    ['an empty reference name', refs('x', ''), [['References', '']], { refused: 'InvalidParameterException' }],
    [
      'a 4097-character reference name',
      refs('', 'k'.repeat(4097)),
      [['References', 'k'.repeat(4097)]],
      { refused: 'InvalidParameterException' },
    ],
    [
      'reference type ATTACHMENT (not at creation)',
      { ...MINIMAL, References: { f: { Type: 'ATTACHMENT', Value: 'x' } } },
      [['References', 'f', 'Type']],
      { refused: 'InvalidRequestException' },
    ],
    [
      'reference type EMAIL_MESSAGE',
      { ...MINIMAL, References: { f: { Type: 'EMAIL_MESSAGE', Value: 'x' } } },
      [['References', 'f', 'Type']],
      { refused: 'InvalidRequestException' },
    ],
    [
      'a reference without a type',
      { ...MINIMAL, References: { f: { Value: 'x' } } },
      [['References', 'f', 'Type']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'a reference value of 4097 characters',
      refs('v'.repeat(4097)),
      [['References', 'r', 'Value'], ['References']],
      { refused: 'InvalidParameterException' },
    ],
    ['references of 4097 bytes in all', refs(bytes(4096)), [['References']], { refused: 'InvalidRequestException' }],
    [
      'references over 4096 bytes only together',
      {
        ...MINIMAL,
        References: { a: { Type: 'STRING', Value: bytes(2047) }, b: { Type: 'STRING', Value: bytes(2048) } },
      },
      [['References']],
      { refused: 'InvalidRequestException' },
    ],
    [
      'a DATE reference holding a calendar date',
      { ...MINIMAL, References: { d: { Type: 'DATE', Value: '2026-06-16' } } },
      [['References', 'd', 'Value']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'a DATE reference without a value',
      { ...MINIMAL, References: { d: { Type: 'DATE' } } },
      [['References', 'd', 'Value']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'a DATE reference with a negative number',
      { ...MINIMAL, References: { d: { Type: 'DATE', Value: '-1' } } },
      [['References', 'd', 'Value']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'a DATE reference of 14 digits',
      { ...MINIMAL, References: { d: { Type: 'DATE', Value: '17816832000000' } } },
      [['References', 'd', 'Value']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'a reference status (output only)',
      { ...MINIMAL, References: { r: { Type: 'URL', Value: 'https://x', Status: 'AVAILABLE' } } },
      [['References', 'r']],
      { schemaOnly: 'an output member: nothing documents the service refusing it on input [I]' },
    ],
    [
      'an attribute name with a dot',
      { ...MINIMAL, Attributes: { 'a.b': 'x' } },
      [['Attributes', 'a.b']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'an attribute name with a space',
      { ...MINIMAL, Attributes: { 'a b': 'x' } },
      [['Attributes', 'a b']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'an attribute name with é',
      { ...MINIMAL, Attributes: { café: 'x' } },
      [['Attributes', 'café']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'an empty attribute name',
      { ...MINIMAL, Attributes: { '': 'x' } },
      [['Attributes', '']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'a number as attribute value',
      { ...MINIMAL, Attributes: { k: 1 } },
      [['Attributes', 'k']],
      { refused: 'SerializationException' },
    ],
    [
      'attributes of 32769 bytes in all',
      { ...MINIMAL, Attributes: { k: bytes(32768) } },
      [['Attributes']],
      { refused: 'InvalidRequestException' },
    ],
    [
      'an attribute value of 32768 characters',
      { ...MINIMAL, Attributes: { k: 'v'.repeat(32768) } },
      [['Attributes', 'k'], ['Attributes']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'a 501-character client token',
      { ...MINIMAL, ClientToken: 't'.repeat(501) },
      [['ClientToken']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'an empty previous contact id',
      { ...MINIMAL, PreviousContactId: '' },
      [['PreviousContactId']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'a 257-character related contact id',
      { ...MINIMAL, RelatedContactId: 'r'.repeat(257) },
      [['RelatedContactId']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'a scheduled time in the past',
      { ...MINIMAL, ScheduledTime: new Date(now.getTime() - 1000) },
      [['ScheduledTime']],
      { refused: 'InvalidRequestException' },
    ],
    [
      'a scheduled time of exactly now',
      { ...MINIMAL, ScheduledTime: new Date(now) },
      [['ScheduledTime']],
      { refused: 'InvalidRequestException' },
    ],
    [
      'a scheduled time 6 days and 1 ms ahead',
      { ...MINIMAL, ScheduledTime: new Date(now.getTime() + 6 * DAY + 1) },
      [['ScheduledTime']],
      { refused: 'InvalidRequestException' },
    ],
    [
      'an invalid date',
      { ...MINIMAL, ScheduledTime: new Date(Number.NaN) },
      [['ScheduledTime']],
      { refused: 'SerializationException' },
    ],
    [
      'epoch seconds instead of a Date (the SDK converts)',
      { ...MINIMAL, ScheduledTime: now.getTime() / 1000 + 3600 },
      [['ScheduledTime']],
      { schemaOnly: 'the SDK sends a number as it is: the same epoch seconds a Date becomes' },
    ],
    [
      'an ISO string instead of a Date',
      { ...MINIMAL, ScheduledTime: '2026-06-16T00:00:00Z' },
      [['ScheduledTime']],
      { refused: 'SerializationException' },
    ],
    [
      'a segment attribute name with a space',
      { ...MINIMAL, SegmentAttributes: { 'a b': { ValueString: 'x' } } },
      [['SegmentAttributes', 'a b']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'a 129-character segment attribute name',
      { ...MINIMAL, SegmentAttributes: { ['s'.repeat(129)]: { ValueString: 'x' } } },
      [['SegmentAttributes', 's'.repeat(129)]],
      { refused: 'InvalidParameterException' },
    ],
    [
      'a segment attribute with two values',
      { ...MINIMAL, SegmentAttributes: { k: { ValueString: 'x', ValueInteger: 1 } } },
      [['SegmentAttributes', 'k']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'a segment attribute with no value',
      { ...MINIMAL, SegmentAttributes: { k: {} } },
      [['SegmentAttributes', 'k']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'a segment string of 1025 characters',
      { ...MINIMAL, SegmentAttributes: { k: { ValueString: 'v'.repeat(1025) } } },
      [['SegmentAttributes', 'k', 'ValueString']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'a segment integer past int32',
      { ...MINIMAL, SegmentAttributes: { k: { ValueInteger: INT32.max + 1 } } },
      [['SegmentAttributes', 'k', 'ValueInteger']],
      { refused: 'SerializationException' },
    ],
    [
      'a segment integer with a fraction',
      { ...MINIMAL, SegmentAttributes: { k: { ValueInteger: 1.5 } } },
      [['SegmentAttributes', 'k', 'ValueInteger']],
      { refused: 'SerializationException' },
    ],
    [
      'a segment ValueList (SDK only, not in the model)',
      { ...MINIMAL, SegmentAttributes: { k: { ValueList: [{ ValueString: 'x' }] } } },
      [
        ['SegmentAttributes', 'k'],
        ['SegmentAttributes', 'k'],
      ],
      { refused: 'InvalidParameterException' },
    ],
    [
      'a bad name inside a ValueMap',
      {
        ...MINIMAL,
        SegmentAttributes: { 'connect:ContactExpiry': { ValueMap: { 'Expiry Duration': { ValueInteger: 1 } } } },
      },
      [['SegmentAttributes', 'connect:ContactExpiry', 'ValueMap', 'Expiry Duration']],
      { refused: 'InvalidParameterException' },
    ],
    [
      'attachments (not sent)',
      { ...MINIMAL, Attachments: [{ FileName: 'a.pdf', S3Url: 'https://s3/x' }] },
      [[]],
      { schemaOnly: 'a newer member the service accepts; Callboard deliberately does not send it' },
    ],
    [
      'the documentation’s spelling ContactFlowID',
      { ...MINIMAL, ContactFlowId: undefined, ContactFlowID: 'f' },
      [[], []],
      { refused: 'InvalidRequestException' },
    ],
  ]

  return { FOLLOW_UP, MINIMAL, MODEL_CONTACT_EXPIRY, MODEL_CREATED_BY_USER, VALID, INVALID, refs }
}
