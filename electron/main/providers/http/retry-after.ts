/**
 * How long a provider asked to be left alone, read once for every provider and token endpoint.
 * `Retry-After` (RFC 9110 §10.2.3) is delta-seconds or an HTTP-date. A date is the provider's
 * clock, so it is measured against the same answer's `Date` header when there is one (exact
 * whatever this computer's clock says), else against `now`.
 */

/** `Retry-After`: delta-seconds or an HTTP-date, in ms from `now`; absent or unreadable → null. */
export function retryAfterMs(value: string | undefined, now: Date): number | null {
  if (value === undefined) return null
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const at = Date.parse(text)
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime())
}

/** The wait an answer asks for, from its headers (lower-case names); null when it asks for none. */
export function answerRetryAfterMs(headers: Record<string, string | undefined>, now: Date): number | null {
  const served = headers['date'] ? Date.parse(headers['date']) : NaN
  return retryAfterMs(headers['retry-after'], Number.isNaN(served) ? now : new Date(served))
}
