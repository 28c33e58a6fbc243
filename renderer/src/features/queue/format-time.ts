import { dateTimeFormat, LIST_FORMATS } from '../../intl-formats'

/** "in 30 s", "in 4 min", "at 14:05": when something happens, in the agent's words. */
export function whenText(
  iso: string,
  now: number,
  locale: string,
): { key: string; params: Record<string, string | number> } {
  const ms = Date.parse(iso) - now
  if (ms <= 1000) return { key: 'queue.when.now', params: {} }
  if (ms < 90_000) return { key: 'queue.when.seconds', params: { n: Math.round(ms / 1000) } }
  if (ms < 90 * 60_000) return { key: 'queue.when.minutes', params: { n: Math.round(ms / 60_000) } }
  const time = dateTimeFormat(locale, LIST_FORMATS.when).format(new Date(iso))
  return { key: 'queue.when.at', params: { time } }
}

export function clockText(iso: string, locale: string): string {
  return dateTimeFormat(locale, LIST_FORMATS.clock).format(new Date(iso))
}

/** The computer's time zone. */
export const localZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone

/** "UTC+09:00", "UTC", "UTC-03:30": a zone's offset at an instant. */
export function utcOffset(instant: Date, timeZone: string): string {
  const name =
    dateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT'
  return name.replace(/^GMT/, 'UTC')
}

/**
 * A scheduled time in the customer's zone and on this computer, for a list or a summary: the same
 * instant twice, each with its zone, so a time picked in the wrong zone shows at a glance.
 */
export function inBothZones(
  iso: string,
  customerZone: string | undefined,
  locale: string,
): { there: string; here: string; sameZone: boolean } {
  const instant = new Date(iso)
  const here = localZone()
  const zone = customerZone ?? here
  const text = (tz: string) =>
    `${dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: tz }).format(instant)} ${tz} (${utcOffset(instant, tz)})`
  return { there: text(zone), here: text(here), sameZone: zone === here }
}
