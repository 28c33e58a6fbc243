import type { ParsedResult } from 'chrono-node/en'
import type { CountryCode } from '@shared/phone/dialable'
import type { Candidate, FindRefusalReason } from '@shared/phone/find-numbers'
import { findNumbers } from '@shared/phone/find-numbers'
import type { TaskIntent } from '@shared/schemas/intents'
import { NewTaskIntent } from '@shared/schemas/intents'
import type { Profile, ProfileOf } from '@shared/schemas/profiles'
import { profilesForTask, profilesOf } from '@shared/providers/registry'
import {
  callbackDefaults,
  callbackIntentFields,
  firstCallbackProvider,
  quickFollowUp,
  quickFollowUpProfile,
} from '@shared/providers/task-forms'
import { allRefusals } from '../../forms/all-refusals'
import { followUpIntentOf, initialFollowUpValues } from '../tasks/follow-up/follow-up-intent'
import { VOICE_LANGUAGES, type VoiceLanguage } from '../tasks/broadcast/voice/languages'
import { voiceBroadcastDefaults } from '../tasks/broadcast/voice/voice-defaults'
import { fold, zoneNamed } from './zone-names'
import quickMessages from './messages'
import { AFTERNOON_TAG, EXACT_DURATION_TAG, timeReaders } from './time-readers'
import { dateTimeFormat } from '../../intl-formats'

// The quick entry: one line, typed as the agent would say it, read into the task it stands for.
//
//   call 415 555 0100
//   callback Ana Ruiz +44 20 7946 0958 tomorrow 3pm London re: refund
//   follow up Ana Ruiz friday: send the contract
//   broadcast es "Su pedido llegó" to list
//
// A kind word first (English or Spanish; none and a number is an outdial), then in any order: the
// number (read by shared/phone's finder, as the shortcut reads it), a time (chrono-node, English
// and Spanish) with an optional place for the customer's time zone right after it, `@word` for a
// profile, a quoted text, and after `re:` or `:` the reason or subject. What is left is the
// customer's name. The task is then checked by the very schemas and provider rules main applies.

export type QuickKind = 'outdial' | 'callback' | 'followUp' | 'broadcast'

export interface QuickContext {
  region: CountryCode
  language: 'en' | 'es'
  profiles: readonly Profile[]
  /** The settings' default profiles for outdials and callbacks. */
  defaults: { outdial: string | null; callback: string | null }
  now: Date
  /** This computer's time zone. */
  localZone: string
}

export interface QuickProblem {
  /** The field it is about: a path of the intent (`destination`, `when.at`, …) or `kind`, `numbers`. */
  path: string
  /** Already in the UI's language where the message is known (schema messages are translated by the view). */
  message: string
  /** A phone reading's refusal, for the view to say in its words. */
  phone?: FindRefusalReason
}

/** How a time was read that the agent should see said: a bare hour taken as p.m., the first of a repeated hour. */
export type QuickNote = 'afternoon' | 'earlierOfTwo' | 'outdialNow'

export interface QuickUnderstood {
  kind: QuickKind
  profile: Profile | null
  number: Candidate | null
  /** A broadcast's numbers, or `list` when they are to be pasted in the form. */
  numbers: string[] | 'list' | null
  when: { kind: 'now' } | { kind: 'at'; at: string; timeZone: string; zoneGiven: boolean } | null
  customer: string
  reason: string
  text: string
  language: VoiceLanguage | null
  notes: QuickNote[]
}

export interface QuickParse {
  understood: QuickUnderstood | null
  /** The task, when it passes every check: Enter queues exactly this. */
  intent: TaskIntent | null
  problems: QuickProblem[]
  /** The full form's values for this task (Tab opens the form with them). */
  formValues: Record<string, unknown> | null
  /** A broadcast's numbers as text, for the form's list box. */
  pastedNumbers: string | null
}

const KINDS: readonly [RegExp, QuickKind][] = [
  [/^(call\s*back|callback|cb|devolver(\s+la\s+llamada)?|devoluci[oó]n|rellamar|rellamada)\b/iu, 'callback'],
  [/^(follow[\s-]*up|fu|seguimiento|seguir)\b/iu, 'followUp'],
  [/^(broadcast|bc|difusi[oó]n|difundir)\b/iu, 'broadcast'],
  [/^(call|dial|outdial|llamar|ll[aá]mame|llama|llamada|marcar)\b/iu, 'outdial'],
]

