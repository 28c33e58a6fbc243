import type { WebexCreateTaskRequest, WebexScheduleCallbackRequest } from '../../../shared/providers/webex/wire'
import type { WebexScheduleRule, WebexTaskRule } from '../../../electron/main/providers/webex/webex-rules'

// The Webex requests both the schema tests (webex.test.ts) and the simulator tests
// (tests/main/providers/webex-simulator-*.test.ts) run: the seed's example, valid variants, and one
// table of invalid requests with the documented rule each breaks. One table, two consumers: a limit
// changed in our schema but not in the (independently written) simulator shows up as a failure.

/** A string of exactly `n` UTF-8 bytes made of two-byte 'é' (plus one 'a' when n is odd). */
export const bytes = (n: number) => 'é'.repeat(Math.floor(n / 2)) + (n % 2 ? 'a' : '')

// ——— the seed's example, reproduced ———

// Seed 000 gives one `example` per property; together they are its example request. It gives
// none for `callback` (a $ref to CallbackDetails), so that comes from CallbackDetails' examples.
export const SEED_CALLBACK = {
  destination: '2147751365',
  entryPointId: '510d198d-7aa7-4b75-a5ff-e61759f4f313',
  attributes: { channel: 'sales' },
  outboundType: 'CALLBACK',
  mediaType: 'telephony',
  origin: '2147751364',
  callback: { callbackOrigin: 'web', callbackType: 'immediate' },
  customAttributes: { x_custom_header: 'val' },
} satisfies WebexCreateTaskRequest
const { callback: _seedCallback, ...withoutCallback } = SEED_CALLBACK
export const SEED_WITHOUT_CALLBACK = withoutCallback

/** providers.md §1 "Minimal CALLBACK example (built from the schema)". */
export const NOTES_MINIMAL_CALLBACK = {
  destination: '+14085550100',
  entryPointId: '<outbound-EP-uuid>',
  mediaType: 'telephony',
  outboundType: 'CALLBACK',
  callback: { callbackOrigin: 'web', callbackType: 'immediate' },
  attributes: { channel: 'sales' },
} satisfies WebexCreateTaskRequest

export const OUTDIAL = { ...SEED_WITHOUT_CALLBACK, outboundType: 'OUTDIAL' } satisfies WebexCreateTaskRequest
export const pairs = (n: number, value = 'v') =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, value]))
/** SIP headers whose names and values add up to exactly `n` UTF-8 bytes (`x-a`: 3 bytes + value). */
export const headersOf = (n: number) => ({ 'x-a': bytes(n - 3) })

export const VALID_CREATE: [string, unknown][] = [
  ['the seed example (CALLBACK)', SEED_CALLBACK],
  ['the seed example as OUTDIAL', OUTDIAL],
  ['the seed example as EXECUTE_FLOW', { ...SEED_WITHOUT_CALLBACK, outboundType: 'EXECUTE_FLOW' }],
  ['the minimal CALLBACK example of the project notes', NOTES_MINIMAL_CALLBACK],
  ['CALLBACK without origin (Webex uses the default ANI)', { ...SEED_CALLBACK, origin: undefined }],
  [
    '36-character destination, entry point and origin',
    { ...OUTDIAL, destination: '1'.repeat(36), entryPointId: 'e'.repeat(36), origin: '2'.repeat(36) },
  ],
  ['30 attributes', { ...OUTDIAL, attributes: pairs(30) }],
  ['an attribute name of 200 bytes (100 × é)', { ...OUTDIAL, attributes: { [bytes(200)]: 'x' } }],
  ['an attribute name of 200 ASCII characters', { ...OUTDIAL, attributes: { ['k'.repeat(200)]: 'x' } }],
  ['an attribute name of 50 emoji (200 bytes)', { ...OUTDIAL, attributes: { ['😀'.repeat(50)]: 'x' } }],
  ['an attribute value of 1024 bytes (512 × é)', { ...OUTDIAL, attributes: { note: bytes(1024) } }],
  ['an attribute value of 256 emoji (1024 bytes)', { ...OUTDIAL, attributes: { note: '😀'.repeat(256) } }],
  ['an empty attribute value', { ...OUTDIAL, attributes: { note: '' } }],
  [
    '20 SIP headers',
    { ...OUTDIAL, customAttributes: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`x-h${i}`, 'v'])) },
  ],
  ['SIP headers of 1100 bytes in all (multi-byte values)', { ...OUTDIAL, customAttributes: headersOf(1100) }],
  [
    'lower-case SIP header names with hyphens, digits and underscores',
    {
      ...OUTDIAL,
      customAttributes: { 'x-callboard-ref': 'A-1', caller_id_name: 'Ann Lee', 'p-asserted-identity2': '<sip:1@x>' },
    },
  ],
  ['a SIP header value with a tab', { ...OUTDIAL, customAttributes: { 'x-note': 'a\tb' } }],
]

