import type { ProviderName } from '@shared/schemas/providers'
import type { AiccsSimulator, AiccsSimulatorOptions } from '../providers/aiccs/aiccs-simulator'
import { startAiccsSimulator } from '../providers/aiccs/aiccs-simulator'
import type { ConnectSimulator, ConnectSimulatorOptions } from '../providers/connect/connect-simulator'
import { startConnectSimulator } from '../providers/connect/connect-simulator'
import type { EgainSimulator, EgainSimulatorOptions } from '../providers/egain/egain-simulator'
import { startEgainSimulator } from '../providers/egain/egain-simulator'
import type { VoiceBroadcastSimulator, VoiceBroadcastSimulatorOptions } from '../providers/voice-broadcast/voice-broadcast-simulator'
import { startVoiceBroadcastSimulator } from '../providers/voice-broadcast/voice-broadcast-simulator'
import type { WebexSimulator, WebexSimulatorOptions } from '../providers/webex/webex-simulator'
import { startWebexSimulator } from '../providers/webex/webex-simulator'

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
