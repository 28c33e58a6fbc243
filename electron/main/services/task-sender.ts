import type { TaskIntent } from '@shared/schemas/intents'
import type { OutboxEntry } from '@shared/schemas/outbox'
import type { Profile } from '@shared/schemas/profiles'
import type { ProviderName } from '@shared/schemas/providers'
import type { SendOutcome } from '@shared/schemas/send-outcome'
import type { WireRequest } from '@shared/intent-to-wire'
import { toWireRequest } from '@shared/intent-to-wire'
import type { AiccsClient } from '../providers/aiccs/aiccs-client'
import type { ConnectClient } from '../providers/connect/connect-client'
import type { ProbeContext, ProfileFor, SecretFor } from '../providers/connection-probe'
import type { EgainClient } from '../providers/egain/egain-client'
import type { VoiceBroadcastClient } from '../providers/voice-broadcast/voice-broadcast-client'
import type { WebexClient } from '../providers/webex/webex-client'
import { providerClock } from '../outbox/clock-skew'
import { keychainOutcome } from '../secrets/keychain-outcome'
import { KeychainError } from '../secrets/secret-store'
import { AppError } from './app-error'
import type { Clock } from './clock'
import type { CredentialsService } from './credentials-service'
import type { Logger } from './logger'
import type { TokenCache } from './token-cache'

/** One client per provider; the sandbox gets its own set (shorter time limits, its simulators). */
export interface ProviderClients {
  webex: WebexClient
  egain: EgainClient
  connect: ConnectClient
  aiccs: AiccsClient
  voice_broadcast: VoiceBroadcastClient
}

export interface TaskSenderDeps {
  findProfile: (id: string) => Profile | undefined
  credentials: Pick<CredentialsService, 'status' | 'read'>
  tokensFor: (profileId: string) => TokenCache
  clientsFor: (profile: Profile) => ProviderClients
  clock: Clock
  fetch: typeof fetch
  logger: Logger
  /** The provider's clock minus ours, per profile: the request is built and checked on its clock (Q8). */
  providerOffsetMs?: (profileId: string) => number
}

export interface SendTask {
  /** The outbox entry's id: what the log names the task by (never its number or text). */
  taskId: string
  intent: TaskIntent
  /** The same on every attempt of one task: how keyed providers recognise a resend. */
  idempotencyKey: string
  /**
   * The task's deadline. The queue checks it before an attempt; the journal write and the keychain
   * come between that check and the request, and a starved machine can stretch them past it, so
   * it is checked again right before the request leaves.
   */
  notAfter?: string
  signal?: AbortSignal
}

/** The attempt the queue makes for an entry: every field the sender needs, the deadline included. */
export const attemptOf = (entry: OutboxEntry): SendTask => ({
  taskId: entry.id,
  intent: entry.intent,
  idempotencyKey: entry.idempotencyKey,
  notAfter: entry.notAfter,
})

const rejected = (message: string): SendOutcome => ({
  kind: 'rejected',
  message,
  providerMessage: null,
  httpStatus: null,
})

/**
 * One attempt to hand a task to its provider: the profile and its secret are looked up at send
 * time (a task waiting in the queue holds neither), the intent becomes the wire request, and the
 * provider's client sends it and classifies the answer. Never throws for a provider or network
 * problem: every path ends in exactly one outcome.
 */
