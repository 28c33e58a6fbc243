import { z } from 'zod'
import { E164_PATTERN, judgeE164, type E164Refusal } from '../phone/dialable'
import { normalizeNumber } from '../phone/number-list'
import { CONNECT_TASK_LIMITS } from '../providers/connect/wire'
import { isIanaTimeZone, WEBEX_SCHEDULED_CALLBACK_LIMITS } from '../providers/webex/wire'
import { maxChars } from '../text'
import { ProfileId } from './fields'

// Field schemas the task intents of several providers share (a destination, a time, a callback's
// common fields). Each provider's own intents are in its folder (shared/providers/<name>/intents.ts);
// shared/schemas/intents.ts joins them into the task kinds.

const INTERNATIONAL_FORMAT = 'Enter the number in international format, such as +14085550100.'

/**
 * A phone number in E.164: +, country code, subscriber number; 8–16 characters in all. The shape
 * only: what a task already queued holds. Whether the number exists is libphonenumber's call, and
 * its metadata changes between versions, so it is asked when a task is queued (DialableE164), never
 * when the outbox journal is read back: a queued task must not turn the journal unreadable.
 */
export const E164 = z.string().trim().regex(E164_PATTERN, { error: INTERNATIONAL_FORMAT })

const NOT_DIALABLE: Record<E164Refusal['reason'], string> = {
  empty: INTERNATIONAL_FORMAT,
  not_a_number: INTERNATIONAL_FORMAT,
  not_international: INTERNATIONAL_FORMAT,
  not_canonical: 'Leave out the national prefix after the country code: +44 20 7946 0958, not +44 020 7946 0958.',
  too_short: 'This number is too short for its country.',
  too_long: 'This number is too long for its country.',
  invalid_length: 'This number has the wrong number of digits for its country.',
  invalid_country: 'This country code does not exist, so the number cannot be dialled.',
  invalid_for_region: 'No such number exists for this country code.',
  not_e164: 'Webex cannot dial this number: international numbers have 7 to 15 digits.',
}

/**
 * Why a number of E.164 shape that the list reader refused cannot be dialled, in DialableE164's words
 * (judgeE164 is slower than the list reader, so it only words the refusals that are shown).
 */
export function whyNotDialable(e164: string): string {
  const judged = judgeE164(e164)
  return judged.ok ? NOT_DIALABLE.invalid_for_region : NOT_DIALABLE[judged.reason]
}

/**
 * Whether an E.164 number is dialable, by the list reader (shared/phone/number-list.ts): the rule
 * of shared/phone/dialable.ts (tests/shared/phone/number-list.test.ts holds the two together), read
 * without building libphonenumber's objects. It runs on every task queued, where judgeE164 cost
 * about 16 KB of allocation a number; judgeE164 only words a refusal.
 */
export function isDialableE164(e164: string): boolean {
  const read = normalizeNumber(e164, 'US')
  return read.ok && `+${read.number}` === e164
}

/**
 * The destination of a task being queued, by the form, over IPC or from the shortcut: E.164 that
 * libphonenumber calls valid today (shared/phone/dialable.ts, the rule the shortcut and the form
 * field use), so `+999 1234567`, which has the shape, is refused wherever it comes from.
 */
export const DialableE164 = E164.superRefine((value, ctx) => {
  // The shape's own message already says what is wrong.
  if (!E164_PATTERN.test(value) || isDialableE164(value)) return
  ctx.addIssue({ code: 'custom', message: whyNotDialable(value) })
})

/** A date and time with its UTC offset, e.g. 2026-07-01T09:30:00+02:00. */
export const IsoInstant = z.iso.datetime({ offset: true, error: 'Give a date and time with its UTC offset.' })

export const TimeZone = z
  .string()
  .refine(isIanaTimeZone, { error: 'Choose a time zone by its IANA name, such as America/New_York.' })

/** Text the agent must fill in, at most `max` characters (UTF-16 units, as the providers count). */
export const Text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `Enter the ${what}.` })
    .check(...maxChars(max, `At most ${max} characters.`))

// ——— callback: what every provider's callback asks for ———

export const CallbackWhen = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('now') }).strict(),
  z.object({ kind: z.literal('at'), at: IsoInstant, timeZone: TimeZone }).strict(),
])
export type CallbackWhen = z.infer<typeof CallbackWhen>

/** The fields of a callback whatever its provider; each provider's callback intent adds its own. */
export const callbackFields = {
  kind: z.literal('callback'),
  profileId: ProfileId,
  when: CallbackWhen,
  destination: E164,
  customerName: Text(WEBEX_SCHEDULED_CALLBACK_LIMITS.customerNameChars, 'customer name'),
  /** As long as the shortest provider takes it: Connect's task description. */
  reason: z.string().trim().max(CONNECT_TASK_LIMITS.descriptionChars),
}
