import type { CredentialStatus } from '@shared/schemas/credentials'
import type { Profile, ProviderName, ProviderSecret } from '@shared/providers/registry'
import { providerList } from '@shared/providers/registry'
import type { SandboxScenario, SandboxState } from '@shared/schemas/sandbox'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'
import type { SandboxSimulator } from '../providers/provider-module'
import { mainProvider } from '../providers/registry'
import { NOT_LISTENING_URL } from '../providers/simulator-kit/sandbox-kit'
import { keyIdHint } from '../secrets/credentials-service'
import { memorySecretStore } from '../secrets/memory-secret-store'
import type { TokenCache } from '../secrets/token-cache'
import { createTokenCache } from '../secrets/token-cache'

/**
 * The built-in sandbox: one profile per provider, backed by that provider's simulator on a loopback
 * port, with credentials that exist only in memory for this run. Nothing here reaches a real
 * provider, and nothing is written to the OS keychain (tokens are cached in memory too).
 *
 * A simulator, and its code, is loaded and started the first time its profile is used (a task sent,
 * a connection tested, a scenario chosen): until then the sandbox costs its five profile records.
 * Each provider's part is in its folder (providers/<name>/<name>-sandbox.ts); this iterates them.
 */
export interface Sandbox {
  profiles(): Profile[]
  profile(id: string): Profile | undefined
  isSandbox(id: string): boolean
  secret(id: string): ProviderSecret | null
  credentialStatus(id: string): CredentialStatus
  /** Access tokens for the sandbox's OAuth profiles, kept in memory. */
  tokens: TokenCache
  /**
   * Where a sandbox profile's client and probe send when its profile cannot say (Connect's address is
   * its region's): its simulator, or nowhere while that does not run. Undefined for every real profile.
   */
  endpointFor(profile: Profile): string | undefined
  /** Starts the simulator of a sandbox profile on its first use; nothing for any other profile. */
  ready(profileId: string): Promise<void>
  state(): SandboxState
  /** What a provider's simulator accepted, as received: how tests check what reached the provider. */
  ledger(provider: ProviderName): readonly unknown[]
  simulate(provider: ProviderName, scenario: SandboxScenario): Promise<SandboxState>
  close(): Promise<void>
}

/** One provider's place in the sandbox. */
interface Slot {
  provider: ProviderName
  profileId: string
  secret: ProviderSecret
  /** Its profile: pointing nowhere until the simulator runs, then at it. */
  profile: Profile
  start: () => Promise<SandboxSimulator<ProviderName>>
  /** The simulator once started (or starting: the one start every caller waits for). */
  running: Promise<SandboxSimulator<ProviderName> | null> | null
  sim: SandboxSimulator<ProviderName> | null
  scenario: SandboxScenario
}

/** A provider's slot, typed as that provider's while it is made. */
function slotFor<P extends ProviderName>(name: P): Slot {
  const kit = mainProvider(name).sandbox
  const secret = kit.newSecret()
  return {
    provider: name,
    profileId: kit.profileId,
    secret,
    profile: kit.profile(secret),
    start: () => kit.start(secret),
    running: null,
    sim: null,
    scenario: 'normal',
  }
}

export function createSandbox(deps: { clock: Clock; logger: Logger }): Sandbox {
  const slots = new Map<ProviderName, Slot>(providerList.map(({ name }) => [name, slotFor(name)]))
  const byProfile = new Map<string, Slot>([...slots.values()].map((slot) => [slot.profileId, slot]))
  let problem: string | null = null
  let closed = false

  /** The slot's simulator, started on first use (once, however many ask at the same time). */
  function run(slot: Slot): Promise<SandboxSimulator<ProviderName> | null> {
    slot.running ??= slot.start().then(
      async (sim) => {
        if (closed) {
          await sim.close()
          return null
        }
        slot.sim = sim
        slot.profile = sim.profile
        if (slot.scenario !== 'normal') await sim.play(slot.scenario)
        deps.logger.info('sandbox simulator started', { provider: slot.provider })
        return sim
      },
      (error: unknown) => {
        // Its profile keeps pointing nowhere, so what is sent to it is refused on this computer.
        problem = `The sandbox could not start its ${slot.provider} simulator: ${error instanceof Error ? error.message : String(error)}`
        deps.logger.warn('sandbox simulator failed to start', { provider: slot.provider, error: problem })
        slot.running = null
        return null
      },
    )
    return slot.running
  }

  const slotOf = (provider: ProviderName): Slot => {
    const slot = slots.get(provider)
    if (!slot) throw new Error(`the sandbox has no ${provider} profile`)
    return slot
  }

  const state = (): SandboxState => ({
    running: true,
    problem,
    providers: [...slots.values()].map((slot) => ({
      provider: slot.provider,
      profileId: slot.profileId,
      scenario: slot.scenario,
      created: slot.sim?.created() ?? 0,
    })),
  })

  return {
    profiles: () => [...slots.values()].map((slot) => slot.profile),
    profile: (id) => byProfile.get(id)?.profile,
    isSandbox: (id) => byProfile.has(id),
    secret: (id) => byProfile.get(id)?.secret ?? null,
    credentialStatus: (id) => {
      const slot = byProfile.get(id)
      // The same hint a real profile's credentials get: the last characters of the key id.
      return { profileId: id, state: slot ? 'stored' : 'missing', hint: slot ? keyIdHint(slot.secret) : null }
    },
    tokens: createTokenCache({ secrets: memorySecretStore(), clock: deps.clock, logger: deps.logger.child('tokens') }),
    endpointFor: (profile) => {
      const slot = byProfile.get(profile.id)
      if (!slot) return undefined
      return slot.sim ? slot.sim.endpoint : NOT_LISTENING_URL
    },
    async ready(profileId) {
      const slot = byProfile.get(profileId)
      if (slot && !closed) await run(slot)
    },
    state,
    ledger: (provider) => slots.get(provider)?.sim?.ledger() ?? [],
    async simulate(provider, scenario) {
      const slot = slotOf(provider)
      slot.scenario = scenario
      const sim = await run(slot)
      await sim?.play(scenario)
      deps.logger.info('sandbox scenario', { provider, scenario })
      return state()
    },
    async close() {
      closed = true
      const running = [...slots.values()].map((slot) => slot.running)
      await Promise.allSettled(running.map(async (started) => (await started)?.close()))
    },
  }
}
