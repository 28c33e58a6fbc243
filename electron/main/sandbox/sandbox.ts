import { randomBytes } from 'node:crypto'
import type { CredentialStatus, ProviderSecret } from '@shared/schemas/credentials'
import type { Profile } from '@shared/schemas/profiles'
import type { ProviderName } from '@shared/schemas/providers'
import type { SandboxScenario, SandboxState } from '@shared/schemas/sandbox'
import { memorySecretStore } from '../secrets/memory-secret-store'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'
import type { TokenCache } from '../secrets/token-cache'
import { createTokenCache } from '../secrets/token-cache'
import { startSimulator } from './simulators'
import type { SandboxSecrets } from './sandbox-profiles'
import {
  isSandboxProfileId,
  SANDBOX_CONNECT_INSTANCE,
  SANDBOX_PROFILE_IDS,
  sandboxEgainClientId,
  sandboxHint,
  sandboxProfiles,
} from './sandbox-profiles'
import type { HttpFault } from '../providers/simulator-kit/faults'
import type { SandboxFault } from './sandbox-scenarios'
import { faultFor, SANDBOX_CLOCK_AHEAD_MS } from './sandbox-scenarios'

/**
 * The built-in sandbox: the five provider simulators running inside main on loopback ports, one
 * profile for each, and credentials that exist only in memory for this run. Nothing here reaches a
 * real provider, and nothing is written to the OS keychain (tokens are cached in memory too).
 */
export interface Sandbox {
  profiles(): Profile[]
  profile(id: string): Profile | undefined
  isSandbox(id: string): boolean
  secret(id: string): ProviderSecret | null
  credentialStatus(id: string): CredentialStatus
  /** Access tokens for the sandbox's OAuth profiles, kept in memory. */
  tokens: TokenCache
  /** The Connect simulator for the sandbox profile; undefined for every real profile. */
  connectEndpoint(profile: Profile): string | undefined
  state(): SandboxState
  /** What a provider's simulator accepted, as received: how tests check what reached the provider. */
  ledger(provider: ProviderName): readonly unknown[]
  simulate(provider: ProviderName, scenario: SandboxScenario): Promise<SandboxState>
  close(): Promise<void>
}

/** What the sandbox needs from each simulator, whatever its provider-specific API. */
interface SimulatorHandle {
  setFault(fault: SandboxFault | null): Promise<void>
  setClockOffset(ms: number): void
  created(): number
  /** What the simulator accepted, as it received it. */
  ledger(): readonly unknown[]
  close(): Promise<void>
}

/** Business-code faults belong to the voice platform alone; `faultFor` never gives one to another provider. */
function httpOnly(fault: SandboxFault | null): HttpFault | null {
  if (fault?.kind === 'code') throw new Error('A business-code fault is only for the voice-broadcast simulator.')
  return fault
}

const token = (prefix: string) => `${prefix}${randomBytes(12).toString('hex')}`

function newSecrets(): SandboxSecrets {
  return {
    webex: {
      provider: 'webex',
      kind: 'oauth',
      clientId: token('sandbox-webex-client-'),
      clientSecret: token('sbx-'),
      refreshToken: token('sbx-rt-'),
    },
    egain: { provider: 'egain', clientSecret: token('sbx-'), password: '' },
    connect: {
      provider: 'connect',
      accessKeyId: `AKIASANDBOX${randomBytes(5).toString('hex').toUpperCase()}`,
      secretAccessKey: token('sbx-'),
      sessionToken: '',
    },
    aiccs: {
      provider: 'aiccs',
      accessKeyId: `LTAIsandbox${randomBytes(6).toString('hex')}`,
      accessKeySecret: token('sbx-'),
    },
    voice_broadcast: { provider: 'voice_broadcast', apiKey: token('sbx-key-'), apiSecret: token('sbx-') },
  }
}

