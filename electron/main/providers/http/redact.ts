import type { SendOutcome } from '@shared/schemas/send-outcome'

// The one redaction every provider's words pass before they are stored or shown: each secret value
// (and each token obtained with them) a provider might echo back becomes `[redacted]`. The task
// sender applies it to every outcome with the profile's secret; a client that obtains a token
// applies it with that token (only it knows it); the connection tester to every finding.

/** Values shorter than this are not hidden: they would blank out ordinary words. */
const MIN_SECRET_CHARS = 4

/** `text` with every value in `secrets` replaced by `[redacted]`. */
export function redact(text: string | null | undefined, secrets: readonly string[]): string | null {
  if (text === null || text === undefined) return null
  let out = text
  for (const value of secrets) if (value.length >= MIN_SECRET_CHARS) out = out.split(value).join('[redacted]')
  return out
}

/** Every string value of a secret record (its provider and kind aside): what must never be shown. */
export function secretValues(secret: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(secret)
    .filter(([key, value]) => key !== 'provider' && key !== 'kind' && typeof value === 'string')
    .map(([, value]) => String(value))
}

/** An outcome with `secrets` taken out of every text a provider could have put words in. */
export function redactOutcome(outcome: SendOutcome, secrets: readonly string[]): SendOutcome {
  const clean = (text: string) => redact(text, secrets) ?? text
  switch (outcome.kind) {
    case 'sent':
    case 'keychain_unavailable':
    case 'deadline_passed':
      // Nothing of the provider's words is in any of these.
      return outcome
    case 'retry':
      return { ...outcome, reason: clean(outcome.reason) }
    default:
      return {
        ...outcome,
        message: clean(outcome.message),
        providerMessage: outcome.providerMessage === null ? null : clean(outcome.providerMessage),
      }
  }
}
