// The simulated Webex Contact Center's own field rules, written from Cisco's CreateTaskRequest and
// ScheduleCallbackRequest text (seed 000, specs/webex-cc-task-creation.openapi.json, providers.md §1).
// Deliberately NOT built on shared/providers/webex/wire.ts: the simulator is the second opinion that catches a
// wrong limit in our schema, so it must not share the schema's code or constants.
//
// Where the spec describes what Webex *does* rather than what it refuses, the simulator does that:
// SIP header names are lower-cased and only the first 20 (alphabetically) are kept. Those are
// `adjustments`: the task is created, but not as sent. Everything else is a refusal.

/** Every rule the simulator enforces on `POST /v1/tasks`, by id, with the spec's words. */
export const WEBEX_TASK_RULES = {
  destination: 'destination is required: "A valid customer DN"',
  'destination.max': 'destination: "maximum length 36 characters"',
  entryPointId: 'entryPointId is required',
  'entryPointId.max': 'entryPointId: "maximum length 36 characters"',
  mediaType: 'mediaType is required: "The supported value is telephony"',
  outboundType: 'outboundType: "Supported values are CALLBACK, OUTDIAL, and EXECUTE_FLOW"',
  'origin.required': 'origin: "mandatory for EXECUTE_FLOW and OUTDIAL"',
  'origin.max': 'origin: "maximum length 36 characters"',
  'callback.required': 'callback: "Required only when outboundType is set to CALLBACK"',
  'callback.callbackOrigin': 'CallbackDetails.callbackOrigin is required: "The supported value is web"',
  'callback.callbackType': 'CallbackDetails.callbackType is required: "The supported value is immediate"',
  'attributes.count': 'attributes: "Supports a maximum of 30 tuples"',
  'attributes.keyBytes': 'attributes: "a key up to 200 bytes"',
  'attributes.valueBytes': 'attributes: "a value up to 1024 bytes"',
  'customAttributes.count': 'customAttributes: "maximum of 20 headers, selected alphabetically" (adjusted)',
  'customAttributes.lowercase': 'customAttributes: "Each header key is converted to lowercase" (adjusted)',
  'customAttributes.bytes': 'customAttributes: "The payload is restricted to 1100 bytes"',
} as const
export type WebexTaskRule = keyof typeof WEBEX_TASK_RULES

/** Every rule on the scheduled-callback endpoint, by id. */
export const WEBEX_SCHEDULE_RULES = {
  customerName: 'customerName is required',
  'customerName.max': 'customerName: "Max customer name length should be 250 character"',
  'callbackNumber.length': 'callbackNumber: "total length is between 7 and 15 characters"',
  'callbackNumber.chars': 'callbackNumber: "optional country code followed by digits and space - ( ) ."',
  timezone: 'timezone: "Valid IANA timezone name"',
  'scheduleDate.format': 'scheduleDate: "ISO-8601 (YYYY-MM-DD)", a valid date',
  'scheduleDate.window': 'scheduleDate: "within 31 days from current date" (and not before it)',
  'startTime.format': 'startTime: "ISO-8601 (HH:mm:ss)"',
  'startTime.ahead': 'startTime: "at least 30 minutes in the future from current time"',
  'endTime.format': 'endTime: "ISO-8601 (HH:mm:ss)"',
  'endTime.window': 'endTime: "at least 30 minutes after the startTime and must not exceed 8 hours after"',
  queueId: 'queueId is required',
  sourceInteraction: 'sourceInteraction: "should be a valid UUID"',
  assigneeAgent: 'assigneeAgent: format uuid',
} as const
export type WebexScheduleRule = keyof typeof WEBEX_SCHEDULE_RULES

export interface Breach<R extends string> {
  rule: R
  /** The field named in the error message. */
  field: string
  message: string
}

