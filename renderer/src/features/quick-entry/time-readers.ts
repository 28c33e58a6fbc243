import * as chronoEn from 'chrono-node/en'
import * as chronoEs from 'chrono-node/es'
import { Meridiem, type Chrono, type ParsingComponents, type Parser, type Refiner } from 'chrono-node/en'

// chrono-node's readers for the quick entry, with what agents say that chrono does not read as they
// mean it:
// - Spanish "a las 3 de la tarde" (read as 3 a.m. with "de la tarde" left over), "pasado mañana"
//   (read as "mañana", a day early), "15h" (read as "in 15 hours") and "mañana por la tarde (a las 4)"
//   (two readings, the day and the hour apart).
// - A bare hour from 1 to 7 ("at 3", "a las 3", "3:30") is in the afternoon: callbacks are booked in
//   business hours, and nobody means 3 in the morning without saying so ("3am", "03:00",
//   "de la madrugada"). chrono reads it as a.m.; the result is tagged so the preview can say how it was read.
// - A weekday with an hour already past today ("monday 9am" on a Monday at 10) is next week's:
//   chrono's own forward-date rule leaves it today, or not, depending on this computer's zone.
// - "in 2 hours" is two hours from now (7,200 s), whatever the clocks do meanwhile: chrono adds it on a
//   wall clock (this computer's), so across a change of the clocks it was an hour off.

export const AFTERNOON_TAG = 'quickEntry/afternoon'

/** A date in the reference's calendar moved by whole days, as implied (not said) components. */
function shiftDays(components: ParsingComponents, days: number): void {
  const date = new Date(
    Date.UTC(components.get('year') ?? 0, (components.get('month') ?? 1) - 1, (components.get('day') ?? 1) + days),
  )
  const set = (unit: 'year' | 'month' | 'day', value: number) =>
    components.isCertain(unit) ? components.assign(unit, value) : components.imply(unit, value)
  set('year', date.getUTCFullYear())
  set('month', date.getUTCMonth() + 1)
  set('day', date.getUTCDate())
}

/** "pasado mañana" is chrono's "mañana" (with whatever time follows) and one day more. */
const dayAfterTomorrow: Refiner = {
  refine: (context, results) => {
    for (const result of results) {
      if (!result.tags().has('casualReference/tomorrow')) continue
      const before = /(?<![\p{L}\p{N}])pasado\s+$/iu.exec(context.text.slice(0, result.index))
      if (!before) continue
      shiftDays(result.start, 1)
      result.index = before.index
      result.text = context.text.slice(before.index, result.index + before[0].length + result.text.length)
      result.addTag('quickEntry/dayAfterTomorrow')
    }
    return results
  },
}

/** "15h", "9h30": the hour as Spanish (and French) speakers write it; chrono's Spanish read "15h" as "in 15 hours". */
const hourWithH: Parser = {
  pattern: () =>
    /(?<![\p{L}\p{N}])(?<!\ben\s{1,3})(?<!\bdentro\s+de\s{1,3})([01]?\d|2[0-3])\s?h([0-5]\d)?(?![\p{L}\p{N}])/iu,
  extract: (context, match) => {
    const hour = Number(match[1])
    const components = context.createParsingComponents({ hour, minute: Number(match[2] ?? 0) })
    components.assign('meridiem', hour >= 12 ? Meridiem.PM : Meridiem.AM)
    return components.addTag('quickEntry/hourWithH')
  },
}

/** Between a day and its hour: "mañana por la tarde a las 4", "el lunes, a las 9". */
const DAY_TO_HOUR = /^\s*(?:,|(?:por|en|de)\s+la|a\s+las?)?\s*$/iu

/** A day alone followed by an hour alone is one time ("mañana" + "tarde a las 4"). */
const dayThenHour: Refiner = {
  refine: (context, results) => {
    const joined: typeof results = []
    for (const result of results) {
      const day = joined.at(-1)
      const between = day ? context.text.slice(day.index + day.text.length, result.index) : ''
      if (
        day &&
        !day.start.isCertain('hour') &&
        (day.start.isCertain('day') || day.start.isCertain('weekday')) &&
        result.start.isOnlyTime() &&
        DAY_TO_HOUR.test(between)
      ) {
        for (const unit of ['hour', 'minute', 'meridiem'] as const) {
          const value = result.start.get(unit)
          if (value === null) continue
          if (result.start.isCertain(unit)) day.start.assign(unit, value)
          else day.start.imply(unit, value)
        }
        day.text = context.text.slice(day.index, result.index + result.text.length)
        day.addTags(result.tags())
        continue
      }
      joined.push(result)
    }
    return joined
  },
}

const PART_OF_DAY = /^\s+(?:de|por)\s+la\s+(tarde|noche|ma[nñ]ana|madrugada)(?![\p{L}\p{N}])/iu