/** Words that join the parts of a line and are not part of a name ("3pm in London", "a las 9"). */
const CONNECTORS = new Set(
  [
    'in',
    'at',
    'on',
    'for',
    'to',
    'with',
    'by',
    'time',
    'en',
    'a',
    'para',
    'con',
    'por',
    'hora',
    'de',
    'del',
    'el',
    'la',
    'las',
    'los',
    'y',
    'and',
    'al',
  ].map(fold),
)
const NOW = new Set(['now', 'ahora'])
/** "At once" as people say it, beyond chrono's now/ahora (which left "right", "asap", "mismo" in the name). */
const AT_ONCE =
  /(?<![\p{L}\p{N}])(?:right\s+now|asap|a\.s\.a\.p\.?|ahora\s+mismo|cuanto\s+antes|lo\s+antes\s+posible)(?![\p{L}\p{N}])/iu
/** Where the reason (callback) or subject (follow-up) starts: `re:` and friends, or a plain colon. */
const REASON_MARK =
  /(?:^|\s)(?:re|about|reason|motivo|asunto|sobre)\s*:\s*|(?<![\d]|\btel|\bcallto|\bsip|\bhttps?):(?!\d|\/\/)\s*/iu
const QUOTED = /["“”«»]([^"“”«»]+)["“”«»]/u
const PROFILE_HINT = /(?:^|\s)@(\S+)/u
const TO_LIST = /(?:^|\s)(?:to\s+(?:the\s+)?list|a\s+(?:la\s+)?lista)\b/iu
const EMAIL = /[^\s@"“”]+@[^\s@"“”]+\.[^\s@"“”]+/u
/** Who a follow-up is for, by their login: `assign jdoe`, `asignar a jdoe`. */
const ASSIGNEE = /(?:^|\s)(?:assign(?:\s+to)?|asignar(?:\s+a)?)\s+(\S+)/iu
/** The same at the very end of the line, after the subject ("…: call about the invoice assign jdoe"). */
const LAST_ASSIGNEE = /(?:^|\s)(?:assign(?:\s+to)?|asignar(?:\s+a)?)\s+(\S+)\s*$/iu

/** The line with spans blanked out as they are understood, so offsets stay those of the line. */
class Line {
  private masked: string
  constructor(readonly text: string) {
    this.masked = text
  }
  get rest(): string {
    return this.masked
  }
  take(start: number, end: number): string {
    const taken = this.masked.slice(start, end)
    this.masked = this.masked.slice(0, start) + ' '.repeat(end - start) + this.masked.slice(end)
    return taken
  }
  /** Takes the first match of `pattern` (group `group` is returned); null when none. */
  takeMatch(pattern: RegExp, group = 0): string | null {
    const match = pattern.exec(this.masked)
    if (!match) return null
    this.take(match.index, match.index + match[0].length)
    return match[group] ?? ''
  }
  /** Takes from `start` to the end of the line. */
  takeToEnd(start: number): string {
    return this.take(start, this.masked.length)
  }
}

/** Words of the line not yet taken, with their offsets. */
function wordsOf(text: string): { text: string; start: number; end: number }[] {
  return [...text.matchAll(/\S+/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }))
}

/** A zone's offset from UTC at an instant, in minutes (+540 for Tokyo). */
export function offsetMinutes(zone: string, at: Date): number {
  const name =
    dateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name)
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0
}

type Wall = { year: number; month: number; day: number; hour: number; minute: number }

/**
 * A wall time in a zone and how often the zone's clock shows it that day: once, `twice` (the clocks
 * go back: the earlier instant is given) or `never` (they go forward over it: the iso is then the
 * moment the same wall time would have had with the offset before the change).
 */
export function wallTimeIn(wall: Wall, zone: string): { iso: string; occurs: 'once' | 'twice' | 'never' } {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute)
  const DAY = 86_400_000
  const offsets = new Set([asUtc - DAY, asUtc, asUtc + DAY].map((t) => offsetMinutes(zone, new Date(t))))
  const fitting = [...offsets]
    .map((offset) => ({ offset, instant: asUtc - offset * 60_000 }))
    .filter(({ offset, instant }) => offsetMinutes(zone, new Date(instant)) === offset)
    .sort((a, b) => a.instant - b.instant)
  const offset = fitting[0]?.offset ?? offsetMinutes(zone, new Date(asUtc - DAY))
  return { iso: isoWith(wall, offset), occurs: fitting.length === 0 ? 'never' : fitting.length > 1 ? 'twice' : 'once' }
}

