import type { SendOutcome } from '@shared/schemas/send-outcome'
import type { Message, MessageParam } from '@shared/i18n/message'

// The one redaction of secrets in Callboard. Every text a provider wrote (an error body, a token
// endpoint's refusal, an SDK's message, a connection test's finding) passes it before it is stored,
// logged, answered over IPC or pushed to the window, and so does a diagnostics file before it is
// written. A provider may echo what it was sent in any spelling a request carries, so each secret is
// hidden in all of them: raw, percent-encoded (either hex case, with or without RFC 3986's reserved
// `!'()*`), form-encoded (`+` for a space), base64 and base64url at any byte offset (so inside an
// encoded `id:secret` Basic pair or a larger encoded blob as well), JSON-escaped (once, twice,
// three times, and with `\uXXXX` for non-ASCII) and HTML-escaped.

/** What a hidden secret reads as. */
export const SECRET_MARK = '[redacted]'

/** Shorter values are not hidden: they would blank out ordinary words. */
const MIN_SECRET_CHARS = 6

const jsonEscaped = (text: string) => JSON.stringify(text).slice(1, -1)
const jsonAsciiEscaped = (text: string) =>
  jsonEscaped(text).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
const lowerHex = (text: string) => text.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())
/** RFC 3986: what AWS SigV4 and many servers use; `encodeURIComponent` leaves `!'()*` as they are. */
const strictPercent = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
const htmlEscaped = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
const base64url = (base64: string) => base64.replace(/\+/g, '-').replace(/\//g, '_')

/**
 * The base64 characters that `value` alone decides when it starts `offset` bytes into an encoded
 * text, whatever comes before and after it. One of the three offsets is in every base64 of a text
 * holding the value (an `id:secret` pair, a JSON document), so hiding all three hides it there too.
 */
function base64Cores(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8')
  return [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64')
    return encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6))
  })
}

/** The spellings of `value` a text may hold. */
export function secretForms(value: string): string[] {
  if (value.length < MIN_SECRET_CHARS) return []
  const percent = encodeURIComponent(value)
  const form = new URLSearchParams({ v: value }).toString().slice(2)
  const json = jsonEscaped(value)
  const texts = new Set([
    value,
    percent,
    lowerHex(percent),
    strictPercent(value),
    lowerHex(strictPercent(value)),
    form,
    lowerHex(form),
    json,
    jsonEscaped(json),
    jsonEscaped(jsonEscaped(json)),
    jsonAsciiEscaped(value),
    jsonEscaped(jsonAsciiEscaped(value)),
    htmlEscaped(value),
  ])
  // Encoded whole, or as part of something encoded whole (a JSON document, a form, a Basic pair).
  const encoded = [...texts].flatMap((text) => {
    const base64 = Buffer.from(text, 'utf8').toString('base64')
    return [base64, base64url(base64), ...base64Cores(text).flatMap((core) => [core, base64url(core)])]
  })
  return [...new Set([...texts, ...encoded])].filter((spelling) => spelling.length >= MIN_SECRET_CHARS)
}

/**
 * `text` with every form of every secret replaced by `[redacted]`, longest first so no part of one
 * is left. A text cut short (a provider's body is capped before it is kept) may end partway through
 * a secret: that tail is hidden too.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const forms = [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length)
  let out = text
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(SECRET_MARK)
  for (const form of forms) {
    const start = out.lastIndexOf(form.slice(0, MIN_SECRET_CHARS))
    if (start >= 0 && start > out.length - form.length && form.startsWith(out.slice(start))) {
      out = `${out.slice(0, start)}${SECRET_MARK}`
    }
  }
  return out
}

/** `redactSecrets` for a text that may be absent. */
export function redactMaybe(text: string | null | undefined, secrets: readonly string[]): string | null {
  return text === null || text === undefined ? null : redactSecrets(text, secrets)
}

/** Every string value of a secret record (its provider and kind aside): what must never be shown. */
export function secretValues(secret: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(secret)
    .filter(([key, value]) => key !== 'provider' && key !== 'kind' && typeof value === 'string')
    .map(([, value]) => String(value))
}

/** Keys of a stored record whose values say what it is, not what it opens. */
const DESCRIPTIVE_KEYS = new Set(['provider', 'kind', 'expiresAt'])

/**
 * The string leaves of a stored keychain value: a JSON record (credentials, a cached token) gives
 * each of its strings but the descriptive ones, anything else is one secret. Only leaves long
 * enough to hide.
 */
export function secretLeaves(stored: string): string[] {
  const leaves: string[] = [stored]
  try {
    const walk = (value: unknown): void => {
      if (typeof value === 'string') leaves.push(value)
      else if (Array.isArray(value)) value.forEach(walk)
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) if (!DESCRIPTIVE_KEYS.has(key)) walk(inner)
      }
    }
    walk(JSON.parse(stored))
  } catch {
    // Not JSON: the value is the secret.
  }
  return leaves.filter((leaf) => leaf.length >= MIN_SECRET_CHARS)
}

/**
 * A message with `secrets` taken out of its parameters' text (a failure's detail, a refused
 * field's words, a code: whatever a provider or a request could have put there), at every depth.
 */
export function redactMessage(message: Message, secrets: readonly string[]): Message {
  if (!message.params) return message
  const params = Object.entries(message.params).map(([name, value]): [string, MessageParam] => [
    name,
    typeof value === 'string'
      ? redactSecrets(value, secrets)
      : typeof value === 'number'
        ? value
        : redactMessage(value, secrets),
  ])
  return { ...message, params: Object.fromEntries(params) }
}

/** An outcome with `secrets` taken out of every text a provider could have put words in. */
export function redactOutcome(outcome: SendOutcome, secrets: readonly string[]): SendOutcome {
  const clean = (text: string) => redactSecrets(text, secrets)
  switch (outcome.kind) {
    case 'sent':
    case 'keychain_unavailable':
    case 'deadline_passed':
      // Nothing of the provider's words is in any of these.
      return outcome
    case 'retry':
      return { ...outcome, reason: redactMessage(outcome.reason, secrets) }
    case 'network_blocked':
      // Our own words, but the detail came off an error: a proxy's status or a TLS code.
      return { ...outcome, message: redactMessage(outcome.message, secrets), detail: clean(outcome.detail) }
    default:
      return {
        ...outcome,
        message: redactMessage(outcome.message, secrets),
        providerMessage: outcome.providerMessage === null ? null : clean(outcome.providerMessage),
      }
  }
}

/**
 * An error that escaped a client, safe to log: its name kept, its message and stack (an SDK's may
 * quote the provider's answer) redacted.
 */
export function redactError(error: unknown, secrets: readonly string[]): Error {
  const safe = new Error(redactSecrets(error instanceof Error ? error.message : String(error), secrets))
  if (error instanceof Error) {
    safe.name = error.name
    safe.stack = error.stack === undefined ? undefined : redactSecrets(error.stack, secrets)
  }
  return safe
}
