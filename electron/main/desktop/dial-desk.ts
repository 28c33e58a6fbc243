import type { CountryCode } from '@shared/phone/dialable'
import { msg } from '@shared/i18n/message'
import type { Note } from '../core/note'
import type { Candidate, FindRefusal, FindRefusalReason } from '@shared/phone/find-numbers'
import { findNumbers } from '@shared/phone/find-numbers'
import { foldPhoneText } from '@shared/phone/fold-text'
import type { DialCandidate, DialRequest } from '@shared/schemas/dial'
import { DialableE164, type OutdialIntent } from '@shared/schemas/intents'
import type { QueueItem } from '@shared/schemas/outbox'
import type { Profile, ProfileOf } from '@shared/schemas/profiles'
import { profilesForTask } from '@shared/providers/registry'
import type { SettingsValues } from '@shared/schemas/settings'
import { AppError } from '../core/app-error'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'

export interface DialDeskDeps {
  clock: Clock
  logger: Logger
  newId: () => string
  settings: () => SettingsValues
  /** Every profile the agent can use (sandbox ones included). */
  profiles: () => Profile[]
  /** Queue the outdial through the outbox (the one path every task takes). */
  submit: (intent: OutdialIntent) => Promise<QueueItem>
  /** Something the agent must hear about without a window (nothing to dial, no profile, dialled). */
  notify: (note: Note) => void
  /** A request now waits for the agent: show (or refresh) the confirm window. */
  onRequest: (request: DialRequest) => void
}

export type DialOutcome =
  { kind: 'nothing'; why: string } | { kind: 'confirm'; request: DialRequest } | { kind: 'dialled'; item: QueueItem }

const REFUSAL_WORDS: Record<FindRefusalReason, (country: string | undefined) => string> = {
  empty: () => 'it is empty',
  not_a_number: () => 'it is not a phone number',
  too_short: (country) => (country ? `too short for a number in ${country}` : 'too short to be a phone number'),
  too_long: (country) => (country ? `too long for a number in ${country}` : 'too long to be a phone number'),
  invalid_country: () => 'its country code does not exist',
  // The number's own country, not the agent's default region: `+1 234…` is a US number in GB too.
  invalid_for_region: (country) => (country ? `no such number exists in ${country}` : 'no such number exists'),
  invalid_length: (country) => `it has the wrong number of digits for ${country ?? 'its country'}`,
  local_number: () => 'it has no area code',
  not_e164: () => 'Webex cannot dial it',
  malformed_uri: () => 'the link is malformed',
  cut_off: () => 'it was cut off',
  bidi_control: () => 'it is inside right-to-left or isolate controls, so the digits shown may not be the ones read',
  reference: () => 'it follows a reference label (order, invoice, account…), not a phone label',
  runs_into_digits: () => 'it runs on from other digits, so where it starts is unclear',
  date: () => 'it is a date',
  card_number: () => 'it looks like a payment card number',
  coordinates: () => 'those are map coordinates',
}

// Shown without its invisible characters: a direction override copied into the notification would
// reorder the notification's own text.
const refusalText = (refusal: FindRefusal) =>
  `"${foldPhoneText(refusal.raw).replace(/\s+/g, ' ').trim()}" is not a number to dial: ${REFUSAL_WORDS[refusal.reason](refusal.country)}.`

const toCandidate = (c: Candidate): DialCandidate => ({
  e164: c.e164,
  national: c.national,
  international: c.international,
  ...(c.extension ? { extension: c.extension } : {}),
  source: c.source,
})

/**
 * From text (the clipboard, the selection, a tel: link) to a confirmed outdial: finds the numbers
 * with the default region, picks the Webex profile, caller id and entry point, and holds the
 * request until the agent confirms or cancels it. Never touches the clipboard; nothing dialable
 * is said in a notification, never with an empty window.
 */