export interface TaskVerdict {
  breaches: Breach<WebexTaskRule>[]
  adjustments: Breach<WebexTaskRule>[]
  /** The task as Webex would keep it (after adjustments); null when refused. */
  effective: Record<string, unknown> | null
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8')
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const OUTBOUND_TYPES = ['CALLBACK', 'OUTDIAL', 'EXECUTE_FLOW']

/** Judge a `POST /v1/tasks` body. */
export function checkWebexTask(body: unknown): TaskVerdict {
  const breaches: Breach<WebexTaskRule>[] = []
  const adjustments: Breach<WebexTaskRule>[] = []
  const no = (rule: WebexTaskRule, field: string, message: string) => breaches.push({ rule, field, message })
  if (!isRecord(body)) {
    no('destination', 'body', 'The request body must be a JSON object.')
    return { breaches, adjustments, effective: null }
  }

  const text = (field: string, rule: WebexTaskRule, maxRule: WebexTaskRule | null, required: boolean) => {
    const value = body[field]
    if (value === undefined && !required) return
    if (typeof value !== 'string' || value === '') return no(rule, field, `${field} is required and must be a string.`)
    if (maxRule && [...value].length > 36) no(maxRule, field, `${field} exceeds the maximum length of 36 characters.`)
  }
  text('destination', 'destination', 'destination.max', true)
  text('entryPointId', 'entryPointId', 'entryPointId.max', true)
  if (body.mediaType !== 'telephony') no('mediaType', 'mediaType', 'mediaType must be "telephony".')

  const type = body.outboundType
  if (type !== undefined && (typeof type !== 'string' || !OUTBOUND_TYPES.includes(type))) {
    no('outboundType', 'outboundType', `outboundType must be one of ${OUTBOUND_TYPES.join(', ')}.`)
  }
  const originRequired = type === 'OUTDIAL' || type === 'EXECUTE_FLOW'
  if (originRequired && body.origin === undefined) {
    no('origin.required', 'origin', `origin is mandatory for outboundType ${String(type)}.`)
  } else text('origin', 'origin.required', 'origin.max', false)

  if (type === 'CALLBACK') {
    const callback = body.callback
    if (!isRecord(callback)) no('callback.required', 'callback', 'callback is required when outboundType is CALLBACK.')
    else {
      if (callback.callbackOrigin !== 'web') {
        no('callback.callbackOrigin', 'callback.callbackOrigin', 'callback.callbackOrigin must be "web".')
      }
      if (callback.callbackType !== 'immediate') {
        no('callback.callbackType', 'callback.callbackType', 'callback.callbackType must be "immediate".')
      }
    }
  }

  const attributes = body.attributes
  if (attributes !== undefined) {
    if (!isRecord(attributes)) no('attributes.count', 'attributes', 'attributes must be an object.')
    else {
      const keys = Object.keys(attributes)
      if (keys.length > 30)
        no('attributes.count', 'attributes', `attributes supports at most 30 tuples (${keys.length}).`)
      for (const key of keys) {
        if (bytes(key) > 200)
          no('attributes.keyBytes', `attributes.${key}`, `attributes.${key}: keys are at most 200 bytes.`)
        const value = attributes[key]
        if (typeof value === 'string' && bytes(value) > 1024) {
          no('attributes.valueBytes', `attributes.${key}`, `attributes.${key}: values are at most 1024 bytes.`)
        }
      }
    }
  }

  let headers: Record<string, unknown> | undefined
  const custom = body.customAttributes
  if (custom !== undefined) {
    if (!isRecord(custom)) no('customAttributes.bytes', 'customAttributes', 'customAttributes must be an object.')
    else {
      const lowered = Object.entries(custom).map(([k, v]) => [k.toLowerCase(), v] as const)
      if (lowered.some(([k], i) => k !== Object.keys(custom)[i])) {
        adjustments.push({
          rule: 'customAttributes.lowercase',
          field: 'customAttributes',
          message: 'SIP header names were lower-cased.',
        })
      }
      lowered.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      if (lowered.length > 20) {
        adjustments.push({
          rule: 'customAttributes.count',
          field: 'customAttributes',
          message: `Only the first 20 of ${lowered.length} SIP headers (alphabetically) were kept.`,
        })
      }
      headers = Object.fromEntries(lowered.slice(0, 20))
      const total = Object.entries(headers).reduce((n, [k, v]) => n + bytes(k) + bytes(String(v)), 0)
      if (total > 1100) {
        no('customAttributes.bytes', 'customAttributes', `customAttributes exceed 1100 bytes (${total} bytes).`)
      }
    }
  }

  if (breaches.length) return { breaches, adjustments: [], effective: null }
  return { breaches, adjustments, effective: headers ? { ...body, customAttributes: headers } : body }
}

// ——— scheduled callback ———

const MINUTE = 60_000
const DAY = 1440 * MINUTE
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const HMS = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/

/** An IANA name as written in the tz database: letter case exact, no bare offsets. */
function knownZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return false
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone
    return resolved === name || resolved.toLowerCase() !== name.toLowerCase()
  } catch {
    return false
  }
}

