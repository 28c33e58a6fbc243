import { z } from 'zod'
import { maxChars, utf8Bytes, utf8BytesOfEntries } from '../../text'
import { textMap } from '../../schemas/record-keys'
import { atTime, type TimedIssue, type TimeRule } from '../to-wire-kit'

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
const requiredText = (what: string, max?: number) => {
  const text = z
    .string({ error: (issue) => (issue.input === undefined ? `Enter the ${what}.` : `The ${what} must be text.`) })
    .min(1, { error: `Enter the ${what}.` })
  return max === undefined ? text : text.check(...maxChars(max, `At most ${max} characters.`))
}

// ——— POST /v1/tasks (CreateTaskRequest) ———

/** `attributes`: free key/value pairs handed to the flow; at most 30, limits in UTF-8 bytes. */
export const WebexTaskAttributes = textMap({
  notText: 'Attribute values are text.',
  value: (value) =>
    utf8Bytes(value) > L.attributeValueBytes ? `At most ${L.attributeValueBytes} bytes (UTF-8) per value.` : null,
  map: (_attributes, keys, ctx) => {
    if (keys.length > L.attributesMaxPairs) {
      ctx.addIssue({ code: 'custom', message: `At most ${L.attributesMaxPairs} attributes (${keys.length} given).` })
    }
    for (const key of keys) {
      if (key.length === 0) ctx.addIssue({ code: 'custom', path: [key], message: 'An attribute needs a name.' })
      else if (utf8Bytes(key) > L.attributeKeyBytes) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `Attribute names take at most ${L.attributeKeyBytes} bytes (UTF-8).`,
        })
      }
    }
  },
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
  notText: 'Header values are text.',
  value: (value) =>
    SIP_HEADER_VALUE.test(value) ? null : 'Header values cannot contain line breaks or other control characters.',
  valueJsonSchema: { pattern: SIP_HEADER_VALUE.source },
  map: (headers, keys, ctx) => {
    if (keys.length > L.customAttributesMaxEntries) {
      ctx.addIssue({
        code: 'custom',
        message: `At most ${L.customAttributesMaxEntries} SIP headers (${keys.length} given).`,
      })
    }
    for (const key of keys) {
      if (!SIP_HEADER_NAME.test(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: "Header names use lower-case letters, digits and - _ . ! % * + ` ' ~ only.",
        })
      }
    }
    const total = utf8BytesOfEntries(headers)
    if (total > L.customAttributesTotalBytes) {
      ctx.addIssue({
        code: 'custom',
        message: `SIP headers take at most ${L.customAttributesTotalBytes} bytes (UTF-8, names and values together); these take ${total}.`,
      })
    }
  },
})

/** `CallbackDetails`: both fields required, each with a single supported value. */
export const WebexCallbackDetails = z
  .object(
    {
      callbackOrigin: z.literal('web', { error: 'The callback origin must be "web".' }),
      callbackType: z.literal('immediate', { error: 'The callback type must be "immediate".' }),
    },
    {
      error: (issue) =>
        issue.input === undefined
          ? 'A CALLBACK task needs callback details (callbackOrigin "web", callbackType "immediate").'
          : 'Callback details must be an object.',
    },
  )
  .strict()

const taskFields = {
  destination: requiredText('destination', L.destinationChars),
  entryPointId: requiredText('entry point id', L.entryPointIdChars),
  mediaType: z.literal('telephony', { error: 'The media type must be "telephony".' }),
  attributes: WebexTaskAttributes.optional(),
  customAttributes: WebexTaskCustomAttributes.optional(),
}

/** `origin`: the outdial ANI; must match one configured in the agent profile (checked by Webex). */
const Origin = requiredText('outdial ANI (origin)', L.originChars)
const NoCallback = z.never({ error: 'Only a CALLBACK task takes callback details.' }).optional()

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
      issue.code === 'invalid_union' ? 'The outbound type must be CALLBACK, OUTDIAL or EXECUTE_FLOW.' : undefined,
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

const hhmmss = (what: string) => z.iso.time({ precision: 0, error: `Enter the ${what} as HH:mm:ss (24-hour clock).` })

/**
 * Body of the scheduled-callback request, time-independent rules only; its time rules are
 * `webexCallbackWindow` (`webexScheduleCallbackSchema(now)` is the two as one schema).
 */
export const WebexScheduleCallbackRequest = z
  .object({
    customerName: requiredText('customer name', S.customerNameChars),
    callbackNumber: z
      .string({ error: 'Enter the callback number.' })
      .min(S.callbackNumberMinChars, { error: `At least ${S.callbackNumberMinChars} characters.` })
      .max(S.callbackNumberMaxChars, { error: `At most ${S.callbackNumberMaxChars} characters.` })
      .regex(CALLBACK_NUMBER, {
        error: 'Use digits, an optional leading +, and spaces, hyphens, parentheses or periods.',
      })
      .regex(/[0-9]/, { error: 'The callback number needs digits.' }),
    timezone: z
      .string({ error: 'Choose the time zone.' })
      .refine(isIanaTimeZone, { error: 'Choose a time zone by its IANA name, such as America/New_York.' }),
    scheduleDate: z.iso.date({ error: 'Enter the date as YYYY-MM-DD.' }),
    startTime: hhmmss('start time'),
    endTime: hhmmss('end time'),
    queueId: requiredText('queue id'),
    callbackReason: z.string({ error: 'The callback reason must be text.' }).optional(),
    sourceInteraction: z.guid({ error: 'The source interaction must be a UUID.' }).optional(),
    assigneeAgent: z.guid({ error: 'The assignee agent must be a user UUID.' }).optional(),
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
  if (daysAhead < 0) return [{ path: ['scheduleDate'], message: `That date has passed in ${timezone}.` }]
  const issues: TimedIssue[] = []
  if (daysAhead > S.maxDaysAhead) {
    issues.push({ path: ['scheduleDate'], message: `Schedule the callback at most ${S.maxDaysAhead} days ahead.` })
  }
  const start = zonedInstant(scheduleDate, startTime, timezone)
  const end = zonedInstant(scheduleDate, endTime, timezone)
  const skipped = `That time does not exist in ${timezone} on that date (the clocks change).`
  if (start === null) issues.push({ path: ['startTime'], message: skipped })
  else if (start < nowMs + S.minMinutesBeforeStart * MINUTE) {
    issues.push({ path: ['startTime'], message: `Start at least ${S.minMinutesBeforeStart} minutes from now.` })
  }
  if (end === null) issues.push({ path: ['endTime'], message: skipped })
  else if (start !== null) {
    const minutes = (end - start) / MINUTE
    if (minutes < S.minDurationMinutes) {
      issues.push({
        path: ['endTime'],
        message: `End at least ${S.minDurationMinutes} minutes after the start, on the same day.`,
      })
    } else if (minutes > S.maxDurationMinutes) {
      issues.push({ path: ['endTime'], message: `End at most ${S.maxDurationMinutes / 60} hours after the start.` })
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
