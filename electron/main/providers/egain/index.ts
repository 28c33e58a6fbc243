import { transportFor } from '../http/observing-transport'
import { msg } from '@shared/i18n/message'
import { egainSandbox } from './egain-sandbox'
import { defineProvider } from '../provider-module'
import { egainProbe } from './connection-probe'
import { egainSignIn } from './egain-sign-in'
import { createEgainClient } from './egain-client'

/** eGain, as main knows it (its shared half: shared/providers/egain). */
export const egain = defineProvider({
  name: 'egain',
  // No idempotency key: an attempt whose answer was lost waits for the agent.
  resendIsSafe: false,
  resendWindow: null,
  /** One request at a time per user. */
  laneLimits: { rate: null, concurrency: 1 },
  scope: (intent) => ({ kind: 'customer', key: `${intent.lookup.attribute}=${intent.lookup.value}` }),
  pinnedTime: (intent) =>
    intent.dueDate === undefined
      ? null
      : {
          atMs: Date.parse(intent.dueDate),
          leadMs: 0,
          reason: msg('deadline.egainDue'),
        },
  scheduled: () => null,
  probe: egainProbe,
  // Its documented API lists no departments or other ids a profile holds.
  choices: null,
  createClient(env) {
    const client = createEgainClient({
      transport: transportFor(env.onServerDate, env.transport),
      ...(env.timeoutMs !== undefined && { timeoutMs: env.timeoutMs }),
    })
    return { send: (context, payload) => client.send(context, payload) }
  },
  sandbox: egainSandbox,
  signIn: egainSignIn,
})