/** A wall time written with its offset (minutes east of UTC), to the minute. */
function isoWith(wall: Wall, offset: number): string {
  const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0')
  const sign = offset < 0 ? '-' : '+'
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:00${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
}

/**
 * An instant in a zone, with the offset the zone has then: unlike a wall time, never ambiguous
 * (1:30 on the night the clocks go back is EDT or EST depending on which one is meant).
 */
function isoAt(at: Date, zone: string): string {
  return isoWith(wallIn(zone, at), offsetMinutes(zone, at))
}

/** A wall time in a zone → ISO with that zone's offset at that moment (DST included; the earlier of two). */
export function zonedIso(wall: Wall, zone: string): string {
  return wallTimeIn(wall, zone).iso
}

/** The wall time in a zone at an instant (a time said with an offset chrono knows and we have no zone for). */
function wallIn(zone: string, at: Date) {
  const shifted = new Date(at.getTime() + offsetMinutes(zone, at) * 60_000)
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  }
}

/**
 * The time in the text, read in both languages: the longest reading wins, the first and the UI's
 * language on a tie. Taking the UI's language whenever it found anything read an English line in the
 * Spanish window as "3pm" alone, leaving "tomorrow" in the customer's name and the time on the wrong
 * day; taking the first reading took "Monday" out of "Monday Smith … tomorrow 3pm".
 */
function findTime(text: string, language: 'en' | 'es', now: Date, zone: string): ParsedResult | null {
  const ref = { instant: now, timezone: offsetMinutes(zone, now) }
  let best: ParsedResult | null = null
  for (const lang of language === 'es' ? (['es', 'en'] as const) : (['en', 'es'] as const)) {
    for (const found of timeReaders[lang].parse(text, ref, { forwardDate: true })) {
      // Trimmed: chrono's text may run on over the blanks where the number was.
      if (!best || found.text.trim().length > best.text.trim().length) best = found
    }
  }
  return best
}

/**
 * Times and dates that run on from a number's digits ("+1 415 555 0101 3pm", "… 0101 12/31"),
 * blanked for the number finder only: read with them, the number was too long and was lost.
 */
const TIME_LIKE =
  /(?<![\p{L}\p{N}])(?:\d{1,2}(?::\d{2})?\s?(?:[ap]\.?m\.?|h)|\d{1,2}:\d{2}|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?)(?![\p{L}\p{N}])/giu
const withoutTimes = (text: string) => text.replace(TIME_LIKE, (time) => ' '.repeat(time.length))

/** Words that say a place follows ("in London tomorrow 3pm"): a place before the time needs one. */
const PLACE_MARKS = new Set(['in', 'en'])

/**
 * The customer's zone: a place right after the time, skipping joining words ("3pm in London"), or
 * before it when nothing else can be meant ("in London tomorrow 3pm", "Europe/Paris 3pm"). Any place
 * before the time was taken before, so "Ana Paris +33 … tomorrow 3pm" was set in Paris for "Ana".
 */
function zoneBeside(
  line: Line,
  span: { start: number; end: number },
): { zone: string; start: number; end: number } | null {
  const words = wordsOf(line.rest)
  const after = words.filter((w) => w.start >= span.end)
  const before = words.filter((w) => w.end <= span.start).reverse()
  const placeAt = (run: typeof words, skip: number, reversed: boolean) => {
    for (let length = Math.min(4, run.length - skip); length >= 1; length--) {
      const part = run.slice(skip, skip + length)
      const ordered = reversed ? [...part].reverse() : part
      const zone = zoneNamed(ordered.map((w) => w.text.replace(/[.,;]+$/u, '')))
      if (zone) {
        const start = Math.min(...part.map((w) => w.start))
        const end = Math.max(...part.map((w) => w.end))
        // The joining words between the time and the place go with it ("3pm in London").
        const joined = run.slice(0, skip)
        const from = Math.min(start, ...joined.map((w) => w.start))
        const to = Math.max(end, ...joined.map((w) => w.end))
        return { zone, start: from, end: to }
      }
    }
    return null
  }
  const tryRun = (run: typeof words, reversed: boolean) => {
    let joining = 0
    while (joining < run.length && CONNECTORS.has(fold(run[joining]!.text))) joining++
    // A place may start with a joining word (Los Angeles, Las Palmas, La Habana, El Cairo).
    for (let skip = 0; skip <= joining; skip++) {
      const found = placeAt(run, skip, reversed)
      if (found) return found
    }
    return null
  }
  const beforeTime = () => {
    const found = tryRun(before, true)
    if (!found) return null
    const place = line.rest.slice(found.start, found.end)
    if (place.includes('/')) return found
    const mark = before.find((w) => w.end <= found.start)
    if (!mark || !PLACE_MARKS.has(fold(mark.text)) || line.rest.slice(mark.end, found.start).trim() !== '') return null
    return { ...found, start: mark.start }
  }
  return tryRun(after, false) ?? beforeTime()
}

