import { transportFor } from '../http/observing-transport'
import { voiceBroadcastSandbox } from './voice-broadcast-sandbox'
import { defineProvider } from '../provider-module'
import { voiceBroadcastProbe } from './connection-probe'
import { createVoiceBroadcastClient } from './voice-broadcast-client'

/** The voice-broadcast platform, as main knows it (its shared half: shared/providers/voice-broadcast). */
export const voiceBroadcast = defineProvider({
  name: 'voice_broadcast',
  // Task names are unique per account and derived from the task's key: a resend meets -20.
  resendIsSafe: true,
  resendWindow: null,
  /** [I] The voice platform publishes no figure. */
  laneLimits: { rate: { kind: 'bucket', perSecond: 5, burst: 5 }, concurrency: 2 },
  scope: () => null,
  pinnedTime: () => null,
  scheduled: () => null,
  probe: voiceBroadcastProbe,
  // Nothing in a profile is an id its API lists.
  choices: null,
  createClient(env) {
    const client = createVoiceBroadcastClient({
      transport: transportFor(env.onServerDate, env.transport),
      ...(env.timeoutMs !== undefined && { timeoutMs: env.timeoutMs }),
    })
    return { send: (context, payload) => client.send(context, payload) }
  },
  sandbox: voiceBroadcastSandbox,
  signIn: null,
})
