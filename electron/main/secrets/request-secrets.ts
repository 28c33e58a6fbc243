import { proxySecrets } from '../net/network'
import { secretValues } from './redact-secrets'
import type { TokenCache } from './token-cache'
import { revealingTokens } from './token-cache'

/**
 * What one provider request (a task's attempt, a connection test, a list fetch) must never show,
 * gathered in one place for the one redactor: the profile's stored secret, the proxy sign-ins, every
 * token the request used or renewed (through `tokens`), and whatever else it obtained on the way
 * (temporary role credentials, told through `reveal`). `hidden` grows as the request goes on.
 */
export interface RequestSecrets {
  readonly hidden: readonly string[]
  /** The token cache to hand the request: what it reads or renews is hidden too. */
  tokens: TokenCache
  /** More values to hide: credentials the request obtained outside the token cache. */
  reveal(values: readonly string[]): void
}

export function requestSecrets(secret: Readonly<Record<string, unknown>>, tokens: TokenCache): RequestSecrets {
  const hidden = [...secretValues(secret), ...proxySecrets()]
  const reveal = (values: readonly string[]) => void hidden.push(...values)
  return { hidden, tokens: revealingTokens(tokens, reveal), reveal }
}
