import { msg, type Message } from '@shared/i18n/message'
import type { Profile, ProviderSecret } from '@shared/providers/registry'
import type { ProfileSummary } from '@shared/schemas/credentials'
import { AppError } from '../core/app-error'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'
import type { Sandbox } from '../sandbox/sandbox'
import type { CredentialsService } from '../secrets/credentials-service'
import type { TokenCache } from '../secrets/token-cache'
import type { ProfilesService } from '../settings/profiles-service'

/**
 * Every profile the app can send with, from its two sources: the agent's own (the settings file,
 * secrets in the OS keychain) and, while the sandbox is on, the sandbox's (built in, secrets and
 * tokens in memory). The rest of the app asks here and never needs to know which is which; the
 * sandbox is loaded only when it is turned on, and its simulators only when first used.
 */
export interface ProfileDirectory {
  find(id: string): Profile | undefined
  all(): Profile[]
  /** The agent's own profiles with their credentials' state, then the sandbox's. */
  summaries(): Promise<ProfileSummary[]>
  summarize(profile: Profile): Promise<ProfileSummary>
  /** Credentials as the send path and "Test connection" see them: the sandbox's from memory. */
  credentials: CredentialsService
  /**
   * Credentials as a sign-in keeps them: like `credentials`, except that a sandbox sign-in profile's
   * sign-in is kept (and cleared) in the sandbox's memory. The agent still cannot set a built-in
   * profile's credentials.
   */
  signInCredentials: Pick<CredentialsService, 'read' | 'set' | 'clear'>
  /** Access tokens: the sandbox's in memory, every other in the keychain. */
  tokens: TokenCache
  /** Where to reach a profile's provider instead of its own address (the sandbox's simulator), if anywhere. */
  endpointFor(profile: Profile): string | undefined
  /** Makes a profile ready to be used (starts a sandbox profile's simulator the first time). */
  ready(profileId: string): Promise<void>
  /** Refused for every built-in profile: they are not the agent's to change. */
  refuseChange(profileId: string | undefined, what: 'settings' | 'credentials'): void
  sandbox(): Sandbox | null
  /** Why the sandbox is not there (turned off, or it could not load), or null. */
  sandboxProblem(): Message | null
  /** Turn the sandbox on or off; true if that changed the list of profiles. */
  setSandbox(on: boolean): Promise<boolean>
  close(): Promise<void>
}

export interface ProfileDirectoryDeps {
  profiles: ProfilesService
  credentials: CredentialsService
  tokens: TokenCache
  clock: Clock
  logger: Logger
  /**
   * Where a profile that is not the sandbox's is reached instead of its provider: the harness's
   * simulators for a test's own profile (never set in the app).
   */
  endpointFor?: (profile: Profile) => string | undefined
}

const TURNED_OFF = msg('sandboxOff.turnedOff')

export function createProfileDirectory(deps: ProfileDirectoryDeps): ProfileDirectory {
  const { profiles, credentials: real } = deps
  let sandbox: Sandbox | null = null
  let problem: Message | null = TURNED_OFF
  const builtIn = (id: string | undefined) => (id !== undefined && sandbox?.isSandbox(id) ? sandbox : null)
  const refuseChange = (profileId: string | undefined, what: 'settings' | 'credentials') => {
    if (builtIn(profileId))
      throw new AppError('conflict', msg('failure.sandboxBuiltIn', { what: msg(`failure.sandboxPart.${what}`) }))
  }
  const builtInSignIn = (id: string) => (builtIn(id)?.signsIn(id) ? builtIn(id) : null)
  const status = async (id: string) => builtIn(id)?.credentialStatus(id) ?? real.status(id)
  const read = async (id: string) => {
    const box = builtIn(id)
    return box ? box.secret(id) : real.read(id)
  }
  const set = async (id: string, secret: ProviderSecret) => {
    refuseChange(id, 'credentials')
    return real.set(id, secret)
  }
  const clear = async (id: string) => {
    refuseChange(id, 'credentials')
    return real.clear(id)
  }
  const summarize = async (profile: Profile): Promise<ProfileSummary> => ({
    profile,
    credentials: await real.status(profile.id),
    sandbox: false,
  })

  return {
    // The sandbox's first: its fixed ids never name a profile of the agent's.
    find: (id) => sandbox?.profile(id) ?? profiles.get(id),
    all: () => [...profiles.list(), ...(sandbox?.profiles() ?? [])],
    async summaries() {
      const own = await Promise.all(profiles.list().map(summarize))
      const box = sandbox
      const built = (box?.profiles() ?? []).map((profile) => ({
        profile,
        credentials: box!.credentialStatus(profile.id),
        sandbox: true,
      }))
      return [...own, ...built]
    },
    summarize,
    credentials: { health: (options) => real.health(options), status, read, set, clear },
    signInCredentials: {
      read,
      set: async (id, secret) => builtInSignIn(id)?.keepSignIn(id, secret) ?? set(id, secret),
      clear: async (id) => builtInSignIn(id)?.keepSignIn(id, null) ?? clear(id),
    },
    tokens: {
      get: (id, obtain) => (builtIn(id)?.tokens ?? deps.tokens).get(id, obtain),
      invalidate: (id) => (builtIn(id)?.tokens ?? deps.tokens).invalidate(id),
      peek: (id) => (builtIn(id)?.tokens ?? deps.tokens).peek(id),
      put: (id, token) => (builtIn(id)?.tokens ?? deps.tokens).put(id, token),
      forget: (id) => (builtIn(id)?.tokens ?? deps.tokens).forget(id),
    },
    endpointFor: (profile) => sandbox?.endpointFor(profile) ?? deps.endpointFor?.(profile),
    ready: async (profileId) => builtIn(profileId)?.ready(profileId),
    refuseChange,
    sandbox: () => sandbox,
    sandboxProblem: () => problem,
    async setSandbox(on) {
      if (on === (sandbox !== null)) return false
      if (!on) {
        const closing = sandbox
        sandbox = null
        problem = TURNED_OFF
        await closing?.close()
        deps.logger.info('sandbox turned off')
        return true
      }
      try {
        // Loaded only when turned on: a Callboard with the sandbox off never reads its code.
        const { createSandbox } = await import('../sandbox/sandbox')
        sandbox = createSandbox({ clock: deps.clock, logger: deps.logger.child('sandbox') })
        problem = null
        deps.logger.info('sandbox turned on')
        return true
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error)
        problem = msg('sandboxOff.couldNotLoad', { detail })
        deps.logger.warn('sandbox failed to start', { error: detail })
        return false
      }
    },
    close: async () => {
      await sandbox?.close()
    },
  }
}