export function createDialDesk(deps: DialDeskDeps) {
  let pending: DialRequest | null = null

  function outdialProfile(): ProfileOf<'webex'> | null {
    const outdials = profilesForTask('outdial', deps.profiles())
    const chosen = deps.settings().defaultOutdialProfileId
    return outdials.find((p) => p.id === chosen) ?? outdials[0] ?? null
  }

  function nothing(why: string): DialOutcome {
    deps.logger.info('nothing to dial', { why })
    deps.notify({ title: msg('notice.nothingToDial'), body: msg('asIs', { text: why }) })
    return { kind: 'nothing', why }
  }

  async function send(request: DialRequest, index: number): Promise<QueueItem> {
    const candidate = request.candidates[index]
    if (!candidate) throw new AppError('invalid_input', 'That number is not in the list.')
    // The schema tasks:submit applies, so this path cannot queue what the form and IPC refuse.
    const checked = DialableE164.safeParse(candidate.e164)
    if (!checked.success) {
      const message = checked.error.issues[0]?.message ?? 'That number cannot be dialled.'
      throw new AppError('invalid_input', message, [{ path: ['destination'], message }])
    }
    return deps.submit({
      kind: 'outdial',
      profileId: request.profile.id,
      destination: candidate.e164,
      origin: request.callerId.number,
      entryPointId: request.entryPoint.id,
    })
  }

  return {
    /** The shortcut was pressed (or a link opened) with this text. */
    async fromText(text: string, origin: DialRequest['origin']): Promise<DialOutcome> {
      const settings = deps.settings()
      const found = findNumbers(text, settings.defaultRegion as CountryCode)
      if (found.candidates.length === 0) {
        const refusal = found.refusals[0]
        return nothing(
          refusal
            ? refusalText(refusal)
            : origin === 'link'
              ? 'The link holds no phone number.'
              : 'The clipboard holds no phone number. Copy one, then press the shortcut again.',
        )
      }
      const profile = outdialProfile()
      if (!profile) return nothing('No Webex profile can place the call. Add one under Profiles.')
      const callerId = profile.outdialAnis[0]
      const entryPoint = profile.entryPoints.find((e) => e.direction === 'outbound')
      if (!callerId || !entryPoint) {
        return nothing(`The profile ${profile.label} lists no outdial ANI or outbound entry point.`)
      }
      const request: DialRequest = {
        id: deps.newId(),
        at: deps.clock.now().toISOString(),
        origin,
        candidates: found.candidates.map(toCandidate),
        profile: { id: profile.id, label: profile.label },
        callerId: { number: callerId.number, label: callerId.label },
        entryPoint: { id: entryPoint.id, label: entryPoint.label },
      }
      if (settings.autoDial && request.candidates.length === 1) {
        const item = await send(request, 0)
        deps.notify({
          title: msg('notice.dialling.title'),
          body: msg('notice.dialling.body', { number: request.candidates[0]!.international, profile: profile.label }),
        })
        return { kind: 'dialled', item }
      }
      pending = request
      deps.onRequest(request)
      return { kind: 'confirm', request }
    },

    pending: (): DialRequest | null => pending,

    /** The first dialable number in some text (the quick callback's prefill), or null. */
    firstNumber(text: string): DialCandidate | null {
      const [first] = findNumbers(text, deps.settings().defaultRegion as CountryCode, { max: 1 }).candidates
      return first ? toCandidate(first) : null
    },

    async confirm(requestId: string, index: number): Promise<QueueItem> {
      if (!pending || pending.id !== requestId) {
        throw new AppError('conflict', 'This dial request is no longer waiting; press the shortcut again.')
      }
      const request = pending
      const item = await send(request, index)
      // Only once it is queued: a refused number leaves the window open with the reason.
      if (pending?.id === request.id) pending = null
      return item
    },

    cancel(requestId: string): void {
      if (pending?.id === requestId) pending = null
    },
  }
}

export type DialDesk = ReturnType<typeof createDialDesk>
