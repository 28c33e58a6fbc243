import { z } from 'zod'
import { maxChars, utf8Bytes, utf8BytesOfEntries } from '../../text'
import { textMap } from '../../schemas/record-keys'
import { atTime, type TimedIssue, type TimeRule } from '../to-wire-kit'
import { issueText, noun, type SchemaNoun } from '../../i18n/issue-message'

// Wire-level request bodies for Webex Contact Center, exactly as the provider client sends them
// (project notes: providers.md §1; Cisco's spec webex-contact-center.json @1be8332). Field names are
// the spec's. The spec states its limits in prose only (no maxLength etc. in the JSON Schema), so
// they are enforced here; tests/shared/wire/webex.test.ts checks them against that prose and runs
// every accepted request through the official schema.
//
// Counting: "characters" are UTF-16 code units (`maxChars`), which is never fewer than the code
// points a server counts, so a string we accept is within the limit either way. "Bytes" are UTF-8
// bytes (shared/text.ts).

export const WEBEX_TASK_LIMITS = {
  destinationChars: 36,
  entryPointIdChars: 36,
  originChars: 36,
  attributesMaxPairs: 30,
  attributeKeyBytes: 200,
  attributeValueBytes: 1024,
  customAttributesMaxEntries: 20,
  /** Names and values of all SIP headers together, in UTF-8 bytes (no separators counted). */
  customAttributesTotalBytes: 1100,
} as const

export const WEBEX_SCHEDULED_CALLBACK_LIMITS = {
  customerNameChars: 250,
  callbackNumberMinChars: 7,
  callbackNumberMaxChars: 15,
  /** scheduleDate at most this many days after today's date in the callback's time zone. */
  maxDaysAhead: 31,
  minMinutesBeforeStart: 30,
  minDurationMinutes: 30,
  maxDurationMinutes: 8 * 60,
} as const

const L = WEBEX_TASK_LIMITS
const S = WEBEX_SCHEDULED_CALLBACK_LIMITS

/** A required string field: non-empty (an empty id or number cannot be meant), at most `max` characters. */
const requiredText = (what: SchemaNoun, max?: number) => {
  const text = z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? issueText('schema.text.enter', { what: noun(what) })
          : issueText('schema.text.mustBeText', { what: noun(what) }),
    })
    .min(1, { error: issueText('schema.text.enter', { what: noun(what) }) })
  return max === undefined ? text : text.check(...maxChars(max, issueText('schema.text.atMostChars', { max: max })))
}

// ——— POST /v1/tasks (CreateTaskRequest) ———

/** `attributes`: free key/value pairs handed to the flow; at most 30, limits in UTF-8 bytes. */
export const WebexTaskAttributes = textMap({
  notText: issueText('schema.webexWire.attributeValuesText'),
  value: (value) =>
    utf8Bytes(value) > L.attributeValueBytes
      ? issueText('schema.templates.atMostBytesPerValue', { max: L.attributeValueBytes })
      : null,
  map: (_attributes, count, ctx) => {
    if (count > L.attributesMaxPairs) {
      ctx.addIssue({
        code: 'custom',
        message: issueText('schema.templates.atMostAttributes', { max: L.attributesMaxPairs, count }),
      })
    }
  },
  key: (key) =>
    key.length === 0
      ? issueText('schema.common.attributeNeedsName')
      : utf8Bytes(key) > L.attributeKeyBytes
        ? issueText('schema.templates.attributeNameBytes', { max: L.attributeKeyBytes })
        : null,
})

/** RFC 3261 `token` characters, upper-case letters excluded (Webex lower-cases header names). */
const SIP_HEADER_NAME = /^[a-z0-9!%'*+._`~-]+$/
/** Control characters (CR and LF above all) would break the SIP header; tab is allowed. */
const SIP_HEADER_VALUE = /^(?:[^\p{Cc}]|\t)*$/u

/**
 * `customAttributes`: SIP headers. At most 20 (Webex would keep the first 20 alphabetically and
 * drop the rest, so more is refused); names lower-case; all names and values together at most
 * 1100 UTF-8 bytes (the spec's "payload is restricted to 1100 bytes"; we count name + value bytes
 * of every header and no separators, since the spec does not say how Webex frames them).
 */
export const WebexTaskCustomAttributes = textMap({
  notText: issueText('schema.webexWire.headerValuesText'),
  value: (value) => (SIP_HEADER_VALUE.test(value) ? null : issueText('schema.webexWire.headerValuesCannotContain')),
  valueJsonSchema: { pattern: SIP_HEADER_VALUE.source },
  map: (headers, count, ctx) => {
    if (count > L.customAttributesMaxEntries) {
      ctx.addIssue({
        code: 'custom',
        message: issueText('schema.templates.atMostHeaders', { max: L.customAttributesMaxEntries, count }),
      })
    }
    for (const key in headers) {
      if (Object.hasOwn(headers, key) && !SIP_HEADER_NAME.test(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: issueText('schema.webexWire.headerNamesUseLower'),
        })
      }
    }
    const total = utf8BytesOfEntries(headers)
    if (total > L.customAttributesTotalBytes) {
      ctx.addIssue({
        code: 'custom',
        message: issueText('schema.templates.headersBytes', { max: L.customAttributesTotalBytes, total }),
      })
    }
  },
})

