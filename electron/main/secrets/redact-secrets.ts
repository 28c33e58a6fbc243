// Secrets out of any text that leaves the process (a diagnostics file, a provider's echo): every
// value in the forms a text can carry it, raw, URL- and form-encoded, base64 (also URL-safe, as in
// a Basic header or a JWT) and JSON-escaped.

/** Shorter values are not hidden: they would blank out ordinary words. */
const MIN_SECRET_CHARS = 6

export const SECRET_MARK = '[secret]'

/** The spellings of `value` a text may hold. */
export function secretForms(value: string): string[] {
  const base64 = Buffer.from(value, 'utf8').toString('base64')
  const forms = new Set([
    value,
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
    base64,
    base64.replace(/=+$/, ''),
    base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
    JSON.stringify(value).slice(1, -1),
  ])
  return [...forms].filter((form) => form.length >= MIN_SECRET_CHARS)
}

/** Keys of a stored record whose values say what it is, not what it opens. */
const DESCRIPTIVE_KEYS = new Set(['provider', 'kind', 'expiresAt'])

/**
 * The string leaves of a stored keychain value: a JSON record (credentials, a cached token) gives
 * each of its strings but the descriptive ones, anything else is one secret. Only leaves long
 * enough to hide.
 */
export function secretLeaves(stored: string): string[] {
  const leaves: string[] = [stored]
  try {
    const walk = (value: unknown): void => {
      if (typeof value === 'string') leaves.push(value)
      else if (Array.isArray(value)) value.forEach(walk)
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) if (!DESCRIPTIVE_KEYS.has(key)) walk(inner)
      }
    }
    walk(JSON.parse(stored))
  } catch {
    // Not JSON: the value is the secret.
  }
  return leaves.filter((leaf) => leaf.length >= MIN_SECRET_CHARS)
}

/** `text` with every form of every secret replaced; longest first, so no part of one is left. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const forms = [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length)
  let out = text
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(SECRET_MARK)
  return out
}