/** "3 de la tarde" is 15:00, "11 de la noche" 23:00, "9 de la mañana" 09:00: the hour said, then the part of the day. */
const partOfDay: Refiner = {
  refine: (context, results) => {
    const taken: { start: number; end: number }[] = []
    for (const result of results) {
      const start = result.start
      if (!start.isCertain('hour') || start.isCertain('meridiem')) continue
      const after = context.text.slice(result.index + result.text.length)
      const match = PART_OF_DAY.exec(after)
      const hour = start.get('hour') ?? 0
      if (!match || hour > 12) continue
      const part = match[1]!.toLowerCase()
      const afternoon = part === 'tarde' || part === 'noche'
      // "12 de la noche" is midnight; "12 de la tarde" is noon.
      const hour24 = afternoon ? (hour === 12 ? (part === 'noche' ? 0 : 12) : hour + 12) : hour === 12 ? 0 : hour
      start.assign('hour', hour24)
      start.assign('meridiem', hour24 >= 12 ? Meridiem.PM : Meridiem.AM)
      const end = result.index + result.text.length + match[0].length
      result.text = context.text.slice(result.index, end)
      taken.push({ start: result.index, end })
    }
    // What chrono read inside the words now taken ("tarde", "mañana" as tomorrow) is no time of its own.
    return results.filter(
      (r) => !taken.some((t) => r.index > t.start && r.index < t.end && r.index + r.text.length <= t.end),
    )
  },
}

/** An hour written the 24-hour way, with its leading zero ("03:00", "07h"): said as meant. */
const LEADING_ZERO_HOUR = /(?<![\d/.-])0\d(?=[:h.]|\s|$)/iu

/** A bare hour 1–7 without a.m./p.m. is 13–19; a time alone is then the next such moment from now. */
const afternoonHours: Refiner = {
  refine: (context, results) => {
    for (const result of results) {
      const start = result.start
      const hour = start.get('hour') ?? 0
      if (!start.isCertain('hour') || start.isCertain('meridiem') || hour < 1 || hour > 7) continue
      if (LEADING_ZERO_HOUR.test(result.text)) continue
      const timeOnly = start.isOnlyTime()
      start.assign('hour', hour + 12)
      start.assign('meridiem', Meridiem.PM)
      result.addTag(AFTERNOON_TAG)
      if (!timeOnly) continue
      // chrono moved "at 3" (03:00, past) to tomorrow; 15:00 may still be today.
      const today = context.reference.getDateWithAdjustedTimezone()
      start.imply('year', today.getFullYear())
      start.imply('month', today.getMonth() + 1)
      start.imply('day', today.getDate())
      if (start.date() < context.reference.instant) shiftDays(start, 1)
    }
    return results
  },
}

/** A weekday said with a time already past ("monday 9am" on Monday at 10) is next week's. */
const weekdayAhead: Refiner = {
  refine: (context, results) => {
    for (const result of results) {
      const start = result.start
      if (!start.isCertain('weekday') || start.isCertain('day')) continue
      while (start.date() < context.reference.instant) shiftDays(start, 7)
    }
    return results
  },
}

export const EXACT_DURATION_TAG = 'quickEntry/exactDuration'

/**
 * Where a duration is measured: chrono adds it on this computer's clock, which is exact only when
 * the clock keeps one offset over it. Mid-January and mid-July are far from every zone's usual
 * changes, and a change falls in at most one of the two for any span shorter than some months.
 */
const PROBES = [Date.UTC(2001, 0, 10, 12), Date.UTC(2001, 6, 10, 12)]

/** How long `text` ("in 2 hours", "en 90 minutos") says, in ms, read by `probe` (chrono's own words); null if it cannot tell. */
function measuredDuration(probe: Chrono, text: string): number | null {
  for (const at of PROBES) {
    const reference = new Date(at)
    const [found] = probe.parse(text, reference)
    if (!found?.tags().has('result/relativeDateAndTime')) return null
    const end = found.start.date()
    // The computer's offset the same at both ends: no change of its clocks between them.
    if (end.getTimezoneOffset() === reference.getTimezoneOffset()) return end.getTime() - at
  }
  return null
}

/**
 * A duration with hours, minutes or seconds in it ("in 2 hours", "in 1 day 2 hours", "90 minutes
 * from now") is that long from now in absolute time: the result is set to now + the duration, at
 * the reference's offset, and tagged so the reader takes the instant rather than the wall time.
 * Whole days ("in 2 days") are left to chrono: they keep the wall-clock time, as people mean them.
 */
function exactDuration(probe: Chrono): Refiner {
  return {
    refine: (context, results) => {
      for (const result of results) {
        if (!result.tags().has('result/relativeDateAndTime')) continue
        const ms = measuredDuration(probe, result.text)
        if (ms === null) continue
        const offset = context.reference.getTimezoneOffset()
        const wall = new Date(context.reference.instant.getTime() + ms + offset * 60_000)
        const start = result.start
        start.assign('year', wall.getUTCFullYear())
        start.assign('month', wall.getUTCMonth() + 1)
        start.assign('day', wall.getUTCDate())
        start.assign('hour', wall.getUTCHours())
        start.assign('minute', wall.getUTCMinutes())
        start.assign('second', wall.getUTCSeconds())
        start.assign('millisecond', wall.getUTCMilliseconds())
        start.assign('meridiem', wall.getUTCHours() < 12 ? Meridiem.AM : Meridiem.PM)
        start.assign('timezoneOffset', offset)
        result.addTag(EXACT_DURATION_TAG)
      }
      return results
    },
  }
}

function english(): Chrono {
  const reader = chronoEn.casual.clone()
  reader.refiners.push(afternoonHours, weekdayAhead, exactDuration(chronoEn.casual))
  return reader
}

function spanish(): Chrono {
  const reader = chronoEs.casual.clone()
  // First, so that where chrono reads the same "15h" as a duration, this reading is the one kept.
  reader.parsers.unshift(hourWithH)
  reader.refiners.push(
    dayAfterTomorrow,
    dayThenHour,
    partOfDay,
    afternoonHours,
    weekdayAhead,
    exactDuration(chronoEs.casual),
  )
  return reader
}

export const timeReaders = { en: english(), es: spanish() }
