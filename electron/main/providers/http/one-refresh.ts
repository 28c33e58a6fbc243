import type { SendOutcome } from '@shared/schemas/send-outcome'

/** One try with the current token: its outcome, and whether the provider refused the token (401). */
export interface TokenTry {
  outcome: SendOutcome
  unauthorized: boolean
}

/**
 * A 401 means the provider did not take the request: drop the token, obtain a new one and send
 * once more. Exactly one refresh and one resend; a second 401 is the final answer (`needs_auth`
 * by the provider's rules), so a revoked grant never loops.
 */
export async function withOneRefresh(
  send: () => Promise<TokenTry>,
  dropToken: () => Promise<void>,
  refreshable = true,
): Promise<SendOutcome> {
  const first = await send()
  if (!first.unauthorized || !refreshable) return first.outcome
  await dropToken()
  return (await send()).outcome
}