/**
 * A request our schema refuses at `path`. `rule` is the documented Webex rule it breaks (the
 * simulator must refuse it too, or adjust it for an `adjusted` rule); null when only our schema is
 * stricter than the spec (the spec is silent, or leaves the field open).
 */
export type InvalidCreate = [name: string, value: unknown, path: PropertyKey[], rule: WebexTaskRule | null]
export const INVALID_CREATE: InvalidCreate[] = [
  ['no destination', { ...OUTDIAL, destination: undefined }, ['destination'], 'destination'],
  ['an empty destination', { ...OUTDIAL, destination: '' }, ['destination'], 'destination'],
  ['a 37-character destination', { ...OUTDIAL, destination: '1'.repeat(37) }, ['destination'], 'destination.max'],
  ['a non-string destination', { ...OUTDIAL, destination: 2147751365 }, ['destination'], 'destination'],
  ['no entry point', { ...OUTDIAL, entryPointId: undefined }, ['entryPointId'], 'entryPointId'],
  ['a 37-character entry point id', { ...OUTDIAL, entryPointId: 'e'.repeat(37) }, ['entryPointId'], 'entryPointId.max'],
  ['a 37-character origin', { ...OUTDIAL, origin: '2'.repeat(37) }, ['origin'], 'origin.max'],
  ['no media type', { ...OUTDIAL, mediaType: undefined }, ['mediaType'], 'mediaType'],
  ['media type chat', { ...OUTDIAL, mediaType: 'chat' }, ['mediaType'], 'mediaType'],
  ['no outbound type', { ...OUTDIAL, outboundType: undefined }, ['outboundType'], null],
  [
    'outbound type RECORD_GREETING (v2 only)',
    { ...OUTDIAL, outboundType: 'RECORD_GREETING' },
    ['outboundType'],
    'outboundType',
  ],
  ['lower-case outbound type', { ...OUTDIAL, outboundType: 'outdial' }, ['outboundType'], 'outboundType'],
  ['OUTDIAL without origin', { ...OUTDIAL, origin: undefined }, ['origin'], 'origin.required'],
  [
    'EXECUTE_FLOW without origin',
    { ...OUTDIAL, outboundType: 'EXECUTE_FLOW', origin: undefined },
    ['origin'],
    'origin.required',
  ],
  ['CALLBACK without callback details', { ...SEED_CALLBACK, callback: undefined }, ['callback'], 'callback.required'],
  ['OUTDIAL with callback details', { ...OUTDIAL, callback: SEED_CALLBACK.callback }, ['callback'], null],
  [
    'EXECUTE_FLOW with callback details',
    { ...OUTDIAL, outboundType: 'EXECUTE_FLOW', callback: SEED_CALLBACK.callback },
    ['callback'],
    null,
  ],
  [
    'callback origin other than web',
    { ...SEED_CALLBACK, callback: { callbackOrigin: 'phone', callbackType: 'immediate' } },
    ['callback', 'callbackOrigin'],
    'callback.callbackOrigin',
  ],
  [
    'callback type scheduled (no such type here)',
    { ...SEED_CALLBACK, callback: { callbackOrigin: 'web', callbackType: 'scheduled' } },
    ['callback', 'callbackType'],
    'callback.callbackType',
  ],
  [
    'callback details without callbackType',
    { ...SEED_CALLBACK, callback: { callbackOrigin: 'web' } },
    ['callback', 'callbackType'],
    'callback.callbackType',
  ],
  [
    'a scheduled time in callback details',
    { ...SEED_CALLBACK, callback: { ...SEED_CALLBACK.callback, scheduledTime: 1 } },
    ['callback'],
    null,
  ],
  ['an unknown field', { ...OUTDIAL, scheduledTime: '2026-01-01T00:00:00Z' }, [], null],
  ['31 attributes', { ...OUTDIAL, attributes: pairs(31) }, ['attributes'], 'attributes.count'],
  [
    'an attribute name of 202 bytes (101 × é)',
    { ...OUTDIAL, attributes: { [bytes(202)]: 'x' } },
    ['attributes', bytes(202)],
    'attributes.keyBytes',
  ],
  [
    'an attribute name of 201 ASCII characters',
    { ...OUTDIAL, attributes: { ['k'.repeat(201)]: 'x' } },
    ['attributes', 'k'.repeat(201)],
    'attributes.keyBytes',
  ],
  [
    'an attribute name of 51 emoji (204 bytes)',
    { ...OUTDIAL, attributes: { ['😀'.repeat(51)]: 'x' } },
    ['attributes', '😀'.repeat(51)],
    'attributes.keyBytes',
  ],
  ['an empty attribute name', { ...OUTDIAL, attributes: { '': 'x' } }, ['attributes', ''], null],
  [
    'an attribute value of 1026 bytes (513 × é)',
    { ...OUTDIAL, attributes: { note: bytes(1026) } },
    ['attributes', 'note'],
    'attributes.valueBytes',
  ],
  [
    'an attribute value of 1025 bytes',
    { ...OUTDIAL, attributes: { note: bytes(1025) } },
    ['attributes', 'note'],
    'attributes.valueBytes',
  ],
  ['a number as attribute value', { ...OUTDIAL, attributes: { count: 3 } }, ['attributes', 'count'], null],
  [
    '21 SIP headers',
    { ...OUTDIAL, customAttributes: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`x-h${i}`, 'v'])) },
    ['customAttributes'],
    'customAttributes.count',
  ],
  [
    'an upper-case SIP header name',
    { ...OUTDIAL, customAttributes: { 'X-Custom': 'v' } },
    ['customAttributes', 'X-Custom'],
    'customAttributes.lowercase',
  ],
  [
    'a SIP header name with a space',
    { ...OUTDIAL, customAttributes: { 'x custom': 'v' } },
    ['customAttributes', 'x custom'],
    null,
  ],
  ['an empty SIP header name', { ...OUTDIAL, customAttributes: { '': 'v' } }, ['customAttributes', ''], null],
  [
    'SIP headers of 1101 bytes in all',
    { ...OUTDIAL, customAttributes: headersOf(1101) },
    ['customAttributes'],
    'customAttributes.bytes',
  ],
  [
    'SIP headers whose names alone pass 1100 bytes',
    { ...OUTDIAL, customAttributes: { ['x'.repeat(1101)]: '' } },
    ['customAttributes'],
    'customAttributes.bytes',
  ],
  [
    'a SIP header value with CR LF',
    { ...OUTDIAL, customAttributes: { 'x-a': 'v\r\nVia: evil' } },
    ['customAttributes', 'x-a'],
    null,
  ],
]