/** What is left of the line: a name, without the joining words at its ends. */
function leftover(text: string): string {
  const runs = text.split(/\s{2,}/u).map((run) => {
    const words = run.trim().split(/\s+/u).filter(Boolean)
    while (words.length && CONNECTORS.has(fold(words[0]!))) words.shift()
    while (words.length && CONNECTORS.has(fold(words.at(-1)!))) words.pop()
    return words.join(' ')
  })
  return runs
    .filter(Boolean)
    .join(' ')
    .replace(/[,;]+$/u, '')
    .trim()
}

function pickProfile<T extends Profile>(usable: readonly T[], hint: string | null, preferred: string | null): T | null {
  if (hint) {
    const wanted = fold(hint)
    return usable.find((p) => fold(p.label).includes(wanted)) ?? null
  }
  return usable.find((p) => p.id === preferred) ?? usable[0] ?? null
}

let languageWords: Map<string, VoiceLanguage> | null = null
/** The broadcast's language from a word: its code (es, vi), the platform's (ES, VN) or its name. */
function voiceLanguage(word: string): VoiceLanguage | null {
  if (!languageWords) {
    languageWords = new Map()
    for (const [code, bcp47] of Object.entries(VOICE_LANGUAGES) as [VoiceLanguage, string][]) {
      languageWords.set(bcp47, code).set(code.toLowerCase(), code)
      for (const inLanguage of ['en', 'es', bcp47]) {
        const name = new Intl.DisplayNames([inLanguage], { type: 'language' }).of(bcp47)
        if (name) languageWords.set(fold(name), code)
      }
    }
  }
  return languageWords.get(fold(word)) ?? null
}

const outbound = (p: ProfileOf<'webex'> | null) => p?.entryPoints.filter((e) => e.direction === 'outbound') ?? []
const EMPTY: QuickParse = { understood: null, intent: null, problems: [], formValues: null, pastedNumbers: null }

