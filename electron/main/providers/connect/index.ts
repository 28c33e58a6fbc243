import { connectChoices } from './connect-choices'
import { msg } from '@shared/i18n/message'
import { connectSandbox } from './connect-sandbox'
import { defineProvider, scheduledCallback } from '../provider-module'
import { connectProbe } from './connection-probe'
import { createConnectClient } from './connect-client'
import { connectSignInCapability } from './connect-sign-in'

/** Amazon Connect, as main knows it (its shared half: shared/providers/connect). */
export const connect = defineProvider({
  name: 'connect',
  // Every request carries ClientToken = the task's key: Connect answers a repeat with the task it made.
  resendIsSafe: true,
  /** [I] How long Connect honours a ClientToken is not documented: kept short so a resend is never a duplicate. */
  resendWindow: { ms: 24 * 3_600_000, reason: msg('deadline.connectResend') },
  /** StartTaskContact: 2 a second, burst 5, per account and region. */
  laneLimits: { rate: { kind: 'bucket', perSecond: 2, burst: 5 }, concurrency: 2 },
  scope: (intent) =>
    intent.kind === 'callback'
      ? { kind: 'number', key: intent.destination }
      : { kind: 'contact', key: intent.previousContactId ?? intent.name },
  pinnedTime: (intent) => {
    const at =
      intent.kind === 'callback' ? (intent.when.kind === 'at' ? intent.when.at : undefined) : intent.scheduledTime
    return at === undefined ? null : { atMs: Date.parse(at), leadMs: 0, reason: msg('deadline.connectScheduled') }
  },
  // A callback for later, or a follow-up with a ScheduledTime. The follow-up's time is typed in the
  // agent's zone and names no customer's, so its row shows it in this computer's zone.
  scheduled: (intent) =>
    intent.kind === 'callback'
      ? scheduledCallback(intent)
      : intent.scheduledTime === undefined
        ? null
        : { at: intent.scheduledTime },
  probe: connectProbe,
  choices: connectChoices,
  createClient(env) {
    const { onServerDate } = env
    const client = createConnectClient({
      ...(env.timeoutMs !== undefined && { timeoutMs: env.timeoutMs }),
      ...(onServerDate && { onServerDate: (_profile, date, sent, received) => onServerDate(date, sent, received) }),
    })
    return { send: (context, payload) => client.send(context, payload) }
  },
  sandbox: connectSandbox,
  signIn: connectSignInCapability,
})