// ——— scheduled callback ———

/** 04:00 in New York (EDT, UTC−4), 2026-06-15. */
export const NOW = new Date('2026-06-15T08:00:00Z')
export const MIN = 60_000

/** The spec's own ScheduleCallbackRequest example, verbatim. */
export const SPEC_SCHEDULE_EXAMPLE = {
  customerName: 'John Doe',
  callbackNumber: '+12(345)67-890',
  timezone: 'America/New_York',
  scheduleDate: '2025-03-28',
  startTime: '17:45:15',
  endTime: '16:50:55',
  queueId: '123e4567-e89b-12d3-a456-426614174000',
  callbackReason: 'Credit Card Issue',
  sourceInteraction: '123e4567-e89b-12d3-a456-426614174000',
  assigneeAgent: '123e4567-e89b-12d3-a456-426614174000',
} satisfies WebexScheduleCallbackRequest

/**
 * The same example adapted where it cannot pass its own prose: its date is in the past and its
 * endTime comes before its startTime, so the date is moved to the day after NOW and the end to
 * 18:50:55 (65 minutes after the start).
 */
export const SCHEDULE = { ...SPEC_SCHEDULE_EXAMPLE, scheduleDate: '2026-06-16', endTime: '18:50:55' }

/** Date and wall-clock time of an instant in a time zone, read with Intl (independent of the schema). */
export function localParts(instant: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '??'
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}:${get('second')}`,
  }
}
/** A window starting `startMin` after NOW and lasting `durationMin`, in New York wall-clock terms. */
export const windowAt = (startMin: number, durationMin: number) => {
  const start = localParts(NOW.getTime() + startMin * MIN, 'America/New_York')
  const end = localParts(NOW.getTime() + (startMin + durationMin) * MIN, 'America/New_York')
  if (end.date !== start.date) throw new Error('windowAt: the window crosses midnight')
  return { scheduleDate: start.date, startTime: start.time, endTime: end.time }
}

export const VALID_SCHEDULE: [string, unknown, Date][] = [
  ['the spec example with a future date and an end after the start', SCHEDULE, NOW],
  [
    'only the required fields',
    { ...SCHEDULE, callbackReason: undefined, sourceInteraction: undefined, assigneeAgent: undefined },
    NOW,
  ],
  ['a start exactly 30 minutes from now, lasting 8 hours', { ...SCHEDULE, ...windowAt(30, 8 * 60) }, NOW],
  ['a window of exactly 30 minutes', { ...SCHEDULE, ...windowAt(60, 30) }, NOW],
  ['a date 31 days ahead', { ...SCHEDULE, scheduleDate: '2026-07-16' }, NOW],
  [
    'today in New York while UTC is already tomorrow',
    { ...SCHEDULE, scheduleDate: '2026-06-14', startTime: '22:30:00', endTime: '23:30:00' },
    new Date('2026-06-15T02:00:00Z'),
  ],
  ['a callback number of 7 digits', { ...SCHEDULE, callbackNumber: '5550100' }, NOW],
  ['a callback number of 15 characters', { ...SCHEDULE, callbackNumber: '+1 408.555-0100' }, NOW],
  ['a 250-character customer name', { ...SCHEDULE, customerName: 'n'.repeat(250) }, NOW],
  ['time zone UTC', { ...SCHEDULE, timezone: 'UTC' }, NOW],
  ['an alias time zone (Asia/Kolkata)', { ...SCHEDULE, timezone: 'Asia/Kolkata' }, NOW],
  ['time zone Etc/GMT+5', { ...SCHEDULE, timezone: 'Etc/GMT+5' }, NOW],
]

/** As `InvalidCreate`, judged at `now`. */
export type InvalidSchedule = [
  name: string,
  value: unknown,
  path: PropertyKey[],
  now: Date,
  rule: WebexScheduleRule | null,
]
export const INVALID_SCHEDULE: InvalidSchedule[] = [
  ['no customer name', { ...SCHEDULE, customerName: undefined }, ['customerName'], NOW, 'customerName'],
  ['an empty customer name', { ...SCHEDULE, customerName: '' }, ['customerName'], NOW, 'customerName'],
  [
    'a 251-character customer name',
    { ...SCHEDULE, customerName: 'n'.repeat(251) },
    ['customerName'],
    NOW,
    'customerName.max',
  ],
  [
    'a callback number of 6 characters',
    { ...SCHEDULE, callbackNumber: '555010' },
    ['callbackNumber'],
    NOW,
    'callbackNumber.length',
  ],
  [
    'a callback number of 16 characters',
    { ...SCHEDULE, callbackNumber: '+1 (408) 5550100' },
    ['callbackNumber'],
    NOW,
    'callbackNumber.length',
  ],
  [
    'letters in the callback number',
    { ...SCHEDULE, callbackNumber: '1-800-FLOWERS' },
    ['callbackNumber'],
    NOW,
    'callbackNumber.chars',
  ],
  [
    'a + inside the callback number',
    { ...SCHEDULE, callbackNumber: '1+4085550100' },
    ['callbackNumber'],
    NOW,
    'callbackNumber.chars',
  ],
  [
    'a callback number without digits',
    { ...SCHEDULE, callbackNumber: '(((-)))' },
    ['callbackNumber'],
    NOW,
    'callbackNumber.chars',
  ],
  ['an unknown time zone', { ...SCHEDULE, timezone: 'Mars/Olympus_Mons' }, ['timezone'], NOW, 'timezone'],
  [
    'a time zone in the wrong letter case',
    { ...SCHEDULE, timezone: 'america/new_york' },
    ['timezone'],
    NOW,
    'timezone',
  ],
  ['an offset instead of a time zone', { ...SCHEDULE, timezone: '+02:00' }, ['timezone'], NOW, 'timezone'],
  ['no time zone', { ...SCHEDULE, timezone: undefined }, ['timezone'], NOW, 'timezone'],
  [
    'a date that does not exist',
    { ...SCHEDULE, scheduleDate: '2026-06-31' },
    ['scheduleDate'],
    NOW,
    'scheduleDate.format',
  ],
  [
    'a date in day/month/year order',
    { ...SCHEDULE, scheduleDate: '16/06/2026' },
    ['scheduleDate'],
    NOW,
    'scheduleDate.format',
  ],
  [
    'a date that has passed in the time zone',
    { ...SCHEDULE, scheduleDate: '2026-06-14' },
    ['scheduleDate'],
    NOW,
    'scheduleDate.window',
  ],
  ['a date 32 days ahead', { ...SCHEDULE, scheduleDate: '2026-07-17' }, ['scheduleDate'], NOW, 'scheduleDate.window'],
  ['a start time without seconds', { ...SCHEDULE, startTime: '17:45' }, ['startTime'], NOW, 'startTime.format'],
  ['a start time of 24:00:00', { ...SCHEDULE, startTime: '24:00:00' }, ['startTime'], NOW, 'startTime.format'],
  [
    'a start 29 min 59 s from now',
    { ...SCHEDULE, ...windowAt(30 - 1 / 60, 60) },
    ['startTime'],
    NOW,
    'startTime.ahead',
  ],
  [
    'a start earlier today',
    { ...SCHEDULE, ...windowAt(-60, 120), scheduleDate: '2026-06-15' },
    ['startTime'],
    NOW,
    'startTime.ahead',
  ],
  ['a window of 29 min 59 s', { ...SCHEDULE, ...windowAt(60, 30 - 1 / 60) }, ['endTime'], NOW, 'endTime.window'],
  ['a window of 8 h 0 min 1 s', { ...SCHEDULE, ...windowAt(60, 8 * 60 + 1 / 60) }, ['endTime'], NOW, 'endTime.window'],
  ['an end before the start', { ...SCHEDULE, endTime: '16:50:55' }, ['endTime'], NOW, 'endTime.window'],
  [
    'an end time of 7 pm written 12-hour style',
    { ...SCHEDULE, endTime: '7:00:00 PM' },
    ['endTime'],
    NOW,
    'endTime.format',
  ],
  [
    'a start the clocks skip (spring forward in New York)',
    { ...SCHEDULE, scheduleDate: '2026-03-08', startTime: '02:30:00', endTime: '04:00:00' },
    ['startTime'],
    new Date('2026-03-01T12:00:00Z'),
    null,
  ],
  ['no queue', { ...SCHEDULE, queueId: undefined }, ['queueId'], NOW, 'queueId'],
  ['an empty queue id', { ...SCHEDULE, queueId: '' }, ['queueId'], NOW, 'queueId'],
  [
    'a source interaction that is not a UUID',
    { ...SCHEDULE, sourceInteraction: 'interaction-1' },
    ['sourceInteraction'],
    NOW,
    'sourceInteraction',
  ],
  [
    'an assignee agent that is not a UUID',
    { ...SCHEDULE, assigneeAgent: 'agent@example.com' },
    ['assigneeAgent'],
    NOW,
    'assigneeAgent',
  ],
  [
    'orgId in the body (it is a path parameter)',
    { ...SCHEDULE, orgId: '123e4567-e89b-12d3-a456-426614174000' },
    [],
    NOW,
    null,
  ],
]
