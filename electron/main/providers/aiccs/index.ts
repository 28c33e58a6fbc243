import { aiccsSandbox } from './aiccs-sandbox'
import { msg } from '@shared/i18n/message'
import { defineProvider } from '../provider-module'
import { aiccsProbe } from './connection-probe'
import { createAiccsClient } from './aiccs-client'

/** Alibaba Cloud AICCS, as main knows it (its shared half: shared/providers/aiccs). */
export const aiccs = defineProvider({
  name: 'aiccs',
  // Task names are unique per account and derived from the task's key: a resend meets the name taken.
  resendIsSafe: true,
  resendWindow: null,
  /** [I] AICCS publishes no figure; its siblings allow 20 a second. */
  laneLimits: { rate: { kind: 'bucket', perSecond: 10, burst: 10 }, concurrency: 2 },
  scope: () => null,
  pinnedTime: (intent) =>
    intent.start.kind === 'at'
      ? {
          atMs: Date.parse(intent.start.at),
          leadMs: 0,
          reason: msg('deadline.aiccsStart'),
        }
      : null,
  scheduled: (intent) => (intent.start.kind === 'at' ? { at: intent.start.at } : null),
  probe: aiccsProbe,
  // Nothing in a profile is an id its API lists.
  choices: null,
  createClient(env) {
    const client = createAiccsClient({
      ...(env.timeoutMs !== undefined && { timeoutMs: env.timeoutMs }),
      ...(env.onServerDate && { onServerDate: env.onServerDate }),
    })
    return { send: (context, payload) => client.send(context, payload) }
  },
  sandbox: aiccsSandbox,
  signIn: null,
})
