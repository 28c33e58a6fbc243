import type { ConnectAccessKeysSecret } from '../../shared/providers/connect/secret'
import type { ProfileOf, ProviderName, SecretOf } from '../../shared/providers/registry'
import { mainProviders } from '../../electron/main/providers/registry'
import type { AiccsSimulator, AiccsSimulatorOptions } from '../../electron/main/providers/aiccs/aiccs-simulator'
import { startAiccsSimulator } from '../../electron/main/providers/aiccs/aiccs-simulator'
import { aiccsSandboxProfile } from '../../electron/main/providers/aiccs/aiccs-sandbox'
import type { ConnectSimulator, ConnectSimulatorOptions } from '../../electron/main/providers/connect/connect-simulator'
import { startConnectSimulator } from '../../electron/main/providers/connect/connect-simulator'
import { CONNECT_SANDBOX_INSTANCE, connectSandboxProfile } from '../../electron/main/providers/connect/connect-sandbox'
import type { EgainSimulator, EgainSimulatorOptions } from '../../electron/main/providers/egain/egain-simulator'
import { startEgainSimulator } from '../../electron/main/providers/egain/egain-simulator'
import { EGAIN_SANDBOX_CLIENT_ID, egainSandboxProfile } from '../../electron/main/providers/egain/egain-sandbox'
import type {
  VoiceBroadcastSimulator,
  VoiceBroadcastSimulatorOptions,
} from '../../electron/main/providers/voice-broadcast/voice-broadcast-simulator'
import { startVoiceBroadcastSimulator } from '../../electron/main/providers/voice-broadcast/voice-broadcast-simulator'
import { voiceBroadcastSandboxProfile } from '../../electron/main/providers/voice-broadcast/voice-broadcast-sandbox'
import type { WebexSimulator, WebexSimulatorOptions } from '../../electron/main/providers/webex/webex-simulator'
import { startWebexSimulator } from '../../electron/main/providers/webex/webex-simulator'
import { webexSandboxProfile } from '../../electron/main/providers/webex/webex-sandbox'

// Test support: every provider's simulator by its name in the contract, and the sandbox's profiles
// and credentials for simulators a test starts itself (with its own options).

/** Each provider's simulator options and handle, by the provider names the contract uses. */
export interface Simulators {
  webex: { options: WebexSimulatorOptions; simulator: WebexSimulator }
  egain: { options: EgainSimulatorOptions; simulator: EgainSimulator }
  connect: { options: ConnectSimulatorOptions; simulator: ConnectSimulator }
  aiccs: { options: AiccsSimulatorOptions; simulator: AiccsSimulator }
  voice_broadcast: { options: VoiceBroadcastSimulatorOptions; simulator: VoiceBroadcastSimulator }
}

const starters: { [P in ProviderName]: (options: Simulators[P]['options']) => Promise<Simulators[P]['simulator']> } = {
  webex: startWebexSimulator,
  egain: startEgainSimulator,
  connect: startConnectSimulator,
  aiccs: startAiccsSimulator,
  voice_broadcast: startVoiceBroadcastSimulator,
}

/** Start any provider's loopback simulator on a random 127.0.0.1 port. */
export function startSimulator<P extends ProviderName>(
  provider: P,
  options: Simulators[P]['options'],
): Promise<Simulators[P]['simulator']> {
  return starters[provider](options)
}

/** The sandbox profile ids, by provider (each provider's sandbox kit states its own). */
export const SANDBOX_PROFILE_IDS: Readonly<Record<ProviderName, string>> = {
  webex: mainProviders.webex.sandbox.profileId,
  egain: mainProviders.egain.sandbox.profileId,
  connect: mainProviders.connect.sandbox.profileId,
  aiccs: mainProviders.aiccs.sandbox.profileId,
  voice_broadcast: mainProviders.voice_broadcast.sandbox.profileId,
}

/** The sandbox's sign-in profiles (start signed out), by provider: those with a user sign-in. */
export const SANDBOX_SIGN_IN_PROFILE_IDS: Readonly<Partial<Record<ProviderName, string>>> = Object.fromEntries(
  Object.values(mainProviders).flatMap((module) =>
    module.sandbox.signIn ? [[module.name, module.sandbox.signIn.profileId]] : [],
  ),
)

export const SANDBOX_CONNECT_INSTANCE = CONNECT_SANDBOX_INSTANCE
export const sandboxEgainClientId = EGAIN_SANDBOX_CLIENT_ID

/** Where each simulator listens, as the profiles need it. */
export interface SandboxEndpoints {
  webex: { url: string; identityUrl: string; orgId: string }
  egain: { url: string; tokenUrl: string }
  /** Connect is reached through the SDK's endpoint override, not through the profile. */
  aiccs: { host: string }
  voice_broadcast: { url: string }
}

/** Credentials that exist only in memory, for one run. */
export type SandboxSecrets = { [P in Exclude<ProviderName, 'webex' | 'connect'>]: SecretOf<P> } & {
  /** OAuth, so the sandbox plays the refresh-then-retry path of a real Webex profile. */
  webex: Extract<SecretOf<'webex'>, { kind: 'oauth' }>
  /** The simulator knows one access key. */
  connect: ConnectAccessKeysSecret
}

/** The sandbox's profiles, pointing at simulators at `at`. */
export function sandboxProfiles(at: SandboxEndpoints, secrets: SandboxSecrets): { [P in ProviderName]: ProfileOf<P> } {
  return {
    webex: webexSandboxProfile(at.webex, secrets.webex),
    egain: egainSandboxProfile(at.egain),
    connect: connectSandboxProfile(),
    aiccs: aiccsSandboxProfile(at.aiccs),
    voice_broadcast: voiceBroadcastSandboxProfile(at.voice_broadcast),
  }
}
