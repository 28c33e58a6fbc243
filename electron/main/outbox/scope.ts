import { createHash } from 'node:crypto'
import type { TaskIntent } from '@shared/schemas/intents'
import { SCOPE_MAX_CHARS } from '@shared/schemas/outbox'
import type { IntentOf, ProviderName } from '@shared/providers/registry'
import type { ProviderModule } from '../providers/provider-module'
import { withProvider } from '../providers/registry'

/** Which of its fields names the customer or the chain is the provider's to say (made once, not per task). */
const providerScope = <P extends ProviderName>(provider: ProviderModule<P>, own: IntentOf<P>) => provider.scope(own)

/**
 * Entries of one scope go out in order: the same customer number, the same customer, or the same
 * contact chain (`<profile>:<kind>:<key>`). A task its provider gives no scope (a broadcast concerns
 * many numbers and no one conversation): null, a scope of its own.
 */
export function scopeFor(intent: TaskIntent): string | null {
  const scope = withProvider(intent, providerScope)
  return scope && fittedKey(`${intent.profileId}:${scope.kind}:`, scope.key)
}

/**
 * `prefix` + `typed`, as long as that fits the entry's scope; otherwise the typed part is replaced by
 * its SHA-256. Two tasks of the same chain still share the key (the hash depends on the text alone),
 * and a key that fits is left as it always was, so entries queued before keys were fitted keep their
 * order with new ones. The test is on UTF-16 units, never fewer than the code points zod counts, so
 * whatever passes here passes the schema. The hash is of the UTF-16 units themselves: distinct
 * strings never meet, even ones with a lone surrogate that UTF-8 would turn into the same U+FFFD.
 */
export function fittedKey(prefix: string, typed: string, max = SCOPE_MAX_CHARS): string {
  const whole = `${prefix}${typed}`
  if (whole.length <= max) return whole
  return `${prefix}sha256:${createHash('sha256').update(Buffer.from(typed, 'utf16le')).digest('hex')}`
}
