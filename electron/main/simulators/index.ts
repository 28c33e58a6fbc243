import type { ProviderName } from '@shared/schemas/providers'
import type { AiccsSimulator, AiccsSimulatorOptions } from './aiccs-simulator'
import { startAiccsSimulator } from './aiccs-simulator'
import type { ConnectSimulator, ConnectSimulatorOptions } from './connect-simulator'
import { startConnectSimulator } from './connect-simulator'
import type { EgainSimulator, EgainSimulatorOptions } from './egain-simulator'
import { startEgainSimulator } from './egain-simulator'
import type { VoiceBroadcastSimulator, VoiceBroadcastSimulatorOptions } from './voice-broadcast-simulator'
import { startVoiceBroadcastSimulator } from './voice-broadcast-simulator'
import type { WebexSimulator, WebexSimulatorOptions } from './webex-simulator'
import { startWebexSimulator } from './webex-simulator'

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

/**
 * Start any provider's loopback simulator on a random 127.0.0.1 port. Used by tests, and by the
 * built-in sandbox that lets a new user try every task kind without an account.
 */
export function startSimulator<P extends ProviderName>(
  provider: P,
  options: Simulators[P]['options'],
): Promise<Simulators[P]['simulator']> {
  return starters[provider](options)
}
