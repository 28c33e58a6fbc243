import type { CountryCode } from '@shared/phone/dialable'
import { issueMessage, issueText } from '@shared/i18n/issue-message'
import { msg, type Message, type MessageKey } from '@shared/i18n/message'
import type { Note } from '../core/note'
import type { Candidate, FindRefusal, FindRefusalReason } from '@shared/phone/find-numbers'
import { findNumbers } from '@shared/phone/find-numbers'
import { foldPhoneText } from '@shared/phone/fold-text'
import type { DialCandidate, DialRequest } from '@shared/schemas/dial'
import { DialableE164, type OutdialIntent } from '@shared/schemas/intents'
import type { QueueItem } from '@shared/schemas/outbox'
import { isRepeat, type SubmitAnswer } from '@shared/schemas/repeat'
import type { Profile, ProfileOf } from '@shared/schemas/profiles'
import { profilesForTask } from '@shared/providers/registry'
import type { SettingsValues } from '@shared/schemas/settings'
import { renderMessage } from '@shared/i18n/render-message'
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
  /**
   * Queue the outdial through the outbox (the one path every task takes), or say the same outdial
   * was queued a moment ago unless the agent confirmed it.
   */
  submit: (intent: OutdialIntent, confirmedRepeat: boolean) => Promise<SubmitAnswer>
  /** Something the agent must hear about without a window (nothing to dial, no profile, dialled). */
  notify: (note: Note) => void
  /** A request now waits for the agent: show (or refresh) the confirm window. */
  onRequest: (request: DialRequest) => void
}

export type DialOutcome =
  { kind: 'nothing'; why: Message } | { kind: 'confirm'; request: DialRequest } | { kind: 'dialled'; item: QueueItem }

/**
 * Reasons that name the number's own country when it is known: not the agent's default region, as
 * `+1 234…` is a US number in GB too.
 */
const IN_COUNTRY: Partial<Record<FindRefusalReason, MessageKey>> = {
  too_short: 'dialNothing.why.too_short_in',
  too_long: 'dialNothing.why.too_long_in',
  invalid_for_region: 'dialNothing.why.invalid_for_region_in',
  invalid_length: 'dialNothing.why.invalid_length_in',
}

function refusalWhy({ reason, country }: FindRefusal): Message {
  const inCountry = IN_COUNTRY[reason]
  return country && inCountry ? msg(inCountry, { country }) : msg(`dialNothing.why.${reason}`)
}

// Shown without its invisible characters: a direction override copied into the notification would
// reorder the notification's own text.
const refusalText = (refusal: FindRefusal): Message =>
  msg('dialNothing.notANumber', {
    text: foldPhoneText(refusal.raw).replace(/\s+/g, ' ').trim(),
    why: refusalWhy(refusal),
  })

/**
 * The refusal of a number the outdial schema does not take, for the confirm window: the schema's own
 * words (an issue's text, keyed), or when it gave none, the app's, keyed too, so that the field's
 * message reaches the window in the agent's language as the refusal's does.
 */
export function undialable(words: string | undefined): AppError {
  const why = words ?? issueText('failure.numberNotDialable')
  return new AppError('invalid_input', issueMessage(why), [{ path: ['destination'], message: why }])
}

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

  function nothing(why: Message): DialOutcome {
    deps.logger.info('nothing to dial', { why: renderMessage(why) })
    deps.notify({ title: msg('notice.nothingToDial'), body: why })
    return { kind: 'nothing', why }
  }

  async function send(request: DialRequest, index: number, confirmedRepeat: boolean): Promise<SubmitAnswer> {
    const candidate = request.candidates[index]
    if (!candidate) throw new AppError('invalid_input', msg('failure.numberNotListed'))
    // The schema tasks:submit applies, so this path cannot queue what the form and IPC refuse.
    const checked = DialableE164.safeParse(candidate.e164)
    if (!checked.success) throw undialable(checked.error.issues[0]?.message)
    return deps.submit(
      {
        kind: 'outdial',
        profileId: request.profile.id,
        destination: candidate.e164,
        origin: request.callerId.number,
        entryPointId: request.entryPoint.id,
      },
      confirmedRepeat,
    )
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
              ? msg('dialNothing.noNumberInLink')
              : msg('dialNothing.noNumberInClipboard'),
        )
      }
      const profile = outdialProfile()
      if (!profile) return nothing(msg('dialNothing.noProfile'))
      const callerId = profile.outdialAnis[0]
      const entryPoint = profile.entryPoints.find((e) => e.direction === 'outbound')
      if (!callerId || !entryPoint) {
        return nothing(msg('dialNothing.profileIncomplete', { profile: profile.label }))
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
        const answer = await send(request, 0, false)
        // The same number dialled a moment ago: the confirm window asks instead of dialling again.
        if (!isRepeat(answer)) {
          deps.notify({
            title: msg('notice.dialling.title'),
            body: msg('notice.dialling.body', { number: request.candidates[0]!.international, profile: profile.label }),
          })
          return { kind: 'dialled', item: answer }
        }
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

    async confirm(requestId: string, index: number, confirmedRepeat = false): Promise<SubmitAnswer> {
      if (!pending || pending.id !== requestId) {
        throw new AppError('conflict', msg('failure.dialRequestGone'))
      }
      const request = pending
      const answer = await send(request, index, confirmedRepeat)
      // Only once it is queued: a refused number, or the question whether to dial the same number
      // again, leaves the request waiting in the open window.
      if (pending?.id === request.id && !isRepeat(answer)) pending = null
      return answer
    },

    cancel(requestId: string): void {
      if (pending?.id === requestId) pending = null
    },
  }
}

export type DialDesk = ReturnType<typeof createDialDesk>
