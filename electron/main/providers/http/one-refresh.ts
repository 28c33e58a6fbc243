import type { SendOutcome } from '@shared/schemas/send-outcome'

/**
 * One try with the current token: its outcome, and whether the provider refused the token (401).
 * A task's send gives a SendOutcome; Test connection's reads give their finding, through the same rule.
 */
export interface TokenTry<T = SendOutcome> {
  outcome: T
  unauthorized: boolean
}

/**
 * A 401 means the provider did not take the request: drop the token, obtain a new one and send
 * once more. Exactly one refresh and one resend; a second 401 is the final answer (`needs_auth`
 * by the provider's rules), so a revoked grant never loops.
 */
export async function withOneRefresh<T = SendOutcome>(
  send: () => Promise<TokenTry<T>>,
  dropToken: () => Promise<void>,
  refreshable = true,
): Promise<T> {
  const first = await send()
  if (!first.unauthorized || !refreshable) return first.outcome
  await dropToken()
  return (await send()).outcome
}
