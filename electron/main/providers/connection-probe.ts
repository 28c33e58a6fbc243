import { networkBlockedOutcome, networkBlockedOutcomeOf } from '../net/network-problem'
import type { ConnectionOutcome } from '@shared/schemas/connection-test'
import { msg, type Message } from '@shared/i18n/message'
import type { ProfileOf, ProviderName, SecretOf } from '@shared/providers/registry'
import type { Clock } from '../core/clock'
import type { TokenCache } from '../secrets/token-cache'

/** What a provider request (a probe, or a task's send) runs with: the profile, its secret, the ports. */
export interface ProbeContext<P extends ProviderName> {
  profile: ProfileOf<P>
  secret: SecretOf<P>
  tokens: TokenCache
  clock: Clock
  /** Injected so tests and the sandbox reach loopback simulators; production passes global fetch. */
  fetch: typeof fetch
  /** Aborts the probe after the time limit. */
  signal: AbortSignal
  /**
   * Where to reach the provider instead of its own address (the sandbox's simulator), for a
   * provider whose address is not in the profile (Amazon Connect's is the region's); else absent.
   */
  endpoint?: string
  /**
   * Secrets the request obtained outside the token cache (temporary role credentials): the seam
   * hides them, with the profile's own, from whatever the provider answered. Absent where nothing
   * is redacted (a client tested on its own).
   */
  reveal?: (values: readonly string[]) => void
}

/** What one provider's probe found; the connection tester adds the profile id, timing and redaction. */
export interface ProbeFinding {
  outcome: ConnectionOutcome
  message: Message
  providerMessage?: string | null
  httpStatus?: number | null
  /** `busy`: the wait the provider asked for, in ms. */
  retryAfterMs?: number | null
}

/** Statuses by which a provider asks to be left alone for a while: a rate limit, or unavailable. */
export const asksToWait = (status: number): boolean => status === 429 || status === 503

/**
 * The provider asked to wait (429, 503, a throttling code): the test could not tell whether the
 * credentials work, so it says so and when to try again (its Retry-After), never "refused".
 */
export function askedToWait(
  where: Message,
  status: number,
  retryAfterMs: number | null,
  providerMessage: string | null = null,
): ProbeFinding {
  return {
    outcome: 'busy',
    message:
      retryAfterMs === null
        ? msg('probe.busy', { where, status })
        : msg('probe.askedToWait', { where, status, seconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) }),
    providerMessage,
    httpStatus: status,
    retryAfterMs,
  }
}

/**
 * One side-effect-free, authenticated request to a provider: proves the profile's settings and
 * credentials work without creating anything.
 */
export type ConnectionProbe<P extends ProviderName> = (context: ProbeContext<P>) => Promise<ProbeFinding>

/** Network failures (DNS, refused, reset, TLS, timeout) as a finding, with the runtime's words. */
export function unreachable(error: unknown, where: Message): ProbeFinding {
  // This computer's network in the way (a proxy's refusal, an untrusted certificate): say that, for IT.
  const blocked = networkBlockedOutcomeOf(error)
  if (blocked) {
    return { outcome: 'unreachable', message: blocked.message, providerMessage: null, httpStatus: null }
  }
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))
  const timedOut = error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')
  return {
    outcome: 'unreachable',
    message: timedOut ? msg('probe.didNotAnswer', { where }) : msg('probe.unreachable', { where, detail }),
    providerMessage: null,
    httpStatus: null,
  }
}

/** The same, for the node:http transport's failure: its code, and whether the time ran out. */
export function unreachableBy(failure: { code: string; timedOut: boolean }, where: Message): ProbeFinding {
  const blocked = networkBlockedOutcome(failure.code)
  return {
    outcome: 'unreachable',
    message:
      blocked?.message ??
      (failure.timedOut
        ? msg('probe.didNotAnswer', { where })
        : msg('probe.unreachable', { where, detail: failure.code })),
    providerMessage: null,
    httpStatus: null,
  }
}

/** Reads a response body as text, capped, for showing the provider's own words. */
export async function bodyText(response: Response, max = 2000): Promise<string> {
  try {
    return (await response.text()).slice(0, max)
  } catch {
    return ''
  }
}
