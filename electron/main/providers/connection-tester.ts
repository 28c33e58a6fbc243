import type { ConnectionTestResult } from '@shared/schemas/connection-test'
import type { ProviderSecret } from '@shared/schemas/credentials'
import type { Profile } from '@shared/schemas/profiles'
import type { ProviderName } from '@shared/schemas/providers'
import type { ConnectionProbe, ProbeContext, ProbeFinding } from './connection-probe'
import { AppError } from '../core/app-error'
import type { Clock } from '../core/clock'
import type { CredentialsService } from '../secrets/credentials-service'
import type { Logger } from '../core/logger'
import type { TokenCache } from '../secrets/token-cache'

export type ProbeRegistry = { [P in ProviderName]: ConnectionProbe<P> }

export interface ConnectionTesterDeps {
  credentials: CredentialsService
  findProfile: (id: string) => Profile | undefined
  tokens: TokenCache
  probes: ProbeRegistry
  clock: Clock
  logger: Logger
  fetch: typeof fetch
  timeoutMs?: number
}

/** Replace every secret value (and the cached token) a provider might echo back. */
export function redact(text: string | null | undefined, secrets: readonly string[]): string | null {
  if (text === null || text === undefined) return null
  let out = text
  for (const value of secrets) if (value.length >= 4) out = out.split(value).join('[redacted]')
  return out
}

function secretValues(secret: ProviderSecret): string[] {
  return Object.entries(secret)
    .filter(([key, value]) => key !== 'provider' && key !== 'kind' && typeof value === 'string')
    .map(([, value]) => value as string)
}

/**
 * "Test connection": one authenticated, side-effect-free request to the profile's provider, with
 * the provider's own answer on failure. Never throws for a provider problem; the outcome says it.
 */
export function createConnectionTester(deps: ConnectionTesterDeps) {
  const timeoutMs = deps.timeoutMs ?? 15_000

  return async function testConnection(profileId: string): Promise<ConnectionTestResult> {
    const profile = deps.findProfile(profileId)
    if (!profile) throw new AppError('not_found', 'That profile no longer exists.')
    const started = deps.clock.monotonicMs()
    const finish = (finding: ProbeFinding, hide: readonly string[] = []): ConnectionTestResult => {
      const result: ConnectionTestResult = {
        profileId,
        outcome: finding.outcome,
        message: redact(finding.message, hide)!.slice(0, 500),
        providerMessage: redact(finding.providerMessage, hide)?.slice(0, 2000) ?? null,
        httpStatus: finding.httpStatus ?? null,
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
      return finish({ outcome: 'keychain_unavailable', message: `The keychain is ${health.state}: ${health.detail}` })
    }
    const secret = status.state === 'stored' ? await deps.credentials.read(profileId) : null
    if (!secret) {
      return finish({
        outcome: 'missing_credentials',
        message: "Store this profile's credentials first, then test the connection.",
      })
    }
    const hide = secretValues(secret)
    const context = {
      profile,
      secret,
      tokens: {
        // Tokens obtained during the test are hidden from its messages too.
        get: async (id: string, obtain: Parameters<TokenCache['get']>[1]) => {
          const token = await deps.tokens.get(id, obtain)
          hide.push(token.accessToken, ...(token.refreshToken ? [token.refreshToken] : []))
          return token
        },
        invalidate: (id: string) => deps.tokens.invalidate(id),
      },
      clock: deps.clock,
      fetch: deps.fetch,
      signal: AbortSignal.timeout(timeoutMs),
    } as ProbeContext<typeof profile.provider>
    const probe = deps.probes[profile.provider] as ConnectionProbe<typeof profile.provider>
    try {
      return finish(await probe(context), hide)
    } catch (error) {
      deps.logger.error('connection probe crashed', {
        profileId,
        provider: profile.provider,
        error: redact(String(error), hide),
      })
      return finish(
        { outcome: 'provider_error', message: 'The connection test failed unexpectedly; details are in the log.' },
        hide,
      )
    }
  }
}
