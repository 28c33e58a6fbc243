import type { ConnectionTestResult } from '@shared/schemas/connection-test'
import { msg } from '@shared/i18n/message'
import type { Profile, ProviderName, ProviderSecret } from '@shared/providers/registry'
import { sharedProvider } from '@shared/providers/registry'
import type { ConnectionProbe, ProbeContext, ProbeFinding } from './connection-probe'
import { withDeadline } from './http/attempt-deadline'
import { redactMaybe, redactMessage, redactSecrets } from '../secrets/redact-secrets'
import { requestSecrets } from '../secrets/request-secrets'
import { mainProvider } from './registry'
import { AppError } from '../core/app-error'
import type { Clock } from '../core/clock'
import type { CredentialsService } from '../secrets/credentials-service'
import { describeKeychainProblem } from '../secrets/keychain-messages'
import type { Logger } from '../core/logger'
import type { TokenCache } from '../secrets/token-cache'

export type ProbeRegistry = { [P in ProviderName]: ConnectionProbe<P> }

export interface ConnectionTesterDeps {
  credentials: CredentialsService
  findProfile: (id: string) => Profile | undefined
  tokens: TokenCache
  /** Each provider's probe; default: the one in its module (providers/<name>/index.ts). */
  probes?: ProbeRegistry
  /** Where to reach a profile's provider instead of its own address (the sandbox's simulator), if anywhere. */
  endpointFor?: (profile: Profile) => string | undefined
  clock: Clock
  logger: Logger
  fetch: typeof fetch
  timeoutMs?: number
}

/**
 * "Test connection": one authenticated, side-effect-free request to the profile's provider, with
 * the provider's own answer on failure. Never throws for a provider problem; the outcome says it.
 */
export function createConnectionTester(deps: ConnectionTesterDeps) {
  const timeoutMs = deps.timeoutMs ?? 15_000

  return async function testConnection(profileId: string): Promise<ConnectionTestResult> {
    const profile = deps.findProfile(profileId)
    if (!profile) throw new AppError('not_found', msg('failure.profileGone'))
    const started = deps.clock.monotonicMs()
    const finish = (finding: ProbeFinding, hide: readonly string[] = []): ConnectionTestResult => {
      const result: ConnectionTestResult = {
        profileId,
        outcome: finding.outcome,
        message: redactMessage(finding.message, hide),
        providerMessage: redactMaybe(finding.providerMessage, hide)?.slice(0, 2000) ?? null,
        httpStatus: finding.httpStatus ?? null,
        retryAfterMs: finding.retryAfterMs ?? null,
        latencyMs: Math.max(0, Math.round(deps.clock.monotonicMs() - started)),
      }
      deps.logger.info('connection test', {
        profileId,
        provider: profile.provider,
        outcome: result.outcome,
        httpStatus: result.httpStatus,
        latencyMs: result.latencyMs,
      })
      return result
    }

    const status = await deps.credentials.status(profileId)
    if (status.state === 'keychain_locked' || status.state === 'keychain_unavailable') {
      const health = await deps.credentials.health()
      const key = health.state === 'locked' ? 'probe.keychainLocked' : 'probe.keychainUnavailable'
      // The cause's own sentence (the keychain's words only for an error it reported): the detail of
      // a timeout or a mismatch is Callboard's English, not the keychain's.
      return finish({ outcome: 'keychain_unavailable', message: msg(key, { detail: describeKeychainProblem(health) }) })
    }
    const secret = status.state === 'stored' ? await deps.credentials.read(profileId) : null
    if (!secret) {
      return finish({
        outcome: 'missing_credentials',
        message: msg('probe.noCredentials'),
      })
    }
    // Tokens and credentials used or obtained during the test are hidden from its messages too.
    const { hidden: hide, tokens, reveal } = requestSecrets(secret, deps.tokens)
    // The whole test (a token endpoint included) under one hard limit, held until it ends.
    const probe = (signal: AbortSignal) =>
      probeFor(
        profile.provider,
        profile,
        secret,
        {
          tokens,
          clock: deps.clock,
          fetch: deps.fetch,
          signal,
          endpoint: deps.endpointFor?.(profile),
          reveal,
        },
        deps.probes,
      )()
    try {
      return finish(await withDeadline(new AbortController().signal, timeoutMs, probe), hide)
    } catch (error) {
      deps.logger.error('connection probe crashed', {
        profileId,
        provider: profile.provider,
        error: redactSecrets(String(error), hide),
      })
      return finish({ outcome: 'provider_error', message: msg('probe.failed') }, hide)
    }
  }
}

/** The probe of provider `name` bound to one of its profiles and its secret, typed as that provider's. */
function probeFor<P extends ProviderName>(
  name: P,
  profile: Profile,
  secret: ProviderSecret,
  ports: Omit<ProbeContext<P>, 'profile' | 'secret'>,
  probes?: ProbeRegistry,
): () => Promise<ProbeFinding> {
  const shared = sharedProvider(name)
  const probe: ConnectionProbe<P> = probes?.[name] ?? mainProvider(name).probe
  if (!shared.ownsProfile(profile) || !shared.ownsSecret(secret)) {
    return async () => ({ outcome: 'missing_credentials', message: msg('probe.otherProvider') })
  }
  return () => probe({ ...ports, profile, secret })
}