/** `CallbackDetails`: both fields required, each with a single supported value. */
export const WebexCallbackDetails = z
  .object(
    {
      callbackOrigin: z.literal('web', { error: issueText('schema.webexWire.callbackOriginMustWeb') }),
      callbackType: z.literal('immediate', { error: issueText('schema.webexWire.callbackTypeMustImmediate') }),
    },
    {
      error: (issue) =>
        issue.input === undefined
          ? issueText('schema.webexWire.callbackTaskNeedsCallback')
          : issueText('schema.webexWire.callbackDetailsMustObject'),
    },
  )
  .strict()

const taskFields = {
  destination: requiredText('destination', L.destinationChars),
  entryPointId: requiredText('entryPointId', L.entryPointIdChars),
  mediaType: z.literal('telephony', { error: issueText('schema.webexWire.mediaTypeMustTelephony') }),
  attributes: WebexTaskAttributes.optional(),
  customAttributes: WebexTaskCustomAttributes.optional(),
}

/** `origin`: the outdial ANI; must match one configured in the agent profile (checked by Webex). */
const Origin = requiredText('outdialAniOrigin', L.originChars)
const NoCallback = z.never({ error: issueText('schema.webexWire.onlyCallbackTaskTakes') }).optional()

/**
 * Body of `POST /v1/tasks`. `outboundType` is optional in the spec with an undocumented default,
 * so Callboard always sends it; the union makes `origin` required for OUTDIAL and EXECUTE_FLOW and
 * `callback` required for CALLBACK and refused otherwise.
 */
export const WebexCreateTaskRequest = z.discriminatedUnion(
  'outboundType',
  [
    z
      .object({
        ...taskFields,
        outboundType: z.literal('CALLBACK'),
        origin: Origin.optional(),
        callback: WebexCallbackDetails,
      })
      .strict(),
    z.object({ ...taskFields, outboundType: z.literal('OUTDIAL'), origin: Origin, callback: NoCallback }).strict(),
    z.object({ ...taskFields, outboundType: z.literal('EXECUTE_FLOW'), origin: Origin, callback: NoCallback }).strict(),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union' ? issueText('schema.webexWire.outboundTypeMustCallback') : undefined,
  },
)
export type WebexCreateTaskRequest = z.infer<typeof WebexCreateTaskRequest>

// ——— POST /v1/callbacks/organization/{orgId}/scheduled-callback (ScheduleCallbackRequest) ———

/** IANA zone names: every '/'-separated part starts with a capital (America/Port-au-Prince, Etc/GMT+5, UTC). */
const IANA_NAME = /^[A-Z][A-Za-z0-9_+-]*(?:\/[A-Z][A-Za-z0-9_+-]*)*$/

/**
 * A time zone name this runtime's ICU knows, spelled exactly (Intl accepts any letter case, a
 * Java-style server does not). Aliases such as Asia/Kolkata or US/Eastern are accepted.
 */
export function isIanaTimeZone(name: string): boolean {
  if (!IANA_NAME.test(name)) return false
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone
    return !(resolved !== name && resolved.toLowerCase() === name.toLowerCase())
  } catch {
    return false
  }
}

/** Optional country code (+), then digits, spaces, hyphens, parentheses and periods; at least one digit. */
const CALLBACK_NUMBER = /^\+?[0-9 ().-]+$/

const hhmmss = (what: SchemaNoun) =>
  z.iso.time({ precision: 0, error: issueText('schema.text.hhmmss', { what: noun(what) }) })

/**
 * Body of the scheduled-callback request, time-independent rules only; its time rules are
 * `webexCallbackWindow` (`webexScheduleCallbackSchema(now)` is the two as one schema).
 */
export const WebexScheduleCallbackRequest = z
  .object({
    customerName: requiredText('customerName', S.customerNameChars),
    callbackNumber: z
      .string({ error: issueText('schema.webexWire.enterCallbackNumber') })
      .min(S.callbackNumberMinChars, {
        error: issueText('schema.text.atLeastChars', { min: S.callbackNumberMinChars }),
      })
      .max(S.callbackNumberMaxChars, { error: issueText('schema.text.atMostChars', { max: S.callbackNumberMaxChars }) })
      .regex(CALLBACK_NUMBER, {
        error: issueText('schema.webexWire.useDigitsOptionalLeading'),
      })
      .regex(/[0-9]/, { error: issueText('schema.webexWire.callbackNumberNeedsDigits') }),
    timezone: z
      .string({ error: issueText('schema.webexWire.chooseTimeZone') })
      .refine(isIanaTimeZone, { error: issueText('schema.common.chooseTimeZoneBy') }),
    scheduleDate: z.iso.date({ error: issueText('schema.webexWire.enterDateYyyyMm') }),
    startTime: hhmmss('startTime'),
    endTime: hhmmss('endTime'),
    queueId: requiredText('queueId'),
    callbackReason: z.string({ error: issueText('schema.webexWire.callbackReasonMustText') }).optional(),
    sourceInteraction: z.guid({ error: issueText('schema.webexWire.sourceInteractionMustUuid') }).optional(),
    assigneeAgent: z.guid({ error: issueText('schema.webexWire.assigneeAgentMustUser') }).optional(),
  })
  .strict()
