import type { ProbeRegistry } from './connection-tester'
import { createAiccsProbe } from './aiccs/connection-probe'
import type { ConnectProbeOptions } from './connect/connection-probe'
import { createConnectProbe } from './connect/connection-probe'
import { egainProbe } from './egain/connection-probe'
import { voiceBroadcastProbe } from './voice-broadcast/connection-probe'
import { webexProbe } from './webex/connection-probe'

/** The "Test connection" probe of every provider, against the real services unless told otherwise. */
export function defaultProbes(options: { connect?: ConnectProbeOptions } = {}): ProbeRegistry {
  return {
    webex: webexProbe,
    egain: egainProbe,
    connect: createConnectProbe(options.connect),
    aiccs: createAiccsProbe(),
    voice_broadcast: voiceBroadcastProbe,
  }
}
