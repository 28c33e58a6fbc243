import * as chronoEn from 'chrono-node/en'
import * as chronoEs from 'chrono-node/es'
import { Meridiem, type Chrono, type Parser, type Refiner } from 'chrono-node/en'

// chrono-node's readers for the quick entry, with what Spanish speakers say that chrono's Spanish
// does not read: "a las 3 de la tarde" (read as 3 a.m. with "de la tarde" left over, so the
// callback went out at 03:00) and "pasado mañana" (read as "mañana", a day early).

/** "pasado mañana": the day after tomorrow, on the reference's calendar. */
const dayAfterTomorrow: Parser = {
  pattern: () => /(?<![\p{L}\p{N}])pasado\s+ma[nñ]ana(?![\p{L}\p{N}])/iu,
  extract: (context) => {
    const date = context.reference.getDateWithAdjustedTimezone()
    date.setDate(date.getDate() + 2)
    const components = context.createParsingComponents({
      day: date.getDate(),
      month: date.getMonth() + 1,
      year: date.getFullYear(),
    })
    components.addTag('quickEntry/dayAfterTomorrow')
    return components
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

function spanish(): Chrono {
  const reader = chronoEs.casual.clone()
  reader.parsers.push(dayAfterTomorrow)
  reader.refiners.push(partOfDay)
  return reader
}

export const timeReaders = { en: chronoEn.casual, es: spanish() }