export async function startSandbox(deps: { clock: Clock; logger: Logger }): Promise<Sandbox> {
  const secrets = newSecrets()
  const started: { close(): Promise<void> }[] = []
  const track = <T extends { close(): Promise<void> }>(simulator: T): T => (started.push(simulator), simulator)
  let handles: Record<ProviderName, SimulatorHandle>
  let endpoints: { connect: string; profiles: ReturnType<typeof sandboxProfiles> }
  try {
    const webex = track(await startSimulator('webex', { ...secrets.webex }))
    const egain = track(
      await startSimulator('egain', { clientId: sandboxEgainClientId, clientSecret: secrets.egain.clientSecret }),
    )
    const connect = track(
      await startSimulator('connect', {
        accessKeyId: secrets.connect.accessKeyId,
        secretAccessKey: secrets.connect.secretAccessKey,
        region: 'us-east-1',
        instances: [{ id: SANDBOX_CONNECT_INSTANCE, alias: 'callboard-sandbox' }],
      }),
    )
    const aiccs = track(await startSimulator('aiccs', { ...secrets.aiccs }))
    const voice = track(await startSimulator('voice_broadcast', { ...secrets.voice_broadcast }))
    handles = {
      webex: {
        setFault: (f) => webex.setFault(httpOnly(f)),
        setClockOffset: (ms) => webex.setClockOffset(ms),
        created: () => webex.tasks.length + webex.callbacks.length,
        ledger: () => [...webex.tasks, ...webex.callbacks],
        close: webex.close,
      },
      egain: {
        setFault: (f) => egain.setFault(httpOnly(f)),
        setClockOffset: (ms) => egain.setClockOffset(ms),
        created: () => egain.activities.length,
        ledger: () => egain.activities,
        close: egain.close,
      },
      connect: {
        setFault: (f) => connect.setFault(httpOnly(f)),
        setClockOffset: (ms) => connect.setClockOffset(ms),
        created: () => connect.tasks.length,
        ledger: () => connect.tasks,
        close: connect.close,
      },
      aiccs: {
        setFault: (f) => aiccs.setFault(httpOnly(f)),
        setClockOffset: (ms) => aiccs.setClockOffset(ms),
        created: () => aiccs.tasks.length,
        ledger: () => aiccs.tasks,
        close: aiccs.close,
      },
      voice_broadcast: {
        setFault: (f) => voice.setFault(f),
        setClockOffset: (ms) => voice.setClockOffset(ms),
        created: () => voice.tasks.length,
        ledger: () => voice.tasks,
        close: voice.close,
      },
    }
    endpoints = {
      connect: connect.url,
      profiles: sandboxProfiles(
        {
          webex: { url: webex.url, orgId: webex.orgId },
          egain: { url: egain.url, tokenUrl: egain.tokenUrl },
          aiccs: { host: aiccs.host },
          voice_broadcast: { url: voice.url },
        },
        secrets,
      ),
    }
  } catch (error) {
    await Promise.allSettled(started.map((s) => s.close()))
    throw error
  }

  const profiles = endpoints.profiles
  const scenarios = new Map<ProviderName, SandboxScenario>()
  const byId = new Map<string, Profile>(Object.values(profiles).map((p) => [p.id, p]))
  const providers = Object.keys(SANDBOX_PROFILE_IDS) as ProviderName[]
  const state = (): SandboxState => ({
    running: true,
    problem: null,
    providers: providers.map((provider) => ({
      provider,
      profileId: SANDBOX_PROFILE_IDS[provider],
      scenario: scenarios.get(provider) ?? 'normal',
      created: handles[provider].created(),
    })),
  })
  deps.logger.info('sandbox started', { providers })

  return {
    profiles: () => [...byId.values()],
    profile: (id) => byId.get(id),
    isSandbox: isSandboxProfileId,
    secret: (id) => {
      const profile = byId.get(id)
      return profile ? secrets[profile.provider] : null
    },
    credentialStatus: (id) => {
      const profile = byId.get(id)
      return {
        profileId: id,
        state: profile ? 'stored' : 'missing',
        hint: profile ? sandboxHint(secrets[profile.provider]) : null,
      }
    },
    tokens: createTokenCache({ secrets: memorySecretStore(), clock: deps.clock, logger: deps.logger.child('tokens') }),
    connectEndpoint: (profile) => (profile.id === SANDBOX_PROFILE_IDS.connect ? endpoints.connect : undefined),
    state,
    ledger: (provider) => handles[provider].ledger(),
    async simulate(provider, scenario) {
      await handles[provider].setFault(faultFor(provider, scenario))
      handles[provider].setClockOffset(scenario === 'clock_ahead' ? SANDBOX_CLOCK_AHEAD_MS : 0)
      scenarios.set(provider, scenario)
      deps.logger.info('sandbox scenario', { provider, scenario })
      return state()
    },
    async close() {
      await Promise.allSettled(providers.map((p) => handles[p].close()))
    },
  }
}

/** What the app shows when the sandbox could not start. */
export function sandboxUnavailable(problem: string): SandboxState {
  return { running: false, problem, providers: [] }
}
