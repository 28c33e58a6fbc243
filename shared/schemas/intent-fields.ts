import { z } from 'zod'
import { E164_PATTERN, judgeE164, type E164Refusal } from '../phone/dialable'
import { normalizeNumber } from '../phone/number-list'
import { isIanaTimeZone } from '../providers/webex/wire'
import { maxChars } from '../text'
import { ProfileId } from './fields'
import { issueText, noun, type SchemaNoun } from '../i18n/issue-message'

// Field schemas the task intents of several providers share (a destination, a time, a callback's
// common fields). Each provider's own intents are in its folder (shared/providers/<name>/intents.ts);
// shared/schemas/intents.ts joins them into the task kinds.

const INTERNATIONAL_FORMAT = issueText('schema.intentFields.enterNumberInternationalFormat')

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
  not_canonical: issueText('schema.intentFields.leaveOutNationalPrefix'),
  too_short: issueText('schema.intentFields.numberTooShortIts'),
  too_long: issueText('schema.intentFields.numberTooLongIts'),
  invalid_length: issueText('schema.intentFields.numberHasWrongNumber'),
  invalid_country: issueText('schema.intentFields.countryCodeDoesNot'),
  invalid_for_region: issueText('schema.intentFields.noNumberExistsCountry'),
  not_e164: issueText('schema.intentFields.webexCannotDialNumber'),
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
export const IsoInstant = z.iso.datetime({ offset: true, error: issueText('schema.intentFields.giveDateTimeIts') })

export const TimeZone = z.string().refine(isIanaTimeZone, { error: issueText('schema.common.chooseTimeZoneBy') })

/** Text the agent must fill in, at most `max` characters (UTF-16 units, as the providers count). */
export const Text = (max: number, what: SchemaNoun) =>
  z
    .string()
    .trim()
    .min(1, { error: issueText('schema.text.enter', { what: noun(what) }) })
    .check(...maxChars(max, issueText('schema.text.atMostChars', { max: max })))

// ——— callback: what every provider's callback asks for ———

export const CallbackWhen = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('now') }).strict(),
  z.object({ kind: z.literal('at'), at: IsoInstant, timeZone: TimeZone }).strict(),
])
export type CallbackWhen = z.infer<typeof CallbackWhen>

/** How long a provider lets a callback's common texts be: each provider's callback intent states its own. */
export interface CallbackLimits {
  customerNameChars: number
  reasonChars: number
}

/**
 * The fields of a callback whatever its provider, held to that provider's `limits`; each provider's
 * callback intent adds its own fields.
 */
export function callbackFields(limits: CallbackLimits) {
  return {
    kind: z.literal('callback'),
    profileId: ProfileId,
    when: CallbackWhen,
    destination: E164,
    customerName: Text(limits.customerNameChars, 'customerName'),
    reason: z.string().trim().max(limits.reasonChars),
  }
}