export function createTaskSender(deps: TaskSenderDeps) {
  return async function sendTask({ taskId, intent, idempotencyKey, notAfter, signal }: SendTask): Promise<SendOutcome> {
    const profile = deps.findProfile(intent.profileId)
    // Gone between the queue's own check and this send: nothing was sent, and the queue holds the
    // task on its next look until the profile is back (a missing profile never refuses a task).
    if (!profile) {
      return {
        kind: 'retry',
        delayMs: null,
        reason: 'Its profile cannot be found; it waits for it.',
        httpStatus: null,
      }
    }
    const clock = providerClock(deps.clock, deps.providerOffsetMs?.(profile.id) ?? 0)
    const wire = toWireRequest(intent, profile, clock.now())
    if ('error' in wire) {
      const where = wire.error.path.length ? ` (${wire.error.path.join('.')})` : ''
      return rejected(`The task was not sent${where}: ${wire.error.message}`)
    }

    // A keychain problem is this computer's, not the provider's: its own outcome, so the queue
    // waits for the keychain instead of marking the provider offline.
    const credentialsFor = `the credentials for ${profile.label}`
    const status = await deps.credentials.status(profile.id)
    if (status.state === 'keychain_locked' || status.state === 'keychain_unavailable') {
      return keychainOutcome(status.state === 'keychain_locked' ? 'locked' : 'unavailable', credentialsFor)
    }
    let secret = null
    try {
      secret = status.state === 'stored' ? await deps.credentials.read(profile.id) : null
    } catch (error) {
      // The keychain was locked between the status check and the read.
      if (error instanceof AppError && (error.code === 'keychain_locked' || error.code === 'keychain_unavailable')) {
        return keychainOutcome(error.code === 'keychain_locked' ? 'locked' : 'unavailable', credentialsFor)
      }
      throw error
    }
    if (!secret || secret.provider !== profile.provider) {
      return {
        kind: 'needs_auth',
        message: `No credentials are stored for ${profile.label}. Add them in Profiles, then send the task again.`,
        providerMessage: null,
      }
    }

    const clients = deps.clientsFor(profile)
    // toWireRequest refused a profile of another provider, and the secret's provider was checked
    // above, so the narrowing below only restates what is already known.
    const context = <P extends ProviderName>(): ProbeContext<P> & { idempotencyKey: string } => ({
      profile: profile as ProfileFor<P>,
      secret: secret as SecretFor<P>,
      tokens: deps.tokensFor(profile.id),
      clock,
      fetch: deps.fetch,
      signal: signal ?? new AbortController().signal,
      idempotencyKey,
    })

    /** The one request for this task, by its provider's client. */
    function sendWire(request: WireRequest): Promise<SendOutcome> {
      switch (request.provider) {
        case 'webex':
          return clients.webex.send(context<'webex'>(), request.request)
        case 'webex_scheduled':
          return clients.webex.scheduleCallback(context<'webex'>(), request.request.body)
        case 'egain':
          return clients.egain.send(context<'egain'>(), request.request)
        case 'connect':
          return clients.connect.send(context<'connect'>(), request.input)
        case 'aiccs':
          return clients.aiccs.send(context<'aiccs'>(), request.params)
        case 'voice_broadcast':
          return clients.voice_broadcast.send(context<'voice_broadcast'>(), request.request)
      }
    }

    // By the provider's clock, as the queue's own check.
    if (notAfter !== undefined && clock.now().getTime() >= Date.parse(notAfter)) {
      deps.logger.warn('deadline passed before the request left', { taskId, notAfter })
      return {
        kind: 'deadline_passed',
        message: 'Its deadline passed while the request was being prepared, so it was not sent.',
      }
    }
    const started = deps.clock.monotonicMs()
    let outcome: SendOutcome
    try {
      outcome = await sendWire(wire)
    } catch (error) {
      // Clients turn every provider answer into an outcome; what can escape them is the token
      // cache's keychain (dropping a refused token after a 401: the provider created nothing).
      if (!(error instanceof KeychainError)) throw error
      outcome = keychainOutcome(error.state, `the access token for ${profile.label}`)
    }
    deps.logger.info('task sent', {
      taskId,
      profileId: profile.id,
      provider: profile.provider,
      kind: intent.kind,
      outcome: outcome.kind,
      httpStatus: 'httpStatus' in outcome ? outcome.httpStatus : null,
      ms: Math.round(deps.clock.monotonicMs() - started),
    })
    return outcome
  }
}

export type TaskSender = ReturnType<typeof createTaskSender>