/** The wall clock in `zone` at `instant`, as a UTC millisecond count. */
function wall(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant)
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0)
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
}

/** When the wall clock in `zone` reads `date time`; null if it never does (a daylight-saving gap). */
function instantOf(date: string, time: string, zone: string): number | null {
  const target = Date.parse(`${date}T${time}Z`)
  let guess = target
  for (let i = 0; i < 3; i++) guess = target - (wall(guess, zone) - guess)
  return wall(guess, zone) === target ? guess : null
}

const validDate = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

/** Judge a scheduled-callback body at `nowMs` (the simulator's clock). */
export function checkWebexSchedule(body: unknown, nowMs: number): Breach<WebexScheduleRule>[] {
  const out: Breach<WebexScheduleRule>[] = []
  const no = (rule: WebexScheduleRule, field: string, message: string) => out.push({ rule, field, message })
  if (!isRecord(body)) return [{ rule: 'customerName', field: 'body', message: 'The body must be a JSON object.' }]
  const str = (field: string) => (typeof body[field] === 'string' ? (body[field] as string) : null)

  const name = str('customerName')
  if (!name) no('customerName', 'customerName', 'customerName is required.')
  else if ([...name].length > 250) no('customerName.max', 'customerName', 'customerName exceeds 250 characters.')

  const number = str('callbackNumber')
  if (number === null || number.length < 7 || number.length > 15) {
    no('callbackNumber.length', 'callbackNumber', 'callbackNumber must be 7 to 15 characters.')
  } else if (!/^\+?[0-9 ().-]+$/.test(number) || !/\d/.test(number)) {
    no('callbackNumber.chars', 'callbackNumber', 'callbackNumber allows a country code, digits, space - ( ) . only.')
  }

  const zone = str('timezone')
  const zoneOk = zone !== null && knownZone(zone)
  if (!zoneOk) no('timezone', 'timezone', 'timezone must be a valid IANA time zone name.')
  const date = str('scheduleDate')
  const dateOk = date !== null && validDate(date)
  if (!dateOk) no('scheduleDate.format', 'scheduleDate', 'scheduleDate must be a valid date (YYYY-MM-DD).')
  const start = str('startTime')
  const startOk = start !== null && HMS.test(start)
  if (!startOk) no('startTime.format', 'startTime', 'startTime must be HH:mm:ss.')
  const end = str('endTime')
  const endOk = end !== null && HMS.test(end)
  if (!endOk) no('endTime.format', 'endTime', 'endTime must be HH:mm:ss.')

  if (zoneOk && dateOk && zone && date) {
    const today = Math.floor(wall(nowMs, zone) / DAY) * DAY
    const ahead = (Date.parse(`${date}T00:00:00Z`) - today) / DAY
    if (ahead < 0 || ahead > 31) {
      no('scheduleDate.window', 'scheduleDate', 'scheduleDate must be within 31 days from the current date.')
    } else if (startOk && endOk && start && end) {
      const from = instantOf(date, start, zone)
      const to = instantOf(date, end, zone)
      if (from === null) no('startTime.format', 'startTime', 'startTime does not exist on that date in that zone.')
      else if (from < nowMs + 30 * MINUTE) {
        no('startTime.ahead', 'startTime', 'startTime must be at least 30 minutes in the future.')
      }
      if (to === null) no('endTime.format', 'endTime', 'endTime does not exist on that date in that zone.')
      else if (from !== null && (to - from < 30 * MINUTE || to - from > 480 * MINUTE)) {
        no('endTime.window', 'endTime', 'endTime must be 30 minutes to 8 hours after startTime.')
      }
    }
  }

  if (!str('queueId')) no('queueId', 'queueId', 'queueId is required.')
  for (const field of ['sourceInteraction', 'assigneeAgent'] as const) {
    const value = body[field]
    if (value !== undefined && (typeof value !== 'string' || !UUID.test(value))) {
      no(field, field, `${field} must be a valid UUID.`)
    }
  }
  return out
}
