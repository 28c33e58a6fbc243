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
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
  return { key: 'queue.when.at', params: { time } }
}

export function clockText(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso))
}
