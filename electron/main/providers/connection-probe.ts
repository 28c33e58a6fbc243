import type { ConnectionOutcome } from '@shared/schemas/connection-test'
import type { ProviderSecret } from '@shared/schemas/credentials'
import type { Profile } from '@shared/schemas/profiles'
import type { Clock } from '../core/clock'
import type { TokenCache } from '../secrets/token-cache'

export type SecretFor<P extends Profile['provider']> = Extract<ProviderSecret, { provider: P }>
export type ProfileFor<P extends Profile['provider']> = Extract<Profile, { provider: P }>

export interface ProbeContext<P extends Profile['provider']> {
  profile: ProfileFor<P>
  secret: SecretFor<P>
  tokens: TokenCache
  clock: Clock
  /** Injected so tests and the sandbox reach loopback simulators; production passes global fetch. */
  fetch: typeof fetch
  /** Aborts the probe after the time limit. */
  signal: AbortSignal
}

/** What one provider's probe found; the service adds the profile id, timing and redaction. */
export interface ProbeFinding {
  outcome: ConnectionOutcome
  message: string
  providerMessage?: string | null
  httpStatus?: number | null
}

/**
 * One side-effect-free, authenticated request to a provider: proves the profile's settings and
 * credentials work without creating anything.
 */
export type ConnectionProbe<P extends Profile['provider']> = (context: ProbeContext<P>) => Promise<ProbeFinding>

/** Network failures (DNS, refused, reset, TLS, timeout) as a finding, with the runtime's words. */
export function unreachable(error: unknown, where: string): ProbeFinding {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))
  const timedOut = error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')
  return {
    outcome: 'unreachable',
    message: timedOut ? `${where} did not answer in time.` : `${where} could not be reached (${detail}).`,
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