export type WebexScheduleCallbackRequest = z.infer<typeof WebexScheduleCallbackRequest>

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

const wallClockFormats = new Map<string, Intl.DateTimeFormat>()

/** The wall-clock reading of `instant` in `timeZone`, written as if it were UTC (ms). */
function wallClock(instant: number, timeZone: string): number {
  let format = wallClockFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    wallClockFormats.set(timeZone, format)
  }
  const parts = format.formatToParts(new Date(instant))
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value)
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'))
}

/** The wall-clock date (YYYY-MM-DD) and time (HH:mm:ss) of `instant` in `timeZone`. */
export function wallClockParts(instant: number, timeZone: string): { date: string; time: string } {
  const iso = new Date(wallClock(instant, timeZone)).toISOString()
  return { date: iso.slice(0, 10), time: iso.slice(11, 19) }
}

/**
 * The instant at which the wall clock in `timeZone` reads `date` `time`, or null when that reading
 * never happens (skipped by a daylight-saving change). A reading that happens twice (clocks set
 * back) gives one of the two instants.
 */
export function zonedInstant(date: string, time: string, timeZone: string): number | null {
  const wall = Date.parse(`${date}T${time}Z`)
  if (Number.isNaN(wall)) return null
  const first = wall - (wallClock(wall, timeZone) - wall)
  const second = wall - (wallClock(first, timeZone) - first)
  for (const candidate of [second, first]) if (wallClock(candidate, timeZone) === wall) return candidate
  return null
}

const TIME_FIELDS = ['timezone', 'scheduleDate', 'startTime', 'endTime']

/**
 * The spec's time rules for a scheduled callback, judged at `nowMs` in the callback's time zone:
 * scheduleDate from today to 31 days ahead; startTime at least 30 minutes after now; endTime 30
 * minutes to 8 hours after startTime on the same date (no window across midnight).
 */
export const webexCallbackWindow: TimeRule<WebexScheduleCallbackRequest> = (request, nowMs) => {
  const { timezone, scheduleDate, startTime, endTime } = request
  const today = Math.floor(wallClock(nowMs, timezone) / DAY) * DAY
  const daysAhead = (Date.parse(`${scheduleDate}T00:00:00Z`) - today) / DAY
  if (daysAhead < 0)
    return [{ path: ['scheduleDate'], message: issueText('schema.templates.datePassed', { timezone }) }]
  const issues: TimedIssue[] = []
  if (daysAhead > S.maxDaysAhead) {
    issues.push({
      path: ['scheduleDate'],
      message: issueText('schema.templates.scheduleCallbackDaysAhead', { days: S.maxDaysAhead }),
    })
  }
  const start = zonedInstant(scheduleDate, startTime, timezone)
  const end = zonedInstant(scheduleDate, endTime, timezone)
  const skipped = issueText('schema.templates.timeSkipped', { timezone })
  if (start === null) issues.push({ path: ['startTime'], message: skipped })
  else if (start < nowMs + S.minMinutesBeforeStart * MINUTE) {
    issues.push({
      path: ['startTime'],
      message: issueText('schema.templates.startMinutesFromNow', { minutes: S.minMinutesBeforeStart }),
    })
  }
  if (end === null) issues.push({ path: ['endTime'], message: skipped })
  else if (start !== null) {
    const minutes = (end - start) / MINUTE
    if (minutes < S.minDurationMinutes) {
      issues.push({
        path: ['endTime'],
        message: issueText('schema.templates.endMinutesAfterStart', { minutes: S.minDurationMinutes }),
      })
    } else if (minutes > S.maxDurationMinutes) {
      issues.push({
        path: ['endTime'],
        message: issueText('schema.templates.endHoursAfterStart', { hours: S.maxDurationMinutes / 60 }),
      })
    }
  }
  return issues
}

/** The scheduled-callback body with its time rules (webexCallbackWindow) judged at `now`. */
export function webexScheduleCallbackSchema(now: Date) {
  // Run beside other fields' errors (a form shows them all), but only once these four parsed.
  return atTime(WebexScheduleCallbackRequest, webexCallbackWindow, now, (payload) =>
    payload.issues.every((issue) =>
      issue.path?.length ? !TIME_FIELDS.includes(String(issue.path[0])) : issue.code === 'unrecognized_keys',
    ),
  )
}
