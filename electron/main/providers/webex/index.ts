import { webexChoices } from './webex-choices'
import { msg } from '@shared/i18n/message'
import { WEBEX_SCHEDULED_CALLBACK_LIMITS } from '@shared/providers/webex/wire'
import { transportFor } from '../http/observing-transport'
import { webexSandbox } from './webex-sandbox'
import { defineProvider, scheduledCallback } from '../provider-module'
import { webexProbe } from './connection-probe'
import { createWebexClient } from './webex-client'
import { webexSignIn } from './webex-sign-in'

const MINUTE = 60_000

/** Webex Contact Center, as main knows it (its shared half: shared/providers/webex). */
export const webex = defineProvider({
  name: 'webex',
  // No idempotency key: an attempt whose answer was lost waits for the agent.
  resendIsSafe: false,
  resendWindow: null,
  /** 300 requests a minute per client. */
  laneLimits: { rate: { kind: 'window', max: 300, windowMs: 60_000 }, concurrency: 4 },
  scope: (intent) => ({ kind: 'number', key: intent.destination }),
  pinnedTime: (intent) =>
    intent.kind === 'callback' && intent.when.kind === 'at'
      ? {
          atMs: Date.parse(intent.when.at),
          leadMs: WEBEX_SCHEDULED_CALLBACK_LIMITS.minMinutesBeforeStart * MINUTE,
          reason: msg('deadline.webexScheduled', { minutes: WEBEX_SCHEDULED_CALLBACK_LIMITS.minMinutesBeforeStart }),
        }
      : null,
  scheduled: scheduledCallback,
  probe: webexProbe,
  choices: webexChoices,
  createClient(env) {
    const client = createWebexClient({
      transport: transportFor(env.onServerDate, env.transport),
      ...(env.timeoutMs !== undefined && { timeoutMs: env.timeoutMs }),
    })
    return {
      send: (context, payload) =>
        payload.kind === 'task'
          ? client.send(context, payload.body)
          : client.scheduleCallback(context, payload.body, payload.orgId),
    }
  },
  sandbox: webexSandbox,
  signIn: webexSignIn,
})
