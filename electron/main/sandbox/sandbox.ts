import { msg, type Message } from '@shared/i18n/message'
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
 * The built-in sandbox: one ready-to-send profile per provider, backed by that provider's simulator
 * on a loopback port, with credentials that exist only in memory for this run; and, for each
 * provider with a user sign-in, a second profile on the same simulator that starts signed out and
 * signs in through the simulator's identity provider as a real profile does. Nothing here reaches a
 * real provider, and nothing is written to the OS keychain (secrets and tokens stay in memory).
 *
 * A simulator, and its code, is loaded and started the first time its profile is used (a task sent,
 * a connection tested, a sign-in started, a scenario chosen): until then the sandbox costs its profile
 * records.
 * Each provider's part is in its folder (providers/<name>/<name>-sandbox.ts); this iterates them.
 */
export interface Sandbox {
  profiles(): Profile[]
  profile(id: string): Profile | undefined
  isSandbox(id: string): boolean
  secret(id: string): ProviderSecret | null
  credentialStatus(id: string): CredentialStatus
  /** Whether the profile is a sandbox sign-in profile: its sign-in may store and clear its secret. */
  signsIn(id: string): boolean
  /** Keeps (null: clears) what a sign-in profile's sign-in stored, in memory; refused for any other. */
  keepSignIn(id: string, secret: ProviderSecret | null): CredentialStatus
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
  /** Its sign-in profile, where the provider has a user sign-in. */
  signIn: SignInSlot | null
}

/** A sign-in profile's place: signed out until its sign-in stores what it obtained here. */
interface SignInSlot {
  profileId: string
  profile: Profile
  secret: ProviderSecret | null
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
    signIn: kit.signIn
      ? { profileId: kit.signIn.profileId, profile: kit.signIn.profile(), secret: kit.signIn.signedOutSecret() }
      : null,
  }
}

const isSignIn = (slot: Slot, id: string) => slot.signIn?.profileId === id

export function createSandbox(deps: { clock: Clock; logger: Logger }): Sandbox {
  const slots = new Map<ProviderName, Slot>(providerList.map(({ name }) => [name, slotFor(name)]))
  const byProfile = new Map<string, Slot>(
    [...slots.values()].flatMap((slot) => [
      [slot.profileId, slot] as const,
      ...(slot.signIn ? [[slot.signIn.profileId, slot] as const] : []),
    ]),
  )
  let problem: Message | null = null
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
        if (slot.signIn && sim.signIn) slot.signIn.profile = sim.signIn.profile
        if (slot.scenario !== 'normal') await sim.play(slot.scenario)
        deps.logger.info('sandbox simulator started', { provider: slot.provider })
        return sim
      },
      (error: unknown) => {
        // Its profile keeps pointing nowhere, so what is sent to it is refused on this computer.
        const detail = error instanceof Error ? error.message : String(error)
        problem = msg('sandboxOff.couldNotStart', { provider: slot.provider, detail })
        deps.logger.warn('sandbox simulator failed to start', { provider: slot.provider, error: detail })
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

  const secretOf = (id: string): ProviderSecret | null => {
    const slot = byProfile.get(id)
    if (!slot) return null
    return isSignIn(slot, id) ? slot.signIn!.secret : slot.secret
  }
  const credentialStatus = (id: string): CredentialStatus => {
    const secret = secretOf(id)
    // The same hint a real profile's credentials get: the last characters of the key id.
    return { profileId: id, state: secret ? 'stored' : 'missing', hint: secret ? keyIdHint(secret) : null }
  }

  return {
    // The ready-to-send profiles first (the pickers' first sandbox choice sends at once), then the
    // ones that start signed out.
    profiles: () => [
      ...[...slots.values()].map((slot) => slot.profile),
      ...[...slots.values()].flatMap((slot) => (slot.signIn ? [slot.signIn.profile] : [])),
    ],
    profile: (id) => {
      const slot = byProfile.get(id)
      return slot && isSignIn(slot, id) ? slot.signIn!.profile : slot?.profile
    },
    isSandbox: (id) => byProfile.has(id),
    secret: secretOf,
    credentialStatus,
    signsIn: (id) => {
      const slot = byProfile.get(id)
      return slot !== undefined && isSignIn(slot, id)
    },
    keepSignIn: (id, secret) => {
      const slot = byProfile.get(id)
      if (!slot || !isSignIn(slot, id)) throw new Error('only a sandbox sign-in profile keeps a sign-in')
      slot.signIn!.secret = secret ?? mainProvider(slot.provider).sandbox.signIn!.signedOutSecret()
      return credentialStatus(id)
    },
    tokens: createTokenCache({ secrets: memorySecretStore(), clock: deps.clock, logger: deps.logger.child('tokens') }),
    endpointFor: (profile) => {
      const slot = byProfile.get(profile.id)
      if (!slot) return undefined
      if (!slot.sim) return NOT_LISTENING_URL
      return isSignIn(slot, profile.id) ? (slot.sim.signIn?.endpoint ?? slot.sim.endpoint) : slot.sim.endpoint
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