/** Reads one line of quick entry. Pure: the same line and context give the same task. */
export function parseQuickEntry(input: string, context: QuickContext): QuickParse {
  const text = input.replace(/\s+/gu, ' ').trimStart()
  if (text.trim() === '') return EMPTY
  const line = new Line(text)
  const problems: QuickProblem[] = []

  // ——— the kind ———
  let kind: QuickKind | null = null
  for (const [pattern, named] of KINDS) {
    const match = pattern.exec(text)
    if (match) {
      kind = named
      line.take(0, match[0].length)
      break
    }
  }

  // ——— the parts that say what they are ———
  const hint = line.takeMatch(PROFILE_HINT, 1)
  const quoted = line.takeMatch(QUOTED, 1)
  const toList = line.takeMatch(TO_LIST) !== null
  const lastAssignee = kind === 'followUp' ? line.takeMatch(LAST_ASSIGNEE, 1) : null
  let reason = ''
  // An outdial has no reason: a colon there is part of what was pasted ("Jane: 415 555 0100").
  const mark = kind === 'callback' || kind === 'followUp' ? REASON_MARK.exec(line.rest) : null
  if (mark) reason = line.takeToEnd(mark.index).slice(mark[0].length).trim()
  const assignee = kind === 'followUp' ? (lastAssignee ?? line.takeMatch(ASSIGNEE, 1)) : null
  const email = kind === 'followUp' ? line.takeMatch(EMAIL) : null

  // ——— the numbers ———
  const found = findNumbers(kind === 'outdial' ? line.rest : withoutTimes(line.rest), context.region, {
    // Two, to tell the agent: "call A or B" went to A, with B left in the customer's name.
    max: kind === 'broadcast' ? 50 : kind === 'followUp' ? 1 : 2,
  })
  for (const candidate of found.candidates) line.take(candidate.offset, candidate.offset + candidate.raw.length)
  const number = found.candidates[0] ?? null
  if (kind !== 'broadcast' && found.candidates.length > 1) problems.push({ path: 'destination', message: 'twoNumbers' })
  kind ??= number ? 'outdial' : null
  if (!kind) {
    return { ...EMPTY, problems: [{ path: 'kind', message: 'kind' }] }
  }
  if (!number && (kind === 'outdial' || kind === 'callback')) {
    const refusal = found.refusals[0]
    problems.push(
      refusal
        ? { path: 'destination', message: refusal.reason, phone: refusal.reason }
        : { path: 'destination', message: 'no_number', phone: 'empty' },
    )
  }

  // ——— the broadcast's language ———
  let language: VoiceLanguage | null = null
  if (kind === 'broadcast') {
    for (const word of wordsOf(line.rest)) {
      language = voiceLanguage(word.text)
      if (language) {
        line.take(word.start, word.end)
        break
      }
    }
  }

  // ——— the time, and the customer's zone beside it ———
  let when: QuickUnderstood['when'] = null
  let hourGiven = false
  const notes: QuickNote[] = []
  const atOnce = kind !== 'outdial' && line.takeMatch(AT_ONCE) !== null
  if (atOnce) when = { kind: 'now' }
  if (kind !== 'outdial' && !atOnce) {
    const first = findTime(line.rest, context.language, context.now, context.localZone)
    if (first) {
      const span = { start: first.index, end: first.index + first.text.length }
      if (NOW.has(fold(first.text))) {
        line.take(span.start, span.end)
        when = { kind: 'now' }
      } else {
        // A zone chrono read into the time ("3pm PST") is the customer's, as a city beside it is.
        const offsetSaid = first.start.isCertain('timezoneOffset')
        const abbreviated = offsetSaid ? zoneNamed([first.text.split(/\s+/u).at(-1) ?? '']) : null
        const place = abbreviated ? { zone: abbreviated, start: span.end, end: span.end } : zoneBeside(line, span)
        const zone = place?.zone ?? context.localZone
        // Read again on the customer's clock: "tomorrow" is their tomorrow.
        const again = place ? findTime(first.text, context.language, context.now, zone) : first
        const parsed = again ?? first
        line.take(span.start, span.end)
        if (place) line.take(place.start, place.end)
        hourGiven = parsed.start.isCertain('hour')
        // "in 2 hours": an instant (time-readers.ts), read as a wall time it could be an hour off.
        const exact = parsed.tags().has(EXACT_DURATION_TAG)
        const wall =
          offsetSaid && !place
            ? wallIn(zone, parsed.start.date())
            : {
                year: parsed.start.get('year') ?? 0,
                month: parsed.start.get('month') ?? 1,
                day: parsed.start.get('day') ?? 1,
                hour: hourGiven ? (parsed.start.get('hour') ?? 0) : 17,
                minute: hourGiven ? (parsed.start.get('minute') ?? 0) : 0,
              }
        const reading = exact ? { iso: isoAt(parsed.start.date(), zone), occurs: 'once' } : wallTimeIn(wall, zone)
        if (reading.occurs === 'never') problems.push({ path: 'when.at', message: 'skippedHour' })
        if (reading.occurs === 'twice') notes.push('earlierOfTwo')
        if (parsed.tags().has(AFTERNOON_TAG)) notes.push('afternoon')
        when = { kind: 'at', at: reading.iso, timeZone: zone, zoneGiven: place !== null }
      }
    }
  }

  // An outdial dials when it is queued: a time in its line ("call … tomorrow 3pm") was dropped
  // without a word. The preview says Now and why, so an agent who meant later writes callback;
  // not refused, as a pasted text's stray date ("free Monday: 020 …") must not stop a dial.
  if (kind === 'outdial') {
    const said = findTime(line.rest, context.language, context.now, context.localZone)
    if (said && !NOW.has(fold(said.text))) {
      when = { kind: 'now' }
      notes.push('outdialNow')
    }
  }

  // A broadcast goes out when it is queued: a time in its line would be dropped without a word.
  if (kind === 'broadcast' && when?.kind === 'at') problems.push({ path: 'when', message: 'broadcastTime' })

  const customer = leftover(line.rest)
  const understood: QuickUnderstood = {
    kind,
    profile: null,
    number,
    numbers: null,
    when,
    customer,
    reason,
    text: quoted ?? '',
    language,
    notes,
  }

  // ——— the task ———
  let intent: Record<string, unknown>
  let formValues: Record<string, unknown>
  let pastedNumbers: string | null = null
  const { profiles } = context

  if (kind === 'outdial') {
    const profile = pickProfile(profilesForTask('outdial', profiles), hint, context.defaults.outdial)
    understood.profile = profile
    formValues = {
      kind: 'outdial',
      profileId: profile?.id ?? '',
      destination: number?.e164 ?? '',
      origin: profile?.outdialAnis[0]?.number ?? '',
      entryPointId: outbound(profile)[0]?.id ?? '',
    }
    intent = formValues
  } else if (kind === 'callback') {
    const profile = pickProfile(profilesForTask('callback', profiles), hint, context.defaults.callback)
    understood.profile = profile
    if (when?.kind === 'at' && !hourGiven) problems.push({ path: 'when.at', message: 'hour' })
    const whenIntent = when?.kind === 'at' ? { kind: 'at', at: when.at, timeZone: when.timeZone } : { kind: 'now' }
    const common = {
      kind: 'callback',
      profileId: profile?.id ?? '',
      when: whenIntent,
      destination: number?.e164 ?? '',
      customerName: customer,
      reason,
    }
    const provider = profile?.provider ?? firstCallbackProvider
    formValues = {
      ...common,
      provider,
      when: {
        kind: whenIntent.kind,
        at: when?.kind === 'at' ? when.at : '',
        timeZone: when?.kind === 'at' ? when.timeZone : context.localZone,
      },
      ...callbackDefaults(profile ?? undefined),
    }
    intent = { ...common, provider, ...callbackIntentFields(provider, formValues, whenIntent.kind === 'at') }
  } else if (kind === 'followUp') {
    const usable = profilesForTask('followUp', profiles)
    // A provider that finds the customer by email or phone when one is given; a name alone goes where a name is enough.
    const profile = hint
      ? pickProfile(usable, hint, null)
      : (quickFollowUpProfile(usable, (email ?? number) !== null) ?? usable[0] ?? null)
    understood.profile = profile
    const subject = reason || quoted || ''
    understood.reason = subject
    const base = initialFollowUpValues(usable, profile?.id ?? '')
    const read = quickFollowUp(profile ?? undefined, {
      subject,
      customer,
      email,
      number: number?.e164 ?? null,
      due: when?.kind === 'at' ? when.at : '',
      assignee,
      // Written into the task's text, so in the UI's language now (the parse is pure: no i18n instance).
      dueWord: quickMessages[context.language].dueWord,
    })
    problems.push(...read.problems)
    formValues = { ...base, ...read.values }
    intent = followUpIntentOf(formValues, usable)
  } else {
    const profile = pickProfile(profilesOf('voice_broadcast', profiles), hint, null)
    understood.profile = profile
    // The voice platform takes the digits alone: country code and number, no +.
    const numbers = found.candidates.map((c) => c.e164.slice(1))
    understood.numbers = numbers.length ? numbers : toList ? 'list' : null
    if (numbers.length === 0) problems.push({ path: 'numbers', message: toList ? 'list' : 'numbers' })
    pastedNumbers = numbers.length ? numbers.join('\n') : null
    formValues = {
      ...voiceBroadcastDefaults(profile?.id ?? ''),
      text: quoted ?? '',
      ...(language && { lan: language }),
    }
    intent = { ...formValues, numbers }
  }

  // ——— the same checks main makes, every problem at once ———
  for (const refusal of allRefusals(NewTaskIntent, intent, understood.profile ?? undefined, context.now)) {
    const path = refusal.path.map(String).join('.')
    // A number the reading already refused is said once, in the reading's words; so is a list to come.
    if (problems.some((p) => p.path === path || (p.path === 'destination' && path.startsWith('destination')))) continue
    if (kind === 'broadcast' && path.startsWith('numbers') && problems.some((p) => p.path === 'numbers')) continue
    problems.push({ path, message: refusal.message })
  }
  if (!understood.profile) problems.push({ path: 'profileId', message: 'profile' })
  const checked = problems.length === 0 ? NewTaskIntent.safeParse(intent) : null

  return {
    understood,
    intent: checked?.success ? checked.data : null,
    problems,
    formValues,
    pastedNumbers,
  }
}
