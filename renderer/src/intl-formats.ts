/**
 * One `Intl.DateTimeFormat` per locale and options, made once and kept. Making one costs ICU about
 * a millisecond on a slow machine, formatting with one a few microseconds: a list drawing twenty
 * rows with five dates each, or the quick entry reading a zone's offset on every key, made hundreds
 * and spent most of their time there (issue 16 item 7).
 */
const formats = new Map<string, Intl.DateTimeFormat>()

export function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}\u0000${JSON.stringify(options)}`
  let format = formats.get(key)
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)))
  return format
}

/** The date formats the lists use (History, the queue view), by what they show. */
export const LIST_FORMATS = {
  date: { dateStyle: 'short' },
  time: { timeStyle: 'medium' },
  dateAndTime: { dateStyle: 'short', timeStyle: 'short' },
  clock: { dateStyle: 'short', timeStyle: 'medium' },
  when: { dateStyle: 'medium', timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>

/**
 * Makes the lists' formats for the UI's language ahead of need: the first format of a locale costs
 * ICU tens of milliseconds, which the first open of History would otherwise pay.
 */
export function warmListFormats(locale: string): void {
  for (const options of Object.values(LIST_FORMATS)) dateTimeFormat(locale, options)
}
