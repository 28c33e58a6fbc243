import { AppError } from '../core/app-error'
import type { CredentialsService } from '../secrets/credentials-service'
import type { TokenCache } from '../secrets/token-cache'
import type { Sandbox } from './sandbox'

/** Refused for every built-in profile: they are not the agent's to change. */
export function refuseSandboxChange(sandbox: Sandbox | null, profileId: string | undefined, what: string): void {
  if (sandbox && profileId !== undefined && sandbox.isSandbox(profileId)) {
    throw new AppError('conflict', `Sandbox profiles are built in: their ${what} cannot be changed.`)
  }
}

/**
 * Credentials as the send path and "Test connection" see them: a sandbox profile's come from the
 * sandbox's memory, every other profile's from the OS keychain.
 */
export function routeCredentials(real: CredentialsService, sandbox: Sandbox | null): CredentialsService {
  if (!sandbox) return real
  return {
    health: (options) => real.health(options),
    status: async (id) => (sandbox.isSandbox(id) ? sandbox.credentialStatus(id) : real.status(id)),
    read: async (id) => (sandbox.isSandbox(id) ? sandbox.secret(id) : real.read(id)),
    set: async (id, secret) => {
      refuseSandboxChange(sandbox, id, 'credentials')
      return real.set(id, secret)
    },
    clear: async (id) => {
      refuseSandboxChange(sandbox, id, 'credentials')
      return real.clear(id)
    },
  }
}

/** Sandbox access tokens stay in memory; real ones are cached in the keychain. */
export function routeTokens(real: TokenCache, sandbox: Sandbox | null): TokenCache {
  if (!sandbox) return real
  const pick = (id: string) => (sandbox.isSandbox(id) ? sandbox.tokens : real)
  return {
    get: (id, obtain) => pick(id).get(id, obtain),
    invalidate: (id) => pick(id).invalidate(id),
  }
}
