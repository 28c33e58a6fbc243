import type { LogFields } from './logger'

// Customer data never goes into the log (A10): the log is read when something breaks, copied into
// tickets and kept for weeks. Log calls pass task ids; this is the net under them, applied to every
// line at every level, so a field someone adds later cannot carry a number or a message's text.

/**
 * Fields whose values are customer data or free text wherever they appear (a whole intent, a
 * task's subject, an SMS text, a notification's body, the provider's own words, what the clipboard
 * held): replaced by a marker, nested ones too.
 */
const CUSTOMER_FIELDS = new Set([
  'attributes',
  'body',
  'callbackNumber',
  'calleeNumber',
  'candidates',
  'content',
  'customAttributes',
  'customerName',
  'description',
  'destination',
  'intent',
  'numberInfoList',
  'numberList',
  'numbers',
  'phoneNo',
  'providerMessage',
  'references',
  'subject',
  'text',
  'why',
])

export const REDACTED = '[redacted]'
export const MASKED_NUMBER = '[number]'

/**
 * Left as they are: ids (a UUID's last group can be all digits), ISO dates and times, IPv4
 * addresses. Masked: any other run of at least 7 digits, however spaced or punctuated, which is
 * how a phone number looks in any format ("+1 (212) 555-0199", "020 7946 0958").
 */
const TOKENS =
  /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})|(\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)|(\b\d{1,3}(?:\.\d{1,3}){3}\b)|(\+?\(?\d(?:[ ().-]{0,3}\d)+)/gi
const MIN_DIGITS = 7

/** A UUID alone: what most logged values are (task and profile ids). */
const ID_ALONE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Whether `text` holds at least MIN_DIGITS digits in all: none fewer can hold a number to mask. */
function hasDigitsEnough(text: string): boolean {
  let digits = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 48 && c <= 57 && ++digits >= MIN_DIGITS) return true
  }
  return false
}

export function maskNumbers(text: string): string {
  // Every line passes here: text that cannot hold a number is returned without a regex pass.
  if (!hasDigitsEnough(text) || ID_ALONE.test(text)) return text
  return text.replace(TOKENS, (match, _id, _time, _ip, digits: string | undefined) =>
    digits !== undefined && digits.replace(/\D/g, '').length >= MIN_DIGITS ? MASKED_NUMBER : match,
  )
}

/**
 * The OAuth parameters that carry a secret when they ride in a URL (a loopback callback's `code`,
 * a token in a fragment, a device code): whatever URL a line quotes, their values are replaced.
 * `state`, `nonce` and `code_challenge` are not secrets (the challenge is a hash; the other two
 * only bind an answer to its request) and stay readable for whoever diagnoses a sign-in.
 */
const SECRET_URL_PARAMS =
  /([?&#;](?:code|code_verifier|access_token|refresh_token|id_token|client_secret|device_code|token|password|session_token|X-Amz-Security-Token|SecurityToken)=)[^&#\s"'<>]*/gi

export function redactUrlSecrets(text: string): string {
  return text.includes('=') ? text.replace(SECRET_URL_PARAMS, `$1${REDACTED}`) : text
}

function redactValue(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return maskNumbers(redactUrlSecrets(value))
  if (typeof value !== 'object' || value === null) return value
  // A cycle is left for the logger to report as unserializable.
  if (seen.has(value)) return value
  seen.add(value)
  if (Array.isArray(value)) return value.map((item) => redactValue(item, seen))
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
    // An Error or another class instance: its text, masked (JSON would write `{}`).
    return maskNumbers(redactUrlSecrets(String(value)))
  }
  const out: Record<string, unknown> = {}
  const object = value as Record<string, unknown>
  for (const key of Object.keys(object)) {
    out[key] = CUSTOMER_FIELDS.has(key) ? REDACTED : redactValue(object[key], seen)
  }
  return out
}

/**
 * The fields as they may be written: customer fields replaced, phone-like digit runs masked; put
 * into `into` (the log line being built) when given. Most lines carry a few ids and words, so the
 * table that guards against cycles is made only once a field holds an object.
 */
export function redactLogFields(fields: LogFields, into: LogFields = {}): LogFields {
  const proto: unknown = Object.getPrototypeOf(fields)
  if (proto !== Object.prototype && proto !== null) return Object.assign(into, redactValue(fields, new WeakSet()))
  let seen: WeakSet<object> | null = null
  for (const key in fields) {
    if (!Object.hasOwn(fields, key)) continue
    const value = fields[key]
    into[key] = CUSTOMER_FIELDS.has(key)
      ? REDACTED
      : typeof value === 'object' && value !== null
        ? redactValue(value, (seen ??= new WeakSet([fields])))
        : redactValue(value, NO_OBJECTS)
  }
  return into
}

/** What redactValue is given for a value that is not an object (it looks at no table then). */
const NO_OBJECTS = new WeakSet<object>()
